import { isDeepStrictEqual } from "node:util";
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { peekActor, useActor, useTenantID } from "../actor";
import { ddb } from "../dynamo";
import { VisibleError, notFound } from "../error";
import { InstitutionEntity } from "../institution/institution.entity";
import { assertCan } from "../permissions";
import { PairEntity } from "../pair/pair.entity";
import { regionToday } from "../participant/calendar";
import { ParticipantEntity } from "../participant/participant.entity";
import { SubmissionEntity } from "../monitoring/monitoring.entity";
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

import { type roadmapStatuses, visibleRoadmapStatuses, RoadmapEntity } from "../roadmap/roadmap.entity";
import {
  type RoadmapChange,
  type RoadmapCounter,
  type Summary,
  type TransactionResult,
  type TxEntitySet,
  type WriteBuilder,
  descriptorOf,
  readCounts,
  readStored,
  readSummary,
  roadmapCounters,
  submissionState,
  summaryUpdate,
  transactWithSummaries,
} from "./summary";

export * from "./summary";

const tenantRegions = new Map<string, string>();

/**
 * The region of an institution: from the actor when it acts in that tenant (a verified token or trusted system code),
 * otherwise one GetItem of the institution, cached for the life of the process (an institution never changes region).
 */
export async function regionOfTenant(tenantId: string): Promise<string> {
  const actor = peekActor();
  if (actor && actor.type !== "public" && actor.properties.tenantId === tenantId && actor.properties.regionId) {
    return actor.properties.regionId;
  }
  const cached = tenantRegions.get(tenantId);
  if (cached) return cached;
  const regionId = (await InstitutionEntity.get({ tenantId }).go()).data?.regionId;
  if (!regionId) throw notFound("institution.not_found", "Организация не найдена");
  tenantRegions.set(tenantId, regionId);
  return regionId;
}

/** The ElectroDB writes and the counters' delta in one transaction (see transactWithSummaries). */
export async function writeWithStats<E extends TxEntitySet>(
  tenantId: string,
  entities: E,
  build: WriteBuilder<E>,
  delta: Counts,
): Promise<TransactionResult> {
  return transactWithSummaries(entities, build, [{ tenantId, regionId: await regionOfTenant(tenantId), counts: delta }]);
}

/** The mirrored fields as they should be: the institution's descriptors and its submission states. */
async function expectedMirrors(tenantId: string) {
  // The roadmap module is loaded only here (maintenance), not by every write that moves a counter.
  const { roadmapSummaryStates } = await import("../roadmap");
  const [institution, submissions, roadmaps] = await Promise.all([
    InstitutionEntity.get({ tenantId }).go({ consistent: true }),
    SubmissionEntity.query.byInstitution({ tenantId }).go({ pages: "all", consistent: true }),
    roadmapSummaryStates(tenantId),
  ]);
  if (!institution.data) throw notFound("institution.not_found", "Организация не найдена");
  return {
    regionId: institution.data.regionId,
    institution: descriptorOf(institution.data),
    submissions: submissions.data.map((row) => ({
      campaignId: row.campaignId,
      state: submissionState(row),
    })),
    roadmaps: roadmaps.map(({ roadmapId, ...state }) => ({ roadmapId, state })),
  };
}

/** Dues that fell to zero stay in the stored map; they mean nothing. An entry without the map keeps that difference. */
const withoutZeroDues = <T extends { dues?: Record<string, number> }>(state: T) => ({
  ...state,
  dues: state.dues && Object.fromEntries(Object.entries(state.dues).filter(([, n]) => n !== 0)),
});

/** Roadmaps on the summary that no longer exist. */
const extraRoadmaps = (stored: Summary, expected: { roadmaps: { roadmapId: string }[] }) =>
  stored.roadmaps.map((r) => r.roadmapId).filter((id) => !expected.roadmaps.some((r) => r.roadmapId === id));

/**
 * The mirrored fields of the stored summary that differ from their sources (their attribute names), compared in
 * value at every depth, whatever the key order.
 */
function mirrorFields(stored: Summary, expected: Awaited<ReturnType<typeof expectedMirrors>>): string[] {
  return [
    ...(isDeepStrictEqual(stored.institution, expected.institution) ? [] : ["inst"]),
    ...expected.submissions.filter((s) => !isDeepStrictEqual(stored.submission(s.campaignId), s.state)).map((s) => `m#${s.campaignId}`),
    ...expected.roadmaps
      .filter((r) => {
        const { roadmapId: _, ...state } = stored.roadmaps.find((x) => x.roadmapId === r.roadmapId) ?? { roadmapId: "", dues: {} };
        return !isDeepStrictEqual(withoutZeroDues(state), withoutZeroDues(r.state));
      })
      .map((r) => `r#${r.roadmapId}`),
    ...extraRoadmaps(stored, expected).map((roadmapId) => `r#${roadmapId}`),
  ];
}

