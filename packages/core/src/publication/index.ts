/**
 * The institution's media plan (медиаплан, информационное сопровождение, DOMAIN §3.22): announcements, post-releases,
 * digests, photo albums and longreads on its site, social networks and the press, published or planned. The seeds ask
 * for an update «не реже 1 раза в неделю»; the list says how long ago the last published one was, so a planned
 * publication counts only once it is marked published, never by its date passing.
 */
import type { EntityItem } from "electrodb";
import { useTenantID } from "../actor";
import { VisibleError, notFound } from "../error";
import { type LogRecord, createRecord, recordChanges, replaceRecord } from "../log-record";
import { regionToday } from "../participant/calendar";
import { assertCan } from "../permissions";
import { isoDate, optionalText, text, version, webLink } from "../schemas";
import * as z from "../zod";
import { type PublicationCadence, cadenceOf, statusOf } from "./cadence";
import { type PublicationStatus, publicationChannels, publicationFormats, publicationStatuses } from "./labels";
import { PublicationEntity } from "./publication.entity";

type PublicationRow = EntityItem<typeof PublicationEntity>;

const fields = {
  title: text("Заголовок или тема", 300),
  date: isoDate("Дата"),
  /** Left out: by the date (today or earlier: published, later: planned). */
  status: z.optional(z.enum(publicationStatuses, { error: "Статус публикации: вышла (published) или запланирована (planned)" })),
  channel: z.enum(publicationChannels, { error: "Выберите канал" }),
  format: z.enum(publicationFormats, { error: "Выберите форму материала" }),
  rubric: optionalText("Рубрика", 200),
  url: webLink("Ссылка на публикацию"),
  note: optionalText("Примечание", 2000),
};
export const PublicationInput = z.object(fields);
export type PublicationInput = z.infer<typeof PublicationInput>;
export const PublicationUpdate = z.object({ ...fields, version: version() });
export type PublicationUpdate = z.infer<typeof PublicationUpdate>;

/** A publication as stored: one written before statuses were kept has none (a stale-version answer carries it so). */
type StoredPublication = Omit<PublicationRow, "tenantId" | "regionId">;
/** A publication as the verbs answer it: with its status, the stored one or the one its date gives (statusOf). */
export type PublicationInfo = Omit<StoredPublication, "status"> & { status: PublicationStatus };

const toInfo = ({ tenantId: _t, regionId: _r, ...info }: PublicationRow): StoredPublication => info;
const withStatus = (publication: StoredPublication, today: string): PublicationInfo => ({
  ...publication,
  status: statusOf(publication, today),
});

/**
 * The status to store for an input: the one given or the one its date gives; a publication dated after the region's
 * today cannot have come out yet.
 */
function statusFor(input: PublicationInput, today: string): PublicationStatus {
  const status = statusOf(input, today);
  if (status === "published" && input.date > today)
    throw new VisibleError(
      "input",
      "publication.future_published",
      "Публикация с будущей датой ещё не могла выйти: отметьте её как запланированную",
    );
  return status;
}

const log: LogRecord<PublicationRow, StoredPublication, "rubric" | "url" | "note"> = {
  entity: PublicationEntity,
  idKind: "publication",
  key: (tenantId, publicationId) => ({ tenantId, publicationId }),
  notFound: () => notFound("publication.not_found", "Публикация не найдена"),
  toInfo,
  optional: ["rubric", "url", "note"],
  audit: { create: "publication.create", update: "publication.update", delete: "publication.delete" },
};

export const Publication = {
  /**
   * The institution's publications, the latest first, of one year when asked, and the cadence over all of them: one
   * Query (an institution publishes about weekly, a few hundred records in years) and the region's today (cached).
   */
  async list(filter: { year?: number } = {}): Promise<{ items: PublicationInfo[]; cadence: PublicationCadence }> {
    assertCan("publications.read");
    const [{ data: rows }, today] = await Promise.all([
      PublicationEntity.query.byId({ tenantId: useTenantID() }).go({ pages: "all" }),
      regionToday(),
    ]);
    const items = rows
      .filter((row) => filter.year === undefined || row.date.startsWith(`${filter.year}-`))
      .sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt))
      .map((row) => withStatus(toInfo(row), today));
    return { items, cadence: cadenceOf(rows, today) };
  },

  /** Records a publication, published or planned (when not said, by its date). */
  async create(input: PublicationInput): Promise<PublicationInfo> {
    assertCan("publications.write");
    const today = await regionToday();
    const status = statusFor(input, today);
    return withStatus(toInfo(await createRecord(log, { ...input, status })), today);
  },
  ...recordChanges(log, "publications.write"),
  /**
   * Replaces the publication's fields over the version read (an optional one left out is cleared), its status settled
   * as `create` settles it; marking a planned publication published is such an edit.
   */
  async update(id: string, input: PublicationUpdate): Promise<PublicationInfo> {
    assertCan("publications.write");
    const today = await regionToday();
    const status = statusFor(input, today);
    return withStatus(await replaceRecord(log, id, { ...input, status }), today);
  },
};
