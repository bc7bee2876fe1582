/**
 * Best practices of mentoring (лучшие практики, DOMAIN §3.18): the institution writes each up as a methodological
 * development and sends it to the regional centre (the seeds: «оформленные в разработки», by 20 December with the
 * final collection); the centre publishes it on its online platform with the address, or returns it with a comment.
 * A practice is the institution's to change only while it is a draft.
 */
import type { EntityItem } from "electrodb";
import { useRegionID, useTenantID } from "../actor";
import { auditItem } from "../audit";
import { nowIso } from "../auth/secret";
import { VisibleError, notFound } from "../error";
import { formCodes } from "../forms/catalogue";
import { createId, isId } from "../id";
import { staleVersion } from "../institution";
import { InstitutionEntity } from "../institution/institution.entity";
import { assertCan } from "../permissions";
import { replacement } from "../replacement";
import { ruCompare } from "../ru";
import { optionalText, text, version, webLink } from "../schemas";
import { transactWithSummaries } from "../stats/summary";
import * as z from "../zod";
import { PracticeEntity } from "./practice.entity";
import { AuditEntity } from "../audit/audit.entity";

export { practiceStatusLabels, practiceStatuses } from "./labels";

type PracticeRow = EntityItem<typeof PracticeEntity>;

const fields = {
  title: text("Название практики", 300),
  description: text("Описание практики", 8000),
  form: z.optional(z.enum(formCodes, { error: "Неизвестная форма наставничества" })),
  authors: optionalText("Авторы", 500),
  sourceEvent: optionalText("Где представлена", 300),
  siteUrl: webLink("Ссылка на сайте организации"),
};

export const PracticeInput = z.object(fields);
export type PracticeInput = z.infer<typeof PracticeInput>;
export const PracticeUpdate = z.object({ ...fields, version: version() });
export const VersionInput = z.object({ version: version() });
export const PublishInput = z.object({
  platformUrl: z
    .string({ error: "Укажите ссылку на публикацию" })
    .check(
      z.trim(),
      z.minLength(1, { error: "Укажите ссылку на публикацию" }),
      z.maxLength(1000, { error: "Поле «Ссылка на публикацию» длиннее 1000 символов" }),
      z.regex(/^https?:\/\/\S+$/, { error: "Ссылка должна начинаться с http:// или https://" }),
    ),
  version: version(),
});
export const ReturnInput = z.object({ comment: text("Комментарий", 2000), version: version() });

/** A practice as its institution sees it. */
export type PracticeInfo = Omit<PracticeRow, "tenantId" | "regionId">;
/** A practice as the region sees it: sent or published, with its institution. */
export type RegionPracticeInfo = PracticeInfo & { tenantId: string };

const toInfo = ({ tenantId: _t, regionId: _r, ...info }: PracticeRow): PracticeInfo => info;
const toRegionInfo = ({ regionId: _r, ...info }: PracticeRow): RegionPracticeInfo => info;

const practiceNotFound = () => notFound("practice.not_found", "Практика не найдена");

/** Changing a practice needs it to be a draft; this says why it is not. */
const notDraft = (row: PracticeRow) =>
  new VisibleError(
    "conflict",
    "practice.not_draft",
    row.status === "sent"
      ? "Практика уже отправлена в РНЦ: изменить её можно, если РНЦ вернёт её на доработку"
      : "Практика уже опубликована на платформе РНЦ: изменить её нельзя",
    { current: toInfo(row) },
  );

/** Why an institution's write lost its race: the practice was sent or published meanwhile, or edited (or deleted). */
const lostByInstitution = (current: PracticeRow | null) =>
  !current ? practiceNotFound() : current.status === "draft" ? staleVersion(toInfo(current)) : notDraft(current);

/** Why the centre's write lost its race: another decision came first (a returned practice is a draft, not the centre's). */
const lostByRegion = (current: PracticeRow | null) =>
  !current || current.status === "draft"
    ? practiceNotFound()
    : current.status === "published"
      ? notSent(current)
      : staleVersion(toRegionInfo(current));

