import type { EntityItem } from "electrodb";
import { useActor, useTenantID } from "../actor";
import { auditItem, recordAudit } from "../audit";
import { nowIso } from "../auth/secret";
import { GetCommand, QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import { ddb, itemKey, loadCollection, tableName } from "../dynamo";
import { VisibleError, notFound } from "../error";
import { type ParticipantCategory, categoryLabels, participantCategories } from "../forms/catalogue";
import { createId } from "../id";
import { latestTodayInRussia } from "../dates";
import { staleVersion } from "../institution";
import { endPairs, isOpen, loadPairs, pairEndingEntities } from "../pair/lifecycle";
import { type Permission, assertCan, roleCan } from "../permissions";
import { cursorNeedsLimit, email, isoDate, optionalText, pageCursor, pageLimit, phone, text, version } from "../schemas";
import { type TxEntities, writeWithStats } from "../stats";
import { type Counts, addCounts, diffCounts, participantContribution } from "../stats/contribution";
import { countOf } from "../ru";
import * as z from "../zod";
import { isMinor } from "./age";
import { regionToday } from "./calendar";
import { textList } from "./fields";
import { initials, listedName, nameKey, shortName } from "./names";
import {
  ConsentEntity,
  MembershipEntity,
  ParticipantEntity,
  memberRoles,
  participantStatuses,
  sensitiveFlags,
  signerKinds,
} from "./participant.entity";
import { RewardEntity } from "../reward/reward.entity";
import { readParticipantsById } from "./read";
import type { AuditAction } from "../audit/actions";
import { AuditEntity } from "../audit/audit.entity";

export { participantStatuses, sensitiveFlags, signerKinds, memberRoles };
export { shortName, initials } from "./names";
export { participantStatusLabels, sensitiveFlagLabels } from "./labels";
export type ParticipantStatus = (typeof participantStatuses)[number];
export type SensitiveFlag = (typeof sensitiveFlags)[number];
export type SignerKind = (typeof signerKinds)[number];

const learnerCategories: readonly ParticipantCategory[] = ["pupil", "student"];

/**
 * What the pair module reads of its members (`Participant.rows`): the cards (name, status, category, minor, consent),
 * the creation and activation rules (roles, capacity, mentees in active pairs, consent signer), the statistics
 * counters (`participantContribution`: engagement, birth, partner organisation) and its transactions' conditions
 * (version). Contacts, needs, competences and sensitive flags are not read.
 */
const pairMemberAttributes = [
  "fullName",
  "status",
  "category",
  "birthDate",
  "birthYear",
  "isMentor",
  "isMentee",
  "capacity",
  "activeMentees",
  "partnerOrg",
  "consentId",
  "consentSigner",
  "engagedMentor",
  "engagedMentee",
  "version",
] as const;

const fields = {
  fullName: text("ФИО", 200),
  birthDate: z.optional(isoDate("Дата рождения")),
  birthYear: z.optional(
    z
      .number({ error: "Год рождения должен быть числом" })
      .check(z.int({ error: "Год рождения — целое число, например 2012" }), z.minimum(1920, { error: "Год рождения не раньше 1920" })),
  ),
  category: z.enum(participantCategories, { error: "Укажите категорию участника" }),
  group: optionalText("Класс или группа", 50),
  email: z.optional(email()),
  phone: phone(),
  isMentor: z.boolean({ error: "Укажите, является ли участник наставником" }),
  isMentee: z.boolean({ error: "Укажите, является ли участник наставляемым" }),
  requests: z.optional(textList("Запросы")),
  needs: optionalText("Потребности", 2000),
  competences: z.optional(textList("Компетенции")),
  experience: optionalText("Опыт", 2000),
  capacity: z.optional(
    z
      .number({ error: "Число наставляемых должно быть числом" })
      .check(
        z.int({ error: "Число наставляемых — целое число" }),
        z.minimum(1, { error: "Наставник должен вести хотя бы одного наставляемого" }),
        z.maximum(20, { error: "Не больше 20 наставляемых одновременно" }),
      ),
  ),
  partnerOrg: optionalText("Организация-партнёр", 300),
  sensitiveFlags: z.optional(z.array(z.enum(sensitiveFlags, { error: "Неизвестная отметка" }))),
};

type Shape = { birthDate?: string; birthYear?: number; category: ParticipantCategory; isMentor: boolean; isMentee: boolean };

/** Cross-field rules, shared by the form, the API and the import. */
export function participantIssues(value: Shape): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = [];
  if (!value.isMentor && !value.isMentee) issues.push({ path: ["isMentor"], message: "Укажите роль: наставник, наставляемый или обе" });
  if (learnerCategories.includes(value.category) && !value.birthDate && !value.birthYear) {
    issues.push({
      path: ["birthDate"],
      message: "Для обучающегося укажите дату или хотя бы год рождения: от неё зависит, нужен ли законный представитель",
    });
  }
  if (value.birthDate && value.birthYear && Number(value.birthDate.slice(0, 4)) !== value.birthYear) {
    issues.push({ path: ["birthYear"], message: "Год рождения не совпадает с датой рождения" });
  }
  if (value.birthDate && value.birthDate > latestTodayInRussia()) {
    issues.push({ path: ["birthDate"], message: "Дата рождения не может быть в будущем" });
  } else if (!value.birthDate && value.birthYear && value.birthYear > Number(latestTodayInRussia().slice(0, 4))) {
    issues.push({ path: ["birthYear"], message: "Год рождения не может быть в будущем" });
  }
  return issues;
}

