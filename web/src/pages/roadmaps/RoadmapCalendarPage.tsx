import { useState } from "react";
import { Link, useParams } from "react-router";
import { api, unwrap } from "../../api/client";
import { Async } from "../../components/Status";
import { formatDate } from "../../lib/format";
import { countOf } from "../../lib/plural";
import { useResource } from "../../lib/useResource";
import { useRecordTitle } from "../../components/PageTitle";
import { itemStatusLabels, overdueLabel } from "@rnc/core/labels";
import { type RoadmapDetail, roadmapNouns } from "./types";
import "./roadmaps.css";

const monthNames = ["Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август", "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"];
const weekdays = ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"];
const iso = (y: number, m: number, d: number) => `${y}-${String(m + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

type Entry = { key: string; label: string; status: string; overdue: boolean };

function entriesByDay(data: RoadmapDetail): Map<string, Entry[]> {
  const byDay = new Map<string, Entry[]>();
  for (const item of [...data.sections.flatMap((s) => s.items), ...data.unsectioned]) {
    for (const occurrence of item.occurrences) {
      if (!occurrence.due) continue;
      const list = byDay.get(occurrence.due) ?? [];
      list.push({
        key: `${item.itemId}-${occurrence.key}`,
        label: `${item.number ? `${item.number} ` : ""}${item.name.split("\n")[0]}`,
        status: itemStatusLabels[occurrence.status],
        overdue: occurrence.overdue,
      });
      byDay.set(occurrence.due, list);
    }
  }
  return byDay;
}

/** A month of due dates: every occurrence on its day, overdue ones marked. */
export default function RoadmapCalendarPage() {
  const { roadmapId = "" } = useParams();
  const detail = useResource(() => unwrap(api.roadmaps[":roadmapId"].$get({ param: { roadmapId } })), [roadmapId]);
  useRecordTitle(detail.data && `Календарь сроков: ${detail.data.title}`);
  const [month, setMonth] = useState<{ y: number; m: number } | null>(null);
  return (
    <Async resource={detail}>
      {(data) => {
        const today = data.today;
        const current = month ?? { y: Number(today.slice(0, 4)), m: Number(today.slice(5, 7)) - 1 };
        const byDay = entriesByDay(data);
        const first = new Date(Date.UTC(current.y, current.m, 1));
        const lead = (first.getUTCDay() + 6) % 7;
        const days = new Date(Date.UTC(current.y, current.m + 1, 0)).getUTCDate();
        const cells = Array.from({ length: Math.ceil((lead + days) / 7) * 7 }, (_, i) => i - lead + 1);
        const shift = (delta: number) => {
          const m = current.m + delta;
          setMonth({ y: current.y + Math.floor(m / 12), m: ((m % 12) + 12) % 12 });
        };
        const inMonth = [...byDay.entries()].filter(([day]) => day.startsWith(iso(current.y, current.m, 1).slice(0, 7)));
        return (
          <>
            <p>
              <Link to={`/roadmaps/${roadmapId}`}>← {data.title}</Link>
            </p>
            <div className="page-header">
              <h1>
                Календарь сроков: {monthNames[current.m]} {current.y}
              </h1>
              <div className="actions">
                <button type="button" className="button secondary" onClick={() => shift(-1)}>
                  ← Предыдущий месяц
                </button>
                <button type="button" className="button secondary" onClick={() => shift(1)}>
                  Следующий месяц →
                </button>
              </div>
            </div>
            <p className="summary" aria-live="polite">
              В этом месяце:{" "}
              {countOf(
                inMonth.reduce((n, [, list]) => n + list.length, 0),
                roadmapNouns.item,
              )}
            </p>
            <div className="month-weekdays" aria-hidden="true">
              {weekdays.map((day) => (
                <span key={day}>{day}</span>
              ))}
            </div>
            <ol className="month-grid">
              {cells.map((day) => {
                const inside = day >= 1 && day <= days;
                const date = inside ? iso(current.y, current.m, day) : "";
                const entries = inside ? (byDay.get(date) ?? []) : [];
                return (
                  <li
                    key={day}
                    className={inside ? undefined : "outside"}
                    aria-label={inside ? formatDate(date) : undefined}
                    aria-hidden={inside ? undefined : true}
                  >
                    {inside && <span className="day-number">{day}</span>}
                    {entries.length > 0 && (
                      <ul>
                        {entries.map((entry) => (
                          <li key={entry.key} className={entry.overdue ? "warning-text" : undefined}>
                            {entry.label} — {entry.overdue ? overdueLabel : entry.status}
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                );
              })}
            </ol>
          </>
        );
      }}
    </Async>
  );
}
