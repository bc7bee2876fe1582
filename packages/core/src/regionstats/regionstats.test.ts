import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { createPlatformAdmin, createTestRegion } from "../../../../scripts/test/fixtures";
import { createStatsRegion } from "../../../../scripts/test/region-fixtures";
import { onTransactions, once } from "../../../../scripts/test/transactions";
import { type UserActor, withActor } from "../actor";
import { ddb, storeMetrics, tableName } from "../dynamo";
import { Institution } from "../institution";
import { Kpi } from "../kpi";
import { Roadmap } from "../roadmap";
import { Stats } from "../stats";
import { RegionStats, institutionRow } from "./index";

const region = await createStatsRegion();
const foreign = await createTestRegion("Чужой регион статистики");
const tenants = [region.school.tenantId, region.college.tenantId, region.third.tenantId];
const as = <T>(user: { userId: string; email: string; role: string; regionId?: string; tenantId?: string }, fn: () => Promise<T>) =>
  withActor({ type: "user", properties: user as UserActor["properties"] }, fn);
const admin = <T>(fn: () => Promise<T>) => as(region.users.region_admin, fn);
const system = <T>(fn: () => Promise<T>) => withActor({ type: "system", properties: {} }, fn);

describe("the region dashboard", () => {
  it("its totals equal the sum of each institution's own statistics", async () => {
    const dashboard = await admin(() => RegionStats.dashboard());
    const own = await system(() => Promise.all(tenants.map((id) => Stats.forInstitution(id))));
    const sum = (f: (s: (typeof own)[number]) => number) => own.reduce((n, s) => n + f(s), 0);
    expect(dashboard.totals.institutions).toBe(3);
    expect(dashboard.totals.participants).toBe(sum((s) => s.participants));
    expect(dashboard.totals.participants).toBeGreaterThanOrEqual(10);
    expect(dashboard.totals.mentors).toBe(sum((s) => s.byRole.mentors));
    expect(dashboard.totals.mentees).toBe(sum((s) => s.byRole.mentees));
    expect(dashboard.totals.pairs).toEqual({
      forming: sum((s) => s.pairs.forming),
      active: sum((s) => s.pairs.active),
      completed: sum((s) => s.pairs.completed),
      terminated: sum((s) => s.pairs.terminated),
    });
    expect(dashboard.totals.pairs.active).toBe(3);
    expect(dashboard.totals.byForm.teacher_teacher).toEqual({
      mentors: sum((s) => s.byForm.teacher_teacher.mentors),
      mentees: sum((s) => s.byForm.teacher_teacher.mentees),
    });
    for (const [i, tenantId] of tenants.entries()) {
      expect(dashboard.institutions.find((row) => row.tenantId === tenantId)?.participants).toBe(own[i]?.participants);
    }
  });

  it("reads O(institutions) items with Queries and BatchGets, never a Scan", async () => {
    const before = { ...storeMetrics, byOperation: { ...storeMetrics.byOperation } };
    await admin(() => RegionStats.dashboard());
    const read = storeMetrics.itemsRead - before.itemsRead;
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThanOrEqual(6 * tenants.length + 10);
    expect(storeMetrics.byOperation.Scan ?? 0).toBe(before.byOperation.Scan ?? 0);
    expect(storeMetrics.itemsWritten).toBe(before.itemsWritten);
  });

  it("reads in one round trip: the region, KPI settings (and one summary) in a BatchGet beside the index and campaign Queries", async () => {
    const calls = async (fn: () => Promise<unknown>) => {
      const before = { calls: storeMetrics.calls, batch: storeMetrics.byOperation.BatchGet ?? 0 };
      await fn();
      return { calls: storeMetrics.calls - before.calls, batchGets: (storeMetrics.byOperation.BatchGet ?? 0) - before.batch };
    };
    // The dashboard: one BatchGet, four summary shards, the campaign list.
    expect(await calls(() => admin(() => RegionStats.dashboard()))).toEqual({ calls: 6, batchGets: 1 });
    // One institution (the drill-down, the curator's own page): one BatchGet and the campaign list.
    expect(await calls(() => admin(() => RegionStats.institution(region.school.tenantId)))).toEqual({ calls: 2, batchGets: 1 });
    expect(await calls(() => as(region.users.curator, () => RegionStats.own()))).toEqual({ calls: 2, batchGets: 1 });
  });

  it("shows roadmap compliance, the current campaign's status and KPIs against targets", async () => {
    const dashboard = await admin(() => RegionStats.dashboard());
    expect(dashboard.compliance).toMatchObject({ roadmaps: 1, active: 2, overdue: 1, done: 0, overduePercent: 50 });
    expect(dashboard.monitoring?.campaign.campaignId).toBe(region.campaign.campaignId);
    expect(dashboard.monitoring?.status).toMatchObject({ total: 3, not_started: 3, submitted: 0 });
    expect(dashboard.kpis.map((k) => k.code)).toEqual([
      "mentees_10_19",
      "mentors_15_19",
      "young_teachers",
      "enterprises",
      "mentee_satisfaction",
      "mentor_satisfaction",
    ]);
    // The same regional values as the KPI page.
    const kpi = await admin(() => Kpi.region(dashboard.year));
    for (const row of dashboard.kpis) {
      const page = kpi.rows.find((r) => r.code === row.code);
      expect({ code: row.code, value: row.value, target: row.target }).toEqual({
        code: row.code,
        value: page?.actual.value,
        target: page?.target,
      });
    }
    expect(dashboard.kpis.find((k) => k.code === "young_teachers")?.numerator).toBe(3);
  });

  it.each([
    { filter: { municipality: "Другой район" }, institutions: 1 },
    { filter: { municipality: "Тестовый район" }, institutions: 2 },
    { filter: { type: "college" as const }, institutions: 1 },
    { filter: { type: "school" as const, municipality: "Другой район" }, institutions: 0 },
  ])("filters by $filter", async ({ filter, institutions }) => {
    const dashboard = await admin(() => RegionStats.dashboard(filter));
    expect(dashboard.totals.institutions).toBe(institutions);
    expect(dashboard.institutions.every((i) => !filter.municipality || i.municipality === filter.municipality)).toBe(true);
    const all = await admin(() => RegionStats.dashboard());
    const expected = all.institutions
      .filter((i) => (!filter.municipality || i.municipality === filter.municipality) && (!("type" in filter) || i.type === filter.type))
      .reduce((n, i) => n + i.participants, 0);
    expect(dashboard.totals.participants).toBe(expected);
  });

  it("a period without roadmaps or campaigns shows none, and the period's targets", async () => {
    const dashboard = await admin(() => RegionStats.dashboard({ period: "2030" }));
    expect(dashboard.year).toBe(2030);
    expect(dashboard.compliance.roadmaps).toBe(0);
    expect(dashboard.monitoring).toBeNull();
    const targets = await admin(() => Kpi.targets(2030));
    expect(dashboard.kpis.map((k) => k.target)).toEqual(targets.rows.map((r) => r.target));
  });

  it("never contains participants' names", async () => {
    const text = JSON.stringify(await admin(() => RegionStats.dashboard()));
    for (const name of region.names) expect(text).not.toContain(name);
  });

  it("is for region roles only", async () => {
    await expect(as(region.users.curator, () => RegionStats.dashboard())).rejects.toMatchObject({ kind: "forbidden" });
  });
});

