import { addDays, daysBetween, todayIn } from "../dates";
import { timeZoneOf } from "../participant/calendar";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { useActor, useRegionID, useTenantID } from "../actor";
import { auditItem } from "../audit";
import { hashToken, nowIso, randomToken } from "../auth/secret";
import { ddb, getItems, itemKey, tableName } from "../dynamo";
import { VisibleError, forbidden, notFound } from "../error";
import { downloadName } from "../file-name";
import { createId } from "../id";
import { InstitutionEntity } from "../institution/institution.entity";
import { itemStatusLabels, roadmapStatusLabels } from "../labels";
import { staleVersion } from "../institution";
import { log } from "../log";
import { assertCan } from "../permissions";
import { ruCompare } from "../ru";
import { isoDate, optionalText, text, version, webLink } from "../schemas";
import {
  type RoadmapChange,
  type RoadmapState,
  type SummaryChange,
  type TxEntities,
  readSummary,
  summaryKey,
  transactOrFail,
  transactWithSummaries,
  transactionConflict,
} from "../stats/summary";
import { UserEntity } from "../user/user.entity";
import * as z from "../zod";
import { type Deadline, type RoadmapPeriod, deadlineLabel, occurrences as deadlineOccurrences, parseDeadline } from "./deadline";
import { academicYearLabel, parsePeriod } from "./period";
import { initialPositions, positionAt } from "./position";
import {
  type Counters,
  type Evidence,
  type ItemStatus,
  type OccurrenceState,
  type Progress,
  addCounters,
  countersOf,
  doneOnTime,
  isDueThisMonth,
  isOpen,
  isOverdue,
  itemStatus,
  nextDue,
  duesOf,
  progressOf,
  undatedKey,
} from "./progress";
import {
  RoadmapCalendarEntity,
  RoadmapEntity,
  RoadmapItemEntity,
  RoadmapPendingEntity,
  RoadmapSectionEntity,
  RoadmapTemplateEntity,
  itemStatuses,
  noDue,
  roadmapStatuses,
  visibleRoadmapStatuses,
} from "./roadmap.entity";
import { type ParsedTable, csvRows, parseTableText, tableFromRows, xlsxRows } from "./table";
import type { TemplateKind, TemplateSection } from "./template";
import type { AuditAction } from "../audit/actions";
import { AuditEntity } from "../audit/audit.entity";

/** The standard templates (25 KB of text) are loaded when a roadmap is made from them, not at every cold start. */
const standardTemplates = () => import("./template");

export { itemStatuses, roadmapStatuses };
export type { Evidence, ItemStatus, Progress };
export type RoadmapStatus = (typeof roadmapStatuses)[number];

// ---------------------------------------------------------------------------------------------------------------
// Schemas
// ---------------------------------------------------------------------------------------------------------------

const periodText = () =>
  text("Период", 100).check(
    z.refine((value) => parsePeriod(value) !== undefined, {
      error: "Период не распознан: укажите год («2026»), учебный год («2026/27») или диапазон («2020 – 2024 гг.»)",
    }),
  );

const header = {
  title: text("Название дорожной карты", 500),
  approvedBy: optionalText("Кем утверждена", 300),
  approvedAt: z.optional(isoDate("Дата утверждения")),
  approvalAct: optionalText("Документ об утверждении", 300),
};

export const RoadmapInput = z.object({ ...header, period: periodText() });
export type RoadmapInput = z.infer<typeof RoadmapInput>;

export const RoadmapUpdate = z.object({
  version: version(),
  title: z.optional(header.title),
  approvedBy: header.approvedBy,
  approvedAt: z.optional(z.union([isoDate("Дата утверждения"), z.literal("")])),
  approvalAct: header.approvalAct,
  status: z.optional(z.enum(["draft", "approved", "archived"], { error: "Статус: черновик, утверждена или в архиве" })),
});
export type RoadmapUpdate = z.infer<typeof RoadmapUpdate>;

const academicYear = () =>
  z.string({ error: "Укажите учебный год" }).check(z.trim(), z.regex(/^20\d\d\/\d\d$/, { error: "Учебный год в формате 2026/27" }));

export const FromTemplateInput = z.object({ academicYear: academicYear(), title: z.optional(header.title) });
export type FromTemplateInput = z.infer<typeof FromTemplateInput>;

const evidence = z.object({
  note: optionalText("Подтверждение: примечание", 2000),
  documentNumber: optionalText("Подтверждение: номер документа", 200),
  link: webLink("Подтверждение: ссылка"),
});

const itemFields = {
  number: optionalText("№ п/п", 20),
  name: text("Наименование мероприятия", 5000),
  deadlineText: optionalText("Срок реализации", 300),
  executors: optionalText("Ответственный исполнитель", 1000),
  executorUserIds: z.optional(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(20, { error: "Не больше 20 исполнителей" }))),
  result: optionalText("Результат. Вид документа", 3000),
  comments: optionalText("Комментарии", 3000),
};

export const ItemInput = z.object({ ...itemFields, sectionId: z.optional(z.string().check(z.maxLength(40))) });
export type ItemInput = z.infer<typeof ItemInput>;

export const ItemUpdate = z.object({
  version: version(),
  number: itemFields.number,
  name: z.optional(itemFields.name),
  deadlineText: itemFields.deadlineText,
  executors: itemFields.executors,
  executorUserIds: itemFields.executorUserIds,
  result: itemFields.result,
  comments: itemFields.comments,
  /** Which occurrence the status, completion date and evidence belong to; may be left out when the item has one. */
  occurrenceKey: z.optional(z.string().check(z.maxLength(20))),
  status: z.optional(z.enum(itemStatuses, { error: "Статус: запланировано, в работе, выполнено или отменено" })),
  completedAt: z.optional(z.union([isoDate("Дата выполнения"), z.literal("")])),
  evidence: z.optional(evidence),
});
export type ItemUpdate = z.infer<typeof ItemUpdate>;

export const ItemMove = z.object({
  version: version(),
  sectionId: z.optional(z.string().check(z.maxLength(40))),
  /** The place among the other items of the target section, from 0. */
  index: z.number().check(z.int(), z.minimum(0), z.maximum(10_000)),
});
export type ItemMove = z.infer<typeof ItemMove>;

export const SectionInput = z.object({ number: optionalText("№ раздела", 20), title: text("Название раздела", 1000) });
export type SectionInput = z.infer<typeof SectionInput>;
export const SectionUpdate = z.object({
  version: version(),
  number: optionalText("№ раздела", 20),
  title: z.optional(text("Название раздела", 1000)),
  index: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(1000))),
});
export type SectionUpdate = z.infer<typeof SectionUpdate>;

const templateItem = z.object({
  number: optionalText("№ п/п", 20),
  name: text("Наименование мероприятия", 5000),
  deadlineText: optionalText("Срок реализации", 300),
  executors: optionalText("Ответственный исполнитель", 1000),
  result: optionalText("Результат. Вид документа", 3000),
});
export const TemplateInput = z.object({
  version: z.optional(version()),
  title: text("Название шаблона", 500),
  sections: z
    .array(
      z.object({
        number: optionalText("№ раздела", 20),
        title: text("Название раздела", 1000),
        items: z.array(templateItem).check(z.maxLength(200, { error: "В разделе шаблона не больше 200 мероприятий" })),
      }),
    )
    .check(
      z.minLength(1, { error: "В шаблоне должен быть хотя бы один раздел" }),
      z.maxLength(30, { error: "В шаблоне не больше 30 разделов" }),
    ),
});
export type TemplateInput = z.infer<typeof TemplateInput>;

/** Deadline texts of a template (being edited) to read against an academic year, as a roadmap made from it would. */
export const TemplateDeadlinesInput = z.object({
  academicYear: academicYear(),
  texts: z.array(z.string().check(z.maxLength(300, { error: "Срок реализации длиннее 300 символов" }))).check(z.maxLength(6000)),
});
export type TemplateDeadlinesInput = z.infer<typeof TemplateDeadlinesInput>;

const importSource = {
  text: z.optional(z.string().check(z.maxLength(500_000, { error: "Таблица слишком большая" }))),
  fileName: z.optional(z.string().check(z.maxLength(300))),
  contentBase64: z.optional(z.string().check(z.maxLength(1_000_000, { error: "Файл слишком большой" }))),
  period: periodText(),
};
const oneSource = z.refine<{ text?: string; contentBase64?: string }>(
  (value) => Boolean(value.text?.trim()) !== Boolean(value.contentBase64),
  {
    error: "Вставьте таблицу или приложите файл XLSX или CSV (что-то одно)",
  },
);
export const ImportPreviewInput = z.object(importSource).check(oneSource);
export type ImportPreviewInput = z.infer<typeof ImportPreviewInput>;
export const ImportInput = z.object({ ...importSource, ...header }).check(oneSource);
export type ImportInput = z.infer<typeof ImportInput>;

// ---------------------------------------------------------------------------------------------------------------
// Info types
// ---------------------------------------------------------------------------------------------------------------

