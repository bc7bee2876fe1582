import { type EntityItem, createConversions } from "electrodb";
import { useRegionID, useTenantID } from "../actor";
import { auditItem, recordAudit } from "../audit";
import { nowIso } from "../auth/secret";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { ddb, loadCollection, tableName } from "../dynamo";
import { VisibleError, notFound } from "../error";
import { enabledForms } from "../forms";
import { type ParticipantCategory, formCodes } from "../forms/catalogue";
import { createId } from "../id";
import { staleVersion } from "../institution";
import { Participant } from "../participant";
import { isMinor } from "../participant/age";
import type { Calendar } from "../dates";
import { regionCalendar, regionToday } from "../participant/calendar";
import { textList } from "../participant/fields";
import { initials, listedName, shortName } from "../participant/names";
import { readParticipantsById } from "../participant/read";
import { assertCan } from "../permissions";
import { cursorNeedsLimit, isoDate, optionalText, pageCursor, pageLimit, text, version } from "../schemas";
import { writeWithStats } from "../stats";
import { COUNTER, summaryKey } from "../stats/summary";
import { type PairStatus, addCounts, diffCounts, pairContribution, pairStatuses, participantContribution } from "../stats/contribution";
import * as z from "../zod";
import { formatDate } from "../ru";
import { pairStatusLabels } from "./labels";
import { type PairRow, endPairs, pairEndingEntities } from "./lifecycle";
import { MeetingEntity, PairEntity, PlanEntity, meetingFormats, meetingStages, taskStatuses, PairQuietEntity } from "./pair.entity";
import { type ActivationProblem, type Member, activationProblems, isInactive, quietOn } from "./rules";
import { AuditEntity } from "../audit/audit.entity";
import { ParticipantEntity, MembershipEntity } from "../participant/participant.entity";

export { pairStatuses, meetingStages, meetingFormats, taskStatuses };
export { INACTIVE_AFTER_DAYS } from "./rules";
export { meetingStageLabels, pairStatusLabels } from "./labels";
export type { PairStatus };
export type MeetingStage = (typeof meetingStages)[number];

export const MAX_GROUP_MENTEES = 20;

const checkDates = <T extends { startDate: string; endDate: string }>() =>
  z.superRefine<T>((value, ctx) => {
    if (value.endDate < value.startDate) {
      ctx.addIssue({ code: "custom", input: value, path: ["endDate"], message: "Дата окончания не может быть раньше даты начала" });
    }
  });

/** A participant's id; `whom` in the accusative («наставника»), `who` for «… не найден». */
const participantRef = (whom: string, who: string) =>
  z
    .string({ error: `Выберите ${whom}` })
    .check(z.minLength(1, { error: `Выберите ${whom}` }), z.maxLength(40, { error: `${who} не найден` }));

export const PairInput = z
  .object({
    form: z.enum(formCodes, { error: "Выберите форму наставничества" }),
    mentorId: participantRef("наставника", "Наставник"),
    menteeIds: z.array(participantRef("наставляемого", "Наставляемый")).check(
      z.minLength(1, { error: "Выберите хотя бы одного наставляемого" }),
      z.maxLength(MAX_GROUP_MENTEES, { error: `В группе не больше ${MAX_GROUP_MENTEES} наставляемых` }),
      z.refine((ids) => new Set(ids).size === ids.length, { error: "Наставляемый выбран дважды" }),
    ),
    startDate: isoDate("Дата начала"),
    endDate: isoDate("Дата окончания"),
    note: optionalText("Примечание", 1000),
  })
  .check(checkDates());
export type PairInput = z.infer<typeof PairInput>;

export const PairUpdate = z
  .object({
    form: z.enum(formCodes, { error: "Выберите форму наставничества" }),
    startDate: isoDate("Дата начала"),
    endDate: isoDate("Дата окончания"),
    note: optionalText("Примечание", 1000),
    version: version(),
  })
  .check(checkDates());
export type PairUpdate = z.infer<typeof PairUpdate>;

export const AgreementInput = z.object({
  signedAt: isoDate("Дата соглашения"),
  document: text("Номер соглашения", 100),
  scanRef: optionalText("Ссылка на скан", 500),
  representatives: z.optional(
    z.array(
      z.object({
        participantId: participantRef("несовершеннолетнего участника", "Участник"),
        name: text("ФИО законного представителя", 200),
        relation: text("Кем приходится", 100),
      }),
    ),
  ),
  version: version(),
});
export type AgreementInput = z.infer<typeof AgreementInput>;

