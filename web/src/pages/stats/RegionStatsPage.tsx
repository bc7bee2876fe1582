import { Suspense, lazy, useState } from "react";
import { Link } from "react-router";
import { api, unwrap } from "../../api/client";
import { Async, Loading } from "../../components/Status";
import { formatDate } from "../../lib/format";
import { useResource } from "../../lib/useResource";
import { countOf } from "../../lib/plural";
import { monitoringNouns, percent } from "../monitoring/types";
import { submissionStatusLabels, submissionStatuses } from "@rnc/core/labels";
import { type Dashboard, num, pairStatusLabels } from "./types";
import { type RegionFilter, RegionFilterFields, filterFields, noRegionFilter } from "./RegionFilters";
import "../monitoring/monitoring.css";
import "./stats.css";
import { TableWrap } from "../../components/TableWrap";

const StatsCharts = lazy(() => import("./StatsCharts"));

/** The region dashboard: KPIs against targets, participants and pairs, roadmaps, monitoring, satisfaction. */
export default function RegionStatsPage() {
  const [filters, setFilters] = useState<RegionFilter>(noRegionFilter);
  const [municipalities, setMunicipalities] = useState<string[]>([]);
  const query = filterFields(filters);
  const dashboard = useResource(async () => {
    const data = await unwrap(api.stats.region.$get({ query }));
    if (!filters.municipality) setMunicipalities(data.byMunicipality.map((m) => m.key));
    return data;
  }, [filters.municipality, filters.type, filters.period]);

  return (
    <>
      <h1>Статистика региона</h1>
      <form className="stats-filters" aria-label="Отбор" onSubmit={(e) => e.preventDefault()}>
        <RegionFilterFields filter={filters} municipalities={municipalities} onChange={setFilters} />
      </form>
      <Async resource={dashboard}>{(data) => <DashboardView data={data} />}</Async>
    </>
  );
}

function Card({ label, value, hint, className }: { label: string; value: string; hint?: string; className?: string }) {
  return (
    <li className={`stats-card ${className ?? ""}`}>
      <span className="stats-value">{value}</span>
      <span className="stats-label">{label}</span>
      {hint && <div className="hint">{hint}</div>}
    </li>
  );
}

