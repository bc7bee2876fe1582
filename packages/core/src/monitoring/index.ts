import { useRegionID, useTenantID, useUser } from "../actor";
import { auditItem, recordAudit } from "../audit";
import { nowIso } from "../auth/secret";
import { VisibleError, notFound } from "../error";
import { downloadName } from "../file-name";
import { formCodes, participantCategories } from "../forms/catalogue";
import { getItems, itemKey } from "../dynamo";
import { createId } from "../id";
import { Institution, staleVersion } from "../institution";
import { liveData, liveDataFrom, liveDataKeys } from "../kpi";
import type { KpiCode } from "../kpi/formulas";
import { type SubmissionStatus, submissionStatusLabels } from "../labels";
import { timeZoneOf } from "../participant/calendar";
import { assertCan } from "../permissions";
import { Region } from "../region";
import { ruCompare } from "../ru";
import { isoDate, optionalText, text } from "../schemas";
import { readProgrammeCount } from "../stats/programme-read";
import { trainingsIn } from "../training";
import { type SummaryChange, submissionState, transactWithSummaries, transactionConflict } from "../stats/summary";
import { type Sheet, dateCell, writeCsv, writeXlsx } from "../tabular";
import * as z from "../zod";
import {
  type IndicatorDef,
  type IndicatorValue,
  type TableTemplate,
  computeSource,
  defaultDeadline,
  defaultFederalTable,
  defaultIndicators,
  defaultPeriodEnd,
  definitionIssues,
  endOfDay,
  countedStatuses,
  indicatorHeader,
  indicatorKinds,
  isLate,
  manualValues,
  needsProgramme,
  needsTrainings,
  sourceMetrics,
  tableIndicators,
  tableIssues,
  valueIssues,
} from "./indicators";
import {
  CampaignEntity,
  SubmissionEntity,
  SubmissionEventEntity,
  campaignKinds,
  type campaignStatuses,
  submissionStatuses,
} from "./monitoring.entity";
import { AuditEntity } from "../audit/audit.entity";

export * from "./indicators";
export { campaignKinds, submissionStatuses };
export { type SubmissionStatus, submissionStatusLabels };
export type CampaignKind = (typeof campaignKinds)[number];

export const campaignKindLabels: Record<CampaignKind, string> = {
  monitoring: "Мониторинг реализации ЦМН",
  federal_count: "Численность участников (форма федерального статистического наблюдения)",
};
const lockedStatuses: readonly SubmissionStatus[] = ["submitted", "resubmitted", "accepted"];
const reviewable: readonly SubmissionStatus[] = ["submitted", "resubmitted"];

const code = (label: string) =>
  z
    .string({ error: `Укажите код: ${label}` })
    .check(z.regex(/^[a-z][a-z0-9_]{0,59}$/, { error: `${label}: латинские строчные буквы, цифры и _, начиная с буквы` }));

const SourceInput = z.object({
  metric: z.enum(sourceMetrics, { error: "Неизвестный источник данных" }),
  role: z.optional(z.enum(["mentor", "mentee"], { error: "Роль: наставник или наставляемый" })),
  form: z.optional(z.enum(formCodes, { error: "Неизвестная форма наставничества" })),
  category: z.optional(z.enum(participantCategories, { error: "Неизвестная категория участников" })),
});

const finite = (label: string) => z.number({ error: `Поле «${label}» должно быть числом` });

export const IndicatorInput = z.object({
  code: code("Код показателя"),
  label: text("Наименование показателя", 500),
  kind: z.enum(indicatorKinds, { error: "Тип показателя: число, процент, текст или выбор" }),
  required: z.boolean({ error: "Укажите, обязателен ли показатель" }),
  min: z.optional(finite("Наименьшее значение")),
  max: z.optional(finite("Наибольшее значение")),
  integer: z.optional(z.boolean()),
  options: z.optional(z.array(text("Вариант", 200)).check(z.maxLength(30, { error: "Не больше 30 вариантов" }))),
  unit: optionalText("Единица измерения", 20),
  hint: optionalText("Подсказка", 500),
  source: z.optional(SourceInput),
});

export const TableInput = z.object({
  rows: z
    .array(
      z.object({
        code: code("Код строки"),
        label: text("Наименование строки", 300),
        category: z.optional(z.enum(participantCategories, { error: "Неизвестная категория участников" })),
        form: z.optional(z.enum(formCodes, { error: "Неизвестная форма наставничества" })),
        manual: z.optional(z.boolean()),
      }),
    )
    .check(z.minLength(1, { error: "Добавьте хотя бы одну строку" }), z.maxLength(60, { error: "Не больше 60 строк" })),
  columns: z
    .array(
      z.object({
        code: code("Код столбца"),
        label: text("Наименование столбца", 200),
        role: z.optional(z.enum(["mentor", "mentee"], { error: "Роль: наставник или наставляемый" })),
      }),
    )
    .check(z.minLength(1, { error: "Добавьте хотя бы один столбец" }), z.maxLength(10, { error: "Не больше 10 столбцов" })),
});