export type OccurrenceInfo = OccurrenceState & { overdue: boolean };
export type ItemInfo = {
  itemId: string;
  roadmapId: string;
  sectionId?: string;
  position: string;
  number?: string;
  name: string;
  deadlineText?: string;
  deadlineKind?: Deadline["kind"];
  deadlineLabel: string;
  deadlineWarning?: string;
  executors?: string;
  executorUserIds: string[];
  result?: string;
  comments?: string;
  status: ItemStatus;
  occurrences: OccurrenceInfo[];
  nextDue?: string;
  overdue: boolean;
  dueThisMonth: boolean;
  doneOnTime: boolean;
  updatedAt: string;
  version: number;
};
export type SectionInfo = { sectionId: string; number?: string; title: string; position: string; version: number };
export type RoadmapInfo = {
  roadmapId: string;
  tenantId: string;
  title: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  approvedBy?: string;
  approvedAt?: string;
  approvalAct?: string;
  status: RoadmapStatus;
  createdAt: string;
  updatedAt: string;
  version: number;
};
export type RoadmapDetail = RoadmapInfo & {
  today: string;
  progress: Progress;
  sections: (SectionInfo & { items: ItemInfo[] })[];
  /** Items outside any section (e.g. their section was removed). */
  unsectioned: ItemInfo[];
};

type StoredRoadmap = NonNullable<Awaited<ReturnType<ReturnType<typeof RoadmapEntity.get>["go"]>>["data"]>;
type StoredSection = NonNullable<Awaited<ReturnType<ReturnType<typeof RoadmapSectionEntity.get>["go"]>>["data"]>;
type StoredItem = NonNullable<Awaited<ReturnType<ReturnType<typeof RoadmapItemEntity.get>["go"]>>["data"]>;
type StoredDeadline = { deadline: Deadline; warning?: string };

const periodOf = (row: { periodStart: string; periodEnd: string }): RoadmapPeriod => ({ start: row.periodStart, end: row.periodEnd });
const isIndexed = (status: RoadmapStatus) => status === "draft" || status === "approved";
const isVisible = (status: RoadmapStatus) => visibleRoadmapStatuses.includes(status);
/** The header condition of every write into a roadmap: it is in force (not archived, nor being imported or deleted). */
const inForce = <A extends { status: unknown }>(attr: A, op: { eq: (attribute: A["status"], value: RoadmapStatus) => string }) =>
  `${op.eq(attr.status, "draft")} OR ${op.eq(attr.status, "approved")}`;
const byPosition = <T extends { position: string }>(a: T, b: T) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0);

const toRoadmapInfo = (row: StoredRoadmap): RoadmapInfo => ({
  roadmapId: row.roadmapId,
  tenantId: row.tenantId,
  title: row.title,
  period: row.period,
  periodStart: row.periodStart,
  periodEnd: row.periodEnd,
  approvedBy: row.approvedBy,
  approvedAt: row.approvedAt,
  approvalAct: row.approvalAct,
  status: row.status,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  version: row.version,
});

const toSectionInfo = (row: StoredSection): SectionInfo => ({
  sectionId: row.sectionId,
  number: row.number,
  title: row.title,
  position: row.position,
  version: row.version,
});

function toItemInfo(row: StoredItem, today: string): ItemInfo {
  const stored = row.deadline as StoredDeadline | undefined;
  const occurrences = row.occurrences as OccurrenceState[];
  const next = row.nextDue === noDue ? nextDue(occurrences) : row.nextDue;
  return {
    itemId: row.itemId,
    roadmapId: row.roadmapId,
    sectionId: row.sectionId,
    position: row.position,
    number: row.number,
    name: row.name,
    deadlineText: row.deadlineText,
    deadlineKind: stored?.deadline.kind,
    deadlineLabel: stored ? deadlineLabel(stored.deadline, row.deadlineText) : "срок не указан",
    deadlineWarning: stored?.warning,
    executors: row.executors,
    executorUserIds: row.executorUserIds ?? [],
    result: row.result,
    comments: row.comments,
    status: row.status,
    occurrences: occurrences.map((o) => ({ ...o, overdue: isOpen(o.status) && isOverdue(o.due, today) })),
    nextDue: next,
    overdue: isOverdue(next, today),
    dueThisMonth: isDueThisMonth(next, today),
    doneOnTime: doneOnTime(occurrences),
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Deadlines → occurrences
// ---------------------------------------------------------------------------------------------------------------

export type Schedule = { stored?: StoredDeadline; label: string; warning?: string; occurrences: { key: string; due?: string }[] };

/** Interprets a deadline cell against the roadmap period: the parsed meaning, its label, a warning and the due dates. */
export function schedule(deadlineText: string | undefined, period: RoadmapPeriod): Schedule {
  if (!deadlineText?.trim()) return { label: "срок не указан", warning: "Срок не указан", occurrences: [{ key: undatedKey }] };
  const parsed = parseDeadline(deadlineText, period);
  let due: { key: string; due?: string }[] = deadlineOccurrences(parsed.deadline, period);
  let warning = parsed.warning;
  if (due.length === 0 && (parsed.deadline.kind === "date" || parsed.deadline.kind === "month")) {
    // A one-off date outside the roadmap's period is still that item's deadline.
    const date = parsed.deadline.kind === "date" ? parsed.deadline.date : parsed.deadline.to;
    due = [{ key: date, due: date }];
    warning = warning ?? `Срок «${deadlineText.trim()}» выходит за период дорожной карты`;
  }
  if (due.length === 0) due = [{ key: undatedKey }];
  const stored: StoredDeadline = warning ? { deadline: parsed.deadline, warning } : { deadline: parsed.deadline };
  return { stored, label: parsed.label, warning, occurrences: due };
}

/** How a deadline text reads in a period: what the import preview and the template editor show next to it. */
export type DeadlineReading = { deadlineKind?: Deadline["kind"]; deadlineLabel: string; dueDates: string[]; warning?: string };

export function readDeadline(deadlineText: string | undefined, period: RoadmapPeriod): DeadlineReading {
  const plan = schedule(deadlineText, period);
  return {
    ...(plan.stored ? { deadlineKind: plan.stored.deadline.kind } : {}),
    deadlineLabel: plan.label,
    dueDates: plan.occurrences.flatMap((o) => (o.due ? [o.due] : [])),
    ...(plan.warning ? { warning: plan.warning } : {}),
  };
}

/** «2026/27» → the academic year's period (1 September – 31 August), the one a roadmap from the template covers. */
/**
 * The template's deadlines with their blank years («Октябрь 202_», «До 15.02.202_») written as the roadmap anchors them
 * («Октябрь 2026», «До 15.02.2027»), so that a curator reads the dates of their own year.
 */
function withYearsFilledIn(sections: TemplateSection[], period: RoadmapPeriod): TemplateSection[] {
  const filled = (text: string | undefined) => {
    if (!text?.includes("_")) return text;
    const { label } = parseDeadline(text, period);
    return label.charAt(0).toUpperCase() + label.slice(1);
  };
  return sections.map((section) => ({
    ...section,
    items: section.items.map((item) => ({ ...item, deadlineText: filled(item.deadlineText) })),
  }));
}

function academicPeriod(academicYear: string): { label: string; period: RoadmapPeriod } {
  const startYear = Number(academicYear.slice(0, 4));
  if (Number(academicYear.slice(5)) !== (startYear + 1) % 100) {
    throw new VisibleError("input", "roadmap.academic_year", "Учебный год в формате 2026/27: второй год следует за первым");
  }
  const label = academicYearLabel(startYear);
  return { label, period: parsePeriod(label) as RoadmapPeriod };
}

/**
 * A roadmap from the template for an academic year that already has one in force (a draft or approved) would be a
 * second copy of it, which the region would count twice: refused, naming the one there is. Reads the institution's
 * summary (which lists its roadmaps with their periods) and that roadmap's header.
 */
async function refuseSecondForYear(tenantId: string, range: RoadmapPeriod, period: string): Promise<void> {
  const [stored] = await getItems([summaryKey(tenantId)], { consistent: true });
  const existing = (stored ? readSummary(stored).roadmaps : []).find(
    (r) => isIndexed(r.status as RoadmapStatus) && r.periodStart === range.start && r.periodEnd === range.end,
  );
  if (!existing) return;
  const header = (await RoadmapEntity.get({ tenantId, roadmapId: existing.roadmapId }).go()).data;
  const named = header ? ` «${header.title}» (${roadmapStatusLabels[header.status].toLowerCase()})` : "";
  const message = `На ${period} уже есть дорожная карта${named}. Откройте её или переведите в архив, чтобы создать новую по шаблону.`;
  throw new VisibleError("conflict", "roadmap.year_taken", message, {
    roadmapId: existing.roadmapId,
    fields: [{ path: "academicYear", message }],
  });
}

/** New occurrences keep the status, completion and evidence of the old ones with the same key. */
function mergeOccurrences(planned: { key: string; due?: string }[], previous: OccurrenceState[] = []): OccurrenceState[] {
  const old = new Map(previous.map((o) => [o.key, o]));
  return planned.map(({ key, due }) => {
    const kept = old.get(key);
    return kept ? { ...kept, due } : { key, ...(due ? { due } : {}), status: "planned" as const };
  });
}

export type ItemRecord = {
  tenantId: string;
  regionId: string;
  roadmapId: string;
  itemId: string;
  sectionId?: string;
  position: string;
  number?: string;
  name: string;
  deadlineText?: string;
  deadline?: StoredDeadline;
  executors?: string;
  executorUserIds?: string[];
  result?: string;
  comments?: string;
  occurrences: OccurrenceState[];
  status: ItemStatus;
  nextDue: string;
  createdAt: string;
  updatedAt: string;
  version: number;
};

/** An item record without what is derived from its occurrences (status and the due-index key). */
export type ItemDraft = Omit<ItemRecord, "status" | "nextDue">;

/** The full item record to `put`: status and the due-index key are derived from the occurrences every time. */
export function withDerived(record: ItemDraft, roadmapStatus: RoadmapStatus): ItemRecord {
  const occurrences = record.occurrences;
  const next = isIndexed(roadmapStatus) ? nextDue(occurrences) : undefined;
  return { ...record, status: itemStatus(occurrences), nextDue: next ?? noDue } as ItemRecord;
}

const clean = <T extends Record<string, unknown>>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== "")) as T;

