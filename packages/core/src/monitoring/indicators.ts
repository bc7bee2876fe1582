/**
 * Indicator definitions of a campaign, the values computed from live data, the validation of manual values, the
 * federal-count table template and the deadline rules (DOMAIN.md §5.3, §5.7, §5.8, §7.2). Pure: no storage.
 */
import { dateTimeFormat } from "../dates";
import {
  type FormCode,
  type ParticipantCategory,
  categoryLabels,
  formByCode,
  formCatalogue,
  formCodes,
  participantCategories,
} from "../forms/catalogue";
import { type KpiCode, type KpiValue, kpiByCode, kpiCodes } from "../kpi/formulas";
import type { StatsSummary } from "../stats/contribution";
import type { ProgrammeCount } from "../stats/programme";

export const indicatorKinds = ["number", "percent", "text", "choice"] as const;
export type IndicatorKind = (typeof indicatorKinds)[number];
export const indicatorKindLabels: Record<IndicatorKind, string> = {
  number: "Число",
  percent: "Процент",
  text: "Текст",
  choice: "Выбор из списка",
};

/**
 * Figures an indicator can be computed from: `participants` the registry (everyone in the bases), `programme` the
 * people in pairs and groups that ran in the campaign's period (stats/programme.ts), `trainings` the mentor-training
 * events of the period (training/index.ts), the rest from the counters.
 */
export const sourceMetrics = [
  "participants",
  "programme",
  "trainings",
  "engaged",
  "pairs_active",
  "pairs_completed",
  "partner_organisations",
  ...kpiCodes,
] as const;
export type SourceMetric = (typeof sourceMetrics)[number];

export type IndicatorSource = { metric: SourceMetric; role?: "mentor" | "mentee"; form?: FormCode; category?: ParticipantCategory };

export type IndicatorDef = {
  code: string;
  label: string;
  kind: IndicatorKind;
  required: boolean;
  min?: number;
  max?: number;
  integer?: boolean;
  options?: string[];
  unit?: string;
  hint?: string;
  /** Computed indicators are filled from live data and frozen when the submission is submitted. */
  source?: IndicatorSource;
};

export type IndicatorValue = number | string | null;
export type FieldIssue = { path: string; message: string };

const roleWord = { mentor: "наставники", mentee: "наставляемые" } as const;

export function sourceLabel(source: IndicatorSource): string {
  const role = source.role ? `, ${roleWord[source.role]}` : "";
  switch (source.metric) {
    case "participants":
      if (source.form) return `Участники формы «${formByCode(source.form).label}»${role}`;
      if (source.category) return `Участники: ${categoryLabels[source.category]}`;
      return `Участники в базе${role}`;
    case "programme":
      if (source.form) return `Участники программ за период, форма «${formByCode(source.form).label}»${role}`;
      if (source.category) return `Участники программ за период: ${categoryLabels[source.category]}${role}`;
      return `Участники программ за период${role}`;
    case "trainings":
      return "Мероприятия по обучению наставников за период";
    case "engaged":
      return `Вошли в программы${role}`;
    case "pairs_active":
      return "Активные пары и группы";
    case "pairs_completed":
      return "Завершённые пары и группы";
    case "partner_organisations":
      return "Организации-партнёры, предоставившие наставников";
    default:
      return kpiByCode[source.metric].label;
  }
}

/** What of the period a source needs beyond the counters (each read only when some indicator does). */
export const needsProgramme = (source: IndicatorSource | undefined) => source?.metric === "programme";
export const needsTrainings = (source: IndicatorSource | undefined) => source?.metric === "trainings";

/**
 * The value of a source from the statistics, the KPI values and the programme's participants of the period; null when
 * it cannot be computed (no denominator).
 */