const checkParticipant = <T extends Shape>() =>
  z.superRefine<T>((value, ctx) => {
    for (const issue of participantIssues(value)) ctx.addIssue({ code: "custom", input: value, path: issue.path, message: issue.message });
  });

export const ParticipantInput = z.object(fields).check(checkParticipant());
export type ParticipantInput = z.infer<typeof ParticipantInput>;
export const ParticipantUpdate = z.object({ ...fields, version: version() }).check(checkParticipant());
export type ParticipantUpdate = z.infer<typeof ParticipantUpdate>;

export const ParticipantFilter = z
  .object({
    q: z.optional(z.string().check(z.trim(), z.maxLength(100, { error: "Строка поиска не длиннее 100 символов" }))),
    role: z.optional(z.enum(memberRoles, { error: "Роль: наставник или наставляемый" })),
    category: z.optional(z.enum(participantCategories, { error: "Неизвестная категория участника" })),
    group: z.optional(z.string().check(z.trim(), z.maxLength(50, { error: "Класс или группа — не длиннее 50 символов" }))),
    status: z.optional(z.enum(participantStatuses, { error: "Неизвестный статус участника" })),
    minor: z.optional(z.enum(["true", "false"], { error: "Неизвестное значение отбора «Возраст»" })),
    consent: z.optional(z.enum(["signed", "missing"], { error: "Неизвестное значение отбора «Согласие на обработку ПД»" })),
    /** A page of at most this many (1–200); without it, the whole list. */
    limit: pageLimit(),
    /** Where the next page starts: the `cursor` of the previous page. */
    cursor: pageCursor("participant"),
  })
  .check(cursorNeedsLimit);
export type ParticipantFilter = z.infer<typeof ParticipantFilter>;

/** A page of the registry; `cursor` is where the next one starts (null after the last). */
export type ParticipantPage = { items: ParticipantInfo[]; cursor: string | null };

export const ConsentInput = z
  .object({
    signerKind: z.enum(signerKinds, { error: "Укажите, кто подписал согласие: сам участник или законный представитель" }),
    representativeName: optionalText("ФИО законного представителя", 200),
    representativeRelation: optionalText("Кем приходится (мать, отец, опекун…)", 100),
    signedAt: isoDate("Дата подписания"),
    document: text("Номер или версия документа", 100),
    scanRef: optionalText("Ссылка на скан", 500),
  })
  .check(
    z.superRefine((value, ctx) => {
      if (value.signerKind === "legal_representative" && !value.representativeName) {
        ctx.addIssue({ code: "custom", input: value, path: ["representativeName"], message: "Укажите ФИО законного представителя" });
      }
      if (value.signerKind === "legal_representative" && !value.representativeRelation) {
        ctx.addIssue({
          code: "custom",
          input: value,
          path: ["representativeRelation"],
          message: "Укажите, кем представитель приходится участнику",
        });
      }
    }),
  );
export type ConsentInput = z.infer<typeof ConsentInput>;

export const ConsentWithdrawal = z.object({ withdrawnAt: isoDate("Дата отзыва") });
export type ConsentWithdrawal = z.infer<typeof ConsentWithdrawal>;

type Row = EntityItem<typeof ParticipantEntity>;
type ConsentRow = EntityItem<typeof ConsentEntity>;
type MembershipRow = EntityItem<typeof MembershipEntity>;

export type ConsentState = "signed" | "missing";