export const VersionInput = z.object({ version: version() });
export const CompletionInput = z.object({
  results: text("Результаты", 5000),
  reflection: text("Рефлексия", 5000),
  version: version(),
});
export type CompletionInput = z.infer<typeof CompletionInput>;
export const TerminationInput = z.object({ reason: text("Причина прекращения", 1000), version: version() });
export type TerminationInput = z.infer<typeof TerminationInput>;

export const PlanInput = z.object({
  goals: textList("Цели", 20, 1000),
  tasks: z
    .array(
      z.object({
        taskId: z.optional(z.string().check(z.maxLength(40, { error: "Неизвестная задача плана" }))),
        title: text("Задача", 500),
        dueDate: z.optional(isoDate("Срок")),
        status: z.enum(taskStatuses, { error: "Статус задачи: запланирована, в работе, выполнена или отменена" }),
      }),
    )
    .check(z.maxLength(100, { error: "В плане не больше 100 задач" })),
  version: version(),
});
export type PlanInput = z.infer<typeof PlanInput>;

const meetingFields = {
  date: isoDate("Дата встречи"),
  stage: z.enum(meetingStages, { error: "Выберите этап встречи" }),
  durationMinutes: z
    .number({ error: "Длительность — число минут" })
    .check(
      z.int({ error: "Длительность встречи — целое число минут" }),
      z.minimum(5, { error: "Длительность встречи не меньше 5 минут" }),
      z.maximum(600, { error: "Длительность встречи не больше 600 минут" }),
    ),
  format: z.optional(z.enum(meetingFormats, { error: "Формат встречи: очно или дистанционно" })),
  notes: optionalText("Заметки", 5000),
  mentorFeedback: optionalText("Отзыв наставника", 3000),
  menteeFeedback: optionalText("Отзыв наставляемого", 3000),
};
export const MeetingInput = z.object(meetingFields);
export type MeetingInput = z.infer<typeof MeetingInput>;
export const MeetingUpdate = z.object({ ...meetingFields, version: version() });
export type MeetingUpdate = z.infer<typeof MeetingUpdate>;

export const PairFilter = z
  .object({
    status: z.optional(z.enum(pairStatuses, { error: "Статус пары: формируется, активна, завершена или прекращена" })),
    /** A page of at most this many pairs of `status` (1–200); without it, all of them. */
    limit: pageLimit(),
    /** Where the next page starts: the `cursor` of the previous page. */
    cursor: pageCursor("pair"),
  })
  .check(
    z.superRefine((value, ctx) => {
      if ((value.limit || value.cursor) && !value.status) {
        ctx.addIssue({
          code: "custom",
          input: value,
          path: ["status"],
          message: "Постранично читаются пары одного статуса: укажите статус",
        });
      }
    }),
    cursorNeedsLimit,
  );
export type PairFilter = z.infer<typeof PairFilter>;

type ParticipantRow = Awaited<ReturnType<typeof Participant.rows>>[number];
type PlanRow = EntityItem<typeof PlanEntity>;
type MeetingRow = EntityItem<typeof MeetingEntity>;

export type PairMember = {
  participantId: string;
  role: "mentor" | "mentee";
  name: string;
  category?: ParticipantCategory;
  minor: boolean;
  consent: "signed" | "missing";
};

export type PairInfo = Omit<PairRow, "tenantId"> & {
  kind: "pair" | "group";
  members: PairMember[];
  /** Active with no meeting for 45 days. */
  inactive: boolean;
  /** While forming: what still blocks activation. */
  problems: ActivationProblem[];
};
export type PlanInfo = Omit<PlanRow, "tenantId">;
export type MeetingInfo = Omit<MeetingRow, "tenantId">;
export type PairPage = { pair: PairInfo; plan: PlanInfo; meetings: MeetingInfo[] };
/** A page of pairs; `cursor` is where the next one starts (null after the last). */
export type PairListPage = { items: PairInfo[]; cursor: string | null };
/** One board column: a status's first page and how many pairs have it. */
export type PairColumn = PairListPage & { status: PairStatus; total: number };
export type PairBoard = { columns: PairColumn[] };

const pairNotFound = () => notFound("pair.not_found", "Пара или группа не найдена");

/** The participant attributes `toMember` reads. */
const memberCardAttributes = ["participantId", "fullName", "status", "category", "birthDate", "birthYear", "consentId"] as const;

type MemberCard = Pick<ParticipantRow, (typeof memberCardAttributes)[number]>;

const toMember = (row: MemberCard | undefined, participantId: string, role: "mentor" | "mentee", today: string): PairMember => ({
  participantId,
  role,
  name: row ? listedName(row) : "—",
  category: row?.category,
  minor: row ? isMinor(row, today) : false,
  consent: row?.consentId ? "signed" : "missing",
});