// ---------------------------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------------------------

type Loaded = { header: StoredRoadmap; sections: StoredSection[]; items: StoredItem[] };

/** Every record of the tenant's partition under a prefix: one Query, paginated past 1 MB. */
async function queryPrefix(tenantId: string, prefix: string): Promise<Record<string, unknown>[]> {
  const raw: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await ddb.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: "pk = :pk and begins_with(sk, :sk)",
        ExpressionAttributeValues: { ":pk": `T#${tenantId}`, ":sk": prefix },
        ExclusiveStartKey: start,
        ConsistentRead: true,
      }),
    );
    raw.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return raw;
}

/** Groups raw records into roadmaps (header, sections and items share the sort-key prefix `ROADMAP#<id>`). */
function groupRoadmaps(raw: Record<string, unknown>[]): Loaded[] {
  const of = (entity: string) => raw.filter((item) => item.__edb_e__ === entity);
  const sections = RoadmapSectionEntity.parse({ Items: of("roadmapSection") }).data.sort(byPosition);
  const items = RoadmapItemEntity.parse({ Items: of("roadmapItem") }).data.sort(byPosition);
  return RoadmapEntity.parse({ Items: of("roadmap") }).data.map((header) => ({
    header,
    sections: sections.filter((row) => row.roadmapId === header.roadmapId),
    items: items.filter((row) => row.roadmapId === header.roadmapId),
  }));
}

/** A whole roadmap in one Query. */
async function loadRoadmap(tenantId: string, roadmapId: string): Promise<Loaded | undefined> {
  return groupRoadmaps(await queryPrefix(tenantId, `ROADMAP#${roadmapId}`)).find((loaded) => loaded.header.roadmapId === roadmapId);
}

/** Every roadmap of an institution in one Query (institutions keep a few roadmaps of tens of items each). */
async function loadAll(tenantId: string): Promise<Loaded[]> {
  return groupRoadmaps(await queryPrefix(tenantId, "ROADMAP#"));
}

const roadmapNotFound = () => notFound("roadmap.not_found", "Дорожная карта не найдена");
const itemNotFound = () => notFound("roadmap.item_not_found", "Мероприятие не найдено");
const sectionNotFound = () => notFound("roadmap.section_not_found", "Раздел не найден");
const archived = () =>
  new VisibleError("conflict", "roadmap.archived", "Дорожная карта в архиве: верните её в работу, чтобы вносить изменения");

/** A visible roadmap of the actor's institution; a foreign or missing one is the same 404. */
async function loadOwn(roadmapId: string): Promise<Loaded> {
  const loaded = await loadRoadmap(useTenantID(), roadmapId);
  if (!loaded || !isVisible(loaded.header.status)) throw roadmapNotFound();
  return loaded;
}

/** A roadmap of the actor's institution that can be written to: 404 as loadOwn, `roadmap.archived` if archived. */
async function loadWritable(roadmapId: string): Promise<Loaded> {
  const loaded = await loadOwn(roadmapId);
  if (loaded.header.status === "archived") throw archived();
  return loaded;
}

/** Why a write into a roadmap was cancelled: it is gone or hidden (404), archived, or another write interfered. */
async function refusedWrite(roadmapId: string): Promise<VisibleError> {
  await loadWritable(roadmapId);
  return transactionConflict();
}

/** Today's date in the region's time zone (or the given one, for tests and jobs that fix "today"). */
async function todayFor(regionId: string, today?: string): Promise<string> {
  return today ?? todayIn(await timeZoneOf(regionId));
}

function detailOf(loaded: Loaded, today: string): RoadmapDetail {
  const items = loaded.items.map((row) => toItemInfo(row, today));
  const sectionIds = new Set(loaded.sections.map((s) => s.sectionId));
  const counters = countersFromHeader(loaded.header);
  return {
    ...toRoadmapInfo(loaded.header),
    today,
    progress: progressOf(counters, duesOf(items.filter((i) => isOpen(i.status)).map((i) => i.nextDue)), today),
    sections: loaded.sections.map((section) => ({
      ...toSectionInfo(section),
      items: items.filter((item) => item.sectionId === section.sectionId),
    })),
    unsectioned: items.filter((item) => !item.sectionId || !sectionIds.has(item.sectionId)),
  };
}

const countersFromHeader = (row: Counters): Counters => ({
  itemsTotal: row.itemsTotal,
  itemsDone: row.itemsDone,
  itemsDoneOnTime: row.itemsDoneOnTime,
  itemsCancelled: row.itemsCancelled,
});

/** How an item's change moves the dues: off its old next due date, onto its new one. */
function dueDelta(before: OccurrenceState[] | undefined, after: OccurrenceState[] | undefined): Record<string, number> {
  const was = before && nextDue(before);
  const is = after && nextDue(after);
  if (was === is) return {};
  return { ...(was ? { [was]: -1 } : {}), ...(is ? { [is]: 1 } : {}) };
}

/** A roadmap as its institution's summary carries it: from its header's counters and its items' occurrences. */
export const roadmapState = (
  header: Counters & { status: RoadmapStatus; periodStart: string; periodEnd: string },
  items: OccurrenceState[][],
): RoadmapState => ({
  status: header.status,
  periodStart: header.periodStart,
  periodEnd: header.periodEnd,
  ...countersFromHeader(header),
  // An item's next due date (undated and closed items have none, and count nowhere).
  dues: duesOf(items.map((occurrences) => nextDue(occurrences))),
});

/** Trusted (check:stats): every roadmap of an institution as its summary should carry it. */
export async function roadmapSummaryStates(tenantId: string): Promise<({ roadmapId: string } & RoadmapState)[]> {
  return (await loadAll(tenantId))
    .filter(({ header }) => isVisible(header.status))
    .map(({ header, items }) => ({
      roadmapId: header.roadmapId,
      ...roadmapState(
        header,
        items.map((item) => item.occurrences as OccurrenceState[]),
      ),
    }));
}

/** A change of the roadmap as the institution's summary for the region carries it (stats/summary.ts). */
const roadmapSummary = (header: { tenantId: string; regionId: string; roadmapId: string }, roadmap: Omit<RoadmapChange, "roadmapId">) =>
  ({ tenantId: header.tenantId, regionId: header.regionId, roadmap: { roadmapId: header.roadmapId, ...roadmap } }) as SummaryChange;

// ---------------------------------------------------------------------------------------------------------------
// Writing a whole roadmap (template, import)
// ---------------------------------------------------------------------------------------------------------------

/**
 * Below this many records a roadmap is written in one transaction (DynamoDB allows 100 actions; the header, the audit
 * event and the institution's summary take three).
 */
const TRANSACTION_RECORDS = 97;

export type NewHeader = { title: string; period: string; approvedBy?: string; approvedAt?: string; approvalAct?: string };

/** The sum of the items' counters (a roadmap header carries it). */
export const countersOfItems = (items: readonly { occurrences: OccurrenceState[] }[]): Counters =>
  items.reduce((sum, item) => addCounters(sum, countersOf(item.occurrences)), countersOf(undefined));

/**
 * A new roadmap's records, before anything is written (the pure part of `writeRoadmap`): the header (without its
 * status; with the items' counters), the sections and the items in `content` order with their positions, each item's
 * occurrences planned from its deadline (status and due key not yet derived: `withDerived`), and the state the
 * institution's summary carries for it as a draft. `newId` makes the ids (in this order: the roadmap, the sections,
 * the items); `createId` by default.
 */
