import { useActor } from "../actor";
import { auditItem } from "../audit";
import { nowIso } from "../auth/secret";
import { VisibleError, notFound } from "../error";
import { createId } from "../id";
import { assertCan } from "../permissions";
import { email, isTimeZone, optionalText, text } from "../schemas";
import { transactWithSummaries } from "../stats/summary";
import * as z from "../zod";
import { ruCompare } from "../ru";
import { RegionEntity, UniqueEntity } from "./region.entity";
import { AuditEntity } from "../audit/audit.entity";

export const RegionInput = z.object({
  name: text("Название региона", 200),
  code: z
    .string({ error: "Укажите код региона" })
    .check(z.trim(), z.regex(/^[0-9A-Za-z-]{1,16}$/, { error: "Код региона: от 1 до 16 латинских букв, цифр или дефисов, например 52" })),
  timeZone: z
    .string({ error: "Укажите часовой пояс" })
    .check(z.refine(isTimeZone, { error: "Неизвестный часовой пояс: укажите его в формате IANA, например Europe/Moscow" })),
  centreName: optionalText("Наименование РНЦ"),
  contactEmail: z.optional(email()),
  contactPhone: optionalText("Телефон", 50),
});
export type RegionInput = z.infer<typeof RegionInput>;

export type RegionInfo = z.infer<typeof RegionInput> & { regionId: string; createdAt: string; updatedAt: string; version: number };

const toInfo = ({
  regionId,
  name,
  code,
  timeZone,
  centreName,
  contactEmail,
  contactPhone,
  createdAt,
  updatedAt,
  version,
}: RegionInfo): RegionInfo => ({
  regionId,
  name,
  code,
  timeZone,
  centreName,
  contactEmail,
  contactPhone,
  createdAt,
  updatedAt,
  version,
});

export const Region = {
  async create(input: RegionInput): Promise<RegionInfo> {
    assertCan("regions.manage");
    const regionId = createId("region");
    const now = nowIso();
    const item = { ...input, regionId, createdAt: now, updatedAt: now, version: 1 };
    const result = await transactWithSummaries(
      { region: RegionEntity, unique: UniqueEntity, audit: AuditEntity },
      ({ region, unique, audit }) => [
        region.create(item).commit(),
        unique.create({ scope: "region-code", value: input.code.toLowerCase(), ownerId: regionId }).commit(),
        audit.create(auditItem("region.create", regionId, { regionId })).commit(),
      ],
      [],
    );
    if (result.canceled) {
      throw new VisibleError("conflict", "region.code_taken", `Регион с кодом «${input.code}» уже существует`);
    }
    return toInfo(item);
  },

  /** The platform admin sees every region; region users see only their own. */
  async list(): Promise<RegionInfo[]> {
    assertCan("regions.read");
    const actor = useActor();
    if (actor.type === "user" && actor.properties.role !== "platform_admin") {
      return [await Region.get(actor.properties.regionId ?? "")];
    }
    const rows = await RegionEntity.query.all({}).go({ pages: "all" });
    return rows.data.map(toInfo).sort((a, b) => ruCompare(a.name, b.name));
  },

  async get(regionId: string): Promise<RegionInfo> {
    assertCan("regions.read");
    const actor = useActor();
    const own = actor.type !== "user" || actor.properties.role === "platform_admin" || actor.properties.regionId === regionId;
    const region = own ? (await RegionEntity.get({ regionId }).go()).data : null;
    if (!region) throw notFound("region.not_found", "Регион не найден");
    return toInfo(region);
  },

  /** Trusted lookup without an actor check (scheduled jobs, token issuing). */
  async find(regionId: string): Promise<RegionInfo | undefined> {
    const region = (await RegionEntity.get({ regionId }).go()).data;
    return region ? toInfo(region) : undefined;
  },

  async listAll(): Promise<RegionInfo[]> {
    return (await RegionEntity.query.all({}).go({ pages: "all" })).data.map(toInfo);
  },
};