/** The stored summary against its sources, each read once: what `check` reports and `repair` fixes. */
async function inspect(tenantId: string) {
  const [item, counts, expected] = await Promise.all([readStored(tenantId), expectedCounts(tenantId), expectedMirrors(tenantId)]);
  const stored = readSummary(item ?? { pk: `T#${tenantId}` });
  return { stored, expected, differences: countDifferences(stored.counts, counts), fields: mirrorFields(stored, expected) };
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

  /**
   * Compares the stored summary with its sources: the counters with a recomputation (`differences`), the mirrored
   * descriptors and submission states with the institution and submission items (`mirrors`: the attributes that
   * differ). Both empty means nothing drifted.
   */
  async check(tenantId: string) {
    const { differences, fields } = await inspect(tenantId);
    return { tenantId, differences, mirrors: fields };
  },

  /**
   * Brings the summary back to its sources (after a detected drift, or for items written before a field was
   * mirrored; system actors only): the counters by their differences, the descriptors and submission states rewritten.
   * Each submission state is its own update, so a summary of any number of campaigns is repaired.
   */
  async repair(tenantId: string) {
    if (useActor().type !== "system") throw new VisibleError("forbidden", "auth.forbidden", "Недостаточно прав для этого действия");
    const { stored, expected, differences } = await inspect(tenantId);
    const base = { tenantId, regionId: expected.regionId };
    const changes = [
      {
        ...base,
        counts: Object.fromEntries(differences.map((d) => [d.counter, d.expected - d.stored])),
        institution: expected.institution,
      },
      ...expected.submissions.map((s) => ({ ...base, submission: { campaignId: s.campaignId, ...s.state } })),
    ];
    for (const change of changes) {
      const update = summaryUpdate(change);
      if (update?.Update) await ddb.send(new UpdateCommand(update.Update));
    }
    const skipped: string[] = [];
    for (const { change, header } of roadmapRepairs(stored, expected)) {
      const { roadmapId } = change;
      const result = await transactWithSummaries(
        { roadmap: RoadmapEntity },
        ({ roadmap }) =>
          header === undefined
            ? []
            : [
                roadmap
                  .check({ tenantId, roadmapId })
                  .where((attr, op) =>
                    header === "hidden"
                      ? `${op.notExists(attr.roadmapId)} OR NOT (${visibleRoadmapStatuses.map((status) => op.eq(attr.status, status)).join(" OR ")})`
                      : op.eq(attr.status, header),
                  )
                  .commit(),
              ],
        [{ ...base, roadmap: change }],
      );
      if (result.canceled) skipped.push(roadmapId);
    }
    return { differences, skipped };
  },
};

type RoadmapStatus = (typeof roadmapStatuses)[number];
type RoadmapRepair = {
  change: RoadmapChange;
  /** What the roadmap's header must still be for the change to land: the status read, or hidden (missing, or not shown). */
  header?: RoadmapStatus | "hidden";
};

/**
 * The roadmap entries of a drifted summary brought back to their headers and items, each safe against a write landing
 * after the read: counters and due dates by their differences (a concurrent item edit adds its own), a missing entry,
 * a status or a removal only while the header is still as read (a roadmap deleted, archived or imported meanwhile is
 * left to the next check).
 */
function roadmapRepairs(stored: Summary, expected: Awaited<ReturnType<typeof expectedMirrors>>): RoadmapRepair[] {
  const repairs: RoadmapRepair[] = [];
  for (const { roadmapId, state } of expected.roadmaps) {
    const current = stored.roadmaps.find((r) => r.roadmapId === roadmapId);
    // A missing entry, or one of an older shape without every counter and the dues map, is written whole.
    const wellFormed =
      current !== undefined &&
      typeof current.dues === "object" &&
      current.dues !== null &&
      roadmapCounters.every((key) => typeof current[key] === "number");
    if (!wellFormed) {
      repairs.push({ change: { roadmapId, put: state }, header: state.status as RoadmapStatus });
      continue;
    }
    const counters = Object.fromEntries(roadmapCounters.map((key) => [key, state[key] - current[key]])) as Record<RoadmapCounter, number>;
    const dues = Object.fromEntries(
      [...new Set([...Object.keys(state.dues), ...Object.keys(current.dues)])].map((due) => [
        due,
        (state.dues[due] ?? 0) - (current.dues[due] ?? 0),
      ]),
    );
    if ([...Object.values(counters), ...Object.values(dues)].some((n) => n !== 0))
      repairs.push({ change: { roadmapId, add: { counters, dues } } });
    if (current.status !== state.status)
      repairs.push({ change: { roadmapId, status: state.status }, header: state.status as RoadmapStatus });
  }
  for (const roadmapId of extraRoadmaps(stored, expected)) repairs.push({ change: { roadmapId, remove: true }, header: "hidden" });
  return repairs;
}