describe("the drill-down to one institution", () => {
  it("shows the same numbers as the dashboard's row", async () => {
    const dashboard = await admin(() => RegionStats.dashboard());
    const summary = await admin(() => RegionStats.institution(region.school.tenantId));
    const row = dashboard.institutions.find((i) => i.tenantId === region.school.tenantId);
    expect(row).toEqual(institutionRow(summary));
    expect(row?.participants).toBe(summary.figures.participants);
    expect(summary.submissions).toEqual([expect.objectContaining({ campaignId: region.campaign.campaignId, status: "not_started" })]);
    const text = JSON.stringify(summary);
    for (const name of region.names) expect(text).not.toContain(name);
  });

  it("a foreign institution is the same 404 as a missing one", async () => {
    await expect(admin(() => RegionStats.institution(foreign.school.tenantId))).rejects.toMatchObject({
      kind: "not_found",
      code: "institution.not_found",
    });
    await expect(admin(() => RegionStats.institution("org_00000000000000000000000000"))).rejects.toMatchObject({
      kind: "not_found",
      code: "institution.not_found",
    });
  });

  it("an institution user sees its own summary with the same numbers", async () => {
    const own = await as(region.users.curator, () => RegionStats.own());
    const seen = await admin(() => RegionStats.institution(region.school.tenantId));
    expect(own.figures).toEqual(seen.figures);
    expect(own.tenantId).toBe(region.school.tenantId);
  });
});