function DashboardView({ data }: { data: Dashboard }) {
  const t = data.totals;
  return (
    <>
      <p className="summary">
        Данные на {formatDate(data.asOf)}, отчётный год {data.year}. Числа участников и пар — текущие; показатели, дорожные карты и
        мониторинг — за выбранный период.
      </p>
      <h2>Главное</h2>
      <ul className="stats-cards" aria-label="Итоги по региону">
        <Card label="Организаций" value={num(t.institutions)} />
        <Card
          label="Участников в базах"
          value={num(t.participants)}
          hint={`наставников ${num(t.mentors)}, наставляемых ${num(t.mentees)}`}
        />
        <Card label="Активных пар и групп" value={num(t.pairs.active)} hint={`завершённых ${num(t.pairs.completed)}`} />
        <Card
          label="Мероприятий выполнено в срок"
          value={percent(data.compliance.doneOnTimePercent)}
          hint={`просрочено ${num(data.compliance.overdue)}`}
        />
      </ul>
      <h2>Показатели: факт и цель</h2>
      <ul className="stats-cards" aria-label="Показатели">
        {data.kpis.map((k) => (
          <Card
            key={k.code}
            label={k.short}
            value={percent(k.value)}
            hint={`цель ${percent(k.target)}${k.value === null ? ` — ${k.missing ?? "нет данных"}` : ""}`}
            className={k.status === "achieved" ? "kpi-achieved" : k.status === "behind" ? "kpi-behind" : undefined}
          />
        ))}
      </ul>
      <Suspense fallback={<Loading label="Загрузка диаграмм…" />}>
        <StatsCharts dashboard={data} />
      </Suspense>

      <h2>Участники и пары</h2>
      <TableWrap>
        <table>
          <caption>Итоги по региону</caption>
          <tbody>
            <tr>
              <th scope="row">Участников в базах</th>
              <td data-total="participants">{num(t.participants)}</td>
            </tr>
            <tr>
              <th scope="row">Наставников</th>
              <td data-total="mentors">{num(t.mentors)}</td>
            </tr>
            <tr>
              <th scope="row">Наставляемых</th>
              <td data-total="mentees">{num(t.mentees)}</td>
            </tr>
            {(Object.keys(pairStatusLabels) as (keyof typeof pairStatusLabels)[]).map((s) => (
              <tr key={s}>
                <th scope="row">Пар и групп: {pairStatusLabels[s].toLowerCase()}</th>
                <td data-total={`pairs-${s}`}>{num(t.pairs[s])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <TableWrap>
        <table>
          <caption>По формам наставничества</caption>
          <thead>
            <tr>
              <th scope="col">Форма</th>
              <th scope="col">Наставников</th>
              <th scope="col">Наставляемых</th>
              <th scope="col">Организаций</th>
            </tr>
          </thead>
          <tbody>
            {data.byForm.map((f) => (
              <tr key={f.code}>
                <th scope="row">{f.label}</th>
                <td>{num(f.mentors)}</td>
                <td>{num(f.mentees)}</td>
                <td>{num(f.institutions)}</td>
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
              <th scope="col">Из</th>
            </tr>
          </thead>
          <tbody>
            {data.kpis.map((k) => (
              <tr key={k.code}>
                <th scope="row">{k.label}</th>
                <td>{percent(k.target)}</td>
                <td className={k.status === "achieved" ? "kpi-achieved" : k.status === "behind" ? "kpi-behind" : undefined}>
                  {percent(k.value)}
                </td>
                <td>
                  {num(k.numerator)} из {num(k.denominator)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>

      <h2>Дорожные карты</h2>
      <p>
        {`Дорожных карт: ${num(data.compliance.roadmaps)}; мероприятий в работе: ${num(data.compliance.active)}; `}
        {`выполнено: ${num(data.compliance.done)} (${percent(data.compliance.donePercent)}), в срок: ${percent(data.compliance.doneOnTimePercent)}; `}
        {`просрочено: ${num(data.compliance.overdue)} (${percent(data.compliance.overduePercent)}).`}
      </p>

      <h2>Мониторинг</h2>
      {data.monitoring ? (
        <>
          <p>
            Кампания «{data.monitoring.campaign.name}», срок — {formatDate(data.monitoring.campaign.deadline)}: отправили{" "}
            {num(data.monitoring.status.sent)} из {num(data.monitoring.status.total)} ({percent(data.monitoring.status.sentPercent)}), с
            опозданием {num(data.monitoring.status.late)}, не отправили после срока {num(data.monitoring.status.overdue)}.
          </p>
          <TableWrap>
            <table>
              <caption>Отчёты организаций по статусам</caption>
              <tbody>
                {submissionStatuses.map((s) => (
                  <tr key={s}>
                    <th scope="row">{submissionStatusLabels[s]}</th>
                    <td>{num(data.monitoring?.status[s] ?? 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      ) : (
        <p>В выбранном периоде нет разосланных кампаний мониторинга.</p>
      )}

      <h2>Удовлетворённость</h2>
      <p>
        Наставников: {percent(data.satisfaction.mentor.percent)} ({countOf(data.satisfaction.mentor.answers, monitoringNouns.answer)});
        наставляемых: {percent(data.satisfaction.mentee.percent)} ({countOf(data.satisfaction.mentee.answers, monitoringNouns.answer)}).
      </p>
      <SatisfactionByInstitution rows={data.institutions} year={data.year} />

      <GroupTable caption="По муниципалитетам" rows={data.byMunicipality} />
      <GroupTable caption="По типам организаций" rows={data.byType} />

      <h2>Организации</h2>
      <TableWrap>
        <table>
          <caption className="visually-hidden">Организации региона</caption>
          <thead>
            <tr>
              <th scope="col">Организация</th>
              <th scope="col">Муниципалитет</th>
              <th scope="col">Участников</th>
              <th scope="col">Активных пар</th>
              <th scope="col">В срок</th>
              <th scope="col">Отчёт</th>
            </tr>
          </thead>
          <tbody>
            {data.institutions.map((i) => (
              <tr key={i.tenantId}>
                <th scope="row">
                  <Link to={`/region/stats/${i.tenantId}`}>{i.name}</Link>
                </th>
                <td>{i.municipality}</td>
                <td>{num(i.participants)}</td>
                <td>{num(i.pairsActive)}</td>
                <td>{percent(i.doneOnTimePercent)}</td>
                <td>{i.submission ? submissionStatusLabels[i.submission.status] : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

function GroupTable({ caption, rows }: { caption: string; rows: Dashboard["byType"] }) {
  return (
    <TableWrap>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Группа</th>
            <th scope="col">Организаций</th>
            <th scope="col">Участников</th>
            <th scope="col">Наставников</th>
            <th scope="col">Наставляемых</th>
            <th scope="col">Активных пар</th>
            <th scope="col">Выполнено в срок</th>
            <th scope="col">Просрочено</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td>{num(row.institutions)}</td>
              <td>{num(row.participants)}</td>
              <td>{num(row.mentors)}</td>
              <td>{num(row.mentees)}</td>
              <td>{num(row.pairsActive)}</td>
              <td>{percent(row.doneOnTimePercent)}</td>
              <td>{num(row.overdue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/**
 * The survey results per institution for the dashboard's year and filters: satisfaction percents and answer counts
 * only, never answers (from the dashboard's own rows: no second read of the region).
 */
export function SatisfactionByInstitution({ rows, year }: { rows: Dashboard["institutions"]; year: number }) {
  return rows.some((r) => r.satisfactionAnswers.mentor + r.satisfactionAnswers.mentee > 0) ? (
    <TableWrap>
      <table>
        <caption>Удовлетворённость по организациям, {year}</caption>
        <thead>
          <tr>
            <th scope="col">Организация</th>
            <th scope="col">Наставники</th>
            <th scope="col">Ответов наставников</th>
            <th scope="col">Наставляемые</th>
            <th scope="col">Ответов наставляемых</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.tenantId}>
              <th scope="row">{r.name}</th>
              <td>{percent(r.kpis.mentor_satisfaction)}</td>
              <td>{num(r.satisfactionAnswers.mentor)}</td>
              <td>{percent(r.kpis.mentee_satisfaction)}</td>
              <td>{num(r.satisfactionAnswers.mentee)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  ) : (
    <p className="hint">Ответов на анкеты удовлетворённости за {year} год пока нет.</p>
  );
}
