/**
 * The institution's accessibility measures (меры по обеспечению доступности программ наставничества, DOMAIN §3.23):
 * what it does so that learners with disabilities, in a difficult life situation, from remote areas and the like can
 * take part in mentoring, under which administrative act, by whom and by when.
 */
import type { EntityItem } from "electrodb";
import { useTenantID } from "../actor";
import { notFound } from "../error";
import { type LogRecord, createRecord, recordChanges } from "../log-record";
import { assertCan } from "../permissions";
import { optionalDate, optionalText, text, version } from "../schemas";
import * as z from "../zod";
import { AccessMeasureEntity } from "./access-measure.entity";
import { accessibilityCategories } from "./labels";

type MeasureRow = EntityItem<typeof AccessMeasureEntity>;

const fields = {
  category: z.enum(accessibilityCategories, { error: "Выберите категорию обучающихся" }),
  measure: text("Мера", 1000),
  act: optionalText("Распорядительный акт (номер, дата)", 300),
  responsible: optionalText("Ответственный", 200),
  dueDate: optionalDate("Срок"),
  done: z.boolean({ error: "Укажите, выполнена ли мера" }),
};
export const AccessMeasureInput = z.object(fields);
export type AccessMeasureInput = z.infer<typeof AccessMeasureInput>;
export const AccessMeasureUpdate = z.object({ ...fields, version: version() });

export type AccessMeasureInfo = Omit<MeasureRow, "tenantId" | "regionId">;
const toInfo = ({ tenantId: _t, regionId: _r, ...info }: MeasureRow): AccessMeasureInfo => info;

const log: LogRecord<MeasureRow, AccessMeasureInfo, "act" | "responsible" | "dueDate"> = {
  entity: AccessMeasureEntity,
  idKind: "accessMeasure",
  key: (tenantId, measureId) => ({ tenantId, measureId }),
  notFound: () => notFound("access_measure.not_found", "Мера не найдена"),
  toInfo,
  optional: ["act", "responsible", "dueDate"],
  audit: { create: "access_measure.create", update: "access_measure.update", delete: "access_measure.delete" },
};

const categoryOrder = new Map(accessibilityCategories.map((category, index) => [category, index]));

export const AccessMeasure = {
  /** The institution's measures by category (in the list's order), then as entered: one Query. */
  async list(): Promise<{ items: AccessMeasureInfo[] }> {
    assertCan("accessibility.read");
    const rows = (await AccessMeasureEntity.query.byId({ tenantId: useTenantID() }).go({ pages: "all" })).data;
    const items = rows
      .sort((a, b) => categoryOrder.get(a.category)! - categoryOrder.get(b.category)! || a.createdAt.localeCompare(b.createdAt))
      .map(toInfo);
    return { items };
  },

  async create(input: AccessMeasureInput): Promise<AccessMeasureInfo> {
    assertCan("accessibility.write");
    return toInfo(await createRecord(log, input));
  },
  ...recordChanges(log, "accessibility.write"),
};
