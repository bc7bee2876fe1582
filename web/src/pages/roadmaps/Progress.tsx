import { countOf, outOf } from "../../lib/plural";
import { percent } from "../monitoring/types";
import { num } from "../stats/types";
import { type Progress, roadmapNouns } from "./types";

/** The four progress numbers of a roadmap: done, done on time, overdue, due this month. */
export function ProgressSummary({ progress, label = "Прогресс" }: { progress: Progress; label?: string }) {
  return (
    <section aria-label={label} className="roadmap-progress">
      <dl>
        <div>
          <dt>Выполнено</dt>
          <dd data-testid="progress-done">
            {percent(progress.donePercent)}{" "}
            <span className="sub">
              ({num(progress.done)} из {outOf(progress.active, ["мероприятия", "мероприятий"])})
            </span>
          </dd>
        </div>
        <div>
          <dt>В срок</dt>
          <dd data-testid="progress-on-time">
            {percent(progress.doneOnTimePercent)} <span className="sub">({num(progress.doneOnTime)})</span>
          </dd>
        </div>
        <div className={progress.overdue > 0 ? "overdue" : undefined}>
          <dt>Просрочено</dt>
          <dd data-testid="progress-overdue">{countOf(progress.overdue, roadmapNouns.item)}</dd>
        </div>
        <div>
          <dt>Срок в этом месяце</dt>
          <dd data-testid="progress-month">{countOf(progress.dueThisMonth, roadmapNouns.item)}</dd>
        </div>
      </dl>
      <div
        className="progress-bar"
        role="progressbar"
        aria-label="Доля выполненных мероприятий"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.donePercent}
      >
        <span style={{ width: `${Math.min(100, progress.donePercent)}%` }} />
      </div>
    </section>
  );
}