export function computeSource(
  source: IndicatorSource,
  live: { stats: StatsSummary; kpis: Record<KpiCode, KpiValue>; programme?: ProgrammeCount; trainings?: number },
): number | null {
  const { stats, kpis, programme } = live;
  const byRole = (pair: { mentors: number; mentees: number }) =>
    source.role === "mentor" ? pair.mentors : source.role === "mentee" ? pair.mentees : pair.mentors + pair.mentees;
  switch (source.metric) {
    case "trainings":
      return live.trainings ?? null;
    case "programme": {
      if (!programme) return null;
      const none = { mentors: 0, mentees: 0, total: 0 };
      const figures = source.form
        ? (programme.byForm[source.form] ?? none)
        : source.category
          ? (programme.byCategory[source.category] ?? none)
          : programme.all;
      return source.role === "mentor" ? figures.mentors : source.role === "mentee" ? figures.mentees : figures.total;
    }
    case "participants":
      if (source.form) return byRole(stats.byForm[source.form] ?? { mentors: 0, mentees: 0 });
      if (source.category) return stats.byCategory[source.category] ?? 0;
      return source.role ? byRole(stats.byRole) : stats.participants;
    case "engaged":
      return byRole(stats.engaged);
    case "pairs_active":
      return stats.pairs.active;
    case "pairs_completed":
      return stats.pairs.completed;
    case "partner_organisations":
      return stats.partnerOrganisations;
    default:
      return kpis[source.metric].value;
  }
}

const fmt = (n: number) => String(n).replace(".", ",");

/** Field-level problems of manual values, in Russian. `complete` also requires the required ones (on submit). */
export function valueIssues(defs: readonly IndicatorDef[], values: Record<string, unknown>, complete: boolean): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const byCode = new Map(defs.map((d) => [d.code, d]));
  for (const code of Object.keys(values)) {
    const def = byCode.get(code);
    if (!def) issues.push({ path: `values.${code}`, message: "В кампании нет такого показателя" });
    else if (def.source && values[code] !== null && values[code] !== undefined)
      issues.push({ path: `values.${code}`, message: `Показатель «${def.label}» рассчитывается автоматически` });
  }
  for (const def of defs) {
    if (def.source) continue;
    const path = `values.${def.code}`;
    const value = values[def.code];
    if (value === undefined || value === null || value === "") {
      if (complete && def.required) issues.push({ path, message: `Заполните показатель «${def.label}»` });
      continue;
    }
    if (def.kind === "number" || def.kind === "percent") {
      if (typeof value !== "number" || !Number.isFinite(value)) {
        issues.push({ path, message: `Показатель «${def.label}» должен быть числом` });
        continue;
      }
      const min = def.min ?? 0;
      const max = def.max ?? (def.kind === "percent" ? 100 : undefined);
      if (def.integer && !Number.isInteger(value)) issues.push({ path, message: `Показатель «${def.label}» должен быть целым числом` });
      else if (value < min) issues.push({ path, message: `Показатель «${def.label}» не может быть меньше ${fmt(min)}` });
      else if (max !== undefined && value > max)
        issues.push({ path, message: `Показатель «${def.label}» не может быть больше ${fmt(max)}` });
    } else if (def.kind === "text") {
      if (typeof value !== "string") issues.push({ path, message: `Показатель «${def.label}» должен быть текстом` });
      else if (value.length > 4000) issues.push({ path, message: `Показатель «${def.label}» длиннее 4000 символов` });
    } else if (typeof value !== "string" || !def.options?.includes(value)) {
      issues.push({ path, message: `Показатель «${def.label}»: выберите один из вариантов — ${(def.options ?? []).join(", ")}` });
    }
  }
  return issues;
}

/** Only the manual values, trimmed; computed and unknown codes dropped. */
export function manualValues(defs: readonly IndicatorDef[], values: Record<string, unknown>): Record<string, IndicatorValue> {
  const clean: Record<string, IndicatorValue> = {};
  for (const def of defs) {
    if (def.source) continue;
    const value = values[def.code];
    if (value === undefined || value === null || value === "") continue;
    clean[def.code] = typeof value === "string" ? value.trim() : (value as number);
  }
  return clean;
}

