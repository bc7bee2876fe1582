/**
 * Regional statistics: the roll-up of the per-institution statistics items (never a scan of participants), the region
 * dashboard, the drill-down to one institution's non-personal summary and the platform's counts per region.
 *
 * Cost of the dashboard for a region of N institutions (every read a Query or BatchGet, never a Scan):
 * - institutions: one Query on gsi1 `R#<region>#INSTITUTIONS` (N items);
 * - statistics items: one Query on gsi1 `R#<region>#STATS` (N items; items written before the index existed are
 *   fetched by BatchGet, so the answer is right before `check:stats --repair` has touched them);
 * - satisfaction tallies of the year: BatchGet of `T#<tenant>/SATISFACTION#<year>` (≤ N items, 100 keys per call);
 * - roadmap headers: one Query on gsi1 `R#<region>#ROADMAPS` (one item per roadmap), and the overdue open items:
 *   one Query on gsi1 `R#<region>#OPEN` with `DUE#…` < today (keys only);
 * - the campaign list (one Query on `R#<region>`) and the chosen campaign's submissions: one Query on gsi1
 *   `CAMPAIGN#<id>` (N items, status attributes only);
 * - the region (time zone) and the KPI targets: two GetItems.
 * So about 4N + roadmaps + overdue items, in ~8 round trips that run in parallel.
 */
import { BatchGetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { useActor, useRegionID, useTenantID } from "../actor";
import { ddb, tableName } from "../dynamo";
import { VisibleError, notFound } from "../error";
import { InstitutionEntity, institutionTypes } from "../institution/institution.entity";
import { Kpi } from "../kpi";
import { CampaignEntity, SubmissionEntity } from "../monitoring/monitoring.entity";
import { endOfDay } from "../monitoring/indicators";
import { todayIn } from "../dates";
import { assertCan } from "../permissions";
import { RegionEntity } from "../region/region.entity";
import { RoadmapEntity } from "../roadmap/roadmap.entity";
import { countersOf } from "../stats";
import * as z from "../zod";
import {
  type CampaignSource,
  type DashboardModel,
  type InstitutionModel,
  type InstitutionSource,
  type RegionSource,
  type RoadmapSource,
  type SatisfactionTally,
  type SubmissionSource,
  dashboardModel,
  institutionModel,
  noSatisfaction,
} from "./rollup";

export * from "./rollup";

export const DashboardFilter = z.object({
  municipality: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  type: z.optional(z.enum(institutionTypes, { error: "Тип организации: school, college, additional или other" })),
  /** The reporting year: KPI targets and satisfaction of that year, roadmaps whose period overlaps it, its campaigns. */
  period: z.optional(
    z.string({ error: "Период — год, например 2026" }).check(z.regex(/^20\d{2}$/, { error: "Период — год, например 2026" })),
  ),
  campaignId: z.optional(z.string().check(z.maxLength(40))),
});
export type DashboardFilter = z.infer<typeof DashboardFilter>;

type InstitutionRow = NonNullable<Awaited<ReturnType<ReturnType<typeof InstitutionEntity.get>["go"]>>["data"]>;

// ---------------------------------------------------------------------------------------------------------------
// Reading (trusted: the callers below check the actor and the region)
// ---------------------------------------------------------------------------------------------------------------

async function queryAll(input: { index?: string; key: string; value: string; skBelow?: string; projection?: string[] }) {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  const pk = input.index ? `${input.index}pk` : "pk";
  const sk = input.index ? `${input.index}sk` : "sk";
  const names: Record<string, string> = { "#pk": pk };
  const values: Record<string, unknown> = { ":pk": input.value };
  let condition = "#pk = :pk";
  if (input.skBelow) {
    names["#sk"] = sk;
    values[":sk"] = input.skBelow;
    condition += " AND #sk < :sk";
  }
  const projection = input.projection?.map((attribute, i) => {
    names[`#p${i}`] = attribute;
    return `#p${i}`;
  });
  do {
    const page = await ddb.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: input.index,
        KeyConditionExpression: condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ProjectionExpression: projection?.join(", "),
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** BatchGet in chunks of 100 (in parallel), retrying unprocessed keys. */
async function batchGet(keys: { pk: string; sk: string }[]): Promise<Record<string, unknown>[]> {
  const chunks: { pk: string; sk: string }[][] = [];
  for (let i = 0; i < keys.length; i += 100) chunks.push(keys.slice(i, i + 100));
  const results = await Promise.all(
    chunks.map(async (chunk) => {
      const found: Record<string, unknown>[] = [];
      let pending: Record<string, unknown>[] = chunk;
      for (let attempt = 0; pending.length > 0 && attempt < 8; attempt++) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
        const answer = await ddb.send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: pending } } }));
        found.push(...(answer.Responses?.[tableName()] ?? []));
        pending = (answer.UnprocessedKeys?.[tableName()]?.Keys as Record<string, unknown>[] | undefined) ?? [];
      }
      if (pending.length > 0) throw new Error("BatchGet left unprocessed keys");
      return found;
    }),
  );
  return results.flat();
}

