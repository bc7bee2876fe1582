/**
 * The institution's partner organisations and their contracts (организации-партнёры, DOMAIN §3.19): enterprises,
 * NKOs, schools, universities and others that take part in the target model, with the agreement on it and the
 * dual-training, practice and cooperation contracts. How many of each organisation's mentors entered the programmes
 * is read from the institution's counters (the registry's «Организация-партнёр» field), not typed.
 */
import type { EntityItem } from "electrodb";
import { useRegionID, useTenantID } from "../actor";
import { nowIso } from "../auth/secret";
import { VisibleError, notFound } from "../error";
import { createId, isId } from "../id";
import { type LogRecord, createRecord, deleteRecord, replaceRecord } from "../log-record";
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

const partnerNotFound = () => notFound("partner.not_found", "Организация-партнёр не найдена");

async function ownRow(partnerId: string): Promise<PartnerRow> {
  if (!isId("partner", partnerId)) throw partnerNotFound();
  const row = (await PartnerEntity.get({ tenantId: useTenantID(), partnerId }).go({ consistent: true })).data;
  if (!row) throw partnerNotFound();
  return row;
}

/** All of an institution's partners (one Query; an institution has a few dozen). */
const allOf = async (tenantId: string) => (await PartnerEntity.query.byId({ tenantId }).go({ pages: "all" })).data;

/** The same organisation entered twice (names compared as the counters compare them: case, quotes, spaces, ё). */
async function assertNewName(name: string, except?: string) {
  const key = partnerKey(name);
  const same = (await allOf(useTenantID())).find((row) => row.partnerId !== except && partnerKey(row.name) === key);
  if (same) {
    throw new VisibleError("conflict", "partner.duplicate", `Организация «${same.name}» уже есть в списке партнёров`, {
      partnerId: same.partnerId,
    });
  }
}

const log: LogRecord<PartnerRow, PartnerInfo, "note"> = {
  own: ownRow,
  toInfo,
  optional: ["note"],
  patch: ({ partner }, row, set, cleared, expected) => {
    const patch = partner.patch({ tenantId: row.tenantId, partnerId: row.partnerId }).set(set);
    return (cleared.length > 0 ? patch.remove(cleared) : patch).where((attr, op) => op.eq(attr.version, expected)).commit();
  },
  remove: ({ partner }, row, expected) =>
    partner
      .delete({ tenantId: row.tenantId, partnerId: row.partnerId })
      .where((attr, op) => op.eq(attr.version, expected))
      .commit(),
  audit: { create: "partner.create", update: "partner.update", delete: "partner.delete" },
};

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
    await assertNewName(input.name);
    const now = nowIso();
    const row: PartnerRow = {
      ...input,
      tenantId: useTenantID(),
      regionId: useRegionID(),
      partnerId: createId("partner"),
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await createRecord(log.audit.create, row, row.partnerId, ({ partner }) => [partner.create(row).commit()]);
    return toInfo(row);
  },

  /** Replaces the organisation's fields and contracts (a note left out is cleared), over the version read. */
  async update(partnerId: string, input: z.infer<typeof PartnerUpdate>): Promise<PartnerInfo> {
    assertCan("partners.write");
    await assertNewName(input.name, partnerId);
    return replaceRecord(log, partnerId, input);
  },

  async remove(partnerId: string, expected: number): Promise<void> {
    assertCan("partners.write");
    await deleteRecord(log, partnerId, expected);
  },
};
