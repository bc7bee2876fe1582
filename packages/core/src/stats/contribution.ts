/**
 * What each participant and pair adds to its institution's statistics item. Pure.
 *
 * Every write computes `delta = contribution(after) − contribution(before)` for the items it changes and adds
 * the delta to the statistics item in the same transaction; the check recomputes the sum of contributions from
 * the items themselves. One definition serves both, so the two can only differ if a write skipped its delta.
 *
 * Counter names (attributes of the statistics item):
 * - `participants`, `role#mentor`, `role#mentee`, `category#<category>`: the registry (anonymised people stay counted).
 * - `engaged#mentee|mentor`: people who have entered a programme, i.e. were members of a pair when it became active
 *   (the KPI wording «вошедших в программы наставничества»); this never reverts when the pair ends.
 * - `menteeBirth#<cohort>`, `mentorBirth#<cohort>`: engaged people by birth cohort (participant/age.ts), so the age
 *   bands 10–19 and 15–19 (full years on 1 January of the reporting year) are evaluated when read and never go stale.
 * - `youngSpecialistsMentored`: engaged mentees of the category «молодой специалист».
 * - `partner#<organisation>`: engaged mentors from each partner organisation; organisations with a positive
 *   counter are the partner organisations providing mentors.
 * - `pairs#<status>`: pairs and groups by status; `form#<form>#mentors|mentees`: members of active and completed pairs.
 */
import type { FormCode, ParticipantCategory } from "../forms/catalogue";
import { formCodes, participantCategories } from "../forms/catalogue";
import { ageInYear, birthCohort, inBand } from "../participant/age";

export type Counts = Record<string, number>;

export type ParticipantForStats = {
  category: ParticipantCategory;
  isMentor: boolean;
  isMentee: boolean;
  birthDate?: string;
  birthYear?: number;
  engagedMentor?: boolean;
  engagedMentee?: boolean;
  partnerOrg?: string;
};

export const pairStatuses = ["forming", "active", "completed", "terminated"] as const;
export type PairStatus = (typeof pairStatuses)[number];

export type PairForStats = { status: PairStatus; form: FormCode; menteeIds: readonly string[]; activatedAt?: string };

export const partnerKey = (name: string) =>
  name
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[«»"'“”„]/g, "")
    .replace(/\s+/g, " ")
    .trim();

export function participantContribution(p: ParticipantForStats | undefined): Counts {
  if (!p) return {};
  const counts: Counts = { participants: 1, [`category#${p.category}`]: 1 };
  if (p.isMentor) counts["role#mentor"] = 1;
  if (p.isMentee) counts["role#mentee"] = 1;
  const birth = birthCohort(p);
  if (p.engagedMentee) {
    counts["engaged#mentee"] = 1;
    counts[`menteeBirth#${birth}`] = 1;
    if (p.category === "young_specialist") counts.youngSpecialistsMentored = 1;
  }
  if (p.engagedMentor) {
    counts["engaged#mentor"] = 1;
    counts[`mentorBirth#${birth}`] = 1;
    if (p.partnerOrg) counts[`partner#${partnerKey(p.partnerOrg)}`] = 1;
  }
  return counts;
}

export function pairContribution(pair: PairForStats | undefined): Counts {
  if (!pair) return {};
  const counts: Counts = { [`pairs#${pair.status}`]: 1 };
  if (pair.status === "active" || pair.status === "completed") {
    counts[`form#${pair.form}#mentors`] = 1;
    counts[`form#${pair.form}#mentees`] = pair.menteeIds.length;
  }
  return counts;
}

export function addCounts(...all: Counts[]): Counts {
  const sum: Counts = {};
  for (const counts of all) for (const [key, n] of Object.entries(counts)) sum[key] = (sum[key] ?? 0) + n;
  return sum;
}

/** after − before, without zero entries. */
export function diffCounts(before: Counts, after: Counts): Counts {
  const delta: Counts = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const n = (after[key] ?? 0) - (before[key] ?? 0);
    if (n !== 0) delta[key] = n;
  }
  return delta;
}

