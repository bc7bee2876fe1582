import { api, unwrap } from "../../api/client";
import { Async, EmptyState } from "../../components/Status";
import { formatDate } from "../../lib/format";
import { countOf, nouns } from "../../lib/plural";
import { useResource } from "../../lib/useResource";
import { roadmapStatusLabels } from "@rnc/core/labels";
import { percent } from "../monitoring/types";
import { num } from "../stats/types";
import { roadmapNouns, titleWithPeriod } from "./types";
import "./roadmaps.css";
import { TableWrap } from "../../components/TableWrap";

/** The region's read-only view: every institution's roadmap progress and the overdue items by institution. */
export default function RegionRoadmapsPage() {
  const progress = useResource(() => unwrap(api.roadmaps.region.progress.$get()), []);
  const overdue = useResource(() => unwrap(api.roadmaps.region.overdue.$get()), []);
  return (
    <>
      <h1>Дорожные карты организаций</h1>
      <h2>Прогресс</h2>
      <Async resource={progress}>
        {(data) =>
          data.institutions.length === 0 ? (
            <EmptyState title="Организации региона ещё не завели дорожные карты" />
          ) : (
            <TableWrap>
              <table>
                <caption className="visually-hidden">Прогресс дорожных карт на {formatDate(data.today)}</caption>
                <thead>
                  <tr>
                    <th scope="col">Организация</th>
                    <th scope="col">Дорожная карта</th>
                    <th scope="col">Статус</th>
                    <th scope="col">Мероприятий</th>
                    <th scope="col">Выполнено</th>
                    <th scope="col">В срок</th>
                    <th scope="col">Просрочено</th>
                    <th scope="col">Срок в этом месяце</th>
                  </tr>
                </thead>
                <tbody>
                  {data.institutions.flatMap((institution) =>
                    institution.roadmaps.map((roadmap, i) => (
                      <tr key={roadmap.roadmapId}>
                        {i === 0 ? (
                          <th scope="rowgroup" rowSpan={institution.roadmaps.length}>
                            {institution.institution}
                          </th>
                        ) : null}
                        <td>{titleWithPeriod(roadmap.title, roadmap.period)}</td>
                        <td>{roadmapStatusLabels[roadmap.status]}</td>
                        <td>{num(roadmap.progress.active)}</td>
                        <td className="nowrap">{percent(roadmap.progress.donePercent)}</td>
                        <td className="nowrap">{percent(roadmap.progress.doneOnTimePercent)}</td>
                        <td className={roadmap.progress.overdue ? "warning-text" : undefined}>{num(roadmap.progress.overdue)}</td>
                        <td>{num(roadmap.progress.dueThisMonth)}</td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </Async>
      <h2>Просроченные мероприятия</h2>
      <Async resource={overdue}>
        {(data) =>
          data.institutions.length === 0 ? (
            <EmptyState title="Просроченных мероприятий нет" />
          ) : (
            data.institutions.map((institution) => (
              <section key={institution.tenantId} aria-label={institution.institution}>
                <h3>
                  {institution.institution}: {countOf(institution.items.length, roadmapNouns.item)}
                </h3>
                <ul>
                  {institution.items.map((item) => (
                    <li key={item.itemId}>
                      {item.number ? `${item.number} ` : ""}
                      {item.name.split("\n")[0]} — срок {formatDate(item.due)}, просрочено на {countOf(item.daysOverdue, nouns.day)}
                      {item.executors ? ` (${item.executors})` : ""}
                    </li>
                  ))}
                </ul>
              </section>
            ))
          )
        }
      </Async>
    </>
  );
}