const campaignFields = {
  kind: z.enum(campaignKinds, { error: "Вид кампании: мониторинг или численность участников" }),
  name: text("Название кампании", 300),
  periodStart: isoDate("Начало периода"),
  periodEnd: isoDate("Конец периода"),
  deadline: z.optional(isoDate("Срок сдачи")),
  indicators: z.optional(z.array(IndicatorInput).check(z.maxLength(100, { error: "Не больше 100 показателей" }))),
  table: z.optional(TableInput),
};

type CampaignShape = {
  kind: CampaignKind;
  periodStart: string;
  periodEnd: string;
  indicators?: IndicatorDef[];
  table?: TableTemplate;
};
const checkCampaign = z.superRefine<CampaignShape>((value, ctx) => {
  const add = (path: string, message: string) => ctx.addIssue({ code: "custom", input: value, path: path.split("."), message });
  if (value.periodEnd < value.periodStart) add("periodEnd", "Конец периода не может быть раньше начала");
  if (value.kind === "monitoring") {
    if (!value.indicators?.length) add("indicators", "Добавьте хотя бы один показатель");
    for (const issue of definitionIssues(value.indicators ?? [])) add(issue.path, issue.message);
  } else {
    if (!value.table) add("table", "Задайте строки и столбцы таблицы");
    for (const issue of tableIssues(value.table ?? { rows: [], columns: [] })) add(issue.path, issue.message);
  }
});

export const CampaignInput = z.object(campaignFields).check(checkCampaign);
export type CampaignInput = z.infer<typeof CampaignInput>;
export const CampaignUpdate = z
  .object({ ...campaignFields, version: z.number({ error: "Не указана версия записи" }).check(z.int(), z.minimum(1)) })
  .check(checkCampaign);
export type CampaignUpdate = z.infer<typeof CampaignUpdate>;

const valuesField = z.record(z.string(), z.nullable(z.union([z.number(), z.string()])));
export const SubmissionDraft = z.object({
  values: valuesField,
  version: z.number({ error: "Не указана версия записи" }).check(z.int(), z.minimum(1)),
});
export const SubmissionSubmit = z.object({
  values: z.optional(valuesField),
  version: z.number({ error: "Не указана версия записи" }).check(z.int(), z.minimum(1)),
});
export const ReviewAccept = z.object({ version: z.number({ error: "Не указана версия записи" }).check(z.int(), z.minimum(1)) });
export const ReviewReturn = z.object({
  comment: text("Комментарий для организации", 2000),
  version: z.number({ error: "Не указана версия записи" }).check(z.int(), z.minimum(1)),
});

type CampaignRow = {
  regionId: string;
  campaignId: string;
  kind: CampaignKind;
  name: string;
  periodStart: string;
  periodEnd: string;
  deadline: string;
  dueDate?: string;
  indicators: IndicatorDef[];
  table?: TableTemplate;
  status: (typeof campaignStatuses)[number];
  institutionsCount: number;
  publishedAt?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
};
export type CampaignInfo = Omit<CampaignRow, "regionId" | "dueDate">;

const toCampaign = (row: CampaignRow): CampaignInfo => ({
  campaignId: row.campaignId,
  kind: row.kind,
  name: row.name,
  periodStart: row.periodStart,
  periodEnd: row.periodEnd,
  deadline: row.deadline,
  indicators: row.indicators,
  table: row.table,
  status: row.status,
  institutionsCount: row.institutionsCount,
  publishedAt: row.publishedAt,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  version: row.version,
});

type SubmissionRow = {
  tenantId: string;
  campaignId: string;
  regionId: string;
  institutionName: string;
  municipality: string;
  status: SubmissionStatus;
  values: Record<string, IndicatorValue>;
  snapshot?: Record<string, IndicatorValue>;
  submittedAt?: string;
  firstSubmittedAt?: string;
  late?: boolean;
  returnComment?: string;
  returnedAt?: string;
  acceptedAt?: string;
  updatedAt: string;
  version: number;
};

export type SubmissionEventInfo = {
  eventId: string;
  at: string;
  from: SubmissionStatus;
  to: SubmissionStatus;
  comment?: string;
  late?: boolean;
  actorRole: string;
};

const campaignPublished = (row: CampaignRow) =>
  new VisibleError("conflict", "monitoring.campaign_published", "Кампания уже разослана организациям: изменить её нельзя", {
    current: toCampaign(row),
  });
const campaignNotFound = () => notFound("monitoring.campaign_not_found", "Кампания не найдена");
const submissionNotFound = () => notFound("monitoring.submission_not_found", "Отчёт организации по этой кампании не найден");