/** A practice of the actor's institution; another's, or a malformed id, is the same 404 as a missing one. */
async function ownRow(practiceId: string): Promise<PracticeRow> {
  if (!isId("practice", practiceId)) throw practiceNotFound();
  const row = (await PracticeEntity.get({ tenantId: useTenantID(), practiceId }).go({ consistent: true })).data;
  if (!row) throw practiceNotFound();
  return row;
}

/** A sent or published practice of an institution of the actor's region (drafts are the institution's own). */
async function regionRow(tenantId: string, practiceId: string): Promise<PracticeRow> {
  if (!isId("practice", practiceId)) throw practiceNotFound();
  const row = (await PracticeEntity.get({ tenantId, practiceId }).go({ consistent: true })).data;
  if (!row || row.regionId !== useRegionID() || row.status === "draft") throw practiceNotFound();
  return row;
}

type Removable = "form" | "authors" | "sourceEvent" | "siteUrl" | "returnComment" | "returnedAt";

/**
 * Writes a change over the version and status read, with its audit entry, clearing the `remove`d fields; a lost race
 * answers with the current practice.
 */
async function write(
  row: PracticeRow,
  changes: Partial<PracticeRow>,
  action: "practice.update" | "practice.send" | "practice.publish" | "practice.return",
  remove: readonly Removable[] = [],
): Promise<PracticeRow> {
  const updatedAt = nowIso();
  const next = { ...changes, updatedAt, version: row.version + 1 };
  const { tenantId, practiceId, regionId } = row;
  const cleared = remove.filter((key) => row[key] !== undefined);
  const result = await transactWithSummaries(
    { practice: PracticeEntity, audit: AuditEntity },
    ({ practice, audit }) => {
      const patch = practice.patch({ tenantId, practiceId }).set(next);
      return [
        (cleared.length > 0 ? patch.remove(cleared) : patch)
          .where((attr, op) => `${op.eq(attr.version, row.version)} AND ${op.eq(attr.status, row.status)}`)
          .commit(),
        audit.create(auditItem(action, practiceId, { tenantId, regionId })).commit(),
      ];
    },
    [],
  );
  if (result.canceled) {
    // Changed by someone else meanwhile: the answer says how, as the one who acted may see it.
    const current = (await PracticeEntity.get({ tenantId, practiceId }).go({ consistent: true })).data;
    throw action === "practice.publish" || action === "practice.return" ? lostByRegion(current) : lostByInstitution(current);
  }
  const written = { ...row, ...next };
  for (const key of cleared) delete written[key];
  return written;
}