/** Structural problems of an indicator set (the builder's checks beyond field types). */
export function definitionIssues(defs: readonly IndicatorDef[], path = "indicators"): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  defs.forEach((def, i) => {
    if (seen.has(def.code)) issues.push({ path: `${path}.${i}.code`, message: `Код показателя «${def.code}» повторяется` });
    seen.add(def.code);
    if (def.kind === "choice" && (def.options?.length ?? 0) < 2)
      issues.push({ path: `${path}.${i}.options`, message: "Для выбора из списка укажите не меньше двух вариантов" });
    if (def.min !== undefined && def.max !== undefined && def.min > def.max)
      issues.push({ path: `${path}.${i}.max`, message: "Наибольшее значение не может быть меньше наименьшего" });
    if (def.kind === "percent" && ((def.min ?? 0) < 0 || (def.max ?? 100) > 100))
      issues.push({ path: `${path}.${i}.max`, message: "Процент — от 0 до 100" });
    if (def.source && def.kind !== "number" && def.kind !== "percent")
      issues.push({ path: `${path}.${i}.source`, message: "Рассчитываемый показатель должен быть числом или процентом" });
    if (def.source?.form && !formCodes.includes(def.source.form))
      issues.push({ path: `${path}.${i}.source.form`, message: "Неизвестная форма наставничества" });
    if (def.source?.category && !participantCategories.includes(def.source.category))
      issues.push({ path: `${path}.${i}.source.category`, message: "Неизвестная категория участников" });
  });
  return issues;
}

/** Reports whose values the totals count: sent and not returned (a returned one is being corrected). */
export const countedStatuses: readonly string[] = ["submitted", "resubmitted", "accepted"];

/** An indicator's column header in exports: its label and its unit, the unit once (KPI labels end in «, %» already). */
export const indicatorHeader = (d: Pick<IndicatorDef, "label" | "unit">) =>
  !d.unit || d.label.endsWith(`, ${d.unit}`) ? d.label : `${d.label}, ${d.unit}`;

const computed = (code: string, label: string, source: IndicatorSource, kind: IndicatorKind = "number"): IndicatorDef => ({
  code,
  label,
  kind,
  required: true,
  source,
  unit: kind === "percent" ? "%" : "чел.",
});

/** The default indicator set of a monitoring campaign: the ЦМН figures computed from live data, plus manual ones. */
export function defaultIndicators(): IndicatorDef[] {
  return [
    computed("mentors", "Наставников в базе", { metric: "participants", role: "mentor" }),
    computed("mentees", "Наставляемых в базе", { metric: "participants", role: "mentee" }),
    { ...computed("pairs_active", "Активных пар и групп", { metric: "pairs_active" }), unit: "ед." },
    { ...computed("pairs_completed", "Завершённых пар и групп", { metric: "pairs_completed" }), unit: "ед." },
    ...kpiCodes.map((code) => computed(`kpi_${code}`, kpiByCode[code].label, { metric: code }, "percent")),
    {
      ...computed("mentor_trainings", "Проведено мероприятий по обучению наставников", { metric: "trainings" }),
      unit: "ед.",
      hint: "По журналу «Обучение наставников» за период кампании",
    },
    {
      code: "plans_done",
      label: "Степень реализации индивидуальных планов развития",
      kind: "percent",
      required: true,
      min: 0,
      max: 100,
      unit: "%",
      hint: "Целевое значение — не менее 90 %",
    },
    {
      code: "assessment",
      label: "Общая оценка хода реализации программы",
      kind: "choice",
      required: true,
      options: ["По плану", "С отставанием", "Приостановлена"],
    },
    { code: "comment", label: "Комментарий куратора", kind: "text", required: false },
  ];
}

export type TableRow = { code: string; label: string; category?: ParticipantCategory; form?: FormCode; manual?: boolean };
export type TableColumn = { code: string; label: string; role?: "mentor" | "mentee" };
export type TableTemplate = { rows: TableRow[]; columns: TableColumn[] };

