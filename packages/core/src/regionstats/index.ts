import type { EntityItem } from "electrodb";
/**
 * Regional statistics: the roll-up of the institutions' summary items (never a scan of participants), the region
 * dashboard, the drill-down to one institution's non-personal summary and the platform's counts per region.
 *
 * Cost of the dashboard for a region of N institutions (every read a Query or GetItem, never a Scan):
 * - the summary items: four parallel Queries on gsi1 `R#<region>#STATS#<0–3>` (N items) — counters, descriptors and
 *   headcounts, satisfaction tallies, submission states and roadmap counters with their open items' due dates
 *   (see stats/summary.ts);
 * - the campaign list: one Query on `R#<region>` (a few items per year);
 * - the region (time zone) and the KPI targets: one BatchGetItem.
 * So N + a few items, in one round trip (all of it in parallel).
 */
import { useActor, useRegionID, useTenantID } from "../actor";
import { VisibleError, notFound } from "../error";
import { institutionTypes } from "../institution/institution.entity";
import { settingsFrom, targetsFor } from "../kpi";
import { KpiTargetsEntity } from "../kpi/kpi.entity";
import { CampaignEntity } from "../monitoring/monitoring.entity";
import { endOfDay } from "../monitoring/indicators";
import { todayIn } from "../dates";
import { DEFAULT_TIME_ZONE } from "../dates";
import { assertCan } from "../permissions";
import { RegionEntity } from "../region/region.entity";
import { getItems, itemKey } from "../dynamo";
import { type Summary, readSummary, regionSummaries, summaryKey } from "../stats/summary";
import * as z from "../zod";
import {
  type CampaignSource,
  type DashboardModel,
  type InstitutionModel,
  type InstitutionSource,
  type RegionSource,
  type RoadmapSource,
  type RowFigures,
  dashboardModel,
  institutionModel,
  rowFigures,
} from "./rollup";
import { ruCompare } from "../ru";

export * from "./rollup";

export const DashboardFilter = z.object({
  municipality: z.optional(z.string().check(z.trim(), z.maxLength(200, { error: "Муниципалитет — не длиннее 200 символов" }))),
  type: z.optional(z.enum(institutionTypes, { error: "Тип организации: школа, СПО, дополнительное образование или другая" })),
  /** The reporting year: KPI targets and satisfaction of that year, roadmaps whose period overlaps it, its campaigns. */
  period: z.optional(
    z.string({ error: "Период — год, например 2026" }).check(z.regex(/^20\d{2}$/, { error: "Период — год, например 2026" })),
  ),
  campaignId: z.optional(z.string().check(z.maxLength(40, { error: "Кампания не найдена" }))),
});
export type DashboardFilter = z.infer<typeof DashboardFilter>;

// ---------------------------------------------------------------------------------------------------------------
// Reading (trusted: the callers below check the actor and the region)
// ---------------------------------------------------------------------------------------------------------------

const overlapsYear = (row: { periodStart: string; periodEnd: string }, year: number) =>
  row.periodStart <= `${year}-12-31` && row.periodEnd >= `${year}-01-01`;

const indexed = (status: string) => status === "draft" || status === "approved";

/**
 * An institution's roadmaps in scope, from its summary: without a period the current ones (draft or approved), with a
 * period those overlapping that year. Overdue: the open items of a current roadmap whose next due date has passed.
 */
function roadmapSources(summary: Summary, year: number | undefined): RoadmapSource[] {
  return summary.roadmaps
    .filter((r) => (year === undefined ? indexed(r.status) : r.status !== "importing" && overlapsYear(r, year)))
    .map((r) => ({
      roadmapId: r.roadmapId,
      counters: { itemsTotal: r.itemsTotal, itemsDone: r.itemsDone, itemsDoneOnTime: r.itemsDoneOnTime, itemsCancelled: r.itemsCancelled },
      dues: indexed(r.status) ? r.dues : {},
    }));
}

/** A campaign as stored (the export also reads its indicators and its table layout). */
export type Campaign = EntityItem<typeof CampaignEntity>;

type CampaignRow = {
  campaignId: string;
  name: string;
  kind: string;
  deadline: string;
  status: string;
  periodStart: string;
  periodEnd: string;
  publishedAt?: string;
};

/** The campaign whose status the dashboard shows: the chosen one, else the latest published monitoring campaign (of the period). */
export function currentCampaign(rows: readonly CampaignRow[], options: { campaignId?: string; year?: number }): CampaignRow | undefined {
  if (options.campaignId) return rows.find((row) => row.campaignId === options.campaignId);
  return rows
    .filter((row) => row.kind === "monitoring" && row.status !== "draft")
    .filter((row) => options.year === undefined || overlapsYear(row, options.year))
    .sort((a, b) => (b.publishedAt ?? "").localeCompare(a.publishedAt ?? "") || b.deadline.localeCompare(a.deadline))[0];
}