/** Counters that differ between two sets (zero and missing are equal). */
export function countDifferences(stored: Counts, expected: Counts) {
  return Object.entries(diffCounts(stored, expected))
    .map(([key]) => ({ counter: key, stored: stored[key] ?? 0, expected: expected[key] ?? 0 }))
    .sort((a, b) => a.counter.localeCompare(b.counter));
}

export type StatsSummary = {
  participants: number;
  byRole: { mentors: number; mentees: number };
  byCategory: Record<ParticipantCategory, number>;
  byForm: Record<FormCode, { mentors: number; mentees: number }>;
  engaged: { mentors: number; mentees: number };
  mentees10to19: number;
  mentors15to19: number;
  youngSpecialistsMentored: number;
  partnerOrganisations: number;
  pairs: Record<PairStatus, number>;
  asOf: string;
};

/** The counter names `summarize` reads, built once (the roll-up summarizes a thousand institutions per request). */
const categoryKeys = participantCategories.map((c) => [c, `category#${c}`] as const);
const formKeys = formCodes.map((code) => [code, `form#${code}#mentors`, `form#${code}#mentees`] as const);

/**
 * The figures the region rolls up, as of `today`; the age bands (10–19, 15–19) in full years on 1 January of the
 * reporting `year`, as forms ОО-1 and СПО-1 count them (by default today's year).
 */
export function summarize(counts: Counts, today: string, year = Number(today.slice(0, 4))): StatsSummary {
  const n = (key: string) => counts[key] ?? 0;
  // One pass over the counters for the age bands and the partner organisations (the roll-up runs this per institution).
  let mentees10to19 = 0;
  let mentors15to19 = 0;
  let partnerOrganisations = 0;
  for (const key in counts) {
    const count = counts[key] ?? 0;
    if (key.startsWith("menteeBirth#")) {
      if (inBand(ageInYear(key.slice(12), year), 10, 19)) mentees10to19 += count;
    } else if (key.startsWith("mentorBirth#")) {
      if (inBand(ageInYear(key.slice(12), year), 15, 19)) mentors15to19 += count;
    } else if (providesMentors(key, count)) partnerOrganisations += 1;
  }
  const byCategory = {} as StatsSummary["byCategory"];
  for (const [category, key] of categoryKeys) byCategory[category] = n(key);
  const byForm = {} as StatsSummary["byForm"];
  for (const [code, mentors, mentees] of formKeys) byForm[code] = { mentors: n(mentors), mentees: n(mentees) };
  return {
    participants: n("participants"),
    byRole: { mentors: n("role#mentor"), mentees: n("role#mentee") },
    byCategory,
    byForm,
    engaged: { mentors: n("engaged#mentor"), mentees: n("engaged#mentee") },
    mentees10to19,
    mentors15to19,
    youngSpecialistsMentored: n("youngSpecialistsMentored"),
    partnerOrganisations,
    pairs: { forming: n("pairs#forming"), active: n("pairs#active"), completed: n("pairs#completed"), terminated: n("pairs#terminated") },
    asOf: today,
  };
}

/** A `partner#<organisation>` counter of a partner organisation that provides mentors (a positive count). */
const providesMentors = (key: string, count: number | undefined) => key.startsWith("partner#") && (count ?? 0) > 0;

/** An institution's partner organisations providing mentors, by their counter names. */
export function partnerKeys(counts: Counts): string[] {
  const keys: string[] = [];
  for (const key in counts) if (providesMentors(key, counts[key])) keys.push(key);
  return keys;
}

/**
 * The partner organisations of a group of institutions (each institution's `partnerKeys`), each once: an enterprise
 * serving three colleges is one of the region's enterprises, not three (the enterprises KPI's regional numerator).
 */
export const distinctPartners = (perInstitution: readonly (readonly string[])[]): number => new Set(perInstitution.flat()).size;