const tenantOf = (item: Record<string, unknown>) => String(item.pk).slice(2);

/** The statistics counters of the region's institutions: one Query on the region's statistics index. */
async function regionCounts(regionId: string, tenantIds: readonly string[]) {
  const items = await queryAll({ index: "gsi1", key: "gsi1pk", value: `R#${regionId}#STATS` });
  const counts = new Map(items.map((item) => [tenantOf(item), countersOf(item)]));
  const missing = tenantIds.filter((id) => !counts.has(id));
  if (missing.length > 0) {
    for (const item of await batchGet(missing.map((id) => ({ pk: `T#${id}`, sk: "STATS" })))) counts.set(tenantOf(item), countersOf(item));
  }
  return counts;
}

async function satisfactionTallies(tenantIds: readonly string[], year: number): Promise<Map<string, SatisfactionTally>> {
  const items = await batchGet(tenantIds.map((id) => ({ pk: `T#${id}`, sk: `SATISFACTION#${year}` })));
  const num = (value: unknown) => (typeof value === "number" ? value : 0);
  return new Map(
    items.map((item) => [
      tenantOf(item),
      {
        mentor: { sum: num(item.mentorSum), count: num(item.mentorCount) },
        mentee: { sum: num(item.menteeSum), count: num(item.menteeCount) },
      },
    ]),
  );
}

const overlapsYear = (row: { periodStart: string; periodEnd: string }, year: number) =>
  row.periodStart <= `${year}-12-31` && row.periodEnd >= `${year}-01-01`;

/** Roadmap headers of the region (or of one institution) in scope, with their overdue items' due dates. */
async function roadmapSources(regionId: string, today: string, year: number | undefined, tenantId?: string) {
  const [headers, overdue] = await Promise.all([
    (tenantId ? RoadmapEntity.query.byRegion({ regionId, tenantId }) : RoadmapEntity.query.byRegion({ regionId })).go({ pages: "all" }),
    queryAll({ index: "gsi1", key: "gsi1pk", value: `R#${regionId}#OPEN`, skBelow: `DUE#${today}`, projection: ["gsi1sk"] }),
  ]);
  const overdueByRoadmap = new Map<string, string[]>();
  for (const item of overdue) {
    const match = /^DUE#([\d-]+)#T#[^#]+#ROADMAP#([^#]+)#ITEM#/.exec(String(item.gsi1sk));
    if (!match) continue;
    const [, due, roadmapId] = match as unknown as [string, string, string];
    overdueByRoadmap.set(roadmapId, [...(overdueByRoadmap.get(roadmapId) ?? []), due]);
  }
  const byTenant = new Map<string, RoadmapSource[]>();
  for (const row of headers.data) {
    const inScope =
      year === undefined ? row.status === "draft" || row.status === "approved" : row.status !== "importing" && overlapsYear(row, year);
    if (!inScope) continue;
    const source: RoadmapSource = {
      roadmapId: row.roadmapId,
      counters: {
        itemsTotal: row.itemsTotal,
        itemsDone: row.itemsDone,
        itemsDoneOnTime: row.itemsDoneOnTime,
        itemsCancelled: row.itemsCancelled,
      },
      overdueDues: overdueByRoadmap.get(row.roadmapId) ?? [],
    };
    byTenant.set(row.tenantId, [...(byTenant.get(row.tenantId) ?? []), source]);
  }
  return byTenant;
}

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

