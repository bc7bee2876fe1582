import { type FormEvent, useEffect, useState } from "react";
import { Link } from "react-router";
import { api, unwrap } from "../../api/client";
import { useMe } from "../../auth/AuthContext";
import { roleCan } from "../../auth/access";
import { FormError, SelectField, SubmitButton, TextField } from "../../components/Form";
import { Async, EmptyState, Notice } from "../../components/Status";
import { formatDate, todayIso } from "../../lib/format";
import { countOf } from "../../lib/plural";
import { useResource } from "../../lib/useResource";
import { useSubmit } from "../../lib/useSubmit";
import { indicatorKindLabels } from "@rnc/core/monitoring/indicators";
import {
  type Campaign,
  type CampaignDefaults,
  type CampaignInput,
  type Indicator,
  campaignKindLabels,
  campaignStatusLabels,
  monitoringNouns,
} from "./types";
import "./monitoring.css";
import { TableWrap } from "../../components/TableWrap";

/** The region's campaigns: the list, the builder of a new campaign, and publishing. */
export default function CampaignsPage() {
  const me = useMe();
  const canManage = roleCan(me.role, "monitoring.manage");
  const campaigns = useResource(() => unwrap(api.monitoring.campaigns.$get()), []);
  const [notice, setNotice] = useState("");
  const publish = useSubmit();

  const onPublish = (campaign: Campaign) =>
    publish.run(async () => {
      const done = await unwrap(api.monitoring.campaigns[":campaignId"].publish.$post({ param: { campaignId: campaign.campaignId } }));
      setNotice(`Кампания «${done.name}» разослана: ${countOf(done.institutionsCount, monitoringNouns.institution)}`);
      campaigns.reload();
    });

  return (
    <>
      <h1>Мониторинг</h1>
      {notice && <Notice>{notice}</Notice>}
      <FormError error={publish.error} />
      <h2>Кампании</h2>
      <Async resource={campaigns}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title="Кампаний пока нет">{canManage && <p>Создайте первую кампанию ниже.</p>}</EmptyState>
          ) : (
            <TableWrap>
              <table>
                <caption className="visually-hidden">Кампании</caption>
                <thead>
                  <tr>
                    <th scope="col">Кампания</th>
                    <th scope="col">Период</th>
                    <th scope="col">Срок сдачи</th>
                    <th scope="col">Статус</th>
                    <th scope="col">Действия</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((campaign) => (
                    <tr key={campaign.campaignId}>
                      <th scope="row">
                        {campaign.status === "draft" ? (
                          campaign.name
                        ) : (
                          <Link to={`/region/monitoring/${campaign.campaignId}`}>{campaign.name}</Link>
                        )}
                        <div className="hint">{campaignKindLabels[campaign.kind]}</div>
                      </th>
                      <td className="nowrap">
                        {formatDate(campaign.periodStart)} — {formatDate(campaign.periodEnd)}
                      </td>
                      <td>{formatDate(campaign.deadline)}</td>
                      <td>
                        {campaignStatusLabels[campaign.status]}
                        {campaign.status !== "draft" && (
                          <div className="hint">{countOf(campaign.institutionsCount, monitoringNouns.institution)}</div>
                        )}
                      </td>
                      <td>
                        {campaign.status === "draft" && canManage ? (
                          <button
                            type="button"
                            className="button"
                            onClick={() => onPublish(campaign)}
                            aria-disabled={publish.busy || undefined}
                          >
                            Разослать организациям
                          </button>
                        ) : campaign.status !== "draft" ? (
                          <Link to={`/region/monitoring/${campaign.campaignId}`}>Ход сдачи</Link>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </Async>
      {canManage && (
        <CampaignBuilder
          onCreated={(c) => {
            setNotice(`Черновик «${c.name}» сохранён. Проверьте его и разошлите организациям.`);
            campaigns.reload();
          }}
        />
      )}
    </>
  );
}

/** The start of the current or coming half-year of the school year: 1 September or 9 January. */
const halfYearStart = () => {
  const now = new Date();
  return now.getMonth() >= 5 ? `${now.getFullYear()}-09-01` : `${now.getFullYear()}-01-09`;
};

function CampaignBuilder({ onCreated }: { onCreated: (campaign: Campaign) => void }) {
  const [kind, setKind] = useState<CampaignInput["kind"]>("monitoring");
  const [name, setName] = useState("");
  const [periodStart, setPeriodStart] = useState(halfYearStart());
  const [periodEnd, setPeriodEnd] = useState("");
  const [deadline, setDeadline] = useState("");
  const [defaults, setDefaults] = useState<CampaignDefaults | null>(null);
  const [indicators, setIndicators] = useState<Indicator[]>([]);
  const submit = useSubmit();

  useEffect(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(periodStart)) return;
    let current = true;
    unwrap(api.monitoring["campaign-defaults"].$get({ query: { kind, periodStart } })).then(
      (loaded) => {
        if (!current) return;
        setDefaults(loaded);
        setDeadline(loaded.deadline);
        if (loaded.kind === "monitoring" && "indicators" in loaded) setIndicators(loaded.indicators as Indicator[]);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [kind, periodStart]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run(async () => {
      const body: CampaignInput = {
        kind,
        name,
        periodStart,
        periodEnd: periodEnd || periodStart,
        deadline: deadline || undefined,
        ...(kind === "monitoring"
          ? { indicators }
          : { table: defaults && "table" in defaults ? (defaults.table as CampaignInput["table"]) : undefined }),
      };
      const created = await unwrap(api.monitoring.campaigns.$post({ json: body }));
      setName("");
      onCreated(created);
    });
  };

  return (
    <section aria-labelledby="builder-title">
      <h2 id="builder-title">Новая кампания</h2>
      <form onSubmit={onSubmit} noValidate className="card">
        <FormError error={submit.error} />
        <SelectField label="Вид кампании" name="kind" value={kind} onChange={(e) => setKind(e.target.value as CampaignInput["kind"])}>
          <option value="monitoring">{campaignKindLabels.monitoring}</option>
          <option value="federal_count">{campaignKindLabels.federal_count}</option>
        </SelectField>
        <TextField
          label="Название"
          name="name"
          required
          hint="Например: Мониторинг ЦМН, I полугодие 2026/27"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={submit.field("name")}
        />
        <TextField
          label="Начало периода"
          name="periodStart"
          type="date"
          required
          value={periodStart}
          onChange={(e) => setPeriodStart(e.target.value)}
          error={submit.field("periodStart")}
        />
        <TextField
          label="Конец периода"
          name="periodEnd"
          type="date"
          required
          min={periodStart}
          value={periodEnd}
          onChange={(e) => setPeriodEnd(e.target.value)}
          error={submit.field("periodEnd")}
        />
        <TextField
          label="Срок сдачи"
          name="deadline"
          type="date"
          hint={
            kind === "monitoring"
              ? "По умолчанию — ближайшее 20 декабря или 20 мая после начала периода"
              : "По умолчанию — 30 декабря отчётного года"
          }
          min={todayIso()}
          value={deadline}
          onChange={(e) => setDeadline(e.target.value)}
          error={submit.field("deadline")}
        />
        {kind === "monitoring" ? (
          <IndicatorsEditor indicators={indicators} onChange={setIndicators} fieldError={submit.field} />
        ) : (
          defaults &&
          "table" in defaults && (
            <p className="hint">
              Таблица: {countOf((defaults.table as { rows: unknown[] }).rows.length, monitoringNouns.row)} (категории участников и формы
              наставничества) × наставники, наставляемые и всего. Значения заполняются из данных организаций автоматически.
            </p>
          )
        )}
        <div className="actions">
          <SubmitButton busy={submit.busy} busyLabel="Сохраняем…">
            Создать черновик
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}

function IndicatorsEditor({
  indicators,
  onChange,
  fieldError,
}: {
  indicators: Indicator[];
  onChange: (next: Indicator[]) => void;
  fieldError: (path: string) => string | undefined;
}) {
  const [label, setLabel] = useState("");
  const [kind, setKind] = useState<Indicator["kind"]>("number");
  const [required, setRequired] = useState(true);
  const [min, setMin] = useState("");
  const [max, setMax] = useState("");
  const [options, setOptions] = useState("");

  const add = () => {
    if (!label.trim()) return;
    const code = `custom_${indicators.filter((i) => i.code.startsWith("custom_")).length + 1}`;
    const next: Indicator = {
      code,
      label: label.trim(),
      kind,
      required,
      ...(min !== "" && (kind === "number" || kind === "percent") ? { min: Number(min.replace(",", ".")) } : {}),
      ...(max !== "" && (kind === "number" || kind === "percent") ? { max: Number(max.replace(",", ".")) } : {}),
      ...(kind === "choice"
        ? {
            options: options
              .split(";")
              .map((o) => o.trim())
              .filter(Boolean),
          }
        : {}),
    };
    onChange([...indicators, next]);
    setLabel("");
    setMin("");
    setMax("");
    setOptions("");
  };

  return (
    <fieldset>
      <legend>Показатели ({countOf(indicators.length, monitoringNouns.indicator)})</legend>
      {fieldError("indicators") && <p className="field-error">{fieldError("indicators")}</p>}
      <ul>
        {indicators.map((indicator, i) => (
          <li key={indicator.code} className="indicator-row">
            {indicator.label}
            {indicator.source ? (
              <span className="computed-mark">рассчитано автоматически</span>
            ) : (
              ` — ${indicatorKindLabels[indicator.kind]}`
            )}
            {indicator.required ? "" : " (необязательный)"}
            {(indicator.min !== undefined || indicator.max !== undefined) && (
              <span className="hint">
                {" "}
                допустимо {indicator.min ?? 0}–{indicator.max ?? "∞"}
              </span>
            )}
            {indicator.options && <span className="hint"> варианты: {indicator.options.join(", ")}</span>}
            {fieldError(`indicators.${i}.options`) && <p className="field-error">{fieldError(`indicators.${i}.options`)}</p>}
            {fieldError(`indicators.${i}.max`) && <p className="field-error">{fieldError(`indicators.${i}.max`)}</p>}{" "}
            <button type="button" className="link-button" onClick={() => onChange(indicators.filter((_, j) => j !== i))}>
              Убрать<span className="visually-hidden"> показатель «{indicator.label}»</span>
            </button>
          </li>
        ))}
      </ul>
      <h3>Добавить показатель</h3>
      <TextField label="Наименование показателя" name="newLabel" value={label} onChange={(e) => setLabel(e.target.value)} />
      <SelectField label="Тип" name="newKind" value={kind} onChange={(e) => setKind(e.target.value as Indicator["kind"])}>
        {Object.entries(indicatorKindLabels).map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </SelectField>
      {(kind === "number" || kind === "percent") && (
        <>
          <TextField label="Наименьшее значение" name="newMin" inputMode="decimal" value={min} onChange={(e) => setMin(e.target.value)} />
          <TextField label="Наибольшее значение" name="newMax" inputMode="decimal" value={max} onChange={(e) => setMax(e.target.value)} />
        </>
      )}
      {kind === "choice" && (
        <TextField
          label="Варианты ответа"
          name="newOptions"
          hint="Через точку с запятой: По плану; С отставанием"
          value={options}
          onChange={(e) => setOptions(e.target.value)}
        />
      )}
      <div className="field">
        <label>
          <input type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} /> Обязательный
        </label>
      </div>
      <button type="button" className="button secondary" onClick={add}>
        Добавить показатель
      </button>
    </fieldset>
  );
}