describe("the summary items", () => {
  it("every institution write puts the institution's summary on the region's index with its descriptors", async () => {
    const item = (await ddb.send(new GetCommand({ TableName: tableName(), Key: { pk: `T#${region.third.tenantId}`, sk: "STATS" } }))).Item;
    expect(item).toMatchObject({
      gsi1pk: expect.stringMatching(new RegExp(`^R#${region.region.regionId}#STATS#[0-3]$`)),
      gsi1sk: `T#${region.third.tenantId}`,
      inst: { shortName: region.third.shortName, municipality: region.third.municipality, status: "active" },
    });
  });

  it("a summary that predates the index and the descriptors is missed until check:stats repairs it", async () => {
    const key = { pk: `T#${region.college.tenantId}`, sk: "STATS" };
    const before = await admin(() => RegionStats.dashboard());
    await ddb.send(new UpdateCommand({ TableName: tableName(), Key: key, UpdateExpression: "REMOVE gsi1pk, gsi1sk, inst" }));
    const legacy = await admin(() => RegionStats.dashboard());
    expect(legacy.totals.institutions).toBe(before.totals.institutions - 1);
    expect((await system(() => Stats.check(region.college.tenantId))).mirrors).toEqual(["inst"]);
    await system(() => Stats.repair(region.college.tenantId));
    const item = (await ddb.send(new GetCommand({ TableName: tableName(), Key: key }))).Item;
    expect(item?.gsi1pk).toMatch(new RegExp(`^R#${region.region.regionId}#STATS#[0-3]$`));
    expect((await admin(() => RegionStats.dashboard())).totals).toEqual(before.totals);
  });

  it("roadmap item changes, archiving and deletion move the region's compliance in the same write", async () => {
    const other = await createStatsRegion("Исполнения");
    const curator = <T>(fn: () => Promise<T>) => as(other.users.curator, fn);
    const viewer = () => as(other.users.region_viewer, () => RegionStats.dashboard());
    expect((await viewer()).compliance).toMatchObject({ roadmaps: 1, active: 2, overdue: 1, done: 0 });
    const [roadmap] = await curator(() => Roadmap.list());
    const detail = await curator(() => Roadmap.get(roadmap!.roadmapId));
    const late = detail.sections.flatMap((section) => section.items).find((item) => item.overdue)!;
    await curator(() => Roadmap.updateItem(roadmap!.roadmapId, late.itemId, { version: late.version, status: "done" }));
    expect((await viewer()).compliance).toMatchObject({ roadmaps: 1, active: 2, overdue: 0, done: 1, doneOnTime: 0 });
    expect((await system(() => Stats.check(other.school.tenantId))).mirrors).toEqual([]);
    // A drifted due date inside the roadmap's state is found and repaired.
    const path = `r#${roadmap!.roadmapId}`;
    await ddb.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: `T#${other.school.tenantId}`, sk: "STATS" },
        UpdateExpression: "SET #r.dues.#d = :n",
        ExpressionAttributeNames: { "#r": path, "#d": "2020-01-01" },
        ExpressionAttributeValues: { ":n": 3 },
      }),
    );
    expect((await system(() => Stats.check(other.school.tenantId))).mirrors).toEqual([path]);
    await system(() => Stats.repair(other.school.tenantId));
    expect((await system(() => Stats.check(other.school.tenantId))).mirrors).toEqual([]);

    const current = await curator(() => Roadmap.get(roadmap!.roadmapId));
    await curator(() => Roadmap.update(roadmap!.roadmapId, { version: current.version, status: "archived" }));
    expect((await viewer()).compliance.roadmaps).toBe(0);
    expect((await as(other.users.region_viewer, () => RegionStats.dashboard({ period: "2026" }))).compliance.roadmaps).toBe(1);
    await curator(async () => Roadmap.remove(roadmap!.roadmapId, (await Roadmap.get(roadmap!.roadmapId)).version));
    expect((await as(other.users.region_viewer, () => RegionStats.dashboard({ period: "2026" }))).compliance.roadmaps).toBe(0);
    expect((await system(() => Stats.check(other.school.tenantId))).mirrors).toEqual([]);
  });

  it("check:stats --repair does not undo a roadmap write that lands after its read", async () => {
    const other = await createStatsRegion("Ремонта сводки");
    const curator = <T>(fn: () => Promise<T>) => as(other.users.curator, fn);
    const tenantId = other.school.tenantId;
    const summaryKey = { pk: `T#${tenantId}`, sk: "STATS" };
    const [roadmap] = await curator(() => Roadmap.list());
    const path = `r#${roadmap!.roadmapId}`;
    const drift = (expression: string, values?: Record<string, unknown>) =>
      ddb.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: summaryKey,
          UpdateExpression: expression,
          ExpressionAttributeNames: { "#r": path, ...(values ? { "#c": "itemsTotal" } : {}) },
          ...(values ? { ExpressionAttributeValues: values } : {}),
        }),
      );

    // A drifted counter is repaired by its difference, so an item completed between the check's read and the repair
    // keeps its effect.
    await drift("SET #r.#c = #r.#c + :n", { ":n": 5 });
    const detail = await curator(() => Roadmap.get(roadmap!.roadmapId));
    const open = detail.sections.flatMap((section) => section.items).find((item) => item.status !== "done")!;
    const { skipped } = await onTransactions(
      once(() => curator(() => Roadmap.updateItem(roadmap!.roadmapId, open.itemId, { version: open.version, status: "done" }))),
      () => system(() => Stats.repair(tenantId)),
    );
    expect(skipped).toEqual([]);
    expect((await system(() => Stats.check(tenantId))).mirrors).toEqual([]);

    // An entry of an older shape, without its dues map, is written whole.
    await drift("REMOVE #r.dues");
    expect((await system(() => Stats.check(tenantId))).mirrors).toEqual([path]);
    expect((await system(() => Stats.repair(tenantId))).skipped).toEqual([]);
    expect((await system(() => Stats.check(tenantId))).mirrors).toEqual([]);

    // A missing entry is put back only while the roadmap is still there: one deleted meanwhile stays off the summary.
    await drift("REMOVE #r");
    const version = (await curator(() => Roadmap.get(roadmap!.roadmapId))).version;
    const repaired = await onTransactions(
      once(() => curator(() => Roadmap.remove(roadmap!.roadmapId, version))),
      () => system(() => Stats.repair(tenantId)),
    );
    expect(repaired.skipped).toEqual([roadmap!.roadmapId]);
    const item = (await ddb.send(new GetCommand({ TableName: tableName(), Key: summaryKey, ConsistentRead: true }))).Item;
    expect(item?.[path]).toBeUndefined();
    expect((await system(() => Stats.check(tenantId))).mirrors).toEqual([]);
  });

  it("a new institution without participants counts as zeros", async () => {
    const empty = await createTestRegion("Пустой регион");
    const dashboard = await as(empty.users.region_viewer, () => RegionStats.dashboard());
    expect(dashboard.totals).toMatchObject({ institutions: 2, participants: 0 });
  });

  it("renaming, moving and archiving an institution change what the region sees in the same write", async () => {
    const other = await createTestRegion("Регион переименований");
    const manage = <T>(fn: () => Promise<T>) => as(other.users.region_admin, fn);
    const { tenantId, regionId, status, createdAt, updatedAt, ...fields } = await manage(() => Institution.get(other.college.tenantId));
    await manage(() => Institution.update(tenantId, { ...fields, shortName: "Колледж имени Циолковского", municipality: "Новый район" }));
    const moved = await manage(() => RegionStats.dashboard({ municipality: "Новый район" }));
    expect(moved.institutions.map((i) => i.name)).toEqual(["Колледж имени Циолковского"]);
    await manage(() => Institution.setStatus(tenantId, "archived"));
    const archived = await manage(() => RegionStats.dashboard());
    expect(archived.institutions.map((i) => i.tenantId)).toEqual([other.school.tenantId]);
    expect((await system(() => Stats.check(other.college.tenantId))).mirrors).toEqual([]);
  });
});

describe("the platform's counts per region", () => {
  it("each region's counts equal its dashboard's totals", async () => {
    const platform = await createPlatformAdmin();
    const { regions } = await as(platform, () => RegionStats.platform());
    const mine = regions.find((r) => r.regionId === region.region.regionId);
    const dashboard = await admin(() => RegionStats.dashboard());
    expect(mine).toEqual({
      regionId: region.region.regionId,
      name: region.region.name,
      institutions: 3,
      participants: dashboard.totals.participants,
      mentors: dashboard.totals.mentors,
      mentees: dashboard.totals.mentees,
      pairsActive: dashboard.totals.pairs.active,
      pairsCompleted: dashboard.totals.pairs.completed,
    });
    expect(regions.find((r) => r.regionId === foreign.region.regionId)?.institutions).toBe(2);
  });

  it("is for the platform admin only", async () => {
    await expect(admin(() => RegionStats.platform())).rejects.toMatchObject({ kind: "forbidden" });
  });
});