async function campaignSources(regionId: string, timeZone: string, options: { campaignId?: string; year?: number }) {
  const campaigns = (await CampaignEntity.query.byId({ regionId }).go({ pages: "all" })).data as CampaignRow[];
  const chosen = currentCampaign(campaigns, options);
  if (options.campaignId && !chosen) throw notFound("monitoring.campaign_not_found", "Кампания не найдена");
  if (!chosen) return { campaign: undefined, submissions: new Map<string, SubmissionSource>() };
  const rows = await SubmissionEntity.query
    .byCampaign({ campaignId: chosen.campaignId })
    .go({ pages: "all", attributes: ["tenantId", "regionId", "status", "submittedAt", "late"] });
  const submissions = new Map(
    rows.data
      .filter((row) => row.regionId === regionId)
      .map((row) => [row.tenantId as string, { status: row.status, submittedAt: row.submittedAt, late: row.late } as SubmissionSource]),
  );
  const campaign: CampaignSource = {
    campaignId: chosen.campaignId,
    name: chosen.name,
    kind: chosen.kind,
    deadline: chosen.deadline,
    deadlineEnd: endOfDay(chosen.deadline, timeZone),
    status: chosen.status,
  };
  return { campaign, submissions };
}

export type LoadOptions = DashboardFilter & { today?: string; now?: string; tenantId?: string };

/** Every per-institution record of the region (or of one of its institutions) that the roll-up needs. */
export async function loadRegionSource(regionId: string, options: LoadOptions = {}): Promise<RegionSource & { timeZone: string }> {
  const region = (await RegionEntity.get({ regionId }).go()).data;
  if (!region) throw notFound("region.not_found", "Регион не найден");
  const timeZone = region.timeZone ?? "Europe/Moscow";
  const now = options.now ?? new Date().toISOString();
  const today = options.today ?? todayIn(timeZone, new Date(now));
  const period = options.period ? Number(options.period) : undefined;
  const year = period ?? Number(today.slice(0, 4));

  const institutionRows: InstitutionRow[] = options.tenantId
    ? [(await InstitutionEntity.get({ tenantId: options.tenantId }).go()).data].filter(
        (row): row is InstitutionRow => row !== null && row.regionId === regionId,
      )
    : (await InstitutionEntity.query.byRegion({ regionId }).go({ pages: "all" })).data;
  const institutions = institutionRows.filter(
    (row) =>
      row.status !== "archived" &&
      (!options.municipality || row.municipality === options.municipality) &&
      (!options.type || row.type === options.type),
  );
  const tenantIds = institutions.map((row) => row.tenantId);
  const [counts, satisfaction, roadmaps, campaigns, targets] = await Promise.all([
    options.tenantId ? regionCountsOf(tenantIds) : regionCounts(regionId, tenantIds),
    satisfactionTallies(tenantIds, year),
    roadmapSources(regionId, today, period, options.tenantId),
    campaignSources(regionId, timeZone, { campaignId: options.campaignId, year: period }),
    Kpi.targets(year),
  ]);
  return {
    timeZone,
    today,
    now,
    year,
    targets: targets.rows.map(({ code, label, short, target }) => ({ code, label, short, target })),
    enterprisesInRegion: targets.enterprisesInRegion,
    campaign: campaigns.campaign,
    institutions: institutions.map(
      (row): InstitutionSource => ({
        tenantId: row.tenantId,
        shortName: row.shortName,
        fullName: row.fullName,
        type: row.type,
        municipality: row.municipality,
        status: row.status,
        headcounts: {
          studentsTotal: row.studentsTotal,
          students10to19: row.students10to19,
          students15to19: (row as { students15to19?: number }).students15to19,
          teachersTotal: row.teachersTotal,
          youngTeachers: row.youngTeachers,
        },
        counts: counts.get(row.tenantId) ?? {},
        satisfaction: satisfaction.get(row.tenantId) ?? noSatisfaction(),
        roadmaps: roadmaps.get(row.tenantId) ?? [],
        submission: campaigns.submissions.get(row.tenantId),
      }),
    ),
  };
}