/** A campaign of the actor's region; a foreign or missing one is the same 404. */
async function campaignRow(campaignId: string): Promise<CampaignRow> {
  const row = (await CampaignEntity.get({ regionId: useRegionID(), campaignId }).go()).data as CampaignRow | null;
  if (!row) throw campaignNotFound();
  return row;
}

async function submissionRow(tenantId: string, campaignId: string): Promise<SubmissionRow> {
  const row = (await SubmissionEntity.get({ tenantId, campaignId }).go({ consistent: true })).data as SubmissionRow | null;
  if (!row) throw submissionNotFound();
  return row;
}

async function history(tenantId: string, campaignId: string): Promise<SubmissionEventInfo[]> {
  const rows = await SubmissionEventEntity.query.bySubmission({ tenantId, campaignId }).go({ pages: "all" });
  return rows.data.map((e) => ({
    eventId: e.eventId,
    at: e.at,
    from: e.from,
    to: e.to,
    comment: e.comment,
    late: e.late,
    actorRole: e.actorRole,
  }));
}

const reportingYear = (campaign: { periodEnd: string }) => Number(campaign.periodEnd.slice(0, 4));

/**
 * The computed indicators' current values for an institution; from `liveItems` (liveDataKeys, already read) when given.
 * The programme's participants and the mentor-training events of the campaign's period are read only for a campaign
 * that asks for them.
 */
/** The computed indicators' values from live data, and why each KPI one without a value has none (the KPI page's reason). */
async function liveValues(
  campaign: CampaignRow,
  tenantId: string,
  liveItems?: (Record<string, unknown> | undefined)[],
): Promise<{ values: Record<string, IndicatorValue>; missing: Record<string, string> }> {
  const computed = campaign.indicators.filter((d) => d.source);
  if (computed.length === 0) return { values: {}, missing: {} };
  const year = reportingYear(campaign);
  const timeZone = await timeZoneOf(campaign.regionId);
  const period = { start: campaign.periodStart, end: campaign.periodEnd };
  const [live, programme, trainings] = await Promise.all([
    liveItems ? liveDataFrom(liveItems, year, timeZone) : liveData(tenantId, campaign.regionId, year),
    computed.some((d) => needsProgramme(d.source)) ? readProgrammeCount(tenantId, period, timeZone) : undefined,
    computed.some((d) => needsTrainings(d.source)) ? trainingsIn(tenantId, period) : undefined,
  ]);
  const values = Object.fromEntries(
    computed.map((d) => [d.code, d.source ? computeSource(d.source, { ...live, programme, trainings }) : null]),
  );
  const missing = Object.fromEntries(
    computed.flatMap((d) => {
      const reason = values[d.code] === null && d.source ? live.kpis[d.source.metric as KpiCode]?.missing : undefined;
      return reason ? [[d.code, reason]] : [];
    }),
  );
  return { values, missing };
}

/**
 * Institutions answer only a published campaign: a draft is still the region's to change (and, after a publish that
 * stopped half-way, some institutions may already have their submission of it).
 */
function assertPublished(campaign: CampaignRow) {
  if (campaign.status === "draft")
    throw new VisibleError(
      "conflict",
      "monitoring.campaign_not_published",
      "Кампания ещё не разослана организациям: заполнять и отправлять отчёт можно после её публикации",
    );
}

/**
 * Creates the submissions, each only if it does not exist: one that another publish (or an earlier attempt) wrote, and
 * that its institution may have started since, is skipped and never overwritten, nor its state on the summary.
 */
async function createSubmissions(items: SubmissionRow[]): Promise<void> {
  let pending = items;
  for (let conflicts = 0; pending.length > 0; ) {
    const batch = pending;
    const result = await transactWithSummaries(
      { submission: SubmissionEntity },
      ({ submission }) => batch.map((item) => submission.create(item).commit()),
      batch.map((item) => summaryOf(item, item)),
    );
    if (!result.canceled) return;
    // The reasons follow the actions' order, the submissions first: a failed condition is a submission that exists.
    pending = batch.filter((_, i) => result.reasons[i] !== "ConditionalCheckFailed");
    if (pending.length === batch.length && ++conflicts >= 3) throw transactionConflict();
  }
}

const invalid = (fields: { path: string; message: string }[]) =>
  new VisibleError("input", "request.invalid", "Проверьте правильность заполнения полей", { fields });

const locked = (current: unknown) =>
  new VisibleError(
    "conflict",
    "monitoring.submission_locked",
    "Отчёт уже отправлен в РНЦ: изменить его можно, только если РНЦ вернёт его на доработку.",
    {
      current,
    },
  );

