import { countOf } from "../../lib/plural";
import { type KpiRow, monitoringNouns, percent } from "../monitoring/types";
import { num } from "../stats/types";
import { TableWrap } from "../../components/TableWrap";

const statusText = { achieved: "достигнут", behind: "ниже цели", unknown: "нет данных" } as const;

/** Satisfaction is a sum of 1–10 scores against the most they could sum to (10 per answer), not a count of people. */
const scored = new Set<string>(["mentee_satisfaction", "mentor_satisfaction"]);

/** What the percent is made of: «17 из 20» people, or for satisfaction the scores and the number of answers. */
export function actualDetail(row: KpiRow): string {
  const { numerator, denominator } = row.actual;
  if (scored.has(row.code)) {
    return `сумма оценок ${num(numerator)} из ${num(denominator)} возможных (${countOf(denominator / 10, monitoringNouns.answer)})`;
  }
  return `${num(numerator)} из ${num(denominator)}`;
}

/** Actual against target, one row per indicator. */
export function KpiTable({ rows, caption }: { rows: KpiRow[]; caption: string }) {
  return (
    <TableWrap>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Показатель</th>
            <th scope="col">Цель</th>
            <th scope="col">Факт</th>
            <th scope="col">Итог</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.code}>
              <th scope="row">{row.label}</th>
              <td>{percent(row.target)}</td>
              <td>
                {percent(row.actual.value)}
                {row.actual.value !== null ? (
                  <div className="hint">{actualDetail(row)}</div>
                ) : (
                  row.actual.missing && <div className="hint">{row.actual.missing}</div>
                )}
              </td>
              <td className={row.status === "achieved" ? "kpi-achieved" : row.status === "behind" ? "kpi-behind" : undefined}>
                {statusText[row.status]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
