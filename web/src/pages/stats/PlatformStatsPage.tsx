import { Link } from "react-router";
import { api, unwrap } from "../../api/client";
import { Async, EmptyState } from "../../components/Status";
import { countOf, nouns } from "../../lib/plural";
import { useResource } from "../../lib/useResource";
import { type RegionCounts, num } from "./types";
import "./stats.css";
import { TableWrap } from "../../components/TableWrap";

/** The columns after the region's name, in order: what each counts and its header. */
const columns = [
  { key: "institutions", label: "Организаций" },
  { key: "participants", label: "Участников в базах" },
  { key: "mentors", label: "Наставников" },
  { key: "mentees", label: "Наставляемых" },
  { key: "pairsActive", label: "Активных пар и групп" },
  { key: "pairsCompleted", label: "Завершённых пар и групп" },
] as const satisfies readonly { key: keyof RegionCounts; label: string }[];

type Column = (typeof columns)[number]["key"];

const totalOf = (regions: readonly RegionCounts[]) =>
  Object.fromEntries(columns.map(({ key }) => [key, regions.reduce((sum, region) => sum + region[key], 0)])) as Record<Column, number>;

/** The platform admin's summary: institutions, participants and pairs of every region, with the platform's totals. */
export default function PlatformStatsPage() {
  const counts = useResource(() => unwrap(api.stats.platform.$get()), []);
  return (
    <>
      <h1>Сводка по регионам</h1>
      <Async resource={counts}>
        {({ regions }) =>
          regions.length === 0 ? (
            <EmptyState title="Регионов пока нет">
              <p>
                Создайте региональный наставнический центр в разделе <Link to="/regions">«Регионы»</Link>.
              </p>
            </EmptyState>
          ) : (
            <RegionsTable regions={regions} />
          )
        }
      </Async>
    </>
  );
}

function RegionsTable({ regions }: { regions: readonly RegionCounts[] }) {
  const total = totalOf(regions);
  return (
    <>
      <p className="summary">
        {countOf(regions.length, nouns.region)}, {countOf(total.institutions, nouns.institution)},{" "}
        {countOf(total.participants, nouns.participant)} в базах. Числа текущие; архивные организации не учитываются.
      </p>
      <TableWrap>
        <table className="stats-counts">
          <caption>Организации, участники и пары по регионам</caption>
          <thead>
            <tr>
              <th scope="col">Регион</th>
              {columns.map(({ key, label }) => (
                <th key={key} scope="col" className="num">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {regions.map((region) => (
              <tr key={region.regionId} data-region={region.regionId}>
                <th scope="row">{region.name}</th>
                {columns.map(({ key }) => (
                  <td key={key} className="num" data-count={key}>
                    {num(region[key])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-region="total">
              <th scope="row">Итого</th>
              {columns.map(({ key }) => (
                <td key={key} className="num" data-count={key}>
                  {num(total[key])}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </TableWrap>
    </>
  );
}