export type SubmissionView = {
  campaign: Omit<CampaignInfo, "version" | "institutionsCount" | "createdAt" | "updatedAt">;
  tenantId: string;
  institutionName: string;
  municipality: string;
  status: SubmissionStatus;
  /** Each indicator with its value; `computed` ones come from live data until submitted, then from the frozen snapshot. */
  /** `missing`: why a computed KPI indicator has no value, while the report is live (the KPI page's reason). */
  indicators: (IndicatorDef & { computed: boolean; value: IndicatorValue; missing?: string })[];
  editable: boolean;
  submittedAt?: string;
  late?: boolean;
  returnComment?: string;
  returnedAt?: string;
  acceptedAt?: string;
  /** The last moment that is not late: the end of the deadline day in the region's time zone. */
  deadlineEnd: string;
  updatedAt: string;
  version: number;
  history: SubmissionEventInfo[];
};

/**
 * The submission as its form shows it. `read` carries what the caller already read with the campaign and the row (the
 * history, the live inputs), so that nothing is read twice.
 */
async function view(
  campaign: CampaignRow,
  row: SubmissionRow,
  options: { live: boolean; read?: { events: SubmissionEventInfo[]; liveItems: (Record<string, unknown> | undefined)[] } },
): Promise<SubmissionView> {
  const isLocked = lockedStatuses.includes(row.status);
  const [computed, events, timeZone] = await Promise.all([
    isLocked || !options.live
      ? Promise.resolve({ values: row.snapshot ?? {}, missing: {} as Record<string, string> })
      : liveValues(campaign, row.tenantId, options.read?.liveItems),
    options.read?.events ?? history(row.tenantId, row.campaignId),
    timeZoneOf(campaign.regionId),
  ]);
  const { version: _v, institutionsCount: _n, createdAt: _c, updatedAt: _u, ...campaignInfo } = toCampaign(campaign);
  return {
    campaign: campaignInfo,
    tenantId: row.tenantId,
    institutionName: row.institutionName,
    municipality: row.municipality,
    status: row.status,
    indicators: campaign.indicators.map((def) => ({
      ...def,
      computed: Boolean(def.source),
      value: def.source ? (computed.values[def.code] ?? null) : (row.values[def.code] ?? null),
      ...(computed.missing[def.code] ? { missing: computed.missing[def.code] } : {}),
    })),
    editable: !isLocked,
    submittedAt: row.submittedAt,
    late: row.late,
    returnComment: row.returnComment,
    returnedAt: row.returnedAt,
    acceptedAt: row.acceptedAt,
    deadlineEnd: endOfDay(campaign.deadline, timeZone),
    updatedAt: row.updatedAt,
    version: row.version,
    history: events,
  };
}

function eventItem(row: SubmissionRow, to: SubmissionStatus, at: string, extra: { comment?: string; late?: boolean } = {}) {
  const actor = useUser();
  return {
    tenantId: row.tenantId,
    campaignId: row.campaignId,
    eventId: createId("event"),
    at,
    from: row.status,
    to,
    comment: extra.comment,
    late: extra.late,
    actorId: actor.userId,
    actorRole: actor.role,
  };
}

function effectiveIndicators(input: CampaignInput): { indicators: IndicatorDef[]; table?: TableTemplate } {
  if (input.kind === "federal_count" && input.table) return { indicators: tableIndicators(input.table), table: input.table };
  return { indicators: input.indicators ?? [] };
}