export type ParticipantInfo = Omit<ParticipantInput, "sensitiveFlags"> & {
  participantId: string;
  shortName: string;
  status: ParticipantStatus;
  minor: boolean;
  consent: ConsentState;
  consentSigner?: SignerKind;
  activeMentees: number;
  /** Only for those who hold `participants.sensitive` (the curator). */
  sensitiveFlags?: SensitiveFlag[];
  /** Restricted or anonymised: personal fields are hidden and only the initials are shown. */
  restricted: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type ConsentInfo = Omit<ConsentRow, "tenantId"> & { active: boolean };
export type MembershipInfo = Omit<MembershipRow, "tenantId">;
export type ParticipantCard = { participant: ParticipantInfo; consents: ConsentInfo[]; pairs: MembershipInfo[] };

const can = (permission: Permission) => {
  const actor = useActor();
  return actor.type === "system" || (actor.type === "user" && roleCan(actor.properties.role, permission));
};

function toInfo(row: Row, today: string, options: { sensitive: boolean; reveal: boolean }): ParticipantInfo {
  const base = {
    participantId: row.participantId,
    category: row.category,
    status: row.status,
    isMentor: row.isMentor,
    isMentee: row.isMentee,
    minor: isMinor(row, today),
    consent: row.consentId ? ("signed" as const) : ("missing" as const),
    consentSigner: row.consentSigner,
    activeMentees: row.activeMentees,
    capacity: row.capacity,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
  if (row.status !== "active" && !options.reveal) {
    return { ...base, fullName: initials(row.fullName), shortName: initials(row.fullName), restricted: true };
  }
  return {
    ...base,
    fullName: row.fullName,
    shortName: shortName(row.fullName),
    birthDate: row.birthDate,
    birthYear: row.birthYear,
    group: row.group,
    email: row.email,
    phone: row.phone,
    requests: row.requests,
    needs: row.needs,
    competences: row.competences,
    experience: row.experience,
    partnerOrg: row.partnerOrg,
    restricted: row.status !== "active",
    ...(options.sensitive ? { sensitiveFlags: (row.sensitiveFlags ?? []) as SensitiveFlag[] } : {}),
  };
}

const participantNotFound = () => notFound("participant.not_found", "Участник не найден");

/** The stored attributes for an input (the year is kept alongside a full date, for statistics after erasure). */
export function storedFields(input: ParticipantInput) {
  const { sensitiveFlags: flags, ...rest } = input;
  return {
    ...rest,
    sortName: nameKey(input.fullName),
    birthYear: input.birthYear ?? (input.birthDate ? Number(input.birthDate.slice(0, 4)) : undefined),
    capacity: input.isMentor ? (input.capacity ?? 1) : input.capacity,
    ...(flags ? { sensitiveFlags: flags } : {}),
  };
}

/** The row `Participant.createMany` stores for an input: its stored fields and the defaults of a new person. */
export function newParticipantRow(input: ParticipantInput, tenantId: string, participantId: string, createdAt: string) {
  return {
    ...storedFields(input),
    tenantId,
    participantId,
    status: "active" as const,
    activeMentees: 0,
    engagedMentor: false,
    engagedMentee: false,
    createdAt,
    updatedAt: createdAt,
    version: 1,
  };
}

/**
 * What erasure (152-ФЗ art. 21) removes from a participant: the personal fields. The category, roles, birth year and
 * partner organisation stay, so the aggregate counts stay right.
 */
export const erasedFields = [
  "birthDate",
  "group",
  "email",
  "phone",
  "requests",
  "needs",
  "competences",
  "experience",
  "sensitiveFlags",
] as const;
/** What the end of a person's participation (consent withdrawn, data erased) removes from them: the consent in force. */
export const consentInForceFields = ["consentId", "consentSigner"] as const;
/** What erasure removes from the person's consents: the legal representative's name and the scan. */
export const erasedConsentFields = ["representativeName", "scanRef"] as const;

/** The participant, consents and memberships: one Query on `PERSON#<id>`. */
export async function loadCard(tenantId: string, participantId: string) {
  const of = await loadCollection(tenantId, `PERSON#${participantId}`);
  const participant = of("participant")
    .map((Item) => ParticipantEntity.parse({ Item }).data)
    .find((row) => row?.participantId === participantId);
  if (!participant) return undefined;
  return {
    participant,
    consents: of("consent").map((Item) => ConsentEntity.parse({ Item }).data as ConsentRow),
    memberships: of("membership").map((Item) => MembershipEntity.parse({ Item }).data as MembershipRow),
  };
}

export async function requireCard(tenantId: string, participantId: string) {
  const card = await loadCard(tenantId, participantId);
  if (!card) throw participantNotFound();
  return card;
}

/** Which stored participants the registry shows for a filter (the anonymised only when asked for by status). */
function registryFilter(filter: ParticipantFilter, today: string): (row: Row) => boolean {
  const q = filter.q ? nameKey(filter.q) : "";
  const group = filter.group ? nameKey(filter.group) : "";
  return (row) => {
    if (filter.status ? row.status !== filter.status : row.status === "anonymised") return false;
    if (filter.category && row.category !== filter.category) return false;
    if (filter.role === "mentor" && !row.isMentor) return false;
    if (filter.role === "mentee" && !row.isMentee) return false;
    if (filter.consent === "signed" && !row.consentId) return false;
    if (filter.consent === "missing" && row.consentId) return false;
    if (filter.minor && String(isMinor(row, today)) !== filter.minor) return false;
    // Only an active person's details are searchable: a restricted one shows as initials.
    const visible = row.status === "active";
    if (group && (!visible || nameKey(row.group ?? "") !== group)) return false;
    if (q && !(visible && contains([row.fullName, row.group, row.partnerOrg, ...(row.requests ?? []), ...(row.competences ?? [])], q))) {
      return false;
    }
    return true;
  };
}

const invalidCursor = () =>
  new VisibleError("input", "participant.invalid_cursor", "Ссылка на следующую страницу недействительна: обновите список");

/**
 * Reads the byTenant index (name order) from after the participant `after` until `limit` rows pass `keep`, or to the
 * end. Each Query asks for `limit` items, so an unfiltered page is one Query; a narrow filter reads further. The cursor
 * is the last returned participant's id (no name travels in URLs); its index key is looked up when the next page is asked for.
 */
async function registryPage(
  tenantId: string,
  keep: (row: Row) => boolean,
  options: { limit?: number; after?: string },
): Promise<{ rows: Row[]; cursor: string | null }> {
  if (options.limit === undefined) {
    return { rows: (await ParticipantEntity.query.byTenant({ tenantId }).go({ pages: "all" })).data.filter(keep), cursor: null };
  }
  const query = ParticipantEntity.query.byTenant({ tenantId }).params() as QueryCommandInput;
  let start = options.after ? await indexKeyOf(tenantId, options.after) : undefined;
  let size = options.limit;
  const rows: Row[] = [];
  while (true) {
    // The page's size first (an unfiltered page is one Query), then twice as many each time a filter thins it out.
    const page = await ddb.send(new QueryCommand({ ...query, Limit: size, ExclusiveStartKey: start }));
    size = Math.min(size * 2, 1000);
    const items = ParticipantEntity.parse({ Items: page.Items ?? [] }).data;
    for (const [index, row] of items.entries()) {
      if (!keep(row)) continue;
      rows.push(row);
      const more = index < items.length - 1 || page.LastEvaluatedKey !== undefined;
      if (rows.length === options.limit) return { rows, cursor: more ? row.participantId : null };
    }
    if (!page.LastEvaluatedKey) return { rows, cursor: null };
    start = page.LastEvaluatedKey;
  }
}

/** The byTenant index key of a participant of this tenant (where a page after them starts). */
async function indexKeyOf(tenantId: string, participantId: string): Promise<Record<string, unknown>> {
  const Key = itemKey(ParticipantEntity.get({ tenantId, participantId }));
  const found = await ddb.send(new GetCommand({ TableName: tableName(), Key, ProjectionExpression: "pk, sk, gsi1pk, gsi1sk" }));
  if (!found.Item?.gsi1sk) throw invalidCursor();
  return found.Item;
}

/** The name an anonymised participant keeps (erasure, 152-ФЗ art. 21), and the key the registry sorts it by. */
export function anonymisedName(participantId: string) {
  const fullName = `Обезличенный участник ${participantId.slice(-6)}`;
  return { fullName, sortName: nameKey(fullName) };
}

const contains = (haystack: (string | undefined)[], needle: string) => haystack.some((value) => value && nameKey(value).includes(needle));

export const Participant = {
  async create(input: ParticipantInput): Promise<ParticipantInfo> {
    assertCan("participants.write");
    if (input.sensitiveFlags?.length && !can("participants.sensitive")) throw sensitiveForbidden();
    const [created] = await Participant.createMany([input]);
    return created as ParticipantInfo;
  },

  /** Creates participants in transactions of up to 98 people (each with the statistics delta and one audit event). */
  async createMany(inputs: ParticipantInput[], action: AuditAction = "participant.create"): Promise<ParticipantInfo[]> {
    assertCan("participants.write");
    const tenantId = useTenantID();
    const today = await regionToday();
    const now = nowIso();
    const rows = inputs.map((input) => newParticipantRow(input, tenantId, createId("participant"), now));
    // More than one transaction holds: each chunk is all-or-nothing and is tried again when another write to the
    // institution's counters interfered (its people are new, so no condition of its own can fail). If one still fails,
    // the chunks before it stay, and the message says how many: the same file sent again finds them as duplicates.
    for (let i = 0; i < rows.length; i += 98) {
      const chunk = rows.slice(i, i + 98);
      const delta = addCounts(...chunk.map(participantContribution));
      const write = () =>
        writeWithStats(
          tenantId,
          { participant: ParticipantEntity, audit: AuditEntity },
          ({ participant, audit }) => [
            ...chunk.map((row) => participant.create(row).commit()),
            audit
              .create(
                auditItem(
                  action,
                  chunk.length === 1 ? (chunk[0]?.participantId ?? "") : countOf(chunk.length, ["участник", "участника", "участников"]),
                  { tenantId },
                ),
              )
              .commit(),
          ],
          delta,
        );
      let result = await write();
      for (let attempt = 1; result.canceled && attempt < 3; attempt++) result = await write();
      if (result.canceled)
        throw new VisibleError(
          "unavailable",
          "participant.write_failed",
          i === 0
            ? "Не удалось сохранить участников, повторите попытку"
            : `Сохранено участников: ${i} из ${rows.length}, остальные не сохранены из-за сбоя. Загрузите файл ещё раз и пропустите ошибочные строки: уже сохранённые будут отмечены как повторы.`,
          { saved: i },
        );
    }
    const sensitive = can("participants.sensitive");
    return rows.map((row) => toInfo(row as Row, today, { sensitive, reveal: true }));
  },

  /**
   * The registry, in name order: the byTenant index read a page at a time (`limit` items that pass the filters, and a
   * cursor), or whole without `limit`.
   */
  async list(filter: ParticipantFilter = {}): Promise<ParticipantPage> {
    assertCan("participants.read");
    const tenantId = useTenantID();
    const today = await regionToday();
    const sensitive = can("participants.sensitive");
    const { rows, cursor } = await registryPage(tenantId, registryFilter(filter, today), {
      limit: filter.limit ? Number(filter.limit) : undefined,
      after: filter.cursor,
    });
    await recordAudit("participant.list", "participants", { tenantId });
    return { items: rows.map((row) => toInfo(row, today, { sensitive, reveal: false })), cursor };
  },

  /** The participant card: the person, their consents and their pairs (one Query). */
  async card(participantId: string): Promise<ParticipantCard> {
    assertCan("participants.read");
    const tenantId = useTenantID();
    const card = await requireCard(tenantId, participantId);
    const sensitive = can("participants.sensitive");
    const today = await regionToday();
    await recordAudit("participant.read", participantId, { tenantId });
    const reveal = sensitive && card.participant.status === "restricted";
    return {
      participant: toInfo(card.participant, today, { sensitive, reveal }),
      consents: card.consents
        .map(({ tenantId: _t, ...consent }) => ({
          ...consent,
          ...(card.participant.status === "active" || reveal ? {} : { representativeName: undefined, scanRef: undefined }),
          active: consent.consentId === card.participant.consentId,
        }))
        .sort((a, b) => b.signedAt.localeCompare(a.signedAt)),
      pairs: card.memberships.map(({ tenantId: _t, ...membership }) => membership),
    };
  },

  async update(participantId: string, input: ParticipantUpdate): Promise<ParticipantInfo> {
    assertCan("participants.write");
    const tenantId = useTenantID();
    const sensitive = can("participants.sensitive");
    if (input.sensitiveFlags !== undefined && !sensitive) throw sensitiveForbidden();
    const { participant: current } = await requireCard(tenantId, participantId);
    const today = await regionToday();
    if (current.version !== input.version) throw staleVersion(toInfo(current, today, { sensitive, reveal: false }));
    if (current.status !== "active") {
      throw new VisibleError(
        "conflict",
        "participant.restricted",
        "Данные участника нельзя изменять: обработка ограничена или данные обезличены",
      );
    }
    // What the mentor's active pairs require of an edit that lowers the capacity or takes the mentor role away, checked
    // here and again in the write (an activation does not change the version of an already engaged mentor, so only the
    // condition on activeMentees catches one meanwhile). An edit that keeps or raises the capacity needs no such check:
    // activations hold the stored capacity, which the version condition pins. So a mentor recorded before capacities were
    // enforced, with more active mentees than capacity, can still be edited without first raising the capacity.
    const capacity = input.isMentor ? (input.capacity ?? 1) : 0;
    const keepsCapacity = input.isMentor && current.isMentor && capacity >= (current.capacity ?? 1);
    const pairsAllow = (activeMentees: number) => {
      if (keepsCapacity || activeMentees <= capacity) return;
      if (!input.isMentor)
        throw new VisibleError("conflict", "participant.mentor_in_use", "Нельзя снять роль наставника: у участника есть активные пары");
      throw new VisibleError(
        "conflict",
        "participant.capacity_below_active",
        `Нельзя указать меньше наставляемых, чем у наставника сейчас в активных парах: ${activeMentees}`,
      );
    };
    pairsAllow(current.activeMentees);
    const { version: expected, ...changes } = input;
    const stored = storedFields(changes);
    const next = { ...current, ...stored, updatedAt: nowIso(), version: expected + 1 };
    const cleared = (
      [
        "birthDate",
        "birthYear",
        "group",
        "email",
        "phone",
        "requests",
        "needs",
        "competences",
        "experience",
        "capacity",
        "partnerOrg",
      ] as const
    ).filter((key) => stored[key] === undefined && current[key] !== undefined);
    for (const key of cleared) delete (next as Record<string, unknown>)[key];
    const result = await writeWithStats(
      tenantId,
      { participant: ParticipantEntity, audit: AuditEntity },
      ({ participant, audit }) => [
        participant
          .patch({ tenantId, participantId })
          .set({ ...stored, updatedAt: next.updatedAt, version: next.version })
          .remove(cleared)
          .where((attr, op) =>
            keepsCapacity ? op.eq(attr.version, expected) : `${op.eq(attr.version, expected)} AND ${op.lte(attr.activeMentees, capacity)}`,
          )
          .commit(),
        audit.create(auditItem("participant.update", participantId, { tenantId })).commit(),
      ],
      diffCounts(participantContribution(current), participantContribution(next)),
    );
    if (result.canceled) {
      const now = (await requireCard(tenantId, participantId)).participant;
      if (now.version === expected) pairsAllow(now.activeMentees);
      throw staleVersion(toInfo(now, today, { sensitive, reveal: false }));
    }
    return toInfo(next, today, { sensitive, reveal: false });
  },

  /** Records a consent; for a minor only a legal representative may sign. A restricted person becomes active again. */
  async addConsent(participantId: string, input: ConsentInput): Promise<ConsentInfo> {
    assertCan("participants.write");
    const tenantId = useTenantID();
    const { participant: current } = await requireCard(tenantId, participantId);
    if (current.status === "anonymised") throw anonymised();
    const today = await regionToday();
    if (isMinor(current, today) && input.signerKind !== "legal_representative") {
      throw new VisibleError(
        "input",
        "consent.representative_required",
        `Участник «${shortName(current.fullName)}» несовершеннолетний: согласие на обработку персональных данных подписывает законный представитель (родитель, опекун или попечитель). Укажите его ФИО и кем он приходится участнику.`,
      );
    }
    if (input.signedAt > today) throw new VisibleError("input", "consent.future_date", "Дата подписания согласия не может быть в будущем");
    const consent = {
      ...input,
      ...(input.signerKind === "self" ? { representativeName: undefined, representativeRelation: undefined } : {}),
      tenantId,
      participantId,
      consentId: createId("consent"),
      createdAt: nowIso(),
    };
    const result = await writeWithStats(
      tenantId,
      { consent: ConsentEntity, participant: ParticipantEntity, audit: AuditEntity },
      ({ consent: consents, participant, audit }) => [
        consents.create(consent).commit(),
        participant
          .patch({ tenantId, participantId })
          .set({
            consentId: consent.consentId,
            consentSigner: input.signerKind,
            status: "active",
            updatedAt: consent.createdAt,
            version: current.version + 1,
          })
          .where((attr, op) => `${op.eq(attr.version, current.version)} AND ${op.ne(attr.status, "anonymised")}`)
          .commit(),
        audit.create(auditItem("consent.create", participantId, { tenantId })).commit(),
      ],
      {},
    );
    if (result.canceled)
      throw staleVersion(toInfo((await requireCard(tenantId, participantId)).participant, today, { sensitive: false, reveal: false }));
    const { tenantId: _t, ...info } = consent;
    return { ...info, active: true };
  },

  /**
   * Withdraws a consent. Withdrawing the consent in force ends the person's pairs (terminated, «отзыв согласия»)
   * and restricts their data, in one transaction with the counters.
   */
  async withdrawConsent(participantId: string, consentId: string, input: ConsentWithdrawal): Promise<ParticipantCard> {
    assertCan("participants.write");
    const tenantId = useTenantID();
    if (input.withdrawnAt > (await regionToday()))
      throw new VisibleError("input", "consent.future_date", "Дата отзыва согласия не может быть в будущем");
    for (let attempt = 0; ; attempt++) {
      const card = await requireCard(tenantId, participantId);
      const consent = card.consents.find((c) => c.consentId === consentId);
      if (!consent) throw notFound("consent.not_found", "Согласие не найдено");
      if (consent.withdrawnAt) throw new VisibleError("conflict", "consent.already_withdrawn", "Это согласие уже отозвано");
      if (input.withdrawnAt < consent.signedAt)
        throw new VisibleError("input", "consent.withdrawn_before_signed", "Дата отзыва не может быть раньше даты подписания согласия");
      const inForce = card.participant.consentId === consentId;
      const result = await endParticipation(card, "отзыв согласия", {
        relatedOps: (e) => [
          e.consent
            .patch({ tenantId, participantId, consentId })
            .set({ withdrawnAt: input.withdrawnAt })
            .where((attr, op) => op.notExists(attr.withdrawnAt))
            .commit(),
        ],
        participantPatch: inForce ? { status: "restricted" } : {},
        removeConsent: inForce,
        endPairs: inForce,
        action: "consent.withdraw",
      });
      if (!result.canceled) return Participant.card(participantId);
      if (attempt >= 4) throw new VisibleError("conflict", "record.busy", "Запись сейчас изменяют другие пользователи, повторите попытку");
    }
  },

  /** Everything stored about one person, for a personal-data request (ФЗ-152 ст. 14). */
  async exportData(participantId: string) {
    assertCan("participants.sensitive");
    const tenantId = useTenantID();
    const card = await requireCard(tenantId, participantId);
    const { tenantId: _t, ...participant } = card.participant;
    const { Pair } = await import("../pair");
    const pairs = await Promise.all(card.memberships.map((m) => Pair.loadFull(tenantId, m.pairId)));
    const rewards = await rewardsOf(tenantId, participantId);
    // Who else is in each pair, named as lists name them (the person by their own name).
    const others = await Participant.rows(
      tenantId,
      pairs.flatMap((full) => (full ? [full.pair.mentorId, ...full.pair.menteeIds] : [])).filter((id) => id !== participantId),
    );
    const names = new Map([
      ...others.map((row) => [row.participantId, listedName(row)] as const),
      [participantId, shortName(participant.fullName)],
    ]);
    const nameOf = (id: string) => names.get(id) ?? "—";
    await recordAudit("participant.export", participantId, { tenantId });
    return {
      exportedAt: nowIso(),
      participant: { ...participant, categoryLabel: categoryLabels[participant.category] },
      consents: card.consents.map(({ tenantId: _x, ...c }) => c),
      pairs: pairs.flatMap((full, i) =>
        full
          ? [
              {
                role: card.memberships[i]?.role,
                mentor: nameOf(full.pair.mentorId),
                mentees: full.pair.menteeIds.map(nameOf),
                pair: full.pair,
                plan: full.plan,
                meetings: full.meetings,
              },
            ]
          : [],
      ),
      rewards: rewards.map(({ tenantId: _x, regionId: _r, ...reward }) => reward),
    };
  },

  /**
   * Erases a person: personal fields are removed and the name replaced, their open pairs end, consents lose the
   * representative's name and scan. The item stays (category, roles, birth year, partner organisation) so the
   * aggregate counts stay right.
   */
  async anonymise(participantId: string): Promise<ParticipantInfo> {
    assertCan("participants.sensitive");
    const tenantId = useTenantID();
    for (let attempt = 0; ; attempt++) {
      const card = await requireCard(tenantId, participantId);
      if (card.participant.status === "anonymised") throw anonymised();
      // The free texts of the person's rewards (basis, note) may name them: erased too, each over its version.
      const rewards = (await rewardsOf(tenantId, participantId)).filter(
        (reward) => reward.basis !== undefined || reward.note !== undefined,
      );
      const result = await endParticipation(card, "удаление персональных данных", {
        relatedOps: (e) => [
          ...card.consents
            .filter((c) => c.representativeName || c.scanRef)
            .map((c) =>
              e.consent
                .patch({ tenantId, participantId, consentId: c.consentId })
                .remove([...erasedConsentFields])
                .commit(),
            ),
          ...rewards.map((reward) =>
            e.reward
              .patch({ tenantId, rewardId: reward.rewardId })
              .set({ updatedAt: nowIso(), version: reward.version + 1 })
              .remove(["basis", "note"])
              .where((attr, op) => op.eq(attr.version, reward.version))
              .commit(),
          ),
        ],
        participantPatch: { status: "anonymised", ...anonymisedName(participantId) },
        removeFields: [...erasedFields],
        removeConsent: true,
        endPairs: true,
        action: "participant.anonymise",
      });
      if (!result.canceled) {
        const row = (await requireCard(tenantId, participantId)).participant;
        return toInfo(row, await regionToday(), { sensitive: true, reveal: true });
      }
      if (attempt >= 4) throw new VisibleError("conflict", "record.busy", "Запись сейчас изменяют другие пользователи, повторите попытку");
    }
  },

  /**
   * Trusted: pair members by id, in the order asked (each once), only `pairMemberAttributes` of each: one consistent
   * BatchGetItem per 100 ids. People not found are left out.
   */
  async rows(tenantId: string, ids: string[]) {
    return [...(await readParticipantsById(tenantId, ids, pairMemberAttributes, { consistent: true })).values()];
  },

  toInfo,
};

type Card = NonNullable<Awaited<ReturnType<typeof loadCard>>>;
/** What ending a person's participation writes besides the person's pairs (the related records are the caller's). */
const participationEntities = {
  ...pairEndingEntities,
  participant: ParticipantEntity,
  consent: ConsentEntity,
  reward: RewardEntity,
  audit: AuditEntity,
};
type Entities = TxEntities<typeof participationEntities>;
type RemovableField = (typeof erasedFields)[number];

/** The person's rewards (one consistent Query of the institution's rewards, filtered by person). */
const rewardsOf = async (tenantId: string, participantId: string) =>
  (
    await RewardEntity.query
      .byId({ tenantId })
      .where((attr, op) => op.eq(attr.participantId, participantId))
      .go({ pages: "all", consistent: true })
  ).data;

/** Ends a person's open pairs and patches the person, in one transaction with the counters. */
async function endParticipation(
  card: Card,
  reason: string,
  options: {
    /** Writes to the person's related records (consents, rewards) in the same transaction. */
    relatedOps: (e: Entities) => unknown[];
    participantPatch: { status?: ParticipantStatus; fullName?: string; sortName?: string };
    removeFields?: RemovableField[];
    removeConsent: boolean;
    endPairs: boolean;
    action: AuditAction;
  },
) {
  const { tenantId, participantId } = card.participant;
  const now = nowIso();
  const openIds = options.endPairs ? card.memberships.filter((m) => isOpen(m.status)).map((m) => m.pairId) : [];
  const pairs = (await loadPairs(tenantId, openIds)).filter((pair) => isOpen(pair.status));
  const ending = endPairs(tenantId, pairs, "terminated", { reason }, now);
  const ownDelta = ending.activeMenteesDelta.get(participantId) ?? 0;
  const otherMentors = [...ending.activeMenteesDelta].filter(([id, n]) => id !== participantId && n !== 0);
  const removed: string[] = [...(options.removeFields ?? []), ...(options.removeConsent ? consentInForceFields : [])];
  const next = {
    ...card.participant,
    ...options.participantPatch,
    ...(options.removeFields?.includes("birthDate") ? { birthDate: undefined } : {}),
  };
  const delta: Counts = addCounts(ending.delta, diffCounts(participantContribution(card.participant), participantContribution(next)));
  return writeWithStats(
    tenantId,
    participationEntities,
    (e) => [
      ...options.relatedOps(e),
      e.participant
        .patch({ tenantId, participantId })
        .set({ ...options.participantPatch, updatedAt: now, version: card.participant.version + 1 })
        .add({ activeMentees: ownDelta })
        .remove(removed as RemovableField[])
        .where((attr, op) => op.eq(attr.version, card.participant.version))
        .commit(),
      ...otherMentors.map(([mentorId, n]) => e.participant.patch({ tenantId, participantId: mentorId }).add({ activeMentees: n }).commit()),
      ...ending.ops(e),
      e.audit.create(auditItem(options.action, participantId, { tenantId })).commit(),
    ],
    delta,
  );
}

const sensitiveForbidden = () =>
  new VisibleError("forbidden", "participant.sensitive_forbidden", "Отметки о мерах доступности может видеть и менять только куратор");
const anonymised = () => new VisibleError("conflict", "participant.anonymised", "Данные участника обезличены: действие недоступно");