const memberFacts = (row: ParticipantRow): Member => ({
  participantId: row.participantId,
  fullName: row.fullName,
  category: row.category,
  status: row.status,
  birthDate: row.birthDate,
  birthYear: row.birthYear,
  consentId: row.consentId,
  consentSigner: row.consentSigner,
  capacity: row.capacity,
  activeMentees: row.activeMentees,
  isMentor: row.isMentor,
});

/** The pair, its plan and its meetings: one Query on `PAIR#<id>`. */
async function loadFull(tenantId: string, pairId: string) {
  const of = await loadCollection(tenantId, `PAIR#${pairId}`);
  const pair = of("pair")
    .map((Item) => PairEntity.parse({ Item }).data)
    .find((row) => row?.pairId === pairId);
  if (!pair) return undefined;
  const plan = of("plan").map((Item) => PlanEntity.parse({ Item }).data as PlanRow)[0];
  const meetings = of("meeting")
    .map((Item) => MeetingEntity.parse({ Item }).data as MeetingRow)
    .sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt));
  return { pair, plan: plan ?? { tenantId, pairId, goals: [], tasks: [], updatedAt: pair.createdAt, version: 1 }, meetings };
}

async function requireFull(tenantId: string, pairId: string) {
  const full = await loadFull(tenantId, pairId);
  if (!full) throw pairNotFound();
  return full;
}

async function describe(tenantId: string, pair: PairRow, calendar: Calendar, rows?: ParticipantRow[]): Promise<PairInfo> {
  const { today } = calendar;
  const members = rows ?? (await Participant.rows(tenantId, [pair.mentorId, ...pair.menteeIds]));
  const byId = new Map(members.map((row) => [row.participantId, row]));
  const { tenantId: _t, ...rest } = pair;
  let problems: ActivationProblem[] = [];
  const mentor = byId.get(pair.mentorId);
  if (pair.status === "forming" && mentor) {
    problems = activationProblems({
      form: pair.form,
      enabledForms: (await enabledForms(tenantId)).enabled,
      mentor: memberFacts(mentor),
      mentees: pair.menteeIds.flatMap((id) => {
        const row = byId.get(id);
        return row ? [memberFacts(row)] : [];
      }),
      agreement: pair.agreement,
      today,
    });
  }
  return {
    ...rest,
    kind: pair.menteeIds.length > 1 ? "group" : "pair",
    members: [toMember(mentor, pair.mentorId, "mentor", today), ...pair.menteeIds.map((id) => toMember(byId.get(id), id, "mentee", today))],
    inactive: isInactive(pair, calendar),
    problems,
  };
}

const stripTenant = <T extends { tenantId: string }>({ tenantId: _t, ...rest }: T) => rest;
const busy = () => new VisibleError("conflict", "record.busy", "Запись сейчас изменяют другие пользователи, повторите попытку");

/**
 * The pair's page. A verb that has just written the pair passes it as `written`, so that its answer is the state it
 * wrote, not a later one another request wrote meanwhile (the page's other parts are read as they are).
 */
async function page(tenantId: string, pairId: string, written?: PairRow): Promise<PairPage> {
  const full = await requireFull(tenantId, pairId);
  return {
    pair: await describe(tenantId, written ?? full.pair, await regionCalendar()),
    plan: stripTenant(full.plan),
    meetings: full.meetings.map(stripTenant),
  };
}

/** How many pairs each board column shows before «Показать ещё». */
export const BOARD_PAGE = 20;

type StatusPage = { rows: PairRow[]; cursor: string | null };

/** ElectroDB's key conversions (built on first use, like the entities): cursors from key attributes without a request builder. */
let pairKeys: ReturnType<typeof createConversions<string, string, string, (typeof PairEntity)["schema"]>> | undefined;

/** Pairs of one status, newest first, after the pair `after`: one Query for one more than `limit` (are there more?). */
async function statusPage(tenantId: string, status: PairStatus, limit: number, after?: string): Promise<StatusPage> {
  pairKeys ??= createConversions(PairEntity);
  const start = after ? pairKeys.byAccessPattern.byTenant.fromComposite.toCursor({ tenantId, status, pairId: after }) : null;
  const { data } = await PairEntity.query.byTenant({ tenantId, status }).go({ order: "desc", limit: limit + 1, cursor: start });
  const rows = data.slice(0, limit);
  return { rows, cursor: data.length > limit ? (rows.at(-1)?.pairId ?? null) : null };
}

async function allPairs(tenantId: string, status?: PairStatus): Promise<PairRow[]> {
  if (status) return (await PairEntity.query.byTenant({ tenantId, status }).go({ pages: "all", order: "desc" })).data;
  const { data } = await PairEntity.query.byTenant({ tenantId }).go({ pages: "all" });
  // Newest first, as the pages are (ids are in creation order; the index orders by status first).
  return data.sort((a, b) => (a.pairId < b.pairId ? 1 : a.pairId > b.pairId ? -1 : 0));
}