export const Campaign = {
  /** What a new campaign of a kind starts with: the default indicators or table, the period's default end and the deadline. */
  defaults(kind: CampaignKind, periodStart: string) {
    assertCan("monitoring.manage");
    const dates = { periodEnd: defaultPeriodEnd(kind, periodStart), deadline: defaultDeadline(kind, periodStart) };
    return kind === "federal_count"
      ? { kind, ...dates, table: defaultFederalTable() }
      : { kind, ...dates, indicators: defaultIndicators() };
  },

  async list(): Promise<CampaignInfo[]> {
    assertCan("monitoring.region_read");
    const rows = await CampaignEntity.query.byId({ regionId: useRegionID() }).go({ pages: "all" });
    return (rows.data as CampaignRow[]).map(toCampaign).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  },

  async get(campaignId: string): Promise<CampaignInfo> {
    assertCan("monitoring.region_read");
    return toCampaign(await campaignRow(campaignId));
  },

  async create(input: CampaignInput): Promise<CampaignInfo> {
    assertCan("monitoring.manage");
    const regionId = useRegionID();
    const now = nowIso();
    const row: CampaignRow = {
      regionId,
      campaignId: createId("campaign"),
      kind: input.kind,
      name: input.name,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      deadline: input.deadline ?? defaultDeadline(input.kind, input.periodStart),
      ...effectiveIndicators(input),
      status: "draft",
      institutionsCount: 0,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await transactWithSummaries(
      { campaign: CampaignEntity, audit: AuditEntity },
      ({ campaign, audit }) => [
        campaign.create(row).commit(),
        audit.create(auditItem("campaign.create", row.campaignId, { regionId })).commit(),
      ],
      [],
    );
    return toCampaign(row);
  },

  /** A draft campaign can change; a published one is what the institutions answer, so it cannot. */
  async update(campaignId: string, input: CampaignUpdate): Promise<CampaignInfo> {
    assertCan("monitoring.manage");
    const current = await campaignRow(campaignId);
    if (current.status !== "draft") throw campaignPublished(current);
    if (current.kind !== input.kind) throw invalid([{ path: "kind", message: "Вид кампании изменить нельзя" }]);
    if (current.version !== input.version) throw staleVersion(toCampaign(current));
    const updatedAt = nowIso();
    const changes = {
      name: input.name,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      deadline: input.deadline ?? defaultDeadline(input.kind, input.periodStart),
      ...effectiveIndicators(input),
    };
    const result = await transactWithSummaries(
      { campaign: CampaignEntity, audit: AuditEntity },
      ({ campaign, audit }) => [
        campaign
          .patch({ regionId: current.regionId, campaignId })
          .set({ ...changes, updatedAt, version: current.version + 1 })
          .where((attr, op) => `${op.eq(attr.version, current.version)} AND ${op.eq(attr.status, "draft")}`)
          .commit(),
        audit.create(auditItem("campaign.update", campaignId, { regionId: current.regionId })).commit(),
      ],
      [],
    );
    if (result.canceled) {
      // Published meanwhile, or changed by someone else: say which.
      const latest = await campaignRow(campaignId);
      throw latest.status !== "draft" ? campaignPublished(latest) : staleVersion(toCampaign(latest));
    }
    return toCampaign({ ...current, ...changes, updatedAt, version: current.version + 1 });
  },

  /**
   * Sends the campaign to every active institution of the region: one `not_started` submission each, in transactions of
   * at most 100 items. Safe to retry and to run twice at once: a submission is only created, never overwritten (one
   * that exists is skipped), and the campaign becomes published (and enters the deadline index) only in the last step.
   * Until then the institutions can neither save nor submit (`assertPublished`), so a draft that a stopped publish left
   * with some submissions may still be edited: no value has been saved under its indicators, and a retry finishes it.
   */
  async publish(campaignId: string): Promise<CampaignInfo> {
    assertCan("monitoring.manage");
    const current = await campaignRow(campaignId);
    if (current.status !== "draft")
      throw new VisibleError("conflict", "monitoring.campaign_published", "Кампания уже разослана организациям", {
        current: toCampaign(current),
      });
    const [institutions, existing] = await Promise.all([
      Institution.list({ status: "active" }),
      SubmissionEntity.query.byCampaign({ campaignId }).go({ pages: "all" }),
    ]);
    if (institutions.length === 0)
      throw new VisibleError("conflict", "monitoring.no_institutions", "В регионе нет работающих организаций: кампанию некому отправить");
    const have = new Set(existing.data.map((s) => s.tenantId));
    const now = nowIso();
    const fresh = institutions
      .filter((i) => !have.has(i.tenantId))
      .map(
        (i): SubmissionRow => ({
          tenantId: i.tenantId,
          campaignId,
          regionId: current.regionId,
          institutionName: i.shortName,
          municipality: i.municipality,
          status: "not_started",
          values: {},
          updatedAt: now,
          version: 1,
        }),
      );
    // Each submission and its state on the institution's summary: two actions per institution, 50 per transaction.
    for (let i = 0; i < fresh.length; i += 50) await createSubmissions(fresh.slice(i, i + 50));
    const institutionsCount = have.size + fresh.length;
    const result = await transactWithSummaries(
      { campaign: CampaignEntity, audit: AuditEntity },
      ({ campaign, audit }) => [
        campaign
          .patch({ regionId: current.regionId, campaignId })
          .set({
            status: "published",
            dueDate: current.deadline,
            publishedAt: now,
            institutionsCount,
            updatedAt: now,
            version: current.version + 1,
          })
          .where((attr, op) => `${op.eq(attr.version, current.version)} AND ${op.eq(attr.status, "draft")}`)
          .commit(),
        audit.create(auditItem("campaign.publish", campaignId, { regionId: current.regionId })).commit(),
      ],
      [],
    );
    if (result.canceled) throw staleVersion(toCampaign(await campaignRow(campaignId)));
    return toCampaign({
      ...current,
      status: "published",
      publishedAt: now,
      institutionsCount,
      updatedAt: now,
      version: current.version + 1,
    });
  },

  /** Who has submitted, who is late, who was returned: one Query on gsi1 (one item per institution). */
  async tracker(campaignId: string) {
    assertCan("monitoring.region_read");
    const campaign = await campaignRow(campaignId);
    const [rows, timeZone] = await Promise.all([
      SubmissionEntity.query.byCampaign({ campaignId }).go({ pages: "all" }),
      timeZoneOf(campaign.regionId),
    ]);
    const deadlineEnd = endOfDay(campaign.deadline, timeZone);
    const overdueNow = nowIso() > deadlineEnd;
    const items = (rows.data as SubmissionRow[])
      .filter((row) => row.regionId === campaign.regionId)
      .map((row) => ({
        tenantId: row.tenantId,
        institutionName: row.institutionName,
        municipality: row.municipality,
        status: row.status,
        submittedAt: row.submittedAt,
        late: row.late ?? false,
        /** Not submitted yet and the deadline has passed. */
        overdue: overdueNow && !row.submittedAt,
        returnComment: row.returnComment,
        updatedAt: row.updatedAt,
        version: row.version,
      }))
      .sort((a, b) => ruCompare(a.institutionName, b.institutionName));
    const counts = Object.fromEntries(submissionStatuses.map((s) => [s, items.filter((i) => i.status === s).length])) as Record<
      SubmissionStatus,
      number
    >;
    return {
      campaign: toCampaign(campaign),
      deadlineEnd,
      counts: {
        ...counts,
        total: items.length,
        late: items.filter((i) => i.late).length,
        overdue: items.filter((i) => i.overdue).length,
        awaitingReview: counts.submitted + counts.resubmitted,
      },
      items,
    };
  },

  /** One institution's submission as the region sees it: values only once submitted (drafts stay with the institution). */
  async submission(campaignId: string, tenantId: string): Promise<SubmissionView> {
    assertCan("monitoring.region_read");
    const campaign = await campaignRow(campaignId);
    const row = await submissionRow(tenantId, campaignId);
    if (row.regionId !== campaign.regionId) throw submissionNotFound();
    const shown = row.submittedAt ? row : { ...row, values: {}, snapshot: {} };
    return view(campaign, shown, { live: false });
  },

  async accept(campaignId: string, tenantId: string, input: z.infer<typeof ReviewAccept>): Promise<SubmissionView> {
    assertCan("monitoring.manage");
    return review(campaignId, tenantId, input.version, "accepted");
  },

  /** Returns a sent report for rework with a comment, and tells the institution's curators by email. */
  async return(campaignId: string, tenantId: string, input: z.infer<typeof ReviewReturn>): Promise<SubmissionView> {
    assertCan("monitoring.manage");
    const returned = await review(campaignId, tenantId, input.version, "returned", input.comment);
    // Loaded when a report is returned, not on every cold start of the monitoring Lambda.
    const { notifyReturned } = await import("./notify");
    await notifyReturned({
      campaignId,
      name: returned.campaign.name,
      deadline: returned.campaign.deadline,
      tenantId,
      comment: input.comment,
    });
    return returned;
  },

  /** The region's consolidated table: one row per institution, submitted values only, with totals (XLSX or CSV). */
  async exportTable(campaignId: string) {
    assertCan("monitoring.region_read");
    const campaign = await campaignRow(campaignId);
    const rows = ((await SubmissionEntity.query.byCampaign({ campaignId }).go({ pages: "all" })).data as SubmissionRow[])
      .filter((row) => row.regionId === campaign.regionId)
      .sort((a, b) => ruCompare(a.institutionName, b.institutionName));
    const cellValue = (row: SubmissionRow, def: IndicatorDef): IndicatorValue =>
      row.submittedAt ? ((def.source ? row.snapshot?.[def.code] : row.values[def.code]) ?? null) : null;
    const numeric = campaign.indicators.filter((d) => d.kind === "number");
    const timeZone = await timeZoneOf(campaign.regionId);
    const sheet: Sheet = {
      name: campaign.kind === "federal_count" ? "Численность участников" : "Мониторинг",
      columns: [
        { header: "Организация", width: 40 },
        { header: "Муниципалитет", width: 24 },
        { header: "Статус", width: 22 },
        { header: "Отправлен", width: 14 },
        { header: "С опозданием", width: 14 },
        ...campaign.indicators.map((d) => ({ header: indicatorHeader(d), width: 18 })),
      ],
      rows: [
        ...rows.map((row) => [
          row.institutionName,
          row.municipality,
          submissionStatusLabels[row.status],
          dateCell(row.submittedAt, timeZone),
          row.submittedAt ? (row.late ? "да" : "нет") : null,
          ...campaign.indicators.map((d) => cellValue(row, d)),
        ]),
        [
          "Итого по отправленным, кроме возвращённых на доработку",
          null,
          null,
          null,
          null,
          ...campaign.indicators.map((d) =>
            numeric.includes(d)
              ? rows.filter((row) => countedStatuses.includes(row.status)).reduce((sum, row) => sum + (Number(cellValue(row, d)) || 0), 0)
              : null,
          ),
        ],
      ],
    };
    await recordAudit("campaign.export", campaignId, { regionId: campaign.regionId });
    return { campaign: toCampaign(campaign), sheet };
  },

  async exportFile(campaignId: string, format: "xlsx" | "csv") {
    const { campaign, sheet } = await Campaign.exportTable(campaignId);
    // Named as the campaign is («Мониторинг ЦМН, I полугодие 2026-27»), with its kind when the name does not say it.
    const fileName = downloadName(campaign.name, format, campaign.kind === "federal_count" ? "Численность участников" : "Мониторинг");
    return format === "csv"
      ? { fileName, contentType: "text/csv; charset=utf-8", body: writeCsv(sheet) }
      : { fileName, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body: await writeXlsx([sheet]) };
  },
};

/** A submission's state as the region's summary of its institution carries it. */
const summaryOf = (
  row: { tenantId: string; regionId: string; campaignId: string },
  state: { status: SubmissionStatus; submittedAt?: string; late?: boolean },
): SummaryChange => ({
  tenantId: row.tenantId,
  regionId: row.regionId,
  submission: { campaignId: row.campaignId, ...submissionState(state) },
});

async function review(campaignId: string, tenantId: string, expected: number, to: "accepted" | "returned", comment?: string) {
  const campaign = await campaignRow(campaignId);
  const row = await submissionRow(tenantId, campaignId);
  if (row.regionId !== campaign.regionId) throw submissionNotFound();
  if (!reviewable.includes(row.status))
    throw new VisibleError(
      "conflict",
      "monitoring.not_reviewable",
      `Отчёт в статусе «${submissionStatusLabels[row.status]}»: принять или вернуть можно только отправленный отчёт`,
      { current: await view(campaign, row, { live: false }) },
    );
  if (row.version !== expected) throw staleVersion(await view(campaign, row, { live: false }));
  const at = nowIso();
  const changes =
    to === "accepted"
      ? { status: to, acceptedAt: at, updatedAt: at, version: expected + 1 }
      : { status: to, returnComment: comment, returnedAt: at, updatedAt: at, version: expected + 1 };
  const result = await transactWithSummaries(
    { submission: SubmissionEntity, submissionEvent: SubmissionEventEntity, audit: AuditEntity },
    ({ submission, submissionEvent, audit }) => [
      submission
        .patch({ tenantId, campaignId })
        .set(changes)
        .where((attr, op) => op.eq(attr.version, expected))
        .commit(),
      submissionEvent.create(eventItem(row, to, at, { comment })).commit(),
      audit
        .create(auditItem(`submission.${to === "accepted" ? "accept" : "return"}`, campaignId, { tenantId, regionId: row.regionId }))
        .commit(),
    ],
    [summaryOf(row, { ...row, ...changes })],
  );
  if (result.canceled) throw staleVersion(await view(campaign, await submissionRow(tenantId, campaignId), { live: false }));
  return view(campaign, { ...row, ...changes }, { live: false });
}

/** The institution's side: its own submissions, pre-filled from live data. */
export const Submission = {
  async list() {
    assertCan("monitoring.read");
    const tenantId = useTenantID();
    const regionId = useRegionID();
    const rows = (await SubmissionEntity.query.byInstitution({ tenantId }).go({ pages: "all" })).data as SubmissionRow[];
    const campaigns = await Promise.all(
      rows.map(async (row) => (await CampaignEntity.get({ regionId, campaignId: row.campaignId }).go()).data as CampaignRow | null),
    );
    // A campaign is the institutions' once published (a stopped publish may leave a draft's submissions behind).
    return rows
      .map((row, i) => ({ row, campaign: campaigns[i] }))
      .filter((x): x is { row: SubmissionRow; campaign: CampaignRow } => Boolean(x.campaign) && x.campaign?.status !== "draft")
      .map(({ row, campaign }) => ({
        campaignId: row.campaignId,
        kind: campaign.kind,
        name: campaign.name,
        periodStart: campaign.periodStart,
        periodEnd: campaign.periodEnd,
        deadline: campaign.deadline,
        status: row.status,
        submittedAt: row.submittedAt,
        late: row.late ?? false,
        returnComment: row.returnComment,
        version: row.version,
      }))
      .sort((a, b) => b.deadline.localeCompare(a.deadline));
  },

  async get(campaignId: string): Promise<SubmissionView> {
    assertCan("monitoring.read");
    const tenantId = useTenantID();
    const regionId = useRegionID();
    // One round trip: the campaign, the submission and what its computed indicators come from (the region's KPI
    // settings and the institution's summary) in one BatchGetItem, beside the submission's history.
    const [[campaignItem, submissionItem, ...liveItems], events] = await Promise.all([
      getItems(
        [
          itemKey(CampaignEntity.get({ regionId, campaignId })),
          itemKey(SubmissionEntity.get({ tenantId, campaignId })),
          ...liveDataKeys(regionId, tenantId),
        ],
        { consistent: true },
      ),
      history(tenantId, campaignId),
    ]);
    const campaign = CampaignEntity.parse({ Item: campaignItem }).data as CampaignRow | null;
    if (!campaign) throw campaignNotFound();
    const row = SubmissionEntity.parse({ Item: submissionItem }).data as SubmissionRow | null;
    // Not sent yet: to the institution it is not there.
    if (!row || campaign.status === "draft") throw submissionNotFound();
    return view(campaign, row, { live: true, read: { events, liveItems } });
  },

  /** Saves manual values (range and type checked; required ones only on submit). */
  async saveDraft(campaignId: string, input: z.infer<typeof SubmissionDraft>): Promise<SubmissionView> {
    assertCan("monitoring.submit");
    const campaign = await campaignRow(campaignId);
    assertPublished(campaign);
    const row = await submissionRow(useTenantID(), campaignId);
    if (lockedStatuses.includes(row.status)) throw locked(await view(campaign, row, { live: false }));
    if (row.version !== input.version) throw staleVersion(await view(campaign, row, { live: true }));
    const issues = valueIssues(campaign.indicators, input.values, false);
    if (issues.length) throw invalid(issues);
    const at = nowIso();
    const status: SubmissionStatus = row.status === "not_started" ? "draft" : row.status;
    const changes = {
      values: { ...row.values, ...manualValues(campaign.indicators, input.values) },
      status,
      updatedAt: at,
      version: row.version + 1,
    };
    for (const [key, value] of Object.entries(input.values)) if (value === null || value === "") delete changes.values[key];
    const result = await transactWithSummaries(
      { submission: SubmissionEntity, submissionEvent: SubmissionEventEntity, audit: AuditEntity },
      ({ submission, submissionEvent, audit }) => [
        submission
          .patch({ tenantId: row.tenantId, campaignId })
          .set(changes)
          .where((attr, op) => op.eq(attr.version, row.version))
          .commit(),
        ...(status !== row.status ? [submissionEvent.create(eventItem(row, status, at)).commit()] : []),
        audit.create(auditItem("submission.save", campaignId, { tenantId: row.tenantId, regionId: row.regionId })).commit(),
      ],
      status !== row.status ? [summaryOf(row, { ...row, ...changes })] : [],
    );
    if (result.canceled) throw staleVersion(await view(campaign, await submissionRow(row.tenantId, campaignId), { live: true }));
    return view(campaign, { ...row, ...changes }, { live: true });
  },

  /**
   * Submits: all indicators validated, computed values frozen as a snapshot, the submission locked; late (by the first
   * sending) is recorded.
   */
  async submit(campaignId: string, input: z.infer<typeof SubmissionSubmit>): Promise<SubmissionView> {
    assertCan("monitoring.submit");
    const campaign = await campaignRow(campaignId);
    assertPublished(campaign);
    const row = await submissionRow(useTenantID(), campaignId);
    if (lockedStatuses.includes(row.status)) throw locked(await view(campaign, row, { live: false }));
    if (row.version !== input.version) throw staleVersion(await view(campaign, row, { live: true }));
    const merged = { ...row.values, ...(input.values ?? {}) };
    for (const [key, value] of Object.entries(merged)) if (value === null || value === "") delete merged[key];
    const issues = valueIssues(campaign.indicators, merged, true);
    if (issues.length) throw invalid(issues);
    const [{ values: snapshot }, timeZone] = await Promise.all([liveValues(campaign, row.tenantId), timeZoneOf(campaign.regionId)]);
    const at = nowIso();
    // Late is judged by the first sending: a report sent on time and returned by the region after the deadline is not
    // made late by its corrections.
    const late = isLate(row.firstSubmittedAt ?? at, campaign.deadline, timeZone);
    const to: SubmissionStatus = row.status === "returned" ? "resubmitted" : "submitted";
    const changes = {
      status: to,
      values: manualValues(campaign.indicators, merged),
      snapshot,
      submittedAt: at,
      firstSubmittedAt: row.firstSubmittedAt ?? at,
      late,
      updatedAt: at,
      version: row.version + 1,
    };
    const result = await transactWithSummaries(
      { submission: SubmissionEntity, submissionEvent: SubmissionEventEntity, audit: AuditEntity },
      ({ submission, submissionEvent, audit }) => [
        submission
          .patch({ tenantId: row.tenantId, campaignId })
          .set(changes)
          .where((attr, op) => op.eq(attr.version, row.version))
          .commit(),
        submissionEvent.create(eventItem(row, to, at, { late })).commit(),
        audit
          .create(
            auditItem(`submission.${to === "resubmitted" ? "resubmit" : "submit"}`, campaignId, {
              tenantId: row.tenantId,
              regionId: row.regionId,
            }),
          )
          .commit(),
      ],
      [summaryOf(row, { ...row, ...changes })],
    );
    if (result.canceled) {
      const latest = await submissionRow(row.tenantId, campaignId);
      if (lockedStatuses.includes(latest.status)) throw locked(await view(campaign, latest, { live: false }));
      throw staleVersion(await view(campaign, latest, { live: true }));
    }
    return view(campaign, { ...row, ...changes }, { live: false });
  },
};

/** Region name for headings (trusted read). */
export const regionName = async () => (await Region.get(useRegionID())).name;
