import { useState } from "react";
import { SelectField, TextField } from "../../components/Form";
import { countOf } from "../../lib/plural";
import { checkDates, DateField, dateText } from "../../components/DateField";
import type { CheckedBody } from "../../lib/useSubmit";
import { indicatorKindLabels } from "@rnc/core/monitoring/indicators";
import { type Campaign, type CampaignInput, type Indicator, monitoringNouns } from "./types";

/**
 * What the region admin fills in for a campaign: the builder of a new one and the dialog that edits a draft share it.
 * The dates are held as typed (ДД.ММ.ГГГГ); `campaignBody` reads them into ISO dates.
 */
export type CampaignDraft = {
  name: string;
  periodStart: string;
  periodEnd: string;
  deadline: string;
  indicators: Indicator[];
  table?: CampaignInput["table"];
};

export const draftOf = (campaign: Campaign): CampaignDraft => ({
  name: campaign.name,
  periodStart: dateText(campaign.periodStart),
  periodEnd: dateText(campaign.periodEnd),
  deadline: dateText(campaign.deadline),
  indicators: campaign.indicators,
  table: campaign.table,
});

/**
 * The API's body, with the form's own problems: the period as typed (a date that does not exist goes as typed with the
 * form's message, and the server then only validates the form: sendChecked; the server asks for a missing one), an
 * empty deadline the default one; a monitoring campaign sends its indicators, a federal count its table (the server
 * makes the cells from it).
 */
export function campaignBody(kind: CampaignInput["kind"], draft: CampaignDraft): CheckedBody<CampaignInput> {
  const { dates, problems } = checkDates({
    periodStart: { text: draft.periodStart, label: "Начало периода" },
    periodEnd: { text: draft.periodEnd, label: "Конец периода" },
    deadline: { text: draft.deadline, label: "Срок сдачи" },
  });
  const body = {
    kind,
    name: draft.name,
    periodStart: dates.periodStart,
    periodEnd: dates.periodEnd,
    deadline: dates.deadline || undefined,
    ...(kind === "monitoring" ? { indicators: draft.indicators } : { table: draft.table }),
  };
  return { body, problems };
}

/** The name, period, deadline and indicators (or the federal table's summary) of a campaign. */
export function CampaignFields({
  kind,
  draft,
  onChange,
  fieldError,
}: {
  kind: CampaignInput["kind"];
  draft: CampaignDraft;
  onChange: (change: Partial<CampaignDraft>) => void;
  fieldError: (path: string) => string | undefined;
}) {
  return (
    <>
      <TextField
        label="Название"
        name="name"
        required
        hint="Например: Мониторинг ЦМН, I полугодие 2026/27"
        value={draft.name}
        onChange={(e) => onChange({ name: e.target.value })}
        error={fieldError("name")}
      />
      <DateField
        label="Начало периода"
        name="periodStart"
        required
        value={draft.periodStart}
        onChange={(e) => onChange({ periodStart: e.target.value })}
        error={fieldError("periodStart")}
      />
      <DateField
        label="Конец периода"
        name="periodEnd"
        required
        value={draft.periodEnd}
        onChange={(e) => onChange({ periodEnd: e.target.value })}
        error={fieldError("periodEnd")}
      />
      <DateField
        label="Срок сдачи"
        name="deadline"
        hint={
          kind === "monitoring"
            ? "По умолчанию — ближайшее 20 декабря или 20 мая после начала периода"
            : "По умолчанию — 30 декабря отчётного года"
        }
        value={draft.deadline}
        onChange={(e) => onChange({ deadline: e.target.value })}
        error={fieldError("deadline")}
      />
      {kind === "monitoring" ? (
        <IndicatorsEditor indicators={draft.indicators} onChange={(indicators) => onChange({ indicators })} fieldError={fieldError} />
      ) : (
        draft.table && (
          <p className="hint">
            Таблица: {countOf(draft.table.rows.length, monitoringNouns.row)} (категории участников и формы наставничества) × наставники,
            наставляемые и всего. Считаются участники пар и групп, работавших в периоде кампании (каждый человек один раз); значения
            заполняются из данных организаций автоматически.
          </p>
        )
      )}
    </>
  );
}

/** The first `custom_<n>` code no indicator has, so that removing one and adding another never repeats a code. */
const nextCustomCode = (indicators: Indicator[]) => {
  const used = new Set(indicators.map((indicator) => indicator.code));
  let n = 1;
  while (used.has(`custom_${n}`)) n++;
  return `custom_${n}`;
};

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
  const [unit, setUnit] = useState("");
  const [options, setOptions] = useState("");
  const [hint, setHint] = useState("");
  const numeric = kind === "number" || kind === "percent";

  const add = () => {
    if (!label.trim()) return;
    const next: Indicator = {
      code: nextCustomCode(indicators),
      label: label.trim(),
      kind,
      required,
      ...(min !== "" && numeric ? { min: Number(min.replace(",", ".")) } : {}),
      ...(max !== "" && numeric ? { max: Number(max.replace(",", ".")) } : {}),
      ...(unit.trim() && numeric ? { unit: unit.trim() } : {}),
      ...(kind === "choice"
        ? {
            options: options
              .split(";")
              .map((o) => o.trim())
              .filter(Boolean),
          }
        : {}),
      ...(hint.trim() ? { hint: hint.trim() } : {}),
    };
    onChange([...indicators, next]);
    setLabel("");
    setMin("");
    setMax("");
    setUnit("");
    setOptions("");
    setHint("");
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
              ` — ${indicatorKindLabels[indicator.kind]}${indicator.unit ? `, ${indicator.unit}` : ""}`
            )}
            {indicator.required ? "" : " (необязательный)"}
            {(indicator.min !== undefined || indicator.max !== undefined) && (
              <span className="hint">
                {" "}
                допустимо {indicator.min ?? 0}–{indicator.max ?? "∞"}
              </span>
            )}
            {indicator.options && <span className="hint"> варианты: {indicator.options.join(", ")}</span>}
            {indicator.hint && <span className="hint"> подсказка: «{indicator.hint}»</span>}
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
      {numeric && (
        <>
          <TextField label="Наименьшее значение" name="newMin" inputMode="decimal" value={min} onChange={(e) => setMin(e.target.value)} />
          <TextField label="Наибольшее значение" name="newMax" inputMode="decimal" value={max} onChange={(e) => setMax(e.target.value)} />
          <TextField
            label="Единица измерения"
            name="newUnit"
            hint="Например: чел., ед., %"
            maxLength={20}
            value={unit}
            onChange={(e) => setUnit(e.target.value)}
          />
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
      <TextField
        label="Подсказка для организаций"
        name="newHint"
        hint="Показывается под полем показателя в форме отчёта, например: «Считайте только очные мероприятия»"
        maxLength={500}
        value={hint}
        onChange={(e) => setHint(e.target.value)}
      />
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
