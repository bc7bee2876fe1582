/**
 * The regional roll-up, pure: from one record per institution (its statistics counters, headcounts, satisfaction
 * tally, roadmap header counters and submission) to the dashboard model — totals, breakdowns by municipality and by
 * institution type, KPI actual vs target, roadmap compliance, monitoring status and satisfaction. The dashboard, the
 * drill-down and every sheet of the consolidated export are computed by these functions, so their numbers agree.
 */
import { type FormCode, type ParticipantCategory, categoryLabels, formCatalogue, participantCategories } from "../forms/catalogue";
import type { InstitutionType } from "../institution";
import { institutionTypeLabels } from "../institution";
import {
  type KpiCode,
  type KpiInputs,
  type KpiStatus,
  type KpiValue,
  aggregateKpis,
  computeKpis,
  kpiCodes,
  kpiStatusOf,
  satisfactionShare,
} from "../kpi/formulas";
import { type IndicatorValue, type TableTemplate, computeSource, tableIndicators } from "../monitoring/indicators";
import { type Counters, type Dues, type Progress, progressOf } from "../roadmap/progress";
import {
  type Counts,
  type PairStatus,
  type StatsSummary,
  distinctPartners,
  pairStatuses,
  partnerKeys,
  summarize,
} from "../stats/contribution";
import { ruCompare } from "../ru";

export type Tally = { sum: number; count: number };
export type SatisfactionTally = { mentor: Tally; mentee: Tally };
export const noSatisfaction = (): SatisfactionTally => ({ mentor: { sum: 0, count: 0 }, mentee: { sum: 0, count: 0 } });

/** One roadmap as the region sees it: its header counters and the next due date of each open item (one per item). */
export type RoadmapSource = { roadmapId: string; counters: Counters; dues: Dues };

export const submissionStates = ["not_started", "draft", "submitted", "returned", "resubmitted", "accepted"] as const;
export type SubmissionState = (typeof submissionStates)[number];
export type SubmissionSource = { status: SubmissionState; submittedAt?: string; late?: boolean };

/** What the roll-up reads per institution (never a participant). */
export type InstitutionSource = {
  tenantId: string;
  shortName: string;
  fullName: string;
  type: InstitutionType;
  municipality: string;
  status: string;
  headcounts: { studentsTotal: number; students10to19: number; students15to19?: number; teachersTotal: number; youngTeachers: number };
  counts: Counts;
  satisfaction: SatisfactionTally;
  roadmaps: RoadmapSource[];
  submission?: SubmissionSource;
};

export type TargetSource = { code: KpiCode; label: string; short: string; target: number };
export type CampaignSource = { campaignId: string; name: string; kind: string; deadline: string; deadlineEnd: string; status: string };

export type RegionSource = {
  today: string;
  /** The moment of reading (ISO), for "the deadline has passed". */
  now: string;
  year: number;
  targets: TargetSource[];
  enterprisesInRegion?: number;
  campaign?: CampaignSource;
  institutions: InstitutionSource[];
};

// ---------------------------------------------------------------------------------------------------------------
// Figures: the additive numbers of one institution or of a group
// ---------------------------------------------------------------------------------------------------------------

export type Figures = {
  institutions: number;
  participants: number;
  mentors: number;
  mentees: number;
  engagedMentors: number;
  engagedMentees: number;
  mentees10to19: number;
  mentors15to19: number;
  youngSpecialistsMentored: number;
  partnerOrganisations: number;
  pairs: Record<PairStatus, number>;
  byCategory: Record<ParticipantCategory, number>;
  byForm: Record<FormCode, { mentors: number; mentees: number }>;
};

const zeroForms = () =>
  Object.fromEntries(formCatalogue.map((f) => [f.code, { mentors: 0, mentees: 0 }])) as Record<
    FormCode,
    { mentors: number; mentees: number }
  >;
const zeroCategories = () => Object.fromEntries(participantCategories.map((c) => [c, 0])) as Record<ParticipantCategory, number>;
const zeroPairs = () => Object.fromEntries(pairStatuses.map((s) => [s, 0])) as Record<PairStatus, number>;

