import { Link, useParams } from "react-router";
import { downloadFromApi } from "../../lib/files";
import { api, unwrap } from "../../api/client";
import { Async, EmptyState } from "../../components/Status";
import { formatDate, formatDateTime } from "../../lib/format";
import { countOf } from "../../lib/plural";
import { useResource } from "../../lib/useResource";
import { useRecordTitle } from "../../components/PageTitle";
import { useSubmit } from "../../lib/useSubmit";
import { FormError } from "../../components/Form";
import { submissionStatusLabels } from "@rnc/core/labels";
import { campaignKindLabels, monitoringNouns, submissionStatusClass } from "./types";
import "./monitoring.css";
import { TableWrap } from "../../components/TableWrap";

/** The region's tracker of one campaign: who has submitted, who is late, who was returned. */
export default function TrackerPage() {
  const { campaignId = "" } = useParams();
  const tracker = useResource(() => unwrap(api.monitoring.campaigns[":campaignId"].tracker.$get({ param: { campaignId } })), [campaignId]);
  useRecordTitle(tracker.data && `Ход сдачи: ${tracker.data.campaign.name}`);
  const download = useSubmit();

  const onExport = (format: "xlsx" | "csv") =>
    download.run(async () => {
      await downloadFromApi(`/api/monitoring/campaigns/${campaignId}/export?format=${format}`, `monitoring.${format}`);
    });

  return (
    <Async resource={tracker}>
      {(data) => (
        <>
          <p>
            <Link to="/region/monitoring">← Все кампании</Link>
          </p>
          <div className="page-header">
            <h1>{data.campaign.name}</h1>
            <div className="header-actions">
              <button type="button" className="button secondary" onClick={() => onExport("xlsx")}>
                Сводная таблица (XLSX)
              </button>
              <button type="button" className="button secondary" onClick={() => onExport("csv")}>
                CSV
              </button>
            </div>
          </div>
          <FormError error={download.error} />
          <p className="summary">
            {campaignKindLabels[data.campaign.kind]}. Срок сдачи — {formatDate(data.campaign.deadline)} (до{" "}
            {formatDateTime(data.deadlineEnd)}).
          </p>
          <dl className="counts" aria-label="Ход сдачи">
            <div>
              <dt>Всего</dt>
              <dd>{data.counts.total}</dd>
            </div>
            <div>
              <dt>Ждут проверки</dt>
              <dd>{data.counts.awaitingReview}</dd>
            </div>
            <div>
              <dt>Приняты</dt>
              <dd>{data.counts.accepted}</dd>
            </div>
            <div>
              <dt>Возвращены</dt>
              <dd>{data.counts.returned}</dd>
            </div>
            <div>
              <dt>Не отправили</dt>
              <dd>{data.counts.not_started + data.counts.draft + data.counts.returned}</dd>
            </div>
            <div>
              <dt>С опозданием</dt>
              <dd>{data.counts.late}</dd>
            </div>
            <div>
              <dt>Просрочено</dt>
              <dd>{data.counts.overdue}</dd>
            </div>
          </dl>
          {data.items.length === 0 ? (
            <EmptyState title="Кампания ещё не разослана" />
          ) : (
            <TableWrap>
              <table>
                <caption className="visually-hidden">Организации: {countOf(data.items.length, monitoringNouns.institution)}</caption>
                <thead>
                  <tr>
                    <th scope="col">Организация</th>
                    <th scope="col">Муниципалитет</th>
                    <th scope="col">Статус</th>
                    <th scope="col">Отправлен</th>
                    <th scope="col">Комментарий РНЦ</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((item) => (
                    <tr key={item.tenantId}>
                      <th scope="row">
                        <Link to={`/region/monitoring/${campaignId}/${item.tenantId}`}>{item.institutionName}</Link>
                      </th>
                      <td>{item.municipality}</td>
                      <td>
                        <span className={`badge ${submissionStatusClass[item.status]}`}>{submissionStatusLabels[item.status]}</span>
                        {item.late && <span className="badge status-suspended">с опозданием</span>}
                        {item.overdue && <span className="badge status-returned">просрочен</span>}
                      </td>
                      <td>{item.submittedAt ? formatDateTime(item.submittedAt) : "—"}</td>
                      <td>{item.returnComment ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </>
      )}
    </Async>
  );
}
