/**
 * The institution's summary item `T#<tenant>/STATS` (stats/summary.ts), derived from the generated records with the
 * product's own functions (contributions, descriptors, roadmap counters and dues; never typed by hand), so
 * `Stats.check` finds nothing to repair.
 */
import {
  type Counts,
  type PairForStats,
  type ParticipantForStats,
  addCounts,
  pairContribution,
  participantContribution,
} from "@rnc/core/stats/contribution";
import { type SummaryChange, regionSummaryKeys, summaryAttributes, summaryKey } from "@rnc/core/stats/summary";
import type { PairStory } from "./pairs";
import type { RoadmapRecords } from "./roadmap";
import type { Person } from "./people";
import { maxDate } from "./random";

/** The institution as generated (the item written for it). */
export type InstitutionRecord = {
  tenantId: string;
  regionId: string;
  fullName: string;
  shortName: string;
  type: "school" | "college";
  municipality: string;
  studentsTotal: number;
  students10to19: number;
  teachersTotal: number;
  youngTeachers: number;
  status: "active";
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type SatisfactionTally = NonNullable<SummaryChange["satisfaction"]>["tally"];
type SubmissionSource = Omit<NonNullable<SummaryChange["submission"]>, "campaignId">;

/** Everything the region's statistics know of one institution, as generated. */
export type InstitutionFacts = {
  /** The counters: the sum of every participant's and pair's contribution; 0 where earlier writes left a zero. */
  counts: Counts;
  /** The last write that changed a counter. */
  updatedAt: string;
  /** This year's satisfaction scores from survey answers. */
  satisfaction: { year: number; tally: SatisfactionTally };
  /** The institution's submissions in the published campaigns (monitoring, federal count). */
  submissions: ({ campaignId: string } & SubmissionSource)[];
  /** Its roadmaps (records and the state the summary carries for each). */
  roadmaps: RoadmapRecords[];
};

/**
 * The attributes a summary change leaves on an item that had none of them: each ADD from zero and each whole attribute
 * SET (the changes the loader folds into one item are all of that kind).
 */
function attributesOf(change: Omit<SummaryChange, "tenantId" | "regionId">): [string, unknown][] {
  const { adds, sets, increments, removes } = summaryAttributes(change);
  const nested = sets.find(([path]) => path.length !== 1);
  if (increments.length || removes.length || nested) throw new Error("a summary change that does not build a new item");
  return [...adds, ...sets.map(([path, value]): [string, unknown] => [path[0] as string, value])];
}

/**
 * The summary item of one institution as the product's writes leave it (see `summaryUpdate` in stats/summary.ts):
 * keys and the region's gsi1 keys, `updatedAt`, and the attributes of the summary changes (`summaryAttributes`): the
 * counters (zeros included: an ADD that came back to zero stays), the descriptors, this year's satisfaction, the
 * submission state and each roadmap's state. The one place that builds it: an attribute the product adds to the
 * summary goes here, from `facts`.
 */
export function statisticsItem(regionId: string, institution: InstitutionRecord, facts: InstitutionFacts): Record<string, unknown> {
  return {
    ...summaryKey(institution.tenantId),
    ...regionSummaryKeys(regionId, institution.tenantId),
    updatedAt: facts.updatedAt,
    ...Object.fromEntries([
      ...attributesOf({ counts: facts.counts, institution, satisfaction: facts.satisfaction }),
      ...facts.submissions.flatMap((submission) => attributesOf({ submission })),
      ...facts.roadmaps.flatMap((roadmap) => attributesOf({ roadmap: { roadmapId: roadmap.roadmapId, put: roadmap.summary } })),
    ]),
  };
}

/**
 * The counters the institution's writes added up: the sum of the final contributions, plus a 0 for every counter an
 * earlier state contributed to and nothing contributes to any more (an ADD that came back to zero stays in the item).
 */
export function countsOf(people: Person[], pairs: PairStory[]): { counts: Counts; updatedAt: string } {
  const states: ParticipantForStats[][] = people.map((p) => [
    p.initial,
    { ...p.initial, engagedMentor: p.row.engagedMentor, engagedMentee: p.row.engagedMentee },
    p.row,
  ]);
  const pairStates: PairForStats[][] = pairs.map((s) => s.states.concat(s.row));
  const counts = addCounts(...people.map((p) => participantContribution(p.row)), ...pairs.map((s) => pairContribution(s.row)));
  for (const list of states) for (const state of list) for (const key of Object.keys(participantContribution(state))) counts[key] ??= 0;
  for (const list of pairStates) for (const state of list) for (const key of Object.keys(pairContribution(state))) counts[key] ??= 0;
  const moments = [
    ...people.flatMap((p) => [p.row.createdAt, ...(p.leaving ? [p.leaving.at] : [])]),
    ...pairs.flatMap((s) => [s.row.createdAt, ...(s.activatedAt ? [s.activatedAt] : []), ...(s.endedAt ? [s.endedAt] : [])]),
  ];
  return { counts, updatedAt: moments.length ? maxDate(...moments) : new Date().toISOString() };
}