/**
 * The board's column counts: the `pairs#<status>` counters of the statistics item (nothing else of it is read),
 * consistent with the last committed write.
 */
async function pairTotals(tenantId: string): Promise<Record<PairStatus, number>> {
  const names = Object.fromEntries(pairStatuses.map((status, i) => [`#s${i}`, `${COUNTER}pairs#${status}`]));
  const { Item } = await ddb.send(
    new GetCommand({
      TableName: tableName(),
      Key: summaryKey(tenantId),
      ProjectionExpression: Object.keys(names).join(", "),
      ExpressionAttributeNames: names,
      ConsistentRead: true,
    }),
  );
  const count = (status: PairStatus) => {
    const value = Item?.[`${COUNTER}pairs#${status}`];
    return typeof value === "number" ? value : 0;
  };
  return Object.fromEntries(pairStatuses.map((status) => [status, count(status)])) as Record<PairStatus, number>;
}

/** Board cards for `pairs`: their members read in one batch (per 100, at once), only what a card shows of each. */
async function withMembers(tenantId: string, pairs: PairRow[], calendar: Calendar): Promise<PairInfo[]> {
  const { today } = calendar;
  const byId = await readParticipantsById(
    tenantId,
    pairs.flatMap((pair) => [pair.mentorId, ...pair.menteeIds]),
    memberCardAttributes,
  );
  return pairs.map(({ tenantId: _t, ...pair }) => ({
    ...pair,
    kind: pair.menteeIds.length > 1 ? "group" : "pair",
    members: [
      toMember(byId.get(pair.mentorId), pair.mentorId, "mentor", today),
      ...pair.menteeIds.map((id) => toMember(byId.get(id), id, "mentee", today)),
    ],
    inactive: isInactive(pair, calendar),
    problems: [],
  }));
}

