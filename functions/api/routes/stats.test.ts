import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { Reports, sheetCodes, sheetNames } from "@rnc/core/reports";
import { call, createPlatformAdmin, createTestRegion, tokenFor } from "../../../scripts/test/fixtures";
import { createStatsRegion } from "../../../scripts/test/region-fixtures";
import { app } from "../app";

const region = await createStatsRegion("Маршрутов");
const foreign = await createTestRegion("Чужой регион маршрутов");
const admin = await tokenFor(region.users.region_admin);
const viewer = await tokenFor(region.users.region_viewer);
const curator = await tokenFor(region.users.curator);
const platform = await tokenFor(await createPlatformAdmin());

describe("GET /api/stats/region", () => {
  it("answers the dashboard to region roles, with filters from the query", async () => {
    const all = await call(app, "GET", "/api/stats/region", { token: viewer });
    expect(all.status, all.text).toBe(200);
    expect(all.json.totals.institutions).toBe(3);
    const filtered = await call(
      app,
      "GET",
      "/api/stats/region?municipality=%D0%94%D1%80%D1%83%D0%B3%D0%BE%D0%B9%20%D1%80%D0%B0%D0%B9%D0%BE%D0%BD",
      {
        token: viewer,
      },
    );
    expect(filtered.json.totals.institutions).toBe(1);
    expect(filtered.json.filters.municipality).toBe("Другой район");
    const typed = await call(app, "GET", "/api/stats/region?type=college&period=2026", { token: admin });
    expect(typed.json.totals.institutions).toBe(1);
    expect(typed.json.year).toBe(2026);
  });

  it("rejects a malformed period and is forbidden to institution roles", async () => {
    expect((await call(app, "GET", "/api/stats/region?period=26", { token: admin })).status).toBe(400);
    expect((await call(app, "GET", "/api/stats/region?type=zoo", { token: admin })).status).toBe(400);
    expect((await call(app, "GET", "/api/stats/region", { token: curator })).status).toBe(403);
  });

  it("never returns a participant's name", async () => {
    const res = await call(app, "GET", "/api/stats/region", { token: admin });
    for (const name of region.names) expect(res.text).not.toContain(name);
  });
});

describe("GET /api/stats/region/institutions/:tenantId", () => {
  it("answers an institution of the region; a foreign one exactly like a missing one", async () => {
    const own = await call(app, "GET", `/api/stats/region/institutions/${region.third.tenantId}`, { token: admin });
    expect(own.status, own.text).toBe(200);
    expect(own.json.figures.pairs.active).toBe(2);
    const theirs = await call(app, "GET", `/api/stats/region/institutions/${foreign.school.tenantId}`, { token: admin });
    const missing = await call(app, "GET", "/api/stats/region/institutions/org_00000000000000000000000000", { token: admin });
    expect(theirs.status).toBe(404);
    expect(theirs.json).toEqual(missing.json);
  });
});

describe("GET /api/stats/institution and /api/stats/platform", () => {
  it("the curator sees the institution's own summary", async () => {
    const res = await call(app, "GET", "/api/stats/institution", { token: curator });
    expect(res.status, res.text).toBe(200);
    expect(res.json.tenantId).toBe(region.school.tenantId);
    expect((await call(app, "GET", "/api/stats/institution", { token: admin })).status).toBe(403);
  });

  it("the platform admin sees counts per region; region roles do not", async () => {
    const res = await call(app, "GET", "/api/stats/platform", { token: platform });
    expect(res.status, res.text).toBe(200);
    const mine = (res.json.regions as { regionId: string; institutions: number; pairsActive: number }[]).find(
      (r) => r.regionId === region.region.regionId,
    );
    expect(mine).toMatchObject({ institutions: 3, pairsActive: 3 });
    expect((await call(app, "GET", "/api/stats/platform", { token: admin })).status).toBe(403);
  });
});

describe("/api/reports/exports", () => {
  it("starts an export, reports progress and serves the workbook", async () => {
    const started = await call(app, "POST", "/api/reports/exports", { token: viewer, body: { format: "xlsx" } });
    expect(started.status, started.text).toBe(202);
    await Reports.settled();
    const status = await call(app, "GET", `/api/reports/exports/${started.json.exportId}`, { token: admin });
    expect(status.json).toMatchObject({ status: "done", progress: 100 });
    const file = await app.request(status.json.downloadUrl, { headers: { authorization: `Bearer ${admin}` } });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toContain("spreadsheetml");
    expect(file.headers.get("content-disposition")).toContain("filename*=UTF-8''");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await file.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(sheetCodes.map((code) => sheetNames[code]));
    const list = await call(app, "GET", "/api/reports/exports", { token: viewer });
    expect(list.json.items.map((e: { exportId: string }) => e.exportId)).toContain(started.json.exportId);
  });

  it("the file of another region's export is 404, and institution roles may not download", async () => {
    const theirs = await call(app, "POST", "/api/reports/exports", {
      token: await tokenFor(foreign.users.region_admin),
      body: { format: "csv", sheet: "summary" },
    });
    await Reports.settled();
    expect((await call(app, "GET", `/api/reports/exports/${theirs.json.exportId}/file`, { token: admin })).status).toBe(404);
    expect((await call(app, "GET", `/api/reports/exports/${theirs.json.exportId}`, { token: curator })).status).toBe(403);
  });

  it("validates the body", async () => {
    const res = await call(app, "POST", "/api/reports/exports", { token: admin, body: { format: "csv" } });
    expect(res.status).toBe(400);
    expect(res.json.error.details.fields.map((f: { path: string }) => f.path)).toEqual(["sheet"]);
  });
});
