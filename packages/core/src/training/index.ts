/**
 * The institution's log of mentor-training events (обучение наставников, DOMAIN §3.20): courses, seminars,
 * consultations, exchanges of experience. Monitoring counts the events of its period from it (`trainingsIn`).
 */
import type { EntityItem } from "electrodb";
import { useRegionID, useTenantID } from "../actor";
import { auditItem } from "../audit";
import { nowIso } from "../auth/secret";
import { notFound } from "../error";
import { createId, isId } from "../id";
import { staleVersion } from "../institution";
import { assertCan } from "../permissions";
import { replacement } from "../replacement";
import { count, isoDate, optionalText, text, version } from "../schemas";
import { transactWithSummaries } from "../stats/summary";
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

const trainingNotFound = () => notFound("training.not_found", "Мероприятие не найдено");

async function ownRow(trainingId: string): Promise<TrainingRow> {
  if (!isId("training", trainingId)) throw trainingNotFound();
  const row = (await TrainingEntity.get({ tenantId: useTenantID(), trainingId }).go({ consistent: true })).data;
  if (!row) throw trainingNotFound();
  return row;
}

/** All of an institution's events (one Query; an institution logs a few dozen a year). */
const allOf = async (tenantId: string) => (await TrainingEntity.query.byId({ tenantId }).go({ pages: "all" })).data;

/** Trusted: how many events of the institution fall within the period (dates, inclusive), for monitoring. */
export async function trainingsIn(tenantId: string, period: { start: string; end: string }): Promise<number> {
  return (await allOf(tenantId)).filter((row) => row.date >= period.start && row.date <= period.end).length;
}

export const Training = {
  /** The institution's events, the latest first. */
  async list(): Promise<{ items: TrainingInfo[] }> {
    assertCan("trainings.read");
    const rows = await allOf(useTenantID());
    return { items: rows.sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt)).map(toInfo) };
  },

  async create(input: TrainingInput): Promise<TrainingInfo> {
    assertCan("trainings.write");
    const now = nowIso();
    const row: TrainingRow = {
      ...input,
      tenantId: useTenantID(),
      regionId: useRegionID(),
      trainingId: createId("training"),
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await transactWithSummaries(
      ({ training, audit }) => [
        training.create(row).commit(),
        audit.create(auditItem("training.create", row.trainingId, { tenantId: row.tenantId, regionId: row.regionId })).commit(),
      ],
      [],
    );
    return toInfo(row);
  },

  /** Replaces the event's fields (an optional one left out is cleared), over the version read. */
  async update(trainingId: string, input: z.infer<typeof TrainingUpdate>): Promise<TrainingInfo> {
    assertCan("trainings.write");
    const row = await ownRow(trainingId);
    const { version: expected, ...values } = input;
    if (row.version !== expected) throw staleVersion(toInfo(row));
    const { set, cleared } = replacement(row, values, ["organiser", "note"]);
    const next = { ...set, updatedAt: nowIso(), version: expected + 1 };
    const result = await transactWithSummaries(({ training, audit }) => {
      const patch = training.patch({ tenantId: row.tenantId, trainingId }).set(next);
      return [
        (cleared.length > 0 ? patch.remove(cleared) : patch).where((attr, op) => op.eq(attr.version, expected)).commit(),
        audit.create(auditItem("training.update", trainingId, { tenantId: row.tenantId, regionId: row.regionId })).commit(),
      ];
    }, []);
    if (result.canceled) throw staleVersion(toInfo(await ownRow(trainingId)));
    const written: TrainingRow = { ...row, ...next };
    for (const key of cleared) delete written[key];
    return toInfo(written);
  },

  async remove(trainingId: string, expected: number): Promise<void> {
    assertCan("trainings.write");
    const row = await ownRow(trainingId);
    if (row.version !== expected) throw staleVersion(toInfo(row));
    const result = await transactWithSummaries(
      ({ training, audit }) => [
        training
          .delete({ tenantId: row.tenantId, trainingId })
          .where((attr, op) => op.eq(attr.version, expected))
          .commit(),
        audit.create(auditItem("training.delete", trainingId, { tenantId: row.tenantId, regionId: row.regionId })).commit(),
      ],
      [],
    );
    if (result.canceled) throw staleVersion(toInfo(await ownRow(trainingId)));
  },
};