export const zeroFigures = (): Figures => ({
  institutions: 0,
  participants: 0,
  mentors: 0,
  mentees: 0,
  engagedMentors: 0,
  engagedMentees: 0,
  mentees10to19: 0,
  mentors15to19: 0,
  youngSpecialistsMentored: 0,
  partnerOrganisations: 0,
  pairs: zeroPairs(),
  byCategory: zeroCategories(),
  byForm: zeroForms(),
});

/** One institution's figures. They share summarize's records, which list every status, category and form, fresh per call. */
export function figuresOf(summary: StatsSummary): Figures {
  return {
    institutions: 1,
    participants: summary.participants,
    mentors: summary.byRole.mentors,
    mentees: summary.byRole.mentees,
    engagedMentors: summary.engaged.mentors,
    engagedMentees: summary.engaged.mentees,
    mentees10to19: summary.mentees10to19,
    mentors15to19: summary.mentors15to19,
    youngSpecialistsMentored: summary.youngSpecialistsMentored,
    partnerOrganisations: summary.partnerOrganisations,
    pairs: summary.pairs,
    byCategory: summary.byCategory,
    byForm: summary.byForm,
  };
}

/**
 * Field-wise sums, except partner organisations: those are `partners`, the group's distinct ones (an organisation
 * serving two schools is one).
 */
export function sumFigures(all: readonly Figures[], partners: number): Figures {
  const sum = zeroFigures();
  for (const f of all) {
    sum.institutions += f.institutions;
    sum.participants += f.participants;
    sum.mentors += f.mentors;
    sum.mentees += f.mentees;
    sum.engagedMentors += f.engagedMentors;
    sum.engagedMentees += f.engagedMentees;
    sum.mentees10to19 += f.mentees10to19;
    sum.mentors15to19 += f.mentors15to19;
    sum.youngSpecialistsMentored += f.youngSpecialistsMentored;
    for (const s of pairStatuses) sum.pairs[s] += f.pairs[s];
    for (const c of participantCategories) sum.byCategory[c] += f.byCategory[c];
    for (const { code } of formCatalogue) {
      sum.byForm[code].mentors += f.byForm[code].mentors;
      sum.byForm[code].mentees += f.byForm[code].mentees;
    }
  }
  sum.partnerOrganisations = partners;
  return sum;
}

