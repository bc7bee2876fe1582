/**
 * The mentors' rewards (система поощрения наставников, DOMAIN §3.21): thanks, certificates, letters (to a student
 * mentor's parents too), incentive payments, contests, at the institution's level or above. A reward is given to a
 * mentor of the registry; it keeps the person's id only, and the list reads their names from the registry.
 */
import type { EntityItem } from "electrodb";
import { useRegionID, useTenantID } from "../actor";
import { nowIso } from "../auth/secret";
import { VisibleError, notFound } from "../error";
import { createId, isId } from "../id";
import { type LogRecord, createRecord, deleteRecord, replaceRecord } from "../log-record";
import { ParticipantEntity } from "../participant/participant.entity";
import { readParticipantsById } from "../participant/read";
import { assertCan } from "../permissions";
import { isoDate, optionalText, version } from "../schemas";
import { transactionConflict } from "../stats/summary";
import * as z from "../zod";
import { rewardLevels, rewardMeasures } from "./labels";
import { RewardEntity } from "./reward.entity";

type RewardRow = EntityItem<typeof RewardEntity>;

const fields = {
  measure: z.enum(rewardMeasures, { error: "Выберите меру поощрения" }),
  level: z.enum(rewardLevels, { error: "Выберите уровень" }),
  date: isoDate("Дата"),
  basis: optionalText("Основание (приказ, решение)", 300),
  note: optionalText("Примечание", 2000),
};
export const RewardInput = z.object({ participantId: z.string({ error: "Выберите наставника" }), ...fields });
export type RewardInput = z.infer<typeof RewardInput>;
/** The person a reward was given to is not changed: a reward given by mistake is deleted. */
export const RewardUpdate = z.object({ ...fields, version: version() });

export type RewardInfo = Omit<RewardRow, "tenantId" | "regionId">;
/** A reward as the list shows it: with the mentor's name from the registry. */
export type RewardListItem = RewardInfo & { fullName: string };

const toInfo = ({ tenantId: _t, regionId: _r, ...info }: RewardRow): RewardInfo => info;

const rewardNotFound = () => notFound("reward.not_found", "Запись о поощрении не найдена");
const mentorNotFound = () => notFound("participant.not_found", "Участник не найден");
const notAMentor = () =>
  new VisibleError("conflict", "reward.not_mentor", "Поощрение записывается наставнику: участник не отмечен как наставник");
const notActive = () =>
  new VisibleError(
    "conflict",
    "reward.participant_inactive",
    "Участнику нельзя записать поощрение: обработка его персональных данных ограничена или они обезличены",
  );

async function ownRow(rewardId: string): Promise<RewardRow> {
  if (!isId("reward", rewardId)) throw rewardNotFound();
  const row = (await RewardEntity.get({ tenantId: useTenantID(), rewardId }).go({ consistent: true })).data;
  if (!row) throw rewardNotFound();
  return row;
}

/** The person may be rewarded: in the registry, active (not restricted or anonymised), a mentor. */
async function assertMentor(tenantId: string, participantId: string) {
  if (!isId("participant", participantId)) throw mentorNotFound();
  const person = (await ParticipantEntity.get({ tenantId, participantId }).go({ consistent: true, attributes: ["status", "isMentor"] }))
    .data;
  if (!person) throw mentorNotFound();
  if (person.status !== "active") throw notActive();
  if (!person.isMentor) throw notAMentor();
}

const log: LogRecord<RewardRow, RewardInfo, "basis" | "note"> = {
  own: ownRow,
  toInfo,
  optional: ["basis", "note"],
  patch: ({ reward }, row, set, cleared, expected) => {
    const patch = reward.patch({ tenantId: row.tenantId, rewardId: row.rewardId }).set(set);
    return (cleared.length > 0 ? patch.remove(cleared) : patch).where((attr, op) => op.eq(attr.version, expected)).commit();
  },
  remove: ({ reward }, row, expected) =>
    reward
      .delete({ tenantId: row.tenantId, rewardId: row.rewardId })
      .where((attr, op) => op.eq(attr.version, expected))
      .commit(),
  audit: { create: "reward.create", update: "reward.update", delete: "reward.delete" },
};

export const Reward = {
  /**
   * The institution's rewards, the latest first, of one year when asked (by date), with the mentors' names: one
   * Query and one BatchGetItem of the people named.
   */
  async list(filter: { year?: number; participantId?: string } = {}): Promise<{ items: RewardListItem[] }> {
    assertCan("rewards.read");
    const tenantId = useTenantID();
    const rows = (await RewardEntity.query.byId({ tenantId }).go({ pages: "all" })).data.filter(
      (row) =>
        (filter.year === undefined || row.date.startsWith(`${filter.year}-`)) &&
        (filter.participantId === undefined || row.participantId === filter.participantId),
    );
    const people = await readParticipantsById(
      tenantId,
      rows.map((row) => row.participantId),
      ["fullName"],
    );
    const items = rows
      .sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt))
      .map((row) => ({ ...toInfo(row), fullName: people.get(row.participantId)?.fullName ?? "Участник удалён из реестра" }));
    return { items };
  },

  /** Records a reward to a mentor of the registry, while they are an active mentor (checked in the same transaction). */
  async create(input: RewardInput): Promise<RewardInfo> {
    assertCan("rewards.write");
    const tenantId = useTenantID();
    await assertMentor(tenantId, input.participantId);
    const now = nowIso();
    const row: RewardRow = {
      ...input,
      tenantId,
      regionId: useRegionID(),
      rewardId: createId("reward"),
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const result = await createRecord(log.audit.create, row, row.rewardId, ({ reward, participant }) => [
      reward.create(row).commit(),
      participant
        .check({ tenantId, participantId: row.participantId })
        .where((attr, op) => `${op.eq(attr.status, "active")} AND ${op.eq(attr.isMentor, true)}`)
        .commit(),
    ]);
    // The person changed between the read and the write: say what changed.
    if (result.canceled) {
      await assertMentor(tenantId, row.participantId);
      throw transactionConflict();
    }
    return toInfo(row);
  },

  /** Replaces the reward's fields (an optional one left out is cleared), over the version read. */
  async update(rewardId: string, input: z.infer<typeof RewardUpdate>): Promise<RewardInfo> {
    assertCan("rewards.write");
    return replaceRecord(log, rewardId, input);
  },

  async remove(rewardId: string, expected: number): Promise<void> {
    assertCan("rewards.write");
    await deleteRecord(log, rewardId, expected);
  },
};