export function draftRoadmap(options: {
  tenantId: string;
  regionId: string;
  header: NewHeader;
  content: readonly TemplateSection[];
  now: string;
  newId?: (kind: "roadmap" | "roadmapSection" | "roadmapItem") => string;
}) {
  const { tenantId, regionId, header: headerInput, content, now } = options;
  const newId = options.newId ?? createId;
  const period = parsePeriod(headerInput.period) as RoadmapPeriod;
  const roadmapId = newId("roadmap");
  const sectionPositions = initialPositions(content.length);
  const sections = content.map((section, i) =>
    clean({
      tenantId,
      roadmapId,
      sectionId: newId("roadmapSection"),
      number: section.number,
      title: section.title,
      position: sectionPositions[i] as string,
      createdAt: now,
      updatedAt: now,
      version: 1,
    }),
  );
  const allItems = content.flatMap((section, s) => section.items.map((item) => ({ item, sectionId: sections[s]?.sectionId })));
  const itemPositions = initialPositions(allItems.length);
  const items = allItems.map(({ item, sectionId }, i) => {
    const plan = schedule(item.deadlineText, period);
    return clean({
      tenantId,
      regionId,
      roadmapId,
      itemId: newId("roadmapItem"),
      sectionId,
      position: itemPositions[i] as string,
      number: item.number,
      name: item.name,
      deadlineText: item.deadlineText,
      deadline: plan.stored,
      executors: item.executors,
      result: item.result,
      occurrences: mergeOccurrences(plan.occurrences),
      createdAt: now,
      updatedAt: now,
      version: 1,
    }) as ItemDraft;
  });
  const counters = countersOfItems(items);
  const header = clean({
    tenantId,
    regionId,
    roadmapId,
    ...headerInput,
    periodStart: period.start,
    periodEnd: period.end,
    createdAt: now,
    updatedAt: now,
    version: 1,
    ...counters,
  });
  const state = roadmapState(
    { status: "draft", periodStart: period.start, periodEnd: period.end, ...counters },
    items.map((d) => d.occurrences),
  );
  return { roadmapId, header, sections, items, state };
}

async function writeRoadmap(headerInput: NewHeader, content: TemplateSection[], action: AuditAction): Promise<string> {
  const tenantId = useTenantID();
  const regionId = useRegionID();
  const {
    roadmapId,
    header: baseHeader,
    sections,
    items: drafts,
    state,
  } = draftRoadmap({ tenantId, regionId, header: headerInput, content, now: nowIso() });
  const audit = auditItem(action, roadmapId, { tenantId, regionId });
  const summary = roadmapSummary({ tenantId, regionId, roadmapId }, { put: state });

  if (sections.length + drafts.length <= TRANSACTION_RECORDS) {
    await transactOrFail(
      { roadmap: RoadmapEntity, roadmapSection: RoadmapSectionEntity, roadmapItem: RoadmapItemEntity, audit: AuditEntity },
      ({ roadmap, roadmapSection, roadmapItem, audit: log }) => [
        roadmap.create({ ...baseHeader, status: "draft" }).commit(),
        ...sections.map((section) => roadmapSection.create(section).commit()),
        ...drafts.map((item) => roadmapItem.create(withDerived(item, "draft")).commit()),
        log.create(audit).commit(),
      ],
      [summary],
    );
    return roadmapId;
  }

  // Too big for one transaction: an invisible `importing` header first (with its pending note), then the records
  // without due-index keys, then the items again with their keys, the last chunk flipping the header to draft and
  // removing the note. Nothing is shown (or reminded) before that last commit; what a failure leaves is invisible and
  // discarded by the recovery job.
  const pending = { tenantId, regionId, roadmapId, operation: "import" as const, startedAt: nowIso() };
  await transactOrFail(
    { roadmap: RoadmapEntity, roadmapPending: RoadmapPendingEntity },
    ({ roadmap, roadmapPending }) => [
      roadmap.create({ ...baseHeader, status: "importing" }).commit(),
      roadmapPending.create(pending).commit(),
    ],
    [],
  );
  const records = [
    ...sections.map((section) => ({ kind: "section" as const, section })),
    ...drafts.map((item) => ({ kind: "item" as const, item: withDerived(item, "importing") })),
  ];
  for (let i = 0; i < records.length; i += 100) {
    const chunk = records.slice(i, i + 100);
    await transactOrFail(
      { roadmapSection: RoadmapSectionEntity, roadmapItem: RoadmapItemEntity },
      ({ roadmapSection, roadmapItem }) =>
        chunk.map((record) =>
          record.kind === "section" ? roadmapSection.create(record.section).commit() : roadmapItem.create(record.item).commit(),
        ),
      [],
    );
  }
  // The last chunk also flips the header and removes the note: one record fewer per chunk.
  const indexed = drafts.map((item) => withDerived(item, "draft"));
  const chunkSize = TRANSACTION_RECORDS - 1;
  for (let i = 0; i < indexed.length; i += chunkSize) {
    const chunk = indexed.slice(i, i + chunkSize);
    const last = i + chunkSize >= indexed.length;
    await transactOrFail(
      { roadmap: RoadmapEntity, roadmapItem: RoadmapItemEntity, roadmapPending: RoadmapPendingEntity, audit: AuditEntity },
      ({ roadmap, roadmapItem, roadmapPending, audit: log }) => [
        ...chunk.map((item) => roadmapItem.put(item).commit()),
        ...(last
          ? [
              roadmap
                .patch({ tenantId, roadmapId })
                .set({ status: "draft" })
                .where((attr, op) => op.eq(attr.status, "importing"))
                .commit(),
              roadmapPending.delete({ tenantId, roadmapId }).commit(),
              log.create(audit).commit(),
            ]
          : []),
      ],
      last ? [summary] : [],
    );
  }
  return roadmapId;
}

// ---------------------------------------------------------------------------------------------------------------
// Item writes
// ---------------------------------------------------------------------------------------------------------------

/** Puts an item (version-checked), moves the header counters by the change, and records the audit event: one transaction. */
async function commitItem(
  loaded: Loaded,
  before: StoredItem | undefined,
  after: ItemRecord | undefined,
  action: AuditAction,
  itemId: string,
): Promise<void> {
  const { header } = loaded;
  if (header.status === "archived") throw archived();
  const delta = addCounters(countersOf(after?.occurrences), countersOf(before?.occurrences as OccurrenceState[] | undefined), -1);
  const changed = Object.values(delta).some((value) => value !== 0);
  const key = { tenantId: header.tenantId, roadmapId: header.roadmapId };
  const dues = dueDelta(before?.occurrences as OccurrenceState[] | undefined, after?.occurrences);
  const result = await transactWithSummaries(
    { roadmap: RoadmapEntity, roadmapItem: RoadmapItemEntity, audit: AuditEntity },
    ({ roadmap, roadmapItem, audit }) => [
      after
        ? before
          ? roadmapItem
              .put(after)
              .where((attr, op) => op.eq(attr.version, before.version))
              .commit()
          : roadmapItem.create(after).commit()
        : roadmapItem
            .delete({ ...key, itemId })
            .where((attr, op) => op.eq(attr.version, before?.version ?? 0))
            .commit(),
      changed ? roadmap.patch(key).add(delta).where(inForce).commit() : roadmap.check(key).where(inForce).commit(),
      audit.create(auditItem(action, itemId, { tenantId: header.tenantId, regionId: header.regionId })).commit(),
    ],
    [roadmapSummary(header, { add: { counters: delta, dues } })],
  );
  if (result.canceled) {
    const latest = await loadWritable(header.roadmapId);
    const current = latest.items.find((item) => item.itemId === itemId);
    if (!current) throw itemNotFound();
    throw staleVersion(toItemInfo(current, await todayFor(header.regionId)));
  }
}

async function checkExecutors(tenantId: string, userIds: string[] | undefined): Promise<void> {
  for (const userId of userIds ?? []) {
    const user = (await UserEntity.get({ userId }).go()).data;
    if (!user || user.tenantId !== tenantId) {
      throw new VisibleError("input", "roadmap.executor_unknown", "Исполнитель должен быть сотрудником вашей организации");
    }
  }
}

function findItem(loaded: Loaded, itemId: string): StoredItem {
  const item = loaded.items.find((row) => row.itemId === itemId);
  if (!item) throw itemNotFound();
  return item;
}

function findSection(loaded: Loaded, sectionId: string): StoredSection {
  const section = loaded.sections.find((row) => row.sectionId === sectionId);
  if (!section) throw sectionNotFound();
  return section;
}

/** An item update's mark on one occurrence (status, completion date, evidence), as `updateItem` applies it. */
export function applyOccurrenceChange(
  occurrences: OccurrenceState[],
  input: Pick<ItemUpdate, "occurrenceKey" | "status" | "completedAt" | "evidence">,
  today: string,
): OccurrenceState[] {
  const touches = input.status !== undefined || input.completedAt !== undefined || input.evidence !== undefined;
  if (!touches) return occurrences;
  const key = input.occurrenceKey ?? (occurrences.length === 1 ? occurrences[0]?.key : undefined);
  if (!key) {
    throw new VisibleError("input", "roadmap.occurrence_required", "У мероприятия несколько сроков: укажите, к какому относится отметка", {
      occurrences: occurrences.map((o) => o.key),
    });
  }
  if (!occurrences.some((o) => o.key === key)) {
    throw new VisibleError("input", "roadmap.occurrence_unknown", "У мероприятия нет такого срока");
  }
  if (input.completedAt && input.completedAt > today) {
    throw new VisibleError("input", "roadmap.future_completion", "Дата выполнения не может быть в будущем", {
      fields: [{ path: "completedAt", message: "Дата выполнения не может быть в будущем" }],
    });
  }
  return occurrences.map((o) => {
    if (o.key !== key) return o;
    const status = input.status ?? o.status;
    let completedAt = input.completedAt === "" ? undefined : (input.completedAt ?? o.completedAt);
    if (status === "done" && !completedAt) completedAt = today;
    if (status !== "done") completedAt = undefined;
    const evidence = input.evidence ? clean({ ...o.evidence, ...input.evidence }) : o.evidence;
    return clean({ ...o, status, completedAt, evidence: evidence && Object.keys(evidence).length ? evidence : undefined });
  });
}