/** A group's figures as a StatsSummary (what the monitoring sources and the federal table read). */
export function summaryOfFigures(f: Figures, asOf: string): StatsSummary {
  return {
    participants: f.participants,
    byRole: { mentors: f.mentors, mentees: f.mentees },
    byCategory: f.byCategory,
    byForm: f.byForm,
    engaged: { mentors: f.engagedMentors, mentees: f.engagedMentees },
    mentees10to19: f.mentees10to19,
    mentors15to19: f.mentors15to19,
    youngSpecialistsMentored: f.youngSpecialistsMentored,
    partnerOrganisations: f.partnerOrganisations,
    pairs: f.pairs,
    asOf,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// KPIs
// ---------------------------------------------------------------------------------------------------------------

/** The KPI formulas' inputs for one institution: the same mapping as the KPI module's live data. */
export function kpiInputsOf(summary: StatsSummary, source: InstitutionSource, enterprisesInRegion?: number): KpiInputs {
  return {
    stats: {
      mentees10to19: summary.mentees10to19,
      mentors15to19: summary.mentors15to19,
      youngSpecialistsMentored: summary.youngSpecialistsMentored,
      partnerOrganisations: summary.partnerOrganisations,
    },
    headcounts: {
      students10to19: source.headcounts.students10to19,
      students15to19: source.headcounts.students15to19,
      youngTeachers: source.headcounts.youngTeachers,
    },
    satisfaction: source.satisfaction,
    enterprisesInRegion,
  };
}

export type KpiRow = TargetSource & KpiValue & { status: KpiStatus };

export const kpiRows = (targets: readonly TargetSource[], values: Record<KpiCode, KpiValue>): KpiRow[] =>
  targets.map((t) => ({ ...t, ...values[t.code], status: kpiStatusOf(values[t.code].value, t.target) }));

// ---------------------------------------------------------------------------------------------------------------
// Roadmap compliance
// ---------------------------------------------------------------------------------------------------------------

export type Compliance = {
  roadmaps: number;
  /** Items in work (all but cancelled): the shares are of these. */
  active: number;
  done: number;
  doneOnTime: number;
  overdue: number;
  /** Shares of the items in work; null without any (no roadmap, or an empty one): «—», not «0 %». */
  donePercent: number | null;
  doneOnTimePercent: number | null;
  overduePercent: number | null;
};

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10);
const shareOf = (part: number, whole: number) => (whole === 0 ? null : percent(part, whole));

function complianceOf(progresses: readonly Progress[]): Compliance {
  const active = progresses.reduce((n, p) => n + p.active, 0);
  const done = progresses.reduce((n, p) => n + p.done, 0);
  const doneOnTime = progresses.reduce((n, p) => n + p.doneOnTime, 0);
  const overdue = progresses.reduce((n, p) => n + p.overdue, 0);
  return {
    roadmaps: progresses.length,
    active,
    done,
    doneOnTime,
    overdue,
    donePercent: shareOf(done, active),
    doneOnTimePercent: shareOf(doneOnTime, active),
    overduePercent: shareOf(overdue, active),
  };
}

/** One institution's (or a group's) roadmap execution from the roadmaps' header counters and overdue items. */
export const compliance = (roadmaps: readonly RoadmapSource[], today: string): Compliance =>
  complianceOf(roadmaps.map((r) => progressOf(r.counters, r.dues, today)));

export function sumCompliance(all: readonly Compliance[]): Compliance {
  const total = { roadmaps: 0, active: 0, done: 0, doneOnTime: 0, overdue: 0 };
  for (const c of all) {
    total.roadmaps += c.roadmaps;
    total.active += c.active;
    total.done += c.done;
    total.doneOnTime += c.doneOnTime;
    total.overdue += c.overdue;
  }
  return {
    ...total,
    donePercent: shareOf(total.done, total.active),
    doneOnTimePercent: shareOf(total.doneOnTime, total.active),
    overduePercent: shareOf(total.overdue, total.active),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Monitoring status
// ---------------------------------------------------------------------------------------------------------------

export type MonitoringStatus = Record<SubmissionState, number> & {
  /** Institutions expected to answer (with a submission item). */
  total: number;
  /** Sent at least once (now submitted, returned, resubmitted or accepted); `submitted` counts those awaiting review. */
  sent: number;
  sentOnTime: number;
  late: number;
  /** Not submitted and the deadline has passed. */
  overdue: number;
  sentPercent: number;
};

/** Each state's count (each submission once, so they add up to `total`), and how many were ever sent, on time or late. */
export function monitoringStatus(submissions: readonly SubmissionSource[], deadlineEnd: string | undefined, now: string): MonitoringStatus {
  const byState = Object.fromEntries(submissionStates.map((s) => [s, submissions.filter((x) => x.status === s).length])) as Record<
    SubmissionState,
    number
  >;
  const sent = submissions.filter((s) => s.submittedAt !== undefined).length;
  const late = submissions.filter((s) => s.submittedAt !== undefined && s.late === true).length;
  const overdue = deadlineEnd !== undefined && now > deadlineEnd ? submissions.filter((s) => s.submittedAt === undefined).length : 0;
  return {
    ...byState,
    total: submissions.length,
    sent,
    sentOnTime: sent - late,
    late,
    overdue,
    sentPercent: percent(sent, submissions.length),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Satisfaction
// ---------------------------------------------------------------------------------------------------------------

export type Satisfaction = { mentor: { percent: number | null; answers: number }; mentee: { percent: number | null; answers: number } };

export function sumSatisfaction(all: readonly SatisfactionTally[]): SatisfactionTally {
  const sum = noSatisfaction();
  for (const t of all) {
    sum.mentor.sum += t.mentor.sum;
    sum.mentor.count += t.mentor.count;
    sum.mentee.sum += t.mentee.sum;
    sum.mentee.count += t.mentee.count;
  }
  return sum;
}

export const satisfactionOf = (tally: SatisfactionTally): Satisfaction => ({
  mentor: { percent: satisfactionShare(tally.mentor).value, answers: tally.mentor.count },
  mentee: { percent: satisfactionShare(tally.mentee).value, answers: tally.mentee.count },
});

// ---------------------------------------------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------------------------------------------

export type InstitutionModel = {
  tenantId: string;
  name: string;
  fullName: string;
  type: InstitutionType;
  typeLabel: string;
  municipality: string;
  status: string;
  figures: Figures;
  kpis: Record<KpiCode, KpiValue>;
  compliance: Compliance;
  satisfaction: SatisfactionTally;
  submission?: SubmissionSource;
};

/** The numbers a table row shows for an institution or a group of them. */
export type RowFigures = {
  participants: number;
  mentors: number;
  mentees: number;
  pairsActive: number;
  pairsCompleted: number;
  kpis: Record<KpiCode, number | null>;
  doneOnTimePercent: number | null;
  overdue: number;
};

export const rowFigures = (f: Figures, kpis: Record<KpiCode, KpiValue>, c: Compliance): RowFigures => ({
  participants: f.participants,
  mentors: f.mentors,
  mentees: f.mentees,
  pairsActive: f.pairs.active,
  pairsCompleted: f.pairs.completed,
  kpis: Object.fromEntries(kpiCodes.map((code) => [code, kpis[code].value])) as Record<KpiCode, number | null>,
  doneOnTimePercent: c.doneOnTimePercent,
  overdue: c.overdue,
});

export type GroupRow = { key: string; label: string; institutions: number } & RowFigures;

export type DashboardModel = {
  asOf: string;
  year: number;
  totals: Figures;
  kpis: KpiRow[];
  byForm: { code: FormCode; number: string; label: string; mentors: number; mentees: number; institutions: number }[];
  byCategory: { code: ParticipantCategory; label: string; count: number }[];
  byMunicipality: GroupRow[];
  byType: GroupRow[];
  compliance: Compliance;
  monitoring: { campaign: CampaignSource; status: MonitoringStatus } | null;
  satisfaction: Satisfaction;
  institutions: InstitutionModel[];
};

/** One institution's model for the reporting `year` (its age bands count on 1 January of it). */
export function institutionModel(source: InstitutionSource, today: string, year: number, enterprisesInRegion?: number): InstitutionModel {
  const summary = summarize(source.counts, today, year);
  return {
    tenantId: source.tenantId,
    name: source.shortName,
    fullName: source.fullName,
    type: source.type,
    typeLabel: institutionTypeLabels[source.type],
    municipality: source.municipality,
    status: source.status,
    figures: figuresOf(summary),
    kpis: computeKpis(kpiInputsOf(summary, source, enterprisesInRegion)),
    compliance: compliance(source.roadmaps, today),
    satisfaction: source.satisfaction,
    submission: source.submission,
  };
}

/** A group's distinct partner organisations, and the region's enterprises they are counted against. */
type Enterprises = { partnersOf: (members: readonly InstitutionModel[]) => number; inRegion?: number };

function groupRows(
  institutions: readonly InstitutionModel[],
  keyOf: (i: InstitutionModel) => string,
  labelOf: (key: string) => string,
  enterprises: Enterprises,
): GroupRow[] {
  const groups = new Map<string, InstitutionModel[]>();
  for (const i of institutions) {
    const key = keyOf(i);
    const members = groups.get(key);
    if (members) members.push(i);
    else groups.set(key, [i]);
  }
  return [...groups.entries()]
    .map(([key, members]) => {
      const partners = enterprises.partnersOf(members);
      const f = sumFigures(
        members.map((m) => m.figures),
        partners,
      );
      const kpis = aggregateKpis(
        members.map((m) => m.kpis),
        { partners, inRegion: enterprises.inRegion },
      );
      const c = sumCompliance(members.map((m) => m.compliance));
      return { key, label: labelOf(key), institutions: f.institutions, ...rowFigures(f, kpis, c) };
    })
    .sort((a, b) => ruCompare(a.label, b.label));
}

/** The whole dashboard from the region's per-institution records. */
export function dashboardModel(source: RegionSource): DashboardModel {
  const institutions = source.institutions
    .map((i) => institutionModel(i, source.today, source.year, source.enterprisesInRegion))
    .sort((a, b) => ruCompare(a.name, b.name));
  // Each institution's partners are listed once; the totals and every group row take their union.
  const partnersByTenant = new Map(source.institutions.map((i) => [i.tenantId, partnerKeys(i.counts)]));
  const enterprises: Enterprises = {
    partnersOf: (members) => distinctPartners(members.map((m) => partnersByTenant.get(m.tenantId) ?? [])),
    inRegion: source.enterprisesInRegion,
  };
  const partners = enterprises.partnersOf(institutions);
  const totals = sumFigures(
    institutions.map((i) => i.figures),
    partners,
  );
  const kpiValues = aggregateKpis(
    institutions.map((i) => i.kpis),
    { partners, inRegion: source.enterprisesInRegion },
  );
  const submissions = source.institutions.flatMap((i) => (i.submission ? [i.submission] : []));
  return {
    asOf: source.today,
    year: source.year,
    totals,
    kpis: kpiRows(source.targets, kpiValues),
    byForm: formCatalogue.map((f) => ({
      code: f.code,
      number: f.number,
      label: f.label,
      mentors: totals.byForm[f.code].mentors,
      mentees: totals.byForm[f.code].mentees,
      institutions: institutions.filter((i) => i.figures.byForm[f.code].mentors + i.figures.byForm[f.code].mentees > 0).length,
    })),
    byCategory: participantCategories.map((c) => ({ code: c, label: categoryLabels[c], count: totals.byCategory[c] })),
    byMunicipality: groupRows(
      institutions,
      (i) => i.municipality,
      (key) => key,
      enterprises,
    ),
    byType: groupRows(
      institutions,
      (i) => i.type,
      (key) => institutionTypeLabels[key as InstitutionType] ?? key,
      enterprises,
    ),
    compliance: sumCompliance(institutions.map((i) => i.compliance)),
    monitoring: source.campaign
      ? { campaign: source.campaign, status: monitoringStatus(submissions, source.campaign.deadlineEnd, source.now) }
      : null,
    satisfaction: satisfactionOf(sumSatisfaction(institutions.map((i) => i.satisfaction))),
    institutions,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The federal count table (DOMAIN.md §7.2), from the group's live figures
// ---------------------------------------------------------------------------------------------------------------

export type FederalTable = {
  heading: string;
  rows: { code: string; label: string; cells: { code: string; label: string; value: IndicatorValue }[] }[];
};

const tableRows = (table: TableTemplate, cellValue: (code: string) => IndicatorValue): FederalTable["rows"] =>
  table.rows.map((row) => ({
    code: row.code,
    label: row.label,
    cells: table.columns.map((column) => ({ code: column.code, label: column.label, value: cellValue(`${row.code}.${column.code}`) })),
  }));

/**
 * The table as the institutions reported it in a federal-count campaign: each cell the sum of the values they sent
 * (drafts are not counted); empty while no one has sent a value for it.
 */
export function reportedFederalTable(table: TableTemplate, sent: readonly Record<string, IndicatorValue>[], heading: string): FederalTable {
  return {
    heading,
    rows: tableRows(table, (code) => {
      const numbers = sent.map((values) => values[code]).filter((value): value is number => typeof value === "number");
      return numbers.length === 0 ? null : numbers.reduce((sum, n) => sum + n, 0);
    }),
  };
}

/**
 * The table from the group's live registry figures, where no federal-count campaign was held: each row × column cell
 * the registry holds; the others (category × role) stay empty.
 */
export function liveFederalTable(table: TableTemplate, figures: Figures, asOf: string, heading: string): FederalTable {
  const defs = new Map(tableIndicators(table, "participants").map((d) => [d.code, d]));
  const live = { stats: summaryOfFigures(figures, asOf), kpis: {} as Record<KpiCode, KpiValue> };
  return {
    heading,
    rows: tableRows(table, (code) => {
      const source = defs.get(code)?.source;
      return source ? computeSource(source, live) : null;
    }),
  };
}
