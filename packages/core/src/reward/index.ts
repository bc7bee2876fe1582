/**
 * The mentors' rewards (система поощрения наставников, DOMAIN §3.21): thanks, certificates, letters (to a student
 * mentor's parents too), incentive payments, contests, at the institution's level or above. A reward is given to a
 * mentor of the registry; it keeps the person's id only, and the list reads their names from the registry.
 */
import type { EntityItem } from "electrodb";
import { useTenantID } from "../actor";
import { VisibleError, notFound } from "../error";
import { isId } from "../id";
import { type LogRecord, createRecord, recordChanges } from "../log-record";
import { ParticipantEntity } from "../participant/participant.entity";
import { readParticipantsById } from "../participant/read";
import { assertCan } from "../permissions";
import { isoDate, optionalText, version } from "../schemas";
import { initials } from "../participant/names";
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

const mentorNotFound = () => notFound("participant.not_found", "Участник не найден");
const notAMentor = () =>
  new VisibleError("conflict", "reward.not_mentor", "Поощрение записывается наставнику: участник не отмечен как наставник");
const notActive = () =>
  new VisibleError(
    "conflict",
    "reward.participant_inactive",
    "Поощрения участника нельзя записывать и изменять: обработка его персональных данных ограничена или они обезличены",
  );

/**
 * The person's rewards may be written: in the registry and active (not restricted or anonymised); for a new reward, a
 * mentor too (an edit of an earlier one stays allowed after the person stopped mentoring).
 */
async function assertRewardable(tenantId: string, participantId: string, asNew: boolean) {
  if (!isId("participant", participantId)) throw mentorNotFound();
  const person = (await ParticipantEntity.get({ tenantId, participantId }).go({ consistent: true, attributes: ["status", "isMentor"] }))
    .data;
  if (!person) throw mentorNotFound();
  if (person.status !== "active") throw notActive();
  if (asNew && !person.isMentor) throw notAMentor();
}

const log: LogRecord<RewardRow, RewardInfo, "basis" | "note"> = {
  entity: RewardEntity,
  idKind: "reward",
  key: (tenantId, rewardId) => ({ tenantId, rewardId }),
  notFound: () => notFound("reward.not_found", "Запись о поощрении не найдена"),
  toInfo,
  optional: ["basis", "note"],
  audit: { create: "reward.create", update: "reward.update", delete: "reward.delete" },
  // Written only while the person is as `assertRewardable` read them (checked in the same transaction); a deletion
  // is always allowed (e.g. a reward recorded by mistake for someone since anonymised).
  alongside: ({ participant }, before, after) =>
    after
      ? [
          participant
            .check({ tenantId: after.tenantId, participantId: after.participantId })
            .where((attr, op) =>
              before ? op.eq(attr.status, "active") : `${op.eq(attr.status, "active")} AND ${op.eq(attr.isMentor, true)}`,
            )
            .commit(),
        ]
      : [],
  explain: async (before, after) => {
    if (after) await assertRewardable(after.tenantId, after.participantId, !before);
  },
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
      ["fullName", "status"],
    );
    // As in the registry: a person whose data is restricted or anonymised is shown by initials only.
    const nameOf = (participantId: string) => {
      const person = people.get(participantId);
      if (!person) return "Участник удалён из реестра";
      return person.status === "active" ? person.fullName : initials(person.fullName);
    };
    const items = rows
      .sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt))
      .map((row) => ({ ...toInfo(row), fullName: nameOf(row.participantId) }));
    return { items };
  },

  /** Records a reward to a mentor of the registry, while they are an active mentor (checked in the same transaction). */
  async create(input: RewardInput): Promise<RewardInfo> {
    assertCan("rewards.write");
    const tenantId = useTenantID();
    await assertRewardable(tenantId, input.participantId, true);
    return toInfo(await createRecord(log, input));
  },
  ...recordChanges(log, "rewards.write"),
};
