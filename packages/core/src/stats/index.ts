import { GetCommand, TransactWriteCommand, type TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import { peekActor, useActor, useTenantID } from "../actor";
import { ddb, tableName } from "../dynamo";
import { VisibleError } from "../error";
import { InstitutionEntity } from "../institution/institution.entity";
import { assertCan } from "../permissions";
import { PairEntity } from "../pair/pair.entity";
import { regionToday } from "../participant/calendar";
import { ParticipantEntity } from "../participant/participant.entity";
import { db } from "../service";
import {
  type Counts,
  type StatsSummary,
  addCounts,
  countDifferences,
  pairContribution,
  participantContribution,
  summarize,
} from "./contribution";

export type { Counts, StatsSummary } from "./contribution";

/** Counter attributes carry this prefix so they never collide with the item's keys. */
export const COUNTER = "c#";
const statsKey = (tenantId: string) => ({ pk: `T#${tenantId}`, sk: "STATS" });

/**
 * The region's statistics items are also on gsi1 (`R#<region>#STATS` / `T#<tenant>`), so the regional roll-up is one
 * paginated Query returning one item per institution (never a Scan). Every statistics write sets these keys.
 */
export const regionStatsKeys = (regionId: string, tenantId: string) => ({ gsi1pk: `R#${regionId}#STATS`, gsi1sk: `T#${tenantId}` });

const tenantRegions = new Map<string, string>();

/**
 * The region of an institution: from the actor when it acts in that tenant (a verified token or trusted system code),
 * otherwise one GetItem of the institution, cached for the life of the process (an institution never changes region).
 */
export async function regionOfTenant(tenantId: string): Promise<string | undefined> {
  const actor = peekActor();
  if (actor && actor.type !== "public" && actor.properties.tenantId === tenantId && actor.properties.regionId) {
    return actor.properties.regionId;
  }
  const cached = tenantRegions.get(tenantId);
  if (cached) return cached;
  const regionId = (await InstitutionEntity.get({ tenantId }).go()).data?.regionId;
  if (regionId) tenantRegions.set(tenantId, regionId);
  return regionId;
}

/**
 * The ADD of a delta to the institution's statistics item, as one transaction element (undefined when nothing changes,
 * unless `always`). With the region known, the item's gsi1 keys are set too (if not yet there).
 */
export function statsUpdate(tenantId: string, delta: Counts, regionId?: string, options: { always?: boolean } = {}) {
  const entries = Object.entries(delta).filter(([, n]) => n !== 0);
  if (entries.length === 0 && !options.always) return undefined;
  const names: Record<string, string> = { "#updatedAt": "updatedAt" };
  const values: Record<string, unknown> = { ":updatedAt": new Date().toISOString() };
  const sets = ["#updatedAt = :updatedAt"];
  if (regionId) {
    const keys = regionStatsKeys(regionId, tenantId);
    Object.assign(names, { "#g1pk": "gsi1pk", "#g1sk": "gsi1sk" });
    Object.assign(values, { ":g1pk": keys.gsi1pk, ":g1sk": keys.gsi1sk });
    sets.push("#g1pk = if_not_exists(#g1pk, :g1pk)", "#g1sk = if_not_exists(#g1sk, :g1sk)");
  }
  entries.forEach(([key, n], i) => {
    names[`#c${i}`] = `${COUNTER}${key}`;
    values[`:c${i}`] = n;
  });
  const add = entries.length ? ` ADD ${entries.map((_, i) => `#c${i} :c${i}`).join(", ")}` : "";
  return {
    Update: {
      TableName: tableName(),
      Key: statsKey(tenantId),
      UpdateExpression: `SET ${sets.join(", ")}${add}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/** The counters of a raw statistics item. */
export function countersOf(item: Record<string, unknown>): Counts {
  return Object.fromEntries(
    Object.entries(item)
      .filter(([key, value]) => key.startsWith(COUNTER) && typeof value === "number")
      .map(([key, value]) => [key.slice(COUNTER.length), value as number]),
  );
}

type WriteBuilder = Parameters<typeof db.transaction.write>[0];
export type TransactionResult = { canceled: false } | { canceled: true; reasons: string[] };

/**
 * One DynamoDB transaction: the ElectroDB writes plus the statistics delta, so a count never changes
 * without the change it counts (and never the other way round). Returns `canceled` with the per-item
 * reasons when a condition failed or another transaction interfered.
 */
export async function writeWithStats(tenantId: string, build: WriteBuilder, delta: Counts): Promise<TransactionResult> {
  const params = db.transaction.write(build).params() as TransactWriteCommandInput;
  const stats = statsUpdate(tenantId, delta, await regionOfTenant(tenantId));
  const items = [...(params.TransactItems ?? []), ...(stats ? [stats] : [])];
  if (items.length > 100) {
    throw new VisibleError("conflict", "transaction.too_large", "Слишком много изменений за одну операцию: разделите её на части");
  }
  try {
    await ddb.send(new TransactWriteCommand({ TransactItems: items as TransactWriteCommandInput["TransactItems"] }));
    return { canceled: false };
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === "TransactionCanceledException" || name === "TransactionConflictException") {
      const reasons = ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map((r) => r.Code ?? "None");
      return { canceled: true, reasons };
    }
    throw error;
  }
}

async function readCounts(tenantId: string): Promise<Counts> {
  const item = (await ddb.send(new GetCommand({ TableName: tableName(), Key: statsKey(tenantId), ConsistentRead: true }))).Item ?? {};
  return countersOf(item);
}

/** The counters as they should be: the sum of every participant's and pair's contribution (Queries, no Scan). */
async function expectedCounts(tenantId: string): Promise<Counts> {
  const [participants, pairs] = await Promise.all([
    ParticipantEntity.query.byId({ tenantId }).go({ pages: "all", consistent: true }),
    PairEntity.query.byId({ tenantId }).go({ pages: "all", consistent: true }),
  ]);
  return addCounts(...participants.data.map(participantContribution), ...pairs.data.map(pairContribution));
}

export const Stats = {
  /** The institution's own figures (for its staff). */
  async own(): Promise<StatsSummary> {
    assertCan("stats.institution");
    return Stats.forInstitution(useTenantID());
  },

  /** Trusted read by tenant id, for the regional roll-up (the caller checks that the tenant is in its region). */
  async forInstitution(tenantId: string, today?: string): Promise<StatsSummary> {
    return summarize(await readCounts(tenantId), today ?? (await regionToday()));
  },

  async counts(tenantId: string): Promise<Counts> {
    return readCounts(tenantId);
  },

  /** Recomputes the counters from the participant and pair items. */
  async recompute(tenantId: string): Promise<Counts> {
    return expectedCounts(tenantId);
  },

  /** Compares the stored counters with a recomputation; an empty list means nothing drifted. */
  async check(tenantId: string) {
    const [stored, expected] = await Promise.all([readCounts(tenantId), expectedCounts(tenantId)]);
    return { tenantId, differences: countDifferences(stored, expected) };
  },

  /**
   * Overwrites the counters with the recomputed ones (repair after a detected drift; system actors only). Also puts the
   * item on the region's statistics index when it predates it.
   */
  async repair(tenantId: string) {
    if (useActor().type !== "system") throw new VisibleError("forbidden", "auth.forbidden", "Недостаточно прав для этого действия");
    const { differences } = await Stats.check(tenantId);
    const delta = Object.fromEntries(differences.map((d) => [d.counter, d.expected - d.stored]));
    const update = statsUpdate(tenantId, delta, await regionOfTenant(tenantId), { always: true });
    if (update) await ddb.send(new TransactWriteCommand({ TransactItems: [update] as TransactWriteCommandInput["TransactItems"] }));
    return differences;
  },
};
