import { formatDateTime } from "../../lib/format";
import { roleLabels } from "../../lib/labels";
import { submissionStatusLabels } from "@rnc/core/labels";
import { type SubmissionView, indicatorValueText } from "./types";
import { TableWrap } from "../../components/TableWrap";

/** A submission's indicators as a read-only table; computed values are marked. */
export function IndicatorTable({ view }: { view: SubmissionView }) {
  return (
    <TableWrap>
      <table>
        <caption className="visually-hidden">Показатели отчёта</caption>
        <thead>
          <tr>
            <th scope="col">Показатель</th>
            <th scope="col">Значение</th>
          </tr>
        </thead>
        <tbody>
          {view.indicators.map((indicator) => (
            <tr key={indicator.code}>
              <th scope="row">
                {indicator.label}
                {indicator.computed && <span className="computed-mark">рассчитано автоматически</span>}
              </th>
              <td>{indicatorValueText(indicator)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** The status changes of a submission, oldest first. */
export function SubmissionHistory({ view }: { view: SubmissionView }) {
  if (view.history.length === 0) return null;
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">История</h2>
      <ol>
        {view.history.map((event) => (
          <li key={event.eventId}>
            {formatDateTime(event.at)} — {submissionStatusLabels[event.to]} (
            {roleLabels[event.actorRole as keyof typeof roleLabels] ?? event.actorRole}){event.late ? ", с опозданием" : ""}
            {event.comment ? `: «${event.comment}»` : ""}
          </li>
        ))}
      </ol>
    </section>
  );
}