/** The stored fields of an item, without the derived status and due key (for re-deriving them). */
function recordOf(row: StoredItem): ItemDraft {
  const { status: _status, nextDue: _next, ...rest } = row;
  return { ...rest, occurrences: row.occurrences as OccurrenceState[] } as ItemDraft;
}

/**
 * After a status change is saved: brings the items in line, reading them again when an item edit landed in between
 * (the change itself stands; what is left out of line now is finished by the roadmap's next update). Returns the
 * roadmap as last read.
 */
async function settleItems(roadmapId: string): Promise<Loaded> {
  for (let attempt = 1; ; attempt++) {
    const loaded = await loadOwn(roadmapId);
    try {
      await reindexItems(loaded);
      return loaded;
    } catch (error) {
      if (!(error instanceof VisibleError && error.code === "roadmap.busy")) throw error;
      if (attempt === 3) return loaded;
    }
  }
}

/**
 * Rewrites the items whose due-index key disagrees with their roadmap's status (archived: out of the due index; draft
 * or approved: in it), each put conditional on the item's version and the header's status as read. Idempotent: a
 * status change that stopped halfway is finished by the next call.
 */
async function reindexItems(loaded: Loaded): Promise<void> {
  const { header } = loaded;
  const key = { tenantId: header.tenantId, roadmapId: header.roadmapId };
  const stale = loaded.items.flatMap((row) => {
    const record = withDerived(recordOf(row), header.status);
    return record.nextDue === row.nextDue ? [] : [{ row, record }];
  });
  for (let i = 0; i < stale.length; i += 99) {
    const result = await transactWithSummaries(
      { roadmap: RoadmapEntity, roadmapItem: RoadmapItemEntity },
      ({ roadmap, roadmapItem }) => [
        roadmap
          .check(key)
          .where((attr, op) => op.eq(attr.status, header.status))
          .commit(),
        ...stale.slice(i, i + 99).map(({ row, record }) =>
          roadmapItem
            .put(record)
            .where((attr, op) => op.eq(attr.version, row.version))
            .commit(),
        ),
      ],
      [],
    );
    if (result.canceled) throw new VisibleError("conflict", "roadmap.busy", "Мероприятия дорожной карты изменяются: повторите попытку");
  }
}

type PendingNote = { tenantId: string; regionId: string; roadmapId: string; operation: "import" | "delete"; startedAt: string };

/** Longer than any request runs (the API's Lambdas stop after 15 s): a pending note this old was left by a failure. */
const pendingGraceMs = 15 * 60_000;

/**
 * Removes what is left of a roadmap being imported or deleted (its header `importing` or `deleting`): its records in
 * chunks, then the header with the pending note. Each transaction checks the header's status, so a roadmap in force is
 * never touched; idempotent, so a retry or the recovery job finishes what stopped halfway.
 */