/** The campaign whose status is shown, as the roll-up needs it. */
function shownCampaign(campaigns: CampaignRow[], timeZone: string, options: { campaignId?: string; year?: number }) {
  const chosen = currentCampaign(campaigns, options);
  if (options.campaignId && !chosen) throw notFound("monitoring.campaign_not_found", "Кампания не найдена");
  const campaign: CampaignSource | undefined = chosen && {
    campaignId: chosen.campaignId,
    name: chosen.name,
    kind: chosen.kind,
    deadline: chosen.deadline,
    deadlineEnd: endOfDay(chosen.deadline, timeZone),
    status: chosen.status,
  };
  return campaign;
}

export type LoadOptions = DashboardFilter & { today?: string; now?: string; tenantId?: string };

/**
 * Every per-institution record of the region (or of one of its institutions) that the roll-up needs, with the
 * region's campaigns and the summaries in scope (the drill-down lists each campaign's state from them).
 */
export async function loadRegionSource(
  regionId: string,
  options: LoadOptions = {},
): Promise<RegionSource & { regionName: string; timeZone: string; campaigns: Campaign[]; summaries: Summary[] }> {
  // One round trip: the region, its KPI settings and (for one institution) its summary in one BatchGetItem, beside the
  // region's summary index (the whole region) and its campaign list.
  const tenantId = options.tenantId;
  const [[regionItem, settingsItem, summaryItem], regionWide, campaignRows] = await Promise.all([
    getItems([
      itemKey(RegionEntity.get({ regionId })),
      itemKey(KpiTargetsEntity.get({ regionId })),
      ...(tenantId ? [summaryKey(tenantId)] : []),
    ]),
    tenantId ? Promise.resolve([]) : regionSummaries(regionId),
    CampaignEntity.query.byId({ regionId }).go({ pages: "all" }),
  ]);
  const region = RegionEntity.parse({ Item: regionItem }).data;
  if (!region) throw notFound("region.not_found", "Регион не найден");
  const timeZone = region.timeZone ?? DEFAULT_TIME_ZONE;
  const now = options.now ?? new Date().toISOString();
  const today = options.today ?? todayIn(timeZone, new Date(now));
  const period = options.period ? Number(options.period) : undefined;
  const year = period ?? Number(today.slice(0, 4));

  const campaigns = campaignRows.data;
  const campaign = shownCampaign(campaigns, timeZone, { campaignId: options.campaignId, year: period });
  const targets = targetsFor(settingsFrom(KpiTargetsEntity.parse({ Item: settingsItem }).data, Number(today.slice(0, 4))), year);
  const own = summaryItem ? readSummary(summaryItem) : undefined;
  // An institution of another region is not found here.
  const summaries = tenantId ? (own && own.regionId === regionId ? [own] : []) : regionWide;
  const institutions = summaries.flatMap((summary) => {
    const row = summary.institution;
    const inScope =
      row !== undefined &&
      row.status !== "archived" &&
      (!options.municipality || row.municipality === options.municipality) &&
      (!options.type || row.type === options.type);
    return inScope ? [{ summary, row }] : [];
  });
  return {
    regionName: region.name,
    timeZone,
    today,
    now,
    year,
    targets: targets.rows.map(({ code, label, short, target }) => ({ code, label, short, target })),
    enterprisesInRegion: targets.enterprisesInRegion,
    campaign,
    campaigns,
    summaries: institutions.map(({ summary }) => summary),
    institutions: institutions.map(
      ({ summary, row }): InstitutionSource => ({
        tenantId: summary.tenantId,
        shortName: row.shortName,
        fullName: row.fullName,
        type: row.type,
        municipality: row.municipality,
        status: row.status,
        headcounts: {
          studentsTotal: row.studentsTotal,
          students10to19: row.students10to19,
          students15to19: row.students15to19,
          teachersTotal: row.teachersTotal,
          youngTeachers: row.youngTeachers,
        },
        counts: summary.counts,
        satisfaction: summary.satisfaction(year),
        roadmaps: roadmapSources(summary, period),
        submission: campaign ? summary.submission(campaign.campaignId) : undefined,
      }),
    ),
  };
}

/**
 * One institution in the dashboard's list: what a row shows, with the link to its drill-down (RegionStats.institution)
 * for the rest. A region of 1,000 institutions answers ~0.3 MB instead of ~1.9 MB of full models.
 */
export type InstitutionRow = {
  tenantId: string;
  name: string;
  type: InstitutionModel["type"];
  typeLabel: string;
  municipality: string;
  submission?: InstitutionModel["submission"];
  /** Answers behind the satisfaction KPIs (their percents are in `kpis`), for the year. */
  satisfactionAnswers: { mentor: number; mentee: number };
} & RowFigures;

