import { Link } from "react-router";
import { api, unwrap } from "../../api/client";
import { Async, EmptyState } from "../../components/Status";
import { formatDate, formatDateTime } from "../../lib/format";
import { useResource } from "../../lib/useResource";
import { submissionStatusLabels } from "@rnc/core/labels";
import { campaignKindLabels, submissionStatusClass } from "./types";
import "./monitoring.css";
import { TableWrap } from "../../components/TableWrap";

/** The institution's campaigns from the region, newest deadline first. */
export default function SubmissionsPage() {
  const list = useResource(() => unwrap(api.monitoring.submissions.$get()), []);
  return (
    <>
      <h1>Отчёты в РНЦ</h1>
      <p className="summary">Мониторинг реализации ЦМН и численность участников: показатели заполняются из данных системы автоматически.</p>
      <Async resource={list}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title="РНЦ пока не запрашивал отчётов" />
          ) : (
            <TableWrap>
              <table>
                <caption className="visually-hidden">Отчёты в РНЦ</caption>
                <thead>
                  <tr>
                    <th scope="col">Кампания</th>
                    <th scope="col">Срок сдачи</th>
                    <th scope="col">Статус</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((item) => (
                    <tr key={item.campaignId}>
                      <th scope="row">
                        <Link to={`/monitoring/${item.campaignId}`}>{item.name}</Link>
                        <div className="hint">{campaignKindLabels[item.kind]}</div>
                      </th>
                      <td>{formatDate(item.deadline)}</td>
                      <td>
                        <span className={`badge ${submissionStatusClass[item.status]}`}>{submissionStatusLabels[item.status]}</span>
                        {item.late && <span className="badge status-suspended">с опозданием</span>}
                        {item.submittedAt && <div className="hint">Отправлен {formatDateTime(item.submittedAt)}</div>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </Async>
    </>
  );
}
