/**
 * The institution's log of mentor-training events (обучение наставников, DOMAIN §3.20): courses, seminars,
 * consultations, exchanges of experience. Monitoring counts the events of its period from it (`trainingsIn`).
 */
import type { EntityItem } from "electrodb";
import { useTenantID } from "../actor";
import { notFound } from "../error";
import { assertCan } from "../permissions";
import { type LogRecord, createRecord, recordChanges } from "../log-record";
import { count, isoDate, optionalText, text, version } from "../schemas";
import * as z from "../zod";
import { trainingKinds } from "./labels";
import { TrainingEntity } from "./training.entity";

type TrainingRow = EntityItem<typeof TrainingEntity>;

const fields = {
  title: text("Название мероприятия", 300),
  kind: z.enum(trainingKinds, { error: "Выберите вид мероприятия" }),
  date: isoDate("Дата"),
  organiser: optionalText("Организатор", 300),
  participants: count("Участников"),
  certificates: z.boolean({ error: "Укажите, выданы ли документы об обучении" }),
  note: optionalText("Примечание", 2000),
};
export const TrainingInput = z.object(fields);
export type TrainingInput = z.infer<typeof TrainingInput>;
export const TrainingUpdate = z.object({ ...fields, version: version() });

export type TrainingInfo = Omit<TrainingRow, "tenantId" | "regionId">;
const toInfo = ({ tenantId: _t, regionId: _r, ...info }: TrainingRow): TrainingInfo => info;

/** All of an institution's events (one Query; an institution logs a few dozen a year). */
const allOf = async (tenantId: string) => (await TrainingEntity.query.byId({ tenantId }).go({ pages: "all" })).data;

/** Trusted: how many events of the institution fall within the period (dates, inclusive), for monitoring. */
export async function trainingsIn(tenantId: string, period: { start: string; end: string }): Promise<number> {
  return (await allOf(tenantId)).filter((row) => row.date >= period.start && row.date <= period.end).length;
}

const log: LogRecord<TrainingRow, TrainingInfo, "organiser" | "note"> = {
  entity: TrainingEntity,
  idKind: "training",
  key: (tenantId, trainingId) => ({ tenantId, trainingId }),
  notFound: () => notFound("training.not_found", "Мероприятие не найдено"),
  toInfo,
  optional: ["organiser", "note"],
  audit: { create: "training.create", update: "training.update", delete: "training.delete" },
};

export const Training = {
  /** The institution's events, the latest first. */
  async list(): Promise<{ items: TrainingInfo[] }> {
    assertCan("trainings.read");
    const rows = await allOf(useTenantID());
    return { items: rows.sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt)).map(toInfo) };
  },

  async create(input: TrainingInput): Promise<TrainingInfo> {
    assertCan("trainings.write");
    return toInfo(await createRecord(log, input));
  },
  ...recordChanges(log, "trainings.write"),
};
