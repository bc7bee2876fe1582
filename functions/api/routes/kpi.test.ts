import { describe, expect, it, vi } from "vitest";
import { call, createTestRegion, tokenFor } from "../../../scripts/test/fixtures";
import { TransactWriteCommand, type TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import { ddb, storeMetrics } from "@rnc/core/dynamo";
import { regionOfTenant, summaryUpdate } from "@rnc/core/stats";
import { DEFAULT_TIME_ZONE, todayIn } from "@rnc/core/dates";
import { app } from "../app";

// The test region's current year (Moscow), the API's default.
const year = Number(todayIn(DEFAULT_TIME_ZONE).slice(0, 4));

/** Adds to an institution's counters as the participants and pairs modules do. */
async function addCounts(tenantId: string, counts: Record<string, number>) {
  const update = summaryUpdate({ tenantId, regionId: await regionOfTenant(tenantId), counts });
  await ddb.send(new TransactWriteCommand({ TransactItems: [update] as TransactWriteCommandInput["TransactItems"] }));
}

describe("KPI targets", async () => {
  const { users, school, college } = await createTestRegion();
  const admin = await tokenFor(users.region_admin);
  const viewer = await tokenFor(users.region_viewer);
  const curator = await tokenFor(users.curator);
  const target = (res: { json: Record<string, any> }, code: string) => res.json.rows.find((r: { code: string }) => r.code === code);

  it("starts from the DOMAIN.md §6.1 defaults for the programme year", async () => {
    const first = await call(app, "GET", "/api/kpi/targets", { token: curator });
    expect(first.json).toMatchObject({ year, programmeStartYear: year, programmeYear: 1, version: 0 });
    expect(first.json.rows.map((r: { target: number }) => r.target)).toEqual([10, 2, 45, 2, 50, 50]);
    const third = await call(app, "GET", `/api/kpi/targets?year=${year + 2}`, { token: viewer });
    expect(third.json.programmeYear).toBe(3);
    expect(third.json.rows.map((r: { target: number }) => r.target)).toEqual([40, 6, 60, 16, 65, 65]);
  });

  it("defaults to the region's current year: at 22:00 UTC on 31 December it is already the next one in Moscow", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-31T22:00:00Z") });
    try {
      const fresh = await createTestRegion("Регион без настроек");
      const res = await call(app, "GET", "/api/kpi/targets", { token: await tokenFor(fresh.users.curator) });
      expect(res.status, res.text).toBe(200);
      // Without settings the programme starts in the region's year: year 1, not year 2 of a programme begun "in 2026".
      expect(res.json).toMatchObject({ year: 2027, programmeStartYear: 2027, programmeYear: 1 });
    } finally {
      vi.useRealTimers();
    }
  });

  it("lets the region override a year's targets and restore a default; versions guard concurrent edits", async () => {
    const saved = await call(app, "PUT", "/api/kpi/targets", {
      token: admin,
      body: { year, programmeStartYear: year - 1, enterprisesInRegion: 120, targets: { mentees_10_19: 35, enterprises: 10 }, version: 0 },
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json).toMatchObject({ programmeYear: 2, version: 1, enterprisesInRegion: 120 });
    expect(target(saved, "mentees_10_19")).toMatchObject({ target: 35, defaultTarget: 30, overridden: true });
    // 10 equals the year-2 default, so it is not stored as an override.
    expect(target(saved, "enterprises")).toMatchObject({ target: 10, overridden: false });
    expect(target(saved, "mentor_satisfaction")).toMatchObject({ target: 55, overridden: false });

    const stale = await call(app, "PUT", "/api/kpi/targets", {
      token: admin,
      body: { year, programmeStartYear: year - 1, targets: {}, version: 0 },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe("record.stale_version");

    const restored = await call(app, "PUT", "/api/kpi/targets", {
      token: admin,
      body: { year, programmeStartYear: year - 1, targets: { mentees_10_19: null }, version: 1 },
    });
    expect(target(restored, "mentees_10_19")).toMatchObject({ target: 30, overridden: false });
    const nextYear = await call(app, "GET", `/api/kpi/targets?year=${year + 1}`, { token: curator });
    expect(target(nextYear, "mentees_10_19")).toMatchObject({ target: 40, overridden: false });
  });

  it("rejects out-of-range targets with field messages and non-admins", async () => {
    const res = await call(app, "PUT", "/api/kpi/targets", {
      token: admin,
      body: { year, programmeStartYear: year, targets: { mentor_satisfaction: 120 }, version: 1 },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.details.fields).toEqual([
      { path: "targets.mentor_satisfaction", message: "Целевое значение не может быть больше 100 %" },
    ]);
    expect((await call(app, "PUT", "/api/kpi/targets", { token: viewer, body: {} })).status).toBe(403);
    expect((await call(app, "PUT", "/api/kpi/targets", { token: curator, body: {} })).status).toBe(403);
  });

  it("shows actual against target for the institution and the region", async () => {
    const own = await call(app, "GET", "/api/kpi/institution", { token: curator });
    expect(own.status, own.text).toBe(200);
    expect(target(own, "mentees_10_19")).toMatchObject({ target: 30, actual: { value: 0, denominator: 300 }, status: "behind" });
    expect(target(own, "mentor_satisfaction")).toMatchObject({ actual: { value: null }, status: "unknown" });
    const region = await call(app, "GET", "/api/kpi/region", { token: viewer });
    expect(region.status, region.text).toBe(200);
    expect(region.json.institutions).toHaveLength(2);
    expect(target(region, "mentees_10_19").actual).toMatchObject({ value: 0, denominator: 600 });
    expect(target(region, "enterprises").actual).toMatchObject({ value: 0, denominator: 120 });
    expect((await call(app, "GET", "/api/kpi/region", { token: curator })).status).toBe(403);
    expect((await call(app, "GET", "/api/kpi/institution", { token: admin })).status).toBe(403);
  });

  it("reads the institution's figures from its summary item, and the region's from its summary index", async () => {
    const calls = async (token: string, path: string) => {
      const before = storeMetrics.calls;
      expect((await call(app, "GET", path, { token })).status).toBe(200);
      return storeMetrics.calls - before;
    };
    // The region's time zone is read once per process (then cached), so each is measured on its second call.
    await calls(curator, "/api/kpi/institution");
    // The region's settings and the institution's summary, in one BatchGetItem.
    expect(await calls(curator, "/api/kpi/institution")).toBe(1);
    // The settings and one Query per summary shard (the region's time zone is cached): the same for any number of
    // institutions.
    expect(await calls(viewer, "/api/kpi/region")).toBe(5);
  });

  it("counts the 10–19 age band in full years on 1 January of the year asked for", async () => {
    // Three mentees of the cohort that is 10 on 1 January of this year, and so 9 on 1 January of the last one.
    const update = summaryUpdate({
      tenantId: school.tenantId,
      regionId: await regionOfTenant(school.tenantId),
      counts: { [`menteeBirth#${year - 10}`]: 3 },
    });
    await ddb.send(new TransactWriteCommand({ TransactItems: [update] as TransactWriteCommandInput["TransactItems"] }));
    const numerator = async (asked: number) =>
      target(await call(app, "GET", `/api/kpi/institution?year=${asked}`, { token: curator }), "mentees_10_19").actual.numerator;
    expect(await numerator(year)).toBe(3);
    expect(await numerator(year - 1)).toBe(0);
  });

  it("counts a partner enterprise serving two institutions once in the region's enterprises share", async () => {
    await addCounts(school.tenantId, { "partner#завод": 2, "partner#банк": 1 });
    await addCounts(college.tenantId, { "partner#завод": 4 });
    const region = await call(app, "GET", "/api/kpi/region", { token: viewer });
    expect(target(region, "enterprises").actual).toMatchObject({ numerator: 2, denominator: 120 });
    const perInstitution = region.json.institutions.map(
      (i: { rows: { code: string; actual: { numerator: number } }[] }) =>
        i.rows.find((row) => row.code === "enterprises")?.actual.numerator,
    );
    expect(perInstitution.sort()).toEqual([1, 2]);
  });
});
