/**
 * The institution's media plan (медиаплан, информационное сопровождение, DOMAIN §3.22): announcements, post-releases,
 * digests, photo albums and longreads on its site, social networks and the press, done or planned. The seeds ask for
 * an update «не реже 1 раза в неделю»; the list says how long ago the last publication was.
 */
import type { EntityItem } from "electrodb";
import { useTenantID } from "../actor";
import { notFound } from "../error";
import { type LogRecord, createRecord, recordChanges } from "../log-record";
import { regionToday } from "../participant/calendar";
import { assertCan } from "../permissions";
import { isoDate, optionalText, text, version, webLink } from "../schemas";
import * as z from "../zod";
import { type PublicationCadence, cadenceOf } from "./cadence";
import { publicationChannels, publicationFormats } from "./labels";
import { PublicationEntity } from "./publication.entity";

type PublicationRow = EntityItem<typeof PublicationEntity>;

const fields = {
  title: text("Заголовок или тема", 300),
  date: isoDate("Дата"),
  channel: z.enum(publicationChannels, { error: "Выберите канал" }),
  format: z.enum(publicationFormats, { error: "Выберите форму материала" }),
  rubric: optionalText("Рубрика", 200),
  url: webLink("Ссылка на публикацию"),
  note: optionalText("Примечание", 2000),
};
export const PublicationInput = z.object(fields);
export type PublicationInput = z.infer<typeof PublicationInput>;
export const PublicationUpdate = z.object({ ...fields, version: version() });

export type PublicationInfo = Omit<PublicationRow, "tenantId" | "regionId">;
const toInfo = ({ tenantId: _t, regionId: _r, ...info }: PublicationRow): PublicationInfo => info;

const log: LogRecord<PublicationRow, PublicationInfo, "rubric" | "url" | "note"> = {
  entity: PublicationEntity,
  name: "publication",
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
      .map(toInfo);
    return {
      items,
      cadence: cadenceOf(
        rows.map((row) => row.date),
        today,
      ),
    };
  },

  async create(input: PublicationInput): Promise<PublicationInfo> {
    assertCan("publications.write");
    return toInfo(await createRecord(log, input));
  },
  ...recordChanges(log, "publications.write"),
};
