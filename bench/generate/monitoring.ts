/**
 * The region's published monitoring campaign (deadline 20 December of this year, so the reminder job has something to
 * remind of) with one submission per institution in mixed states, the year's federal count (due 30 December, not yet
 * started anywhere), and each institution's satisfaction tally.
 */
import type { Counts } from "@rnc/core/stats/contribution";
import { defaultFederalTable, defaultIndicators, tableIndicators } from "@rnc/core/monitoring/indicators";
import { submissionState } from "@rnc/core/stats/summary";
import type { Rng } from "./random";
import type { InstitutionFacts, InstitutionRecord, SatisfactionTally } from "./statistics";

export function campaignRecord(regionId: string, campaignId: string, institutions: number, now: string) {
  const year = Number(now.slice(0, 4));
  return {
    regionId,
    campaignId,
    kind: "monitoring" as const,
    name: "Мониторинг реализации ЦМН (бенчмарк)",
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    deadline: `${year}-12-20`,
    dueDate: `${year}-12-20`,
    indicators: defaultIndicators(),
    status: "published" as const,
    institutionsCount: institutions,
    publishedAt: now,
    createdAt: now,
    updatedAt: now,
    version: 2,
  };
}

/** The year's federal count in the default layout: every cell the programme's participants of the year. */
export function federalCampaignRecord(regionId: string, campaignId: string, institutions: number, now: string) {
  const year = Number(now.slice(0, 4));
  const table = defaultFederalTable();
  return {
    ...campaignRecord(regionId, campaignId, institutions, now),
    kind: "federal_count" as const,
    name: "Численность участников программ наставничества (бенчмарк)",
    deadline: `${year}-12-30`,
    dueDate: `${year}-12-30`,
    indicators: tableIndicators(table),
    table,
  };
}

/** What every submission of an institution starts with: its keys and the institution's name as the region lists it. */
const submissionOf = (institution: InstitutionRecord, campaignId: string, now: string) => ({
  tenantId: institution.tenantId,
  campaignId,
  regionId: institution.regionId,
  institutionName: institution.shortName,
  municipality: institution.municipality,
  updatedAt: now,
});

/** An institution's federal count, not started yet. */
export function federalSubmissionRecord(institution: InstitutionRecord, campaignId: string, now: string) {
  const record = { ...submissionOf(institution, campaignId, now), status: "not_started" as const, values: {}, version: 1 };
  return { record, state: { campaignId, ...submissionState(record) } };
}

const statuses = ["not_started", "draft", "submitted", "accepted"] as const;

/**
 * The institution's submission: not started, a draft, submitted (some late) or accepted. The snapshot is a few of
 * the computed indicators, not everything `Submission.submit` freezes (its `liveValues` is the monitoring module's own).
 */
export function submissionRecord(
  institution: InstitutionRecord,
  index: number,
  campaignId: string,
  counts: Counts,
  now: string,
): { record: Record<string, unknown>; state: InstitutionFacts["submissions"][number] } {
  const status = statuses[index % statuses.length] ?? "not_started";
  const submitted = status === "submitted" || status === "accepted";
  const late = submitted ? index % 8 === 0 : undefined;
  const record = {
    ...submissionOf(institution, campaignId, now),
    status,
    values: status === "not_started" ? {} : { plans_done: 92, assessment: "По плану" },
    snapshot: submitted
      ? { mentors: counts["role#mentor"] ?? 0, mentees: counts["role#mentee"] ?? 0, pairs_active: counts["pairs#active"] ?? 0 }
      : undefined,
    submittedAt: submitted ? now : undefined,
    firstSubmittedAt: submitted ? now : undefined,
    late,
    acceptedAt: status === "accepted" ? now : undefined,
    version: status === "not_started" ? 1 : submitted ? 3 : 2,
  };
  return { record, state: { campaignId, ...submissionState(record) } };
}

/** Survey answers of about half the engaged mentors and mentees, scored 6–10. */
export function satisfactionTally(r: Rng, counts: Counts): SatisfactionTally {
  const side = (engaged: number) => {
    const count = Math.round(engaged * (0.4 + r() * 0.3));
    let sum = 0;
    for (let i = 0; i < count; i++) sum += r.int(6, 10);
    return { sum, count };
  };
  return { mentor: side(counts["engaged#mentor"] ?? 0), mentee: side(counts["engaged#mentee"] ?? 0) };
}