/** The default federal-count layout (§7.2): participants by category and by form of mentoring × role. */
export function defaultFederalTable(): TableTemplate {
  const categories: ParticipantCategory[] = ["pupil", "student", "teacher", "young_specialist", "employer", "graduate", "parent", "head"];
  return {
    rows: [
      { code: "total", label: "Всего участников" },
      ...categories.map((category) => ({ code: `cat_${category}`, label: categoryLabels[category], category })),
      ...formCatalogue.map((form) => ({ code: `form_${form.code}`, label: `Форма «${form.label}»`, form: form.code })),
    ],
    columns: [
      { code: "mentors", label: "Наставники", role: "mentor" },
      { code: "mentees", label: "Наставляемые", role: "mentee" },
      { code: "all", label: "Всего" },
    ],
  };
}

/**
 * The table as indicators: one integer cell per row × column, code `row.column`, `manual` rows filled by hand. A
 * campaign's cells count the programme's participants in its period (`programme`, every cell computed); the region's
 * live table without a campaign counts the registry (`participants`), which holds categories only as totals, so its
 * category × role cells stay empty.
 */
export function tableIndicators(table: TableTemplate, metric: "programme" | "participants" = "programme"): IndicatorDef[] {
  return table.rows.flatMap((row) =>
    table.columns.map((column): IndicatorDef => {
      const base: IndicatorDef = {
        code: `${row.code}.${column.code}`,
        label: `${row.label} — ${column.label}`,
        kind: "number",
        required: true,
        min: 0,
        max: 1_000_000,
        integer: true,
        unit: "чел.",
      };
      if (row.manual) return base;
      if (row.category && column.role && metric === "participants") return { ...base, required: false };
      const source: IndicatorSource = { metric };
      if (column.role) source.role = column.role;
      if (row.form) source.form = row.form;
      else if (row.category) source.category = row.category;
      return { ...base, source };
    }),
  );
}

export function tableIssues(table: TableTemplate): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const rows = new Set<string>();
  table.rows.forEach((row, i) => {
    if (rows.has(row.code)) issues.push({ path: `table.rows.${i}.code`, message: `Код строки «${row.code}» повторяется` });
    rows.add(row.code);
    if (row.category && row.form)
      issues.push({ path: `table.rows.${i}.form`, message: "Строка считается либо по категории, либо по форме" });
  });
  const columns = new Set<string>();
  table.columns.forEach((column, i) => {
    if (columns.has(column.code)) issues.push({ path: `table.columns.${i}.code`, message: `Код столбца «${column.code}» повторяется` });
    columns.add(column.code);
  });
  return issues;
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

/**
 * The default deadline: for monitoring the first 20 December or 20 May after the period starts (§5.3: «до 20 декабря
 * и до 20 мая»); for the federal count 30 December of the period's year (§7.1).
 */
export function defaultDeadline(kind: "monitoring" | "federal_count", periodStart: string): string {
  const [y, m, d] = periodStart.split("-").map(Number) as [number, number, number];
  if (kind === "federal_count") return iso(y, 12, 30);
  const candidates = [iso(y, 5, 20), iso(y, 12, 20), iso(y + 1, 5, 20)];
  const start = iso(y, m, d);
  return candidates.find((c) => c > start) ?? iso(y + 1, 5, 20);
}

/**
 * The default end of the period a campaign reports on: for monitoring its deadline (the half-year up to 20 December or
 * 20 May), for the federal count 31 December of the period's year (the count is of the calendar year's participants).
 */
export function defaultPeriodEnd(kind: "monitoring" | "federal_count", periodStart: string): string {
  return kind === "federal_count" ? `${periodStart.slice(0, 4)}-12-31` : defaultDeadline(kind, periodStart);
}

function offsetMs(instant: number, timeZone: string): number {
  const parts = dateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - instant;
}

/** The last millisecond of a calendar date in a time zone, as a UTC ISO timestamp. */
export function endOfDay(date: string, timeZone: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const nextMidnightUtc = Date.UTC(y, m - 1, d + 1);
  return new Date(nextMidnightUtc - offsetMs(nextMidnightUtc, timeZone) - 1).toISOString();
}

/** Late: submitted after the end of the deadline day in the region's time zone. */
export const isLate = (submittedAt: string, deadline: string, timeZone: string) => submittedAt > endOfDay(deadline, timeZone);