/** One institution's counters by key (the drill-down: one GetItem-sized BatchGet). */
async function regionCountsOf(tenantIds: readonly string[]) {
  const items = await batchGet(tenantIds.map((id) => ({ pk: `T#${id}`, sk: "STATS" })));
  return new Map(items.map((item) => [tenantOf(item), countersOf(item)]));
}

/** The dashboard of a region (trusted: the caller has checked the actor's region). */
export async function regionDashboard(regionId: string, options: LoadOptions = {}): Promise<DashboardModel & { filters: DashboardFilter }> {
  const source = await loadRegionSource(regionId, options);
  const { municipality, type, period, campaignId } = options;
  return { ...dashboardModel(source), filters: { municipality, type, period, campaignId } };
}

export type InstitutionSummary = InstitutionModel & {
  asOf: string;
  year: number;
  kpiRows: DashboardModel["kpis"];
  submissions: { campaignId: string; name: string; kind: string; deadline: string; status: string; submittedAt?: string; late?: boolean }[];
};

async function institutionSummary(regionId: string, tenantId: string, options: LoadOptions = {}): Promise<InstitutionSummary> {
  const [source, submissions, campaigns] = await Promise.all([
    loadRegionSource(regionId, { ...options, tenantId, municipality: undefined, type: undefined }),
    SubmissionEntity.query.byInstitution({ tenantId }).go({ pages: "all", attributes: ["campaignId", "status", "submittedAt", "late"] }),
    CampaignEntity.query.byId({ regionId }).go({ pages: "all", attributes: ["campaignId", "name", "kind", "deadline"] }),
  ]);
  const institution = source.institutions[0];
  if (!institution) throw notFound("institution.not_found", "Организация не найдена");
  const model = dashboardModel(source);
  const names = new Map(campaigns.data.map((c) => [c.campaignId as string, c]));
  return {
    ...(model.institutions[0] ?? institutionModel(institution, source.today, source.enterprisesInRegion)),
    asOf: source.today,
    year: source.year,
    kpiRows: model.kpis,
    submissions: submissions.data.flatMap((s) => {
      const campaign = names.get(s.campaignId as string);
      return campaign
        ? [
            {
              campaignId: campaign.campaignId as string,
              name: campaign.name as string,
              kind: campaign.kind as string,
              deadline: campaign.deadline as string,
              status: s.status as string,
              submittedAt: s.submittedAt,
              late: s.late,
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
   * The platform admin: counts per region. Per region one Query on its statistics index and one on its institutions
   * (so O(all institutions) items in 2 × regions Queries, run in parallel); no participant is read.
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
        const [institutions, stats] = await Promise.all([
          queryAll({ index: "gsi1", key: "gsi1pk", value: `R#${region.regionId}#INSTITUTIONS`, projection: ["gsi1sk", "status"] }),
          queryAll({ index: "gsi1", key: "gsi1pk", value: `R#${region.regionId}#STATS` }),
        ]);
        const active = new Set(institutions.filter((i) => i.status !== "archived").map((i) => String(i.gsi1sk).slice(2)));
        const summaries = stats.filter((item) => active.has(tenantOf(item))).map((item) => countersOf(item));
        const n = (key: string) => summaries.reduce((sum, counts) => sum + (counts[key] ?? 0), 0);
        return {
          regionId: region.regionId,
          name: region.name,
          institutions: active.size,
          participants: n("participants"),
          mentors: n("role#mentor"),
          mentees: n("role#mentee"),
          pairsActive: n("pairs#active"),
          pairsCompleted: n("pairs#completed"),
        };
      }),
    );
    return { regions: rows.sort((a, b) => a.name.localeCompare(b.name, "ru")) };
  },
};