export const Pair = {
  loadFull,

  /**
   * Pairs, newest first: one status a page at a time (`limit`, `cursor`), or all of them (of one status) without
   * `limit`. Members' names come from one batch read of just those people.
   */
  async list(filter: PairFilter = {}): Promise<PairListPage> {
    assertCan("participants.read");
    const tenantId = useTenantID();
    const calendar = await regionCalendar();
    const { rows, cursor } =
      filter.status && filter.limit
        ? await statusPage(tenantId, filter.status, Number(filter.limit), filter.cursor)
        : { rows: await allPairs(tenantId, filter.status), cursor: null };
    const items = await withMembers(tenantId, rows, calendar);
    await recordAudit("pair.list", "pairs", { tenantId });
    return { items, cursor };
  },

  /**
   * The pair board: each status's first page and its count. Four Queries and the counters (from the statistics item)
   * at once, then one batch read of the members shown.
   */
  async board(): Promise<PairBoard> {
    assertCan("participants.read");
    const tenantId = useTenantID();
    const [calendar, pages, totals] = await Promise.all([
      regionCalendar(),
      Promise.all(pairStatuses.map((status) => statusPage(tenantId, status, BOARD_PAGE))),
      pairTotals(tenantId),
    ]);
    const items = await withMembers(
      tenantId,
      pages.flatMap((page) => page.rows),
      calendar,
    );
    await recordAudit("pair.list", "pairs", { tenantId });
    let offset = 0;
    return {
      columns: pairStatuses.map((status, i) => {
        const page = pages[i] as StatusPage;
        const cards = items.slice(offset, offset + page.rows.length);
        offset += page.rows.length;
        // The counters are read consistently, the index (a GSI) eventually: a just-changed pair may be in its old
        // column for a moment. A column never claims fewer pairs than it shows or than «Показать ещё» implies.
        return { status, total: Math.max(totals[status], page.rows.length + (page.cursor ? 1 : 0)), items: cards, cursor: page.cursor };
      }),
    };
  },

  /** The pair page: the pair (with what blocks activation), its plan and its meeting diary. */
  async get(pairId: string): Promise<PairPage> {
    assertCan("participants.read");
    const tenantId = useTenantID();
    const result = await page(tenantId, pairId);
    await recordAudit("pair.read", pairId, { tenantId });
    return result;
  },

  /** A draft pair or group (status «формируется»); its members must be in the base and not restricted. */
  async create(input: PairInput): Promise<PairPage> {
    assertCan("participants.write");
    const tenantId = useTenantID();
    if (input.menteeIds.includes(input.mentorId)) {
      throw new VisibleError("input", "pair.self_mentoring", "Участник не может быть наставником самому себе");
    }
    const rows = await Participant.rows(tenantId, [input.mentorId, ...input.menteeIds]);
    const byId = new Map(rows.map((row) => [row.participantId, row]));
    const mentor = byId.get(input.mentorId);
    if (!mentor || input.menteeIds.some((id) => !byId.has(id))) throw notFound("participant.not_found", "Участник не найден");
    for (const row of rows) {
      if (row.status !== "active") {
        throw new VisibleError(
          "conflict",
          "pair.participant_restricted",
          `Участника «${initials(row.fullName)}» нельзя включить в пару: обработка его данных ограничена (согласие отозвано) или данные обезличены`,
        );
      }
    }
    if (!mentor.isMentor) {
      throw new VisibleError("input", "pair.not_mentor", `Участник «${shortName(mentor.fullName)}» не отмечен в базе как наставник`);
    }
    const notMentee = input.menteeIds.map((id) => byId.get(id)).find((row) => row && !row.isMentee);
    if (notMentee) {
      throw new VisibleError("input", "pair.not_mentee", `Участник «${shortName(notMentee.fullName)}» не отмечен в базе как наставляемый`);
    }
    const now = nowIso();
    const pairId = createId("pair");
    const pair = {
      tenantId,
      pairId,
      form: input.form,
      mentorId: input.mentorId,
      menteeIds: input.menteeIds,
      startDate: input.startDate,
      endDate: input.endDate,
      note: input.note,
      status: "forming" as const,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const members = [
      { participantId: input.mentorId, role: "mentor" as const },
      ...input.menteeIds.map((participantId) => ({ participantId, role: "mentee" as const })),
    ];
    const result = await writeWithStats(
      tenantId,
      { pair: PairEntity, plan: PlanEntity, membership: MembershipEntity, participant: ParticipantEntity, audit: AuditEntity },
      (e) => [
        e.pair.create(pair).commit(),
        e.plan.create({ tenantId, pairId, goals: [], tasks: [], updatedAt: now, version: 1 }).commit(),
        ...members.flatMap((m) => [
          e.membership
            .create({ tenantId, pairId, participantId: m.participantId, role: m.role, form: input.form, status: "forming" })
            .commit(),
          e.participant
            .check({ tenantId, participantId: m.participantId })
            .where((attr, op) => op.eq(attr.status, "active"))
            .commit(),
        ]),
        e.audit.create(auditItem("pair.create", pairId, { tenantId })).commit(),
      ],
      pairContribution(pair),
    );
    if (result.canceled) {
      throw new VisibleError(
        "conflict",
        "pair.participant_restricted",
        "Участника нельзя включить в пару: его данные только что изменились. Обновите страницу.",
      );
    }
    return page(tenantId, pairId);
  },

  /** Changes the form, dates or note (the form only while forming). */
  async update(pairId: string, input: PairUpdate): Promise<PairPage> {
    assertCan("participants.write");
    const tenantId = useTenantID();
    const { pair, meetings } = await requireFull(tenantId, pairId);
    if (pair.version !== input.version) throw staleVersion((await page(tenantId, pairId)).pair);
    if (pair.status === "completed" || pair.status === "terminated") throw ended(pair.status);
    const firstMeeting = meetings.map((m) => m.date).sort()[0];
    if (firstMeeting && input.startDate > firstMeeting) {
      const message = `Дата начала не может быть позже первой встречи в дневнике (${formatDate(firstMeeting)})`;
      throw new VisibleError("input", "pair.start_after_meeting", message, { fields: [{ path: "startDate", message }] });
    }
    if (input.form !== pair.form && pair.status !== "forming") {
      throw new VisibleError("conflict", "pair.form_locked", "Форму наставничества можно менять только пока пара формируется");
    }
    const now = nowIso();
    const changes = {
      form: input.form,
      startDate: input.startDate,
      endDate: input.endDate,
      ...(input.note ? { note: input.note } : {}),
      updatedAt: now,
      version: input.version + 1,
    };
    const result = await writeWithStats(
      tenantId,
      { pair: PairEntity, membership: MembershipEntity, audit: AuditEntity },
      (e) => [
        e.pair
          .patch({ tenantId, pairId })
          .set(changes)
          .remove(input.note || !pair.note ? [] : ["note"])
          .where((attr, op) => op.eq(attr.version, input.version))
          .commit(),
        ...[pair.mentorId, ...pair.menteeIds].map((participantId) =>
          e.membership.patch({ tenantId, participantId, pairId }).set({ form: input.form }).commit(),
        ),
        e.audit.create(auditItem("pair.update", pairId, { tenantId })).commit(),
      ],
      diffCounts(pairContribution(pair), pairContribution({ ...pair, form: input.form })),
    );
    if (result.canceled) throw staleVersion((await page(tenantId, pairId)).pair);
    const { note: _, ...kept } = pair;
    return page(tenantId, pairId, { ...(input.note ? pair : kept), ...changes });
  },

  /** Records the mentor–mentee agreement; each minor member needs the legal representative who signed for them. */
  async setAgreement(pairId: string, input: AgreementInput): Promise<PairPage> {
    assertCan("participants.write");
    const tenantId = useTenantID();
    const { pair } = await requireFull(tenantId, pairId);
    if (pair.version !== input.version) throw staleVersion((await page(tenantId, pairId)).pair);
    if (pair.status === "completed" || pair.status === "terminated") throw ended(pair.status);
    const memberIds = [pair.mentorId, ...pair.menteeIds];
    const stranger = input.representatives?.find((r) => !memberIds.includes(r.participantId));
    if (stranger)
      throw new VisibleError("input", "agreement.unknown_member", "Законный представитель указан для участника, которого нет в паре");
    const today = await regionToday();
    const rows = await Participant.rows(tenantId, memberIds);
    const unsigned = rows.find((row) => isMinor(row, today) && !input.representatives?.some((r) => r.participantId === row.participantId));
    if (unsigned) {
      throw new VisibleError(
        "input",
        "agreement.representative_required",
        `Участник «${shortName(unsigned.fullName)}» несовершеннолетний: соглашение за него подписывает законный представитель. Укажите ФИО представителя и кем он приходится участнику.`,
      );
    }
    const now = nowIso();
    const agreement = {
      signedAt: input.signedAt,
      document: input.document,
      scanRef: input.scanRef,
      representatives: input.representatives ?? [],
    };
    const result = await writeWithStats(
      tenantId,
      { pair: PairEntity, audit: AuditEntity },
      (e) => [
        e.pair
          .patch({ tenantId, pairId })
          .set({ agreement, updatedAt: now, version: input.version + 1 })
          .where((attr, op) => op.eq(attr.version, input.version))
          .commit(),
        e.audit.create(auditItem("pair.agreement", pairId, { tenantId })).commit(),
      ],
      {},
    );
    if (result.canceled) throw staleVersion((await page(tenantId, pairId)).pair);
    return page(tenantId, pairId);
  },

  /**
   * forming → active. The server enforces every rule (form enabled and fitting, consents, agreement, the mentor's
   * capacity). The transaction re-checks what it read: the members' consent and status, and the mentor's counter
   * against the capacity, so concurrent activations can never overfill a mentor.
   */
  async activate(pairId: string, input: { version: number }): Promise<PairPage> {
    assertCan("participants.write");
    const tenantId = useTenantID();
    for (let attempt = 0; ; attempt++) {
      const { pair } = await requireFull(tenantId, pairId);
      if (attempt === 0 && pair.version !== input.version) throw staleVersion((await page(tenantId, pairId)).pair);
      if (pair.status !== "forming") {
        if (attempt > 0 && pair.status === "active") return page(tenantId, pairId);
        throw new VisibleError(
          "conflict",
          "pair.not_forming",
          `Активировать можно только формирующуюся пару; сейчас: «${pairStatusLabels[pair.status]}»`,
        );
      }
      const today = await regionToday();
      const rows = await Participant.rows(tenantId, [pair.mentorId, ...pair.menteeIds]);
      const byId = new Map(rows.map((row) => [row.participantId, row]));
      const mentor = byId.get(pair.mentorId);
      const mentees = pair.menteeIds.map((id) => byId.get(id));
      if (!mentor || mentees.some((m) => !m)) throw notFound("participant.not_found", "Участник не найден");
      const menteeRows = mentees as ParticipantRow[];
      const problems = activationProblems({
        form: pair.form,
        enabledForms: (await enabledForms(tenantId)).enabled,
        mentor: memberFacts(mentor),
        mentees: menteeRows.map(memberFacts),
        agreement: pair.agreement,
        today,
      });
      const [first] = problems;
      if (first) throw new VisibleError("conflict", first.code, first.message, { problems });

      const now = nowIso();
      const n = pair.menteeIds.length;
      const capacity = mentor.capacity ?? 1;
      const activated = { ...pair, status: "active" as const, activatedAt: now };
      const mentorAfter = { ...mentor, engagedMentor: true };
      const menteesAfter = menteeRows.map((row) => ({ ...row, engagedMentee: true }));
      const delta = addCounts(
        diffCounts(pairContribution(pair), pairContribution(activated)),
        diffCounts(participantContribution(mentor), participantContribution(mentorAfter)),
        ...menteeRows.map((row, i) => diffCounts(participantContribution(row), participantContribution(menteesAfter[i]))),
      );
      const result = await writeWithStats(
        tenantId,
        { pair: PairEntity, membership: MembershipEntity, participant: ParticipantEntity, pairQuiet: PairQuietEntity, audit: AuditEntity },
        (e) => [
          e.pair
            .patch({ tenantId, pairId })
            .set({ status: "active", activatedAt: now, updatedAt: now, version: pair.version + 1 })
            .where((attr, op) => `${op.eq(attr.version, pair.version)} AND ${op.eq(attr.status, "forming")}`)
            .commit(),
          ...[pair.mentorId, ...pair.menteeIds].map((participantId) =>
            e.membership.patch({ tenantId, participantId, pairId }).set({ status: "active" }).commit(),
          ),
          e.participant
            .patch({ tenantId, participantId: mentor.participantId })
            .add({ activeMentees: n })
            .set(mentor.engagedMentor ? {} : { engagedMentor: true, version: mentor.version + 1 })
            .where(
              (attr, op) =>
                // Still a mentor with the capacity read (an edit of an engaged mentor may land meanwhile).
                `${op.lte(attr.activeMentees, capacity - n)} AND ${op.eq(attr.isMentor, true)} AND ${
                  mentor.capacity === undefined ? op.notExists(attr.capacity) : op.eq(attr.capacity, mentor.capacity)
                } AND ${op.eq(attr.status, "active")} AND ${op.eq(attr.consentId, mentor.consentId ?? "")}${
                  mentor.engagedMentor ? "" : ` AND ${op.eq(attr.version, mentor.version)}`
                }`,
            )
            .commit(),
          ...menteeRows.map((row) =>
            row.engagedMentee
              ? e.participant
                  .check({ tenantId, participantId: row.participantId })
                  .where((attr, op) => `${op.eq(attr.status, "active")} AND ${op.eq(attr.consentId, row.consentId ?? "")}`)
                  .commit()
              : e.participant
                  .patch({ tenantId, participantId: row.participantId })
                  .set({ engagedMentee: true, version: row.version + 1 })
                  .where(
                    (attr, op) =>
                      `${op.eq(attr.status, "active")} AND ${op.eq(attr.consentId, row.consentId ?? "")} AND ${op.eq(attr.version, row.version)}`,
                  )
                  .commit(),
          ),
          e.pairQuiet.put({ tenantId, pairId, regionId: useRegionID(), quietOn: quietOn(pair.lastMeetingDate ?? today) }).commit(),
          e.audit.create(auditItem("pair.activate", pairId, { tenantId })).commit(),
        ],
        delta,
      );
      if (!result.canceled) return page(tenantId, pairId);
      // Someone changed the pair or a member meanwhile: read again and re-check the rules (capacity included).
      if (attempt >= 6) throw busy();
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * (attempt + 1)));
    }
  },

  /** active → completed, with the results and the reflection. */
  async complete(pairId: string, input: CompletionInput): Promise<PairPage> {
    return finish(pairId, input.version, "completed", { results: input.results, reflection: input.reflection });
  },

  /** forming | active → terminated, with a reason. */
  async terminate(pairId: string, input: TerminationInput): Promise<PairPage> {
    return finish(pairId, input.version, "terminated", { reason: input.reason });
  },

  async savePlan(pairId: string, input: PlanInput): Promise<PairPage> {
    assertCan("participants.write");
    const tenantId = useTenantID();
    const { pair, plan } = await requireFull(tenantId, pairId);
    if (plan.version !== input.version) throw staleVersion(stripTenant(plan));
    if (pair.status === "completed" || pair.status === "terminated") throw ended(pair.status);
    const tasks = input.tasks.map((task) => ({ ...task, taskId: task.taskId || createId("task") }));
    const now = nowIso();
    const result = await writeWithStats(
      tenantId,
      { plan: PlanEntity, audit: AuditEntity },
      (e) => [
        e.plan
          .upsert({ tenantId, pairId, goals: input.goals, tasks, updatedAt: now, version: input.version + 1 })
          .where((attr, op) =>
            input.version === 1 ? `${op.notExists(attr.version)} OR ${op.eq(attr.version, 1)}` : op.eq(attr.version, input.version),
          )
          .commit(),
        e.audit.create(auditItem("pair.plan", pairId, { tenantId })).commit(),
      ],
      {},
    );
    if (result.canceled) throw staleVersion(stripTenant((await requireFull(tenantId, pairId)).plan));
    return page(tenantId, pairId);
  },

  async addMeeting(pairId: string, input: MeetingInput): Promise<PairPage> {
    return saveMeeting(pairId, undefined, input);
  },

  async updateMeeting(pairId: string, meetingId: string, input: MeetingUpdate): Promise<PairPage> {
    return saveMeeting(pairId, meetingId, input);
  },
};

