/**
 * Transitions that end pairs, shared by the pair verbs and by the participant verbs that end a person's
 * participation (consent withdrawal, erasure). Each returns the writes and the statistics delta for the
 * caller's transaction, so ending pairs is never a separate, half-done step.
 */
import type { EntityItem } from "electrodb";
import { type Counts, type PairStatus, addCounts, diffCounts, pairContribution } from "../stats/contribution";
import type { TxEntities } from "../stats/summary";
import { MembershipEntity } from "../participant/participant.entity";
import { PairEntity, PairQuietEntity } from "./pair.entity";

/** What ending pairs writes: to be among the entities of the caller's transaction. */
export const pairEndingEntities = { pair: PairEntity, membership: MembershipEntity, pairQuiet: PairQuietEntity };
type Entities = TxEntities<typeof pairEndingEntities>;
export type PairRow = EntityItem<typeof PairEntity>;

export const openStatuses: readonly PairStatus[] = ["forming", "active"];
export const isOpen = (status: PairStatus) => openStatuses.includes(status);

export type Ending = {
  /** Writes for the pairs and their memberships (mentor counters are left to the caller: see `activeMenteesDelta`). */
  ops: (e: Entities) => unknown[];
  /** How much each mentor's `activeMentees` drops. */
  activeMenteesDelta: Map<string, number>;
  delta: Counts;
};

/** Ends pairs (forming or active) with a final status; completed ones keep results and reflection. */
export function endPairs(
  tenantId: string,
  pairs: PairRow[],
  to: "completed" | "terminated",
  details: { reason?: string; results?: string; reflection?: string },
  now: string,
): Ending {
  const activeMenteesDelta = new Map<string, number>();
  for (const pair of pairs) {
    if (pair.status === "active") {
      activeMenteesDelta.set(pair.mentorId, (activeMenteesDelta.get(pair.mentorId) ?? 0) - pair.menteeIds.length);
    }
  }
  const delta = addCounts(...pairs.map((pair) => diffCounts(pairContribution(pair), pairContribution({ ...pair, status: to }))));
  const ops = (e: Entities) =>
    pairs.flatMap((pair) => [
      e.pair
        .patch({ tenantId, pairId: pair.pairId })
        .set({
          status: to,
          endedAt: now,
          updatedAt: now,
          version: pair.version + 1,
          ...(details.reason ? { terminationReason: details.reason } : {}),
          ...(details.results ? { results: details.results } : {}),
          ...(details.reflection ? { reflection: details.reflection } : {}),
        })
        .where((attr, op) => `${op.eq(attr.version, pair.version)} AND ${op.eq(attr.status, pair.status)}`)
        .commit(),
      ...[pair.mentorId, ...pair.menteeIds].map((participantId) =>
        e.membership.patch({ tenantId, participantId, pairId: pair.pairId }).set({ status: to }).commit(),
      ),
      // An ended pair can no longer go quiet.
      ...(pair.status === "active" ? [e.pairQuiet.delete({ tenantId, pairId: pair.pairId }).commit()] : []),
    ]);
  return { ops, activeMenteesDelta, delta };
}

export async function loadPairs(tenantId: string, pairIds: string[]): Promise<PairRow[]> {
  if (pairIds.length === 0) return [];
  const result = await PairEntity.get(pairIds.map((pairId) => ({ tenantId, pairId }))).go({ consistent: true });
  return result.data;
}