export const Practice = {
  /** The institution's practices, newest first. */
  async list(): Promise<{ items: PracticeInfo[] }> {
    assertCan("practices.read");
    const rows = await PracticeEntity.query.byId({ tenantId: useTenantID() }).go({ pages: "all", order: "desc" });
    return { items: rows.data.map(toInfo) };
  },

  async get(practiceId: string): Promise<PracticeInfo> {
    assertCan("practices.read");
    return toInfo(await ownRow(practiceId));
  },

  async create(input: PracticeInput): Promise<PracticeInfo> {
    assertCan("practices.write");
    const now = nowIso();
    const row: PracticeRow = {
      ...input,
      tenantId: useTenantID(),
      regionId: useRegionID(),
      practiceId: createId("practice"),
      status: "draft",
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await transactWithSummaries(
      { practice: PracticeEntity, audit: AuditEntity },
      ({ practice, audit }) => [
        practice.create(row).commit(),
        audit.create(auditItem("practice.create", row.practiceId, { tenantId: row.tenantId, regionId: row.regionId })).commit(),
      ],
      [],
    );
    return toInfo(row);
  },

  /** Replaces the practice's fields (a field left out is cleared), while it is a draft. */
  async update(practiceId: string, input: z.infer<typeof PracticeUpdate>): Promise<PracticeInfo> {
    assertCan("practices.write");
    const row = await ownRow(practiceId);
    const { version: expected, ...values } = input;
    if (row.status !== "draft") throw notDraft(row);
    if (row.version !== expected) throw staleVersion(toInfo(row));
    const { set, cleared } = replacement(row, values, ["form", "authors", "sourceEvent", "siteUrl"]);
    return toInfo(await write(row, set, "practice.update", cleared));
  },

  /** Deletes a draft (also one the region returned); a sent or published practice stays. */
  async remove(practiceId: string, expected: number): Promise<void> {
    assertCan("practices.write");
    const row = await ownRow(practiceId);
    if (row.status !== "draft") throw notDraft(row);
    if (row.version !== expected) throw staleVersion(toInfo(row));
    const result = await transactWithSummaries(
      { practice: PracticeEntity, audit: AuditEntity },
      ({ practice, audit }) => [
        practice
          .delete({ tenantId: row.tenantId, practiceId })
          .where((attr, op) => `${op.eq(attr.version, expected)} AND ${op.eq(attr.status, "draft")}`)
          .commit(),
        audit.create(auditItem("practice.delete", practiceId, { tenantId: row.tenantId, regionId: row.regionId })).commit(),
      ],
      [],
    );
    if (result.canceled)
      throw lostByInstitution((await PracticeEntity.get({ tenantId: row.tenantId, practiceId }).go({ consistent: true })).data);
  },

  /** Sends a draft to the regional centre (the curator's decision); it is then locked until the centre returns it. */
  async send(practiceId: string, input: z.infer<typeof VersionInput>): Promise<PracticeInfo> {
    assertCan("practices.send");
    const row = await ownRow(practiceId);
    if (row.status !== "draft") throw notDraft(row);
    if (row.version !== input.version) throw staleVersion(toInfo(row));
    const institution = (await InstitutionEntity.get({ tenantId: row.tenantId }).go()).data;
    return toInfo(
      await write(row, { status: "sent", sentAt: nowIso(), institutionName: institution?.shortName ?? "" }, "practice.send", [
        "returnComment",
        "returnedAt",
      ]),
    );
  },

  /**
   * The region's sent and published practices (two Queries of gsi1, by status; drafts are never read), the ones
   * waiting for the centre first, then by institution and title.
   */
  async regionList(): Promise<{ items: RegionPracticeInfo[] }> {
    assertCan("practices.region_read");
    const regionId = useRegionID();
    const [sent, published] = await Promise.all([
      PracticeEntity.query.byRegion({ regionId, status: "sent" }).go({ pages: "all" }),
      PracticeEntity.query.byRegion({ regionId, status: "published" }).go({ pages: "all" }),
    ]);
    const byName = (a: PracticeRow, b: PracticeRow) =>
      ruCompare(a.institutionName ?? "", b.institutionName ?? "") || ruCompare(a.title, b.title);
    return { items: [...sent.data.sort(byName), ...published.data.sort(byName)].map(toRegionInfo) };
  },

  /** The centre publishes a sent practice on its platform, at the given address. */
  async publish(tenantId: string, practiceId: string, input: z.infer<typeof PublishInput>): Promise<RegionPracticeInfo> {
    assertCan("practices.review");
    const row = await regionRow(tenantId, practiceId);
    if (row.status !== "sent") throw notSent(row);
    if (row.version !== input.version) throw staleVersion(toRegionInfo(row));
    return toRegionInfo(
      await write(row, { status: "published", platformUrl: input.platformUrl, publishedAt: nowIso() }, "practice.publish"),
    );
  },

  /** The centre returns a sent practice to its institution for rework, saying why; it becomes a draft again. */
  async return(tenantId: string, practiceId: string, input: z.infer<typeof ReturnInput>): Promise<RegionPracticeInfo> {
    assertCan("practices.review");
    const row = await regionRow(tenantId, practiceId);
    if (row.status !== "sent") throw notSent(row);
    if (row.version !== input.version) throw staleVersion(toRegionInfo(row));
    return toRegionInfo(await write(row, { status: "draft", returnComment: input.comment, returnedAt: nowIso() }, "practice.return"));
  },
};

/** The centre reviews only a sent practice: a published one is done (a returned one is a draft, hidden from it). */
const notSent = (row: PracticeRow) =>
  new VisibleError("conflict", "practice.already_published", "Практика уже опубликована на платформе РНЦ", {
    current: toRegionInfo(row),
  });