const ended = (status: PairStatus) =>
  new VisibleError("conflict", "pair.ended", `Пара уже ${status === "completed" ? "завершена" : "прекращена"}: изменения недоступны`);

async function finish(
  pairId: string,
  expected: number,
  to: "completed" | "terminated",
  details: { reason?: string; results?: string; reflection?: string },
): Promise<PairPage> {
  assertCan("participants.write");
  const tenantId = useTenantID();
  const { pair } = await requireFull(tenantId, pairId);
  if (pair.version !== expected) throw staleVersion((await page(tenantId, pairId)).pair);
  const allowed = to === "completed" ? pair.status === "active" : pair.status === "forming" || pair.status === "active";
  if (!allowed) {
    throw new VisibleError(
      "conflict",
      "pair.invalid_transition",
      to === "completed"
        ? `Завершить можно только активную пару; сейчас: «${pairStatusLabels[pair.status]}»`
        : `Прекратить можно только формирующуюся или активную пару; сейчас: «${pairStatusLabels[pair.status]}»`,
    );
  }
  const now = nowIso();
  const ending = endPairs(tenantId, [pair], to, details, now);
  const result = await writeWithStats(
    tenantId,
    { ...pairEndingEntities, participant: ParticipantEntity, audit: AuditEntity },
    (e) => [
      ...ending.ops(e),
      ...[...ending.activeMenteesDelta].map(([participantId, n]) =>
        e.participant.patch({ tenantId, participantId }).add({ activeMentees: n }).commit(),
      ),
      e.audit.create(auditItem(`pair.${to === "completed" ? "complete" : "terminate"}`, pairId, { tenantId })).commit(),
    ],
    ending.delta,
  );
  if (result.canceled) throw staleVersion((await page(tenantId, pairId)).pair);
  return page(tenantId, pairId);
}

