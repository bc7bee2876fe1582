/**
 * The institution's partner organisations and their contracts (организации-партнёры, DOMAIN §3.19): enterprises,
 * NKOs, schools, universities and others that take part in the target model, with the agreement on it and the
 * dual-training, practice and cooperation contracts. How many of each organisation's mentors entered the programmes
 * is read from the institution's counters (the registry's «Организация-партнёр» field), not typed.
 */
import type { EntityItem } from "electrodb";
import { useTenantID } from "../actor";
import { VisibleError, notFound } from "../error";
import { type LogRecord, createRecord, recordChanges } from "../log-record";
import { assertCan } from "../permissions";
import { isoDate, optionalText, text, version } from "../schemas";
import { partnerKey } from "../stats/contribution";
import { readCounts } from "../stats/summary";
import * as z from "../zod";
import { contractKinds, partnerKinds } from "./labels";
import { PartnerEntity } from "./partner.entity";

type PartnerRow = EntityItem<typeof PartnerEntity>;

const Contract = z.object({
  kind: z.enum(contractKinds, { error: "Выберите вид договора" }),
  number: optionalText("Номер договора", 100),
  date: isoDate("Дата заключения"),
  validUntil: z.optional(isoDate("Действует до")),
});

const fields = {
  name: text("Название организации", 300),
  kind: z.enum(partnerKinds, { error: "Выберите тип организации" }),
  inList: z.boolean({ error: "Укажите, включена ли организация в перечень партнёрских организаций" }),
  providesCurator: z.boolean({ error: "Укажите, назначила ли организация куратора" }),
  contracts: z.array(Contract).check(z.maxLength(20, { error: "Не больше 20 договоров у одной организации" })),
  note: optionalText("Примечание", 2000),
};

const checkContracts = z.superRefine<{ contracts: z.infer<typeof Contract>[] }>((value, ctx) => {
  value.contracts.forEach((contract, index) => {
    if (contract.validUntil && contract.validUntil < contract.date) {
      ctx.addIssue({
        code: "custom",
        input: value,
        path: ["contracts", index, "validUntil"],
        message: "Срок действия договора не может закончиться раньше его заключения",
      });
    }
  });
});

export const PartnerInput = z.object(fields).check(checkContracts);
export type PartnerInput = z.infer<typeof PartnerInput>;
export const PartnerUpdate = z.object({ ...fields, version: version() }).check(checkContracts);

export type PartnerInfo = Omit<PartnerRow, "tenantId" | "regionId">;
/** A partner as the list shows it: with its mentors who entered the programmes. */
export type PartnerListItem = PartnerInfo & { mentors: number };

const toInfo = ({ tenantId: _t, regionId: _r, ...info }: PartnerRow): PartnerInfo => info;

/** The claim that keeps one organisation once in an institution's list (names compared as the counters compare them). */
const nameClaim = (row: { tenantId: string; partnerId: string; name: string }) => ({
  scope: `${row.tenantId}#partner-name`,
  value: partnerKey(row.name),
  ownerId: row.partnerId,
});

/** All of an institution's partners (one Query; an institution has a few dozen). */
const allOf = async (tenantId: string) => (await PartnerEntity.query.byId({ tenantId }).go({ pages: "all" })).data;

const log: LogRecord<PartnerRow, PartnerInfo, "note"> = {
  entity: PartnerEntity,
  idKind: "partner",
  key: (tenantId, partnerId) => ({ tenantId, partnerId }),
  notFound: () => notFound("partner.not_found", "Организация-партнёр не найдена"),
  toInfo,
  optional: ["note"],
  audit: { create: "partner.create", update: "partner.update", delete: "partner.delete" },
  // The name's claim moves with the name, in the same transaction: two adding one organisation at once cannot both.
  alongside: ({ unique }, before, after) => {
    if (before && after && partnerKey(before.name) === partnerKey(after.name)) return [];
    return [...(after ? [unique.create(nameClaim(after)).commit()] : []), ...(before ? [unique.delete(nameClaim(before)).commit()] : [])];
  },
  explain: async (_before, after) => {
    const same =
      after &&
      (await allOf(after.tenantId)).find((row) => row.partnerId !== after.partnerId && partnerKey(row.name) === partnerKey(after.name));
    if (same) throw duplicate(same);
  },
};

const duplicate = (same: PartnerRow) =>
  new VisibleError("conflict", "partner.duplicate", `${same.name} уже есть в списке партнёров`, { partnerId: same.partnerId });

export const Partner = {
  /**
   * The institution's partners by name, each with its mentors who entered the programmes (the counter of the
   * registry's «Организация-партнёр» field with the same name): one Query and one GetItem.
   */
  async list(): Promise<{ items: PartnerListItem[] }> {
    assertCan("partners.read");
    const tenantId = useTenantID();
    const [rows, counts] = await Promise.all([allOf(tenantId), readCounts(tenantId)]);
    const items = rows
      .map((row) => ({ ...toInfo(row), mentors: counts[`partner#${partnerKey(row.name)}`] ?? 0 }))
      .sort((a, b) => a.name.localeCompare(b.name, "ru"));
    return { items };
  },

  async create(input: PartnerInput): Promise<PartnerInfo> {
    assertCan("partners.write");
    return toInfo(await createRecord(log, input));
  },
  ...recordChanges(log, "partners.write"),
};
