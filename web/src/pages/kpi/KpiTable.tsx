import { type KpiRow, percent } from "../monitoring/types";
import { TableWrap } from "../../components/TableWrap";

const statusText = { achieved: "достигнут", behind: "ниже цели", unknown: "нет данных" } as const;

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
                  <div className="hint">
                    {row.actual.numerator} из {row.actual.denominator}
                  </div>
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