/** A meeting's date refused, at the form's date field. */
const meetingDateError = (code: string, message: string) =>
  new VisibleError("input", code, message, { fields: [{ path: "date", message }] });

async function saveMeeting(pairId: string, meetingId: string | undefined, input: MeetingInput & { version?: number }): Promise<PairPage> {
  assertCan("participants.write");
  const tenantId = useTenantID();
  for (let attempt = 0; ; attempt++) {
    const { pair, meetings } = await requireFull(tenantId, pairId);
    if (pair.status === "completed" || pair.status === "terminated") throw ended(pair.status);
    const existing = meetingId ? meetings.find((m) => m.meetingId === meetingId) : undefined;
    if (meetingId && !existing) throw notFound("meeting.not_found", "Встреча не найдена");
    if (existing && existing.version !== input.version) throw staleVersion(stripTenant(existing));
    const today = await regionToday();
    if (input.date > today)
      throw meetingDateError("meeting.future_date", "В дневник записываются прошедшие встречи: дата не может быть в будущем");
    if (input.date < pair.startDate)
      throw meetingDateError(
        "meeting.before_start",
        `Дата встречи не может быть раньше начала работы пары (${formatDate(pair.startDate)})`,
      );
    const now = nowIso();
    const id = meetingId ?? createId("meeting");
    const { version: _v, ...fields } = input;
    const dates = [...meetings.filter((m) => m.meetingId !== id).map((m) => m.date), input.date];
    const last = dates.sort().at(-1);
    const result = await writeWithStats(
      tenantId,
      { meeting: MeetingEntity, pair: PairEntity, pairQuiet: PairQuietEntity, audit: AuditEntity },
      (e) => [
        existing
          ? e.meeting
              .patch({ tenantId, pairId, meetingId: id })
              .set({ ...fields, updatedAt: now, version: existing.version + 1 })
              .where((attr, op) => op.eq(attr.version, existing.version))
              .commit()
          : e.meeting.create({ ...fields, tenantId, pairId, meetingId: id, createdAt: now, updatedAt: now, version: 1 }).commit(),
        e.pair
          .patch({ tenantId, pairId })
          .set({ lastMeetingDate: last })
          .where(
            (attr, op) =>
              `${pair.lastMeetingDate ? op.eq(attr.lastMeetingDate, pair.lastMeetingDate) : op.notExists(attr.lastMeetingDate)} AND ${op.eq(attr.status, pair.status)} AND ${op.eq(attr.startDate, pair.startDate)}`,
          )
          .commit(),
        ...(pair.status === "active" && last
          ? [e.pairQuiet.put({ tenantId, pairId, regionId: useRegionID(), quietOn: quietOn(last) }).commit()]
          : []),
        e.audit.create(auditItem(existing ? "meeting.update" : "meeting.create", pairId, { tenantId })).commit(),
      ],
      {},
    );
    if (!result.canceled) return page(tenantId, pairId);
    if (attempt >= 4) throw busy();
  }
}