async function discard(note: PendingNote): Promise<void> {
  const status = note.operation === "import" ? "importing" : "deleting";
  const key = { tenantId: note.tenantId, roadmapId: note.roadmapId };
  const loaded = await loadRoadmap(note.tenantId, note.roadmapId);
  // A note outlives its roadmap only if the roadmap moved on (the note goes in the same transaction): just the note.
  const pending = loaded?.header.status === status ? loaded : undefined;
  const records = [
    ...(pending?.items ?? []).map((item) => ({ kind: "item" as const, itemId: item.itemId })),
    ...(pending?.sections ?? []).map((section) => ({ kind: "section" as const, sectionId: section.sectionId })),
  ];
  const recordEntities = { roadmapItem: RoadmapItemEntity, roadmapSection: RoadmapSectionEntity };
  const deletes = (chunk: typeof records, { roadmapItem, roadmapSection }: TxEntities<typeof recordEntities>) =>
    chunk.map((record) =>
      record.kind === "item"
        ? roadmapItem.delete({ ...key, itemId: record.itemId }).commit()
        : roadmapSection.delete({ ...key, sectionId: record.sectionId }).commit(),
    );
  const lastChunk = Math.max(0, records.length - TRANSACTION_RECORDS);
  for (let i = 0; i < lastChunk; i += TRANSACTION_RECORDS) {
    await transactOrFail(
      { ...recordEntities, roadmap: RoadmapEntity },
      (entities) => [
        entities.roadmap
          .check(key)
          .where((attr, op) => op.eq(attr.status, status))
          .commit(),
        ...deletes(records.slice(i, Math.min(i + TRANSACTION_RECORDS, lastChunk)), entities),
      ],
      [],
    );
  }
  await transactOrFail(
    { ...recordEntities, roadmap: RoadmapEntity, roadmapPending: RoadmapPendingEntity },
    (entities) => [
      ...deletes(records.slice(lastChunk), entities),
      ...(pending
        ? [
            entities.roadmap
              .delete(key)
              .where((attr, op) => op.eq(attr.status, status))
              .commit(),
          ]
        : []),
      entities.roadmapPending.delete(key).commit(),
    ],
    [],
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------------------------

export type PreviewItem = {
  row: number;
  number?: string;
  name: string;
  deadlineText?: string;
  deadlineKind?: Deadline["kind"];
  deadlineLabel: string;
  dueDates: string[];
  executors?: string;
  result?: string;
  warning?: string;
};
export type ImportPreview = {
  period: RoadmapPeriod;
  sections: { number?: string; title: string; items: PreviewItem[] }[];
  counts: { sections: number; items: number; warnings: number };
  warnings: { row?: number; message: string }[];
};

async function readTable(input: ImportPreviewInput): Promise<ParsedTable> {
  if (input.text?.trim()) return parseTableText(input.text);
  const content = Buffer.from(input.contentBase64 ?? "", "base64");
  const name = (input.fileName ?? "").toLowerCase();
  const isZip = content[0] === 0x50 && content[1] === 0x4b;
  if (name.endsWith(".xlsx") || isZip) {
    try {
      return tableFromRows(await xlsxRows(content));
    } catch {
      throw new VisibleError("input", "roadmap.import_unreadable", "Не удалось прочитать файл XLSX: сохраните таблицу в Excel заново");
    }
  }
  if (name.endsWith(".xls") || name.endsWith(".doc") || name.endsWith(".docx")) {
    throw new VisibleError("input", "roadmap.import_format", "Поддерживаются XLSX и CSV; таблицу из Word скопируйте и вставьте как текст");
  }
  return tableFromRows(csvRows(content.toString("utf8")));
}

function previewOf(table: ParsedTable, period: RoadmapPeriod): ImportPreview {
  const warnings = [...table.warnings];
  const sections = table.sections.map((section) => ({
    number: section.number,
    title: section.title,
    items: section.items.map((item): PreviewItem => {
      const reading = readDeadline(item.deadlineText, period);
      if (reading.warning) {
        const cell = item.deadlineText ? `срок «${item.deadlineText}»` : "срок";
        warnings.push({
          row: item.row,
          message: `Строка ${item.row}${item.number ? ` (№ ${item.number})` : ""}: ${cell} — ${reading.warning}`,
        });
      }
      return clean({
        row: item.row,
        number: item.number,
        name: item.name,
        deadlineText: item.deadlineText,
        ...reading,
        executors: item.executors,
        result: item.result,
      }) as PreviewItem;
    }),
  }));
  return {
    period,
    sections,
    counts: { sections: sections.length, items: sections.reduce((n, s) => n + s.items.length, 0), warnings: warnings.length },
    warnings,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Region views
// ---------------------------------------------------------------------------------------------------------------

export type RegionRoadmapProgress = {
  tenantId: string;
  institution: string;
  roadmaps: { roadmapId: string; title: string; period: string; status: RoadmapStatus; progress: Progress }[];
};
export type RegionOverdueItem = {
  roadmapId: string;
  roadmapTitle: string;
  itemId: string;
  number?: string;
  name: string;
  deadlineText?: string;
  due: string;
  daysOverdue: number;
  executors?: string;
};
export type RegionOverdue = { tenantId: string; institution: string; items: RegionOverdueItem[] };

const firstOfNextMonth = (today: string) => {
  const [y, m] = today.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
};

async function regionData(regionId: string, before: string) {
  const [headers, open, institutions] = await Promise.all([
    RoadmapEntity.query.byRegion({ regionId }).go({ pages: "all" }),
    RoadmapItemEntity.query.byRegionOpen({ regionId }).lt({ nextDue: before }).go({ pages: "all" }),
    InstitutionEntity.query.byRegion({ regionId }).go({ pages: "all" }),
  ]);
  const visible = headers.data.filter((row) => isIndexed(row.status) || row.status === "archived");
  // An item counts only while its roadmap's header is indexed: an archive or an import may have stopped halfway.
  const indexed = new Set(visible.filter((row) => isIndexed(row.status)).map((row) => row.roadmapId));
  const names = new Map(institutions.data.map((row) => [row.tenantId, row.shortName]));
  return { headers: visible, open: open.data.filter((row) => indexed.has(row.roadmapId)), names };
}

// ---------------------------------------------------------------------------------------------------------------
// Verbs
// ---------------------------------------------------------------------------------------------------------------

export type DueItem = {
  tenantId: string;
  regionId: string;
  roadmapId: string;
  itemId: string;
  number?: string;
  name: string;
  deadlineText?: string;
  due: string;
  status: ItemStatus;
  executors?: string;
  executorUserIds: string[];
};

export const Roadmap = {
  /** The institution's roadmaps with their progress: one Query over the institution's roadmap records. */
  async list(options: { today?: string } = {}): Promise<(RoadmapInfo & { progress: Progress })[]> {
    assertCan("roadmap.read");
    const tenantId = useTenantID();
    // As many records as roadmaps, whatever their items: the institution's summary names its visible roadmaps with
    // their open items' due dates (written in the same transactions as the items), then the headers by key.
    const [today, [stored]] = await Promise.all([
      todayFor(useRegionID(), options.today),
      getItems([summaryKey(tenantId)], { consistent: true }),
    ]);
    const entries = stored ? readSummary(stored).roadmaps : [];
    const headers = await getItems(
      entries.map(({ roadmapId }) => itemKey(RoadmapEntity.get({ tenantId, roadmapId }))),
      { consistent: true },
    );
    return entries
      .flatMap((entry, i) => {
        const header = RoadmapEntity.parse({ Item: headers[i] }).data;
        if (!header || !isVisible(header.status)) return [];
        return [{ ...toRoadmapInfo(header), progress: progressOf(countersFromHeader(header), entry.dues, today) }];
      })
      .sort((a, b) => b.periodStart.localeCompare(a.periodStart) || ruCompare(a.title, b.title));
  },

  /** A whole roadmap: one Query (header, sections and items share a key prefix). */
  async get(roadmapId: string, options: { today?: string } = {}): Promise<RoadmapDetail> {
    assertCan("roadmap.read");
    // The roadmap is the actor's institution's, so its region is the actor's: both reads at once.
    const [loaded, today] = await Promise.all([loadOwn(roadmapId), todayFor(useRegionID(), options.today)]);
    return detailOf(loaded, today);
  },

  async create(input: RoadmapInput): Promise<RoadmapDetail> {
    assertCan("roadmap.manage");
    const roadmapId = await writeRoadmap(clean(input), [], "roadmap.create");
    return Roadmap.get(roadmapId);
  },

  /** A new roadmap from the region's template (or the default one for the institution's type), anchored to an academic year. */
  async fromTemplate(input: FromTemplateInput): Promise<RoadmapDetail> {
    assertCan("roadmap.manage");
    const tenantId = useTenantID();
    const regionId = useRegionID();
    const { label: period, period: range } = academicPeriod(input.academicYear);
    const [regional, institution] = await Promise.all([
      RoadmapTemplateEntity.get({ regionId }).go(),
      InstitutionEntity.get({ tenantId }).go(),
      refuseSecondForYear(tenantId, range, period),
    ]);
    const kind: TemplateKind = institution.data?.type === "college" ? "college" : "school";
    const standard = regional.data ? undefined : await standardTemplates();
    const template = (regional.data?.sections as TemplateSection[] | undefined) ?? standard?.defaultTemplates[kind] ?? [];
    const title = input.title ?? `${regional.data?.title ?? standard?.defaultTemplateTitle} на ${period}`;
    const roadmapId = await writeRoadmap({ title, period }, withYearsFilledIn(template, range), "roadmap.create_from_template");
    return Roadmap.get(roadmapId);
  },

  async update(roadmapId: string, input: RoadmapUpdate): Promise<RoadmapDetail> {
    const loaded = await loadOwn(roadmapId);
    const { version: expected, status, ...changes } = input;
    assertCan(status !== undefined && status !== loaded.header.status ? "roadmap.manage" : "roadmap.write");
    // A status change whose item rewrite stopped halfway (see below) is finished first, even if this edit is stale.
    await reindexItems(loaded);
    const today = await todayFor(loaded.header.regionId);
    if (loaded.header.version !== expected) throw staleVersion(detailOf(loaded, today));
    const next = status ?? loaded.header.status;
    const reindex = isIndexed(next) !== isIndexed(loaded.header.status);
    const removed = (["approvedBy", "approvedAt", "approvalAct"] as const).filter((field) => changes[field] === "");
    const updatedAt = nowIso();
    const key = { tenantId: loaded.header.tenantId, roadmapId };
    const result = await transactWithSummaries(
      { roadmap: RoadmapEntity, audit: AuditEntity },
      ({ roadmap, audit }) => [
        roadmap
          .patch(key)
          .set({ ...clean(changes), status: next, updatedAt, version: expected + 1 })
          .remove(removed)
          .where((attr, op) => op.eq(attr.version, expected))
          .commit(),
        audit
          .create(
            auditItem(status ? `roadmap.${status}` : "roadmap.update", roadmapId, {
              tenantId: key.tenantId,
              regionId: loaded.header.regionId,
            }),
          )
          .commit(),
      ],
      next !== loaded.header.status ? [roadmapSummary(loaded.header, { status: next })] : [],
    );
    if (result.canceled) throw staleVersion(await Roadmap.get(roadmapId));
    // The items follow the header, read after it flipped: an item edit committed before is kept, and none commits
    // after an archive (commitItem checks the header). The due-date readers skip items whose header is not indexed.
    if (reindex) return detailOf(await settleItems(roadmapId), today);
    // The roadmap as read, with the header as written: an item edit landing in between (item writes do not bump the
    // header's version) shows on the next read; its own next edit answers 409 with the item as it is.
    const header = { ...loaded.header, ...clean(changes), status: next, updatedAt, version: expected + 1 };
    for (const field of removed) delete header[field];
    return detailOf({ ...loaded, header }, today);
  },

  /**
   * Deletes a roadmap if its header is still at `expected` (the version the user saw). One transaction hides it: the
   * header turns `deleting` (out of every view, the reminders and the summary) with a pending note and the audit
   * event; its records then go in chunks. If that stops halfway the deletion still stands: a retry (whatever its
   * version) or the recovery job finishes it.
   */
  async remove(roadmapId: string, expected: number): Promise<void> {
    assertCan("roadmap.manage");
    const loaded = await loadRoadmap(useTenantID(), roadmapId);
    if (!loaded || loaded.header.status === "importing") throw roadmapNotFound();
    const { header } = loaded;
    const pending = { tenantId: header.tenantId, regionId: header.regionId, roadmapId, operation: "delete" as const, startedAt: nowIso() };
    if (header.status !== "deleting") {
      if (header.version !== expected) throw staleVersion(detailOf(loaded, await todayFor(header.regionId)));
      const result = await transactWithSummaries(
        { roadmap: RoadmapEntity, roadmapPending: RoadmapPendingEntity, audit: AuditEntity },
        ({ roadmap, roadmapPending, audit }) => [
          roadmap
            .patch({ tenantId: header.tenantId, roadmapId })
            .set({ status: "deleting", updatedAt: pending.startedAt, version: expected + 1 })
            .where((attr, op) => op.eq(attr.version, expected))
            .commit(),
          roadmapPending.create(pending).commit(),
          audit.create(auditItem("roadmap.delete", roadmapId, header)).commit(),
        ],
        [roadmapSummary(header, { remove: true })],
      );
      if (result.canceled) throw staleVersion(await Roadmap.get(roadmapId));
    }
    try {
      await discard(pending);
    } catch (error) {
      log.warn("roadmap deletion left to the recovery job", { roadmapId, error: (error as Error).message });
    }
  },

  async addSection(roadmapId: string, input: SectionInput): Promise<SectionInfo> {
    assertCan("roadmap.write");
    const loaded = await loadWritable(roadmapId);
    const now = nowIso();
    const sectionId = createId("roadmapSection");
    const section = clean({
      tenantId: loaded.header.tenantId,
      roadmapId,
      sectionId,
      number: input.number,
      title: input.title,
      position: positionAt(
        loaded.sections.map((s) => s.position),
        loaded.sections.length,
        sectionId,
      ),
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    const result = await transactWithSummaries(
      { roadmap: RoadmapEntity, roadmapSection: RoadmapSectionEntity, audit: AuditEntity },
      ({ roadmap, roadmapSection, audit }) => [
        roadmap.check({ tenantId: section.tenantId, roadmapId }).where(inForce).commit(),
        roadmapSection.create(section).commit(),
        audit
          .create(auditItem("roadmap.section.create", section.sectionId, { tenantId: section.tenantId, regionId: loaded.header.regionId }))
          .commit(),
      ],
      [],
    );
    if (result.canceled) throw await refusedWrite(roadmapId);
    return toSectionInfo(section as StoredSection);
  },

  async updateSection(roadmapId: string, sectionId: string, input: SectionUpdate): Promise<SectionInfo> {
    assertCan("roadmap.write");
    const loaded = await loadWritable(roadmapId);
    const current = findSection(loaded, sectionId);
    if (current.version !== input.version) throw staleVersion(toSectionInfo(current));
    const others = loaded.sections.filter((s) => s.sectionId !== sectionId).map((s) => s.position);
    const position = input.index === undefined ? current.position : positionAt(others, Math.min(input.index, others.length), sectionId);
    const changes = clean({ title: input.title, number: input.number, position, updatedAt: nowIso(), version: input.version + 1 });
    const result = await transactWithSummaries(
      { roadmap: RoadmapEntity, roadmapSection: RoadmapSectionEntity, audit: AuditEntity },
      ({ roadmap, roadmapSection, audit }) => [
        roadmap.check({ tenantId: current.tenantId, roadmapId }).where(inForce).commit(),
        roadmapSection
          .patch({ tenantId: current.tenantId, roadmapId, sectionId })
          .set(changes)
          .remove(input.number === "" ? ["number"] : [])
          .where((attr, op) => op.eq(attr.version, input.version))
          .commit(),
        audit
          .create(auditItem("roadmap.section.update", sectionId, { tenantId: current.tenantId, regionId: loaded.header.regionId }))
          .commit(),
      ],
      [],
    );
    if (result.canceled) throw staleVersion(toSectionInfo(findSection(await loadWritable(roadmapId), sectionId)));
    return toSectionInfo({ ...current, ...changes, ...(input.number === "" ? { number: undefined } : {}) });
  },

  /** Removes an empty section (a section with items must be emptied first, so nothing is lost by accident). */
  async removeSection(roadmapId: string, sectionId: string): Promise<void> {
    assertCan("roadmap.write");
    const loaded = await loadWritable(roadmapId);
    const section = findSection(loaded, sectionId);
    if (loaded.items.some((item) => item.sectionId === sectionId)) {
      throw new VisibleError("conflict", "roadmap.section_not_empty", "В разделе есть мероприятия: перенесите или удалите их");
    }
    const result = await transactWithSummaries(
      { roadmap: RoadmapEntity, roadmapSection: RoadmapSectionEntity, audit: AuditEntity },
      ({ roadmap, roadmapSection, audit }) => [
        roadmap.check({ tenantId: section.tenantId, roadmapId }).where(inForce).commit(),
        roadmapSection.delete({ tenantId: section.tenantId, roadmapId, sectionId }).commit(),
        audit
          .create(auditItem("roadmap.section.delete", sectionId, { tenantId: section.tenantId, regionId: loaded.header.regionId }))
          .commit(),
      ],
      [],
    );
    if (result.canceled) throw await refusedWrite(roadmapId);
  },

  async addItem(roadmapId: string, input: ItemInput): Promise<ItemInfo> {
    assertCan("roadmap.write");
    const loaded = await loadOwn(roadmapId);
    const { header } = loaded;
    if (input.sectionId) findSection(loaded, input.sectionId);
    await checkExecutors(header.tenantId, input.executorUserIds);
    const inSection = loaded.items.filter((item) => item.sectionId === input.sectionId).map((item) => item.position);
    const plan = schedule(input.deadlineText, periodOf(header));
    const now = nowIso();
    const itemId = createId("roadmapItem");
    const record = withDerived(
      clean({
        ...input,
        tenantId: header.tenantId,
        regionId: header.regionId,
        roadmapId,
        itemId,
        position: positionAt(inSection, inSection.length, itemId),
        deadline: plan.stored,
        occurrences: mergeOccurrences(plan.occurrences),
        createdAt: now,
        updatedAt: now,
        version: 1,
      }) as ItemDraft,
      header.status,
    );
    await commitItem(loaded, undefined, record, "roadmap.item.create", record.itemId);
    return toItemInfo(record as StoredItem, await todayFor(header.regionId));
  },

  /** Edits an item: its texts, its deadline (occurrences are re-derived, keeping their statuses), or one occurrence's status. */
  async updateItem(roadmapId: string, itemId: string, input: ItemUpdate, options: { today?: string } = {}): Promise<ItemInfo> {
    assertCan("roadmap.write");
    const loaded = await loadOwn(roadmapId);
    const { header } = loaded;
    const current = findItem(loaded, itemId);
    const today = await todayFor(header.regionId, options.today);
    if (current.version !== input.version) throw staleVersion(toItemInfo(current, today));
    await checkExecutors(header.tenantId, input.executorUserIds);
    const { version: expected, occurrenceKey: _key, status: _status, completedAt: _completed, evidence: _evidence, ...fields } = input;
    const base = recordOf(current);
    let occurrences = base.occurrences;
    let deadline = base.deadline as StoredDeadline | undefined;
    const deadlineText = fields.deadlineText === undefined ? current.deadlineText : fields.deadlineText || undefined;
    if (fields.deadlineText !== undefined && deadlineText !== current.deadlineText) {
      const plan = schedule(deadlineText, periodOf(header));
      occurrences = mergeOccurrences(plan.occurrences, occurrences);
      deadline = plan.stored;
    }
    occurrences = applyOccurrenceChange(occurrences, input, today);
    const merged = { ...base, ...fields, deadlineText, deadline, occurrences, updatedAt: nowIso(), version: expected + 1 };
    const record = withDerived(clean(merged) as ItemDraft, header.status);
    const action: AuditAction = input.status && input.status !== current.status ? `roadmap.item.${input.status}` : "roadmap.item.update";
    await commitItem(loaded, current, record, action, itemId);
    return toItemInfo(record as StoredItem, today);
  },

  /** Moves an item to a place in a section: only the moved item is rewritten (a position between its new neighbours). */
  async moveItem(roadmapId: string, itemId: string, input: ItemMove): Promise<ItemInfo> {
    assertCan("roadmap.write");
    const loaded = await loadOwn(roadmapId);
    const current = findItem(loaded, itemId);
    const today = await todayFor(loaded.header.regionId);
    if (current.version !== input.version) throw staleVersion(toItemInfo(current, today));
    const sectionId = input.sectionId ?? current.sectionId;
    if (sectionId) findSection(loaded, sectionId);
    // Positions order the items within a section; the new one lies between the neighbours at the target place.
    const siblings = loaded.items.filter((item) => item.itemId !== itemId && item.sectionId === sectionId).map((item) => item.position);
    const position = positionAt(siblings, Math.min(input.index, siblings.length), itemId);
    const record = withDerived(
      { ...recordOf(current), sectionId, position, updatedAt: nowIso(), version: input.version + 1 },
      loaded.header.status,
    );
    await commitItem(loaded, current, record, "roadmap.item.move", itemId);
    return toItemInfo(record as StoredItem, today);
  },

  async removeItem(roadmapId: string, itemId: string, expected: number): Promise<void> {
    assertCan("roadmap.write");
    const loaded = await loadOwn(roadmapId);
    const current = findItem(loaded, itemId);
    if (current.version !== expected) throw staleVersion(toItemInfo(current, await todayFor(loaded.header.regionId)));
    await commitItem(loaded, current, undefined, "roadmap.item.delete", itemId);
  },

  async previewImport(input: ImportPreviewInput): Promise<ImportPreview> {
    assertCan("roadmap.manage");
    return previewOf(await readTable(input), parsePeriod(input.period) as RoadmapPeriod);
  },

  /** Creates a roadmap from a pasted table or a file; the preview's warnings come back with it. */
  async importTable(input: ImportInput): Promise<RoadmapDetail & { warnings: ImportPreview["warnings"] }> {
    assertCan("roadmap.manage");
    const table = await readTable(input);
    const preview = previewOf(table, parsePeriod(input.period) as RoadmapPeriod);
    if (preview.counts.items === 0) {
      throw new VisibleError("input", "roadmap.import_empty", "В таблице не найдено ни одного мероприятия", { warnings: preview.warnings });
    }
    const { text: _t, fileName: _f, contentBase64: _c, ...headerInput } = input;
    const roadmapId = await writeRoadmap(clean(headerInput), table.sections, "roadmap.import");
    return { ...(await Roadmap.get(roadmapId)), warnings: preview.warnings };
  },

  /** The region's template, or the default one when the region has not published its own. */
  async template(): Promise<TemplateInput & { source: "region" | "default"; version?: number }> {
    assertCan("templates.manage");
    const row = (await RoadmapTemplateEntity.get({ regionId: useRegionID() }).go()).data;
    if (row) return { source: "region", title: row.title, sections: row.sections as TemplateSection[], version: row.version };
    const { defaultTemplateTitle, defaultTemplates } = await standardTemplates();
    return { source: "default", title: defaultTemplateTitle, sections: defaultTemplates.school };
  },

  /** Publishes the region's template; new roadmaps of the region's institutions start from it. */
  async saveTemplate(input: TemplateInput): Promise<TemplateInput & { source: "region"; version: number }> {
    assertCan("templates.manage");
    const regionId = useRegionID();
    const current = (await RoadmapTemplateEntity.get({ regionId }).go()).data;
    if (current && current.version !== input.version) {
      const latest = { source: "region", title: current.title, sections: current.sections, version: current.version };
      throw staleVersion(latest);
    }
    const version = (current?.version ?? 0) + 1;
    const item = { regionId, title: input.title, sections: input.sections, updatedAt: nowIso(), version };
    const result = await transactWithSummaries(
      { roadmapTemplate: RoadmapTemplateEntity, audit: AuditEntity },
      ({ roadmapTemplate, audit }) => [
        current
          ? roadmapTemplate
              .put(item)
              .where((attr, op) => op.eq(attr.version, current.version))
              .commit()
          : roadmapTemplate.create(item).commit(),
        audit.create(auditItem("roadmap.template.publish", regionId, { regionId })).commit(),
      ],
      [],
    );
    if (result.canceled) throw staleVersion((await Roadmap.template()) as { version: number });
    return { source: "region", title: item.title, sections: item.sections, version };
  },

  /** How the template's deadline texts will read in a roadmap for the academic year (nothing is saved). */
  async readTemplateDeadlines(input: TemplateDeadlinesInput): Promise<{ period: RoadmapPeriod; readings: DeadlineReading[] }> {
    assertCan("templates.manage");
    const { period } = academicPeriod(input.academicYear);
    return { period, readings: input.texts.map((text) => readDeadline(text, period)) };
  },

  /** Withdraws the region's template: institutions start from the default one again. */
  async resetTemplate(): Promise<void> {
    assertCan("templates.manage");
    const regionId = useRegionID();
    await transactOrFail(
      { roadmapTemplate: RoadmapTemplateEntity, audit: AuditEntity },
      ({ roadmapTemplate, audit }) => [
        roadmapTemplate.delete({ regionId }).commit(),
        audit.create(auditItem("roadmap.template.reset", regionId, { regionId })).commit(),
      ],
      [],
    );
  },

  /** Per institution, per roadmap: progress from the header counters and the region's open items due before next month. */
  async regionProgress(options: { today?: string } = {}): Promise<{ today: string; institutions: RegionRoadmapProgress[] }> {
    assertCan("roadmap.region_read");
    const regionId = useRegionID();
    const today = await todayFor(regionId, options.today);
    const { headers, open, names } = await regionData(regionId, firstOfNextMonth(today));
    const byTenant = new Map<string, RegionRoadmapProgress>();
    for (const row of headers) {
      const entry = byTenant.get(row.tenantId) ?? { tenantId: row.tenantId, institution: names.get(row.tenantId) ?? "", roadmaps: [] };
      entry.roadmaps.push({
        roadmapId: row.roadmapId,
        title: row.title,
        period: row.period,
        status: row.status,
        progress: progressOf(
          countersFromHeader(row),
          duesOf(open.filter((item) => item.roadmapId === row.roadmapId).map((item) => item.nextDue)),
          today,
        ),
      });
      byTenant.set(row.tenantId, entry);
    }
    const institutions = [...byTenant.values()].sort((a, b) => ruCompare(a.institution, b.institution));
    return { today, institutions };
  },

  /** The region's overdue items by institution: one Query on the region's open-items index (due before today). */
  async regionOverdue(options: { today?: string } = {}): Promise<{ today: string; institutions: RegionOverdue[] }> {
    assertCan("roadmap.region_read");
    const regionId = useRegionID();
    const today = await todayFor(regionId, options.today);
    const { headers, open, names } = await regionData(regionId, today);
    const titles = new Map(headers.map((row) => [row.roadmapId, row.title]));
    const byTenant = new Map<string, RegionOverdue>();
    for (const item of open) {
      const roadmapTitle = titles.get(item.roadmapId);
      if (roadmapTitle === undefined) continue;
      const entry = byTenant.get(item.tenantId) ?? { tenantId: item.tenantId, institution: names.get(item.tenantId) ?? "", items: [] };
      entry.items.push(
        clean({
          roadmapId: item.roadmapId,
          roadmapTitle,
          itemId: item.itemId,
          number: item.number,
          name: item.name,
          deadlineText: item.deadlineText,
          due: item.nextDue,
          daysOverdue: daysBetween(item.nextDue, today),
          executors: item.executors,
        }) as RegionOverdueItem,
      );
      byTenant.set(item.tenantId, entry);
    }
    const institutions = [...byTenant.values()].sort((a, b) => ruCompare(a.institution, b.institution));
    return { today, institutions };
  },

  /** A new secret calendar URL for the institution; the previous one stops working at once. */
  async regenerateCalendarLink(): Promise<{ url: string }> {
    assertCan("roadmap.manage");
    const tenantId = useTenantID();
    const secret = randomToken();
    await transactOrFail(
      { roadmapCalendar: RoadmapCalendarEntity, audit: AuditEntity },
      ({ roadmapCalendar, audit }) => [
        roadmapCalendar.put({ tenantId, secretHash: hashToken(secret), createdAt: nowIso() }).commit(),
        audit.create(auditItem("roadmap.calendar.regenerate", tenantId, { tenantId, regionId: useRegionID() })).commit(),
      ],
      [],
    );
    return { url: `${process.env.APP_URL ?? ""}/api/calendar/${secret}.ics` };
  },

  /** The ICS feed behind a secret link (public: the secret is the credential). Unknown secrets are 404. */
  async calendarFeed(secret: string): Promise<string> {
    const { calendarText } = await import("./ics");
    const token = /^([\w-]{20,100})\.ics$/.exec(secret)?.[1];
    const link = token ? (await RoadmapCalendarEntity.query.bySecret({ secretHash: hashToken(token) }).go()).data[0] : undefined;
    if (!link) throw notFound("roadmap.calendar_not_found", "Календарь не найден: ссылка устарела или неверна");
    const institution = (await InstitutionEntity.get({ tenantId: link.tenantId }).go()).data;
    const events = [];
    for (const { header, items } of (await loadAll(link.tenantId)).filter((loaded) => isIndexed(loaded.header.status))) {
      for (const item of items) {
        for (const occurrence of item.occurrences as OccurrenceState[]) {
          if (!occurrence.due || occurrence.status === "cancelled") continue;
          const done = occurrence.status === "done" ? " (выполнено)" : "";
          events.push({
            uid: `${item.itemId}-${occurrence.key}@roadmaps.rnc`,
            date: occurrence.due,
            stamp: item.updatedAt,
            summary: `${item.number ? `${item.number} ` : ""}${item.name.split("\n")[0]}${done}`,
            description: [
              `Дорожная карта: ${header.title}`,
              item.deadlineText ? `Срок реализации: ${item.deadlineText}` : undefined,
              item.executors ? `Ответственный исполнитель: ${item.executors}` : undefined,
              `Статус: ${itemStatusLabels[occurrence.status]}`,
            ]
              .filter(Boolean)
              .join("\n"),
          });
        }
      }
    }
    events.sort((a, b) => a.date.localeCompare(b.date));
    return calendarText(`Дорожная карта: ${institution?.shortName ?? ""}`, events);
  },

  /** XLSX in the columns schools use. */
  async exportXlsx(roadmapId: string): Promise<{ fileName: string; content: Uint8Array }> {
    assertCan("roadmap.read");
    const { roadmapWorkbook } = await import("./export");
    const detail = await Roadmap.get(roadmapId);
    return { fileName: downloadName(detail.title, "xlsx", "Дорожная карта"), content: await roadmapWorkbook(detail) };
  },

  /**
   * For the recovery job (system actor): finishes the roadmap imports and deletions that failed requests left, noted
   * more than 15 minutes before `now`: an import is discarded (it was never shown), a deletion completed. One Query
   * of the pending notes (a handful at most), then each roadmap's own Query and deletes.
   */
  async recoverPending(now = new Date()): Promise<{ imports: number; deletions: number; failed: number }> {
    if (useActor().type !== "system") throw forbidden();
    const cutoff = new Date(now.getTime() - pendingGraceMs).toISOString();
    const notes = (await RoadmapPendingEntity.query.byRoadmap({}).go({ pages: "all" })).data.filter((note) => note.startedAt < cutoff);
    const done = { imports: 0, deletions: 0, failed: 0 };
    for (const note of notes) {
      try {
        await discard(note);
        done[note.operation === "import" ? "imports" : "deletions"] += 1;
      } catch (error) {
        done.failed += 1;
        log.error("roadmap recovery failed", { roadmapId: note.roadmapId, operation: note.operation, error: (error as Error).message });
      }
    }
    return done;
  },

  /**
   * For the reminder job (system actor): every item of the region whose next open occurrence falls in [from, to],
   * read from the region's due-date index one day at a time (paginated). Done and cancelled occurrences are not in it;
   * items whose roadmap is not draft or approved (an import or an archive stopped halfway) are left out.
   */
  async dueBetween(regionId: string, from: string, to: string): Promise<DueItem[]> {
    if (useActor().type !== "system") throw forbidden();
    const days: string[] = [];
    for (let day = from; day <= to && days.length < 400; day = addDays(day, 1)) days.push(day);
    const rows: StoredItem[] = [];
    for (const day of days)
      rows.push(...(await RoadmapItemEntity.query.byRegionOpen({ regionId, nextDue: day }).go({ pages: "all" })).data);
    const roadmaps = [...new Map(rows.map((row) => [row.roadmapId, { tenantId: row.tenantId, roadmapId: row.roadmapId }])).values()];
    const headers = await getItems(
      roadmaps.map((key) => itemKey(RoadmapEntity.get(key))),
      { attributes: ["status"] },
    );
    const indexed = new Set(roadmaps.filter((_, i) => isIndexed(headers[i]?.status as RoadmapStatus)).map((key) => key.roadmapId));
    return rows
      .filter((row) => indexed.has(row.roadmapId))
      .map(
        (row) =>
          clean({
            tenantId: row.tenantId,
            regionId: row.regionId,
            roadmapId: row.roadmapId,
            itemId: row.itemId,
            number: row.number,
            name: row.name,
            deadlineText: row.deadlineText,
            due: row.nextDue,
            status: row.status,
            executors: row.executors,
            executorUserIds: row.executorUserIds ?? [],
          }) as DueItem,
      );
  },
};