export const institutionRow = (model: InstitutionModel): InstitutionRow => ({
  tenantId: model.tenantId,
  name: model.name,
  type: model.type,
  typeLabel: model.typeLabel,
  municipality: model.municipality,
  submission: model.submission,
  satisfactionAnswers: { mentor: model.satisfaction.mentor.count, mentee: model.satisfaction.mentee.count },
  ...rowFigures(model.figures, model.kpis, model.compliance),
});

export type RegionDashboard = Omit<DashboardModel, "institutions"> & { institutions: InstitutionRow[]; filters: DashboardFilter };

/** The dashboard of a region (trusted: the caller has checked the actor's region). */
export async function regionDashboard(regionId: string, options: LoadOptions = {}): Promise<RegionDashboard> {
  const source = await loadRegionSource(regionId, options);
  const { municipality, type, period, campaignId } = options;
  const model = dashboardModel(source);
  return { ...model, institutions: model.institutions.map(institutionRow), filters: { municipality, type, period, campaignId } };
}

export type InstitutionSummary = InstitutionModel & {
  asOf: string;
  year: number;
  kpiRows: DashboardModel["kpis"];
  submissions: { campaignId: string; name: string; kind: string; deadline: string; status: string; submittedAt?: string; late?: boolean }[];
};

async function institutionSummary(regionId: string, tenantId: string, options: LoadOptions = {}): Promise<InstitutionSummary> {
  const source = await loadRegionSource(regionId, { ...options, tenantId, municipality: undefined, type: undefined });
  const [institution] = source.institutions;
  const [summary] = source.summaries;
  if (!institution || !summary) throw notFound("institution.not_found", "Организация не найдена");
  const model = dashboardModel(source);
  return {
    ...(model.institutions[0] ?? institutionModel(institution, source.today, source.year, source.enterprisesInRegion)),
    asOf: source.today,
    year: source.year,
    kpiRows: model.kpis,
    // Each campaign's state as the institution's summary carries it (written with every submission change).
    submissions: source.campaigns.flatMap((campaign) => {
      const state = summary.submission(campaign.campaignId);
      return state
        ? [
            {
              campaignId: campaign.campaignId,
              name: campaign.name,
              kind: campaign.kind,
              deadline: campaign.deadline,
              status: state.status,
              submittedAt: state.submittedAt,
              late: state.late,
            },
          ]
        : [];
    }),
  };
}

export type RegionCounts = {
  regionId: string;
  name: string;
  institutions: number;
  participants: number;
  mentors: number;
  mentees: number;
  pairsActive: number;
  pairsCompleted: number;
};

export const RegionStats = {
  /** The region dashboard for region roles: totals, breakdowns, KPIs, compliance, monitoring, satisfaction. */
  async dashboard(filter: DashboardFilter = {}, options: { today?: string } = {}) {
    assertCan("stats.region");
    return regionDashboard(useRegionID(), { ...filter, ...options });
  },

  /** One institution of the region: its non-personal summary; a foreign or missing one is the same 404. */
  async institution(tenantId: string, filter: Pick<DashboardFilter, "period"> = {}, options: { today?: string } = {}) {
    assertCan("stats.region");
    return institutionSummary(useRegionID(), tenantId, { period: filter.period, ...options });
  },

  /** The signed-in institution's own summary (the same numbers the region sees for it). */
  async own(filter: Pick<DashboardFilter, "period"> = {}, options: { today?: string } = {}) {
    assertCan("stats.institution");
    return institutionSummary(useRegionID(), useTenantID(), { period: filter.period, ...options });
  },

  /**
   * The platform admin: counts per region. Per region one Query of its summary items (so O(all institutions) items in
   * one Query per region, run in parallel); no participant is read.
   */
  async platform(): Promise<{ regions: RegionCounts[] }> {
    assertCan("stats.region");
    const actor = useActor();
    if (actor.type === "user" && actor.properties.role !== "platform_admin") {
      throw new VisibleError("forbidden", "auth.forbidden", "Сводка по регионам доступна только администратору платформы");
    }
    const regions = (await RegionEntity.query.all({}).go({ pages: "all" })).data;
    const rows = await Promise.all(
      regions.map(async (region): Promise<RegionCounts> => {
        const active = (await regionSummaries(region.regionId)).filter((s) => s.institution && s.institution.status !== "archived");
        const n = (key: string) => active.reduce((sum, s) => sum + (s.counts[key] ?? 0), 0);
        return {
          regionId: region.regionId,
          name: region.name,
          institutions: active.length,
          participants: n("participants"),
          mentors: n("role#mentor"),
          mentees: n("role#mentee"),
          pairsActive: n("pairs#active"),
          pairsCompleted: n("pairs#completed"),
        };
      }),
    );
    return { regions: rows.sort((a, b) => ruCompare(a.name, b.name)) };
  },
};
