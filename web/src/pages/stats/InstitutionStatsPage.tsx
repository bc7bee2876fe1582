import { Link, useParams } from "react-router";
import { type Ok, api, unwrap } from "../../api/client";
import { Async } from "../../components/Status";
import { formatDate } from "../../lib/format";
import { useResource } from "../../lib/useResource";
import { useRecordTitle } from "../../components/PageTitle";
import { percent } from "../monitoring/types";
import { submissionStatusLabels } from "@rnc/core/labels";
import { num, pairStatusLabels } from "./types";
import "../monitoring/monitoring.css";
import "./stats.css";
import { TableWrap } from "../../components/TableWrap";

type Summary = Ok<(typeof api.stats.region.institutions)[":tenantId"]["$get"]>;

/** One institution of the region: its counts, KPIs, roadmap execution and reports (no personal data). */
export default function InstitutionStatsPage() {
  const { tenantId = "" } = useParams();
  const summary = useResource(
    () => unwrap(api.stats.region.institutions[":tenantId"].$get({ param: { tenantId }, query: {} })),
    [tenantId],
  );
  useRecordTitle(summary.data?.name);
  return (
    <>
      <p>
        <Link to="/region/stats">← Статистика региона</Link>
      </p>
      <Async resource={summary}>{(data) => <InstitutionSummary data={data} />}</Async>
    </>
  );
}

/** The institution's own summary: the same numbers the region sees for it. */
export function OwnSummaryPage() {
  const summary = useResource(() => unwrap(api.stats.institution.$get({ query: {} })), []);
  return (
    <>
      <p>
        <Link to="/institution">← Моя организация</Link>
      </p>
      <p className="hint">Так вашу организацию видит региональный наставнический центр: только числа, без персональных данных.</p>
      <Async resource={summary}>{(data) => <InstitutionSummary data={data} />}</Async>
    </>
  );
}

function InstitutionSummary({ data }: { data: Summary }) {
  return (
    <>
      <h1>{data.name}</h1>
      <p className="summary">
        {data.fullName}. {data.typeLabel}, {data.municipality}. Данные на {formatDate(data.asOf)}.
      </p>
      <TableWrap>
        <table>
          <caption>Участники и пары</caption>
          <tbody>
            <tr>
              <th scope="row">Участников в базах</th>
              <td data-figure="participants">{num(data.figures.participants)}</td>
            </tr>
            <tr>
              <th scope="row">Наставников</th>
              <td data-figure="mentors">{num(data.figures.mentors)}</td>
            </tr>
            <tr>
              <th scope="row">Наставляемых</th>
              <td data-figure="mentees">{num(data.figures.mentees)}</td>
            </tr>
            {(Object.keys(pairStatusLabels) as (keyof typeof pairStatusLabels)[]).map((s) => (
              <tr key={s}>
                <th scope="row">Пар и групп: {pairStatusLabels[s].toLowerCase()}</th>
                <td data-figure={`pairs-${s}`}>{num(data.figures.pairs[s])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <TableWrap>
        <table>
          <caption>Показатели: факт и цель</caption>
          <thead>
            <tr>
              <th scope="col">Показатель</th>
              <th scope="col">Цель</th>
              <th scope="col">Факт</th>
            </tr>
          </thead>
          <tbody>
            {data.kpiRows.map((k) => (
              <tr key={k.code}>
                <th scope="row">{k.label}</th>
                <td>{percent(k.target)}</td>
                <td>{percent(data.kpis[k.code].value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h2>Дорожные карты</h2>
      <p>
        {`Мероприятий в работе: ${num(data.compliance.active)}; выполнено в срок: ${percent(data.compliance.doneOnTimePercent)}; `}
        {`просрочено: ${num(data.compliance.overdue)}.`}
      </p>
      <h2>Отчёты в РНЦ</h2>
      {data.submissions.length === 0 ? (
        <p>Кампаний пока не было.</p>
      ) : (
        <ul>
          {data.submissions.map((s) => (
            <li key={s.campaignId}>
              «{s.name}», срок {formatDate(s.deadline)}: {(submissionStatusLabels as Record<string, string>)[s.status] ?? s.status}
              {s.late ? " (с опозданием)" : ""}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
