import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { withActor } from "@rnc/core";
import { storeMetrics } from "@rnc/core/dynamo";
import { Roadmap } from "@rnc/core/roadmap";
import { call, createTestRegion, system, tokenFor } from "../../../scripts/test/fixtures";
import { app } from "../app";

const fixture = (name: string) => readFileSync(new URL(`../../../packages/core/src/roadmap/fixtures/${name}`, import.meta.url), "utf8");
/** ГБПОУ НСТ, «ПЛАН МЕРОПРИЯТИЙ (дорожная карта) … на 2021 год», pasted from Word (seed 000). */
const nst2021 = fixture("nst-2021.txt");

type Item = { itemId: string; number?: string; name: string; status: string; version: number; overdue: boolean; nextDue?: string };
type Detail = {
  roadmapId: string;
  title: string;
  version: number;
  progress: Record<string, number>;
  sections: { sectionId: string; number?: string; title: string; items: Item[] }[];
};
const itemsOf = (detail: Detail) => detail.sections.flatMap((s) => s.items);
const byNumber = (detail: Detail, number: string) => itemsOf(detail).find((i) => i.number === number) as Item;

describe("roadmaps", async () => {
  const home = await createTestRegion("Регион дорожных карт");
  const foreign = await createTestRegion("Чужой регион дорожных карт");
  const curator = await tokenFor(home.users.curator);
  const staff = await tokenFor(home.users.staff);
  const viewer = await tokenFor(home.users.institution_viewer);
  const regionAdmin = await tokenFor(home.users.region_admin);

  const importNst = async (token = curator, text = nst2021) => {
    const res = await call(app, "POST", "/api/roadmaps/import", {
      token,
      body: {
        text,
        period: "2021 год",
        title: "План мероприятий (дорожная карта) на 2021 год",
        approvedBy: "Директор",
        approvedAt: "2021-02-20",
      },
    });
    expect(res.status, res.text).toBe(201);
    return res.json as Detail & { warnings: { message: string }[] };
  };
  const load = async (roadmapId: string, token = curator) =>
    (await call(app, "GET", `/api/roadmaps/${roadmapId}`, { token })).json as Detail;
  const asCurator = <T>(fn: () => Promise<T>) =>
    withActor({ type: "user", properties: { ...home.users.curator, role: "curator" } }, fn) as Promise<T>;

  it("creates a roadmap from the default template: six sections, deadlines anchored to the academic year 2026/27", async () => {
    const res = await call(app, "POST", "/api/roadmaps/from-template", { token: curator, body: { academicYear: "2026/27" } });
    expect(res.status, res.text).toBe(201);
    const detail = res.json as Detail & { period: string; periodStart: string; periodEnd: string };
    expect(detail).toMatchObject({ period: "2026/27 учебный год", periodStart: "2026-09-01", periodEnd: "2027-08-31", status: "draft" });
    expect(detail.sections.map((s) => s.number)).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(detail.sections[4]?.title).toBe("Мониторинг и оценка результатов внедрения целевой модели наставничества");
    expect(itemsOf(detail)).toHaveLength(19);
    const first = byNumber(detail, "1.1") as Item & { deadlineText: string; deadlineLabel: string };
    expect(first).toMatchObject({
      name: "Разработка дорожных карт внедрения целевой модели наставничества в школе",
      deadlineText: "Октябрь 2026",
    });
    expect(first.nextDue).toBe("2026-10-31");
    expect(byNumber(detail, "4.4").nextDue).toBe("2026-11-30");
    expect(detail.progress).toMatchObject({ total: 19, done: 0 });
  });

  it("refuses a second roadmap from the template for a year that has one in force, naming it; an archived one frees the year", async () => {
    const fromTemplate = () => call(app, "POST", "/api/roadmaps/from-template", { token: curator, body: { academicYear: "2028/29" } });
    const first = await fromTemplate();
    expect(first.status, first.text).toBe(201);
    const second = await fromTemplate();
    expect(second.status).toBe(409);
    const message = `На 2028/29 учебный год уже есть дорожная карта «${first.json.title}» (черновик). Откройте её или переведите в архив, чтобы создать новую по шаблону.`;
    expect(second.json.error).toEqual({
      code: "roadmap.year_taken",
      message,
      details: { roadmapId: first.json.roadmapId, fields: [{ path: "academicYear", message }] },
    });
    const archived = await call(app, "PATCH", `/api/roadmaps/${first.json.roadmapId}`, {
      token: curator,
      body: { status: "archived", version: first.json.version },
    });
    expect(archived.status, archived.text).toBe(200);
    const third = await fromTemplate();
    expect(third.status, third.text).toBe(201);
    await call(app, "PATCH", `/api/roadmaps/${third.json.roadmapId}`, {
      token: curator,
      body: { status: "archived", version: third.json.version },
    });
  });

  it("opens a roadmap with one Query and lists roadmaps reading one record each, not their items (the time zone is cached)", async () => {
    const calls = async (path: string) => {
      const before = { calls: storeMetrics.calls, queries: storeMetrics.byOperation.Query ?? 0, items: storeMetrics.itemsRead };
      const res = await call(app, "GET", path, { token: curator });
      expect(res.status, res.text).toBe(200);
      return {
        calls: storeMetrics.calls - before.calls,
        queries: (storeMetrics.byOperation.Query ?? 0) - before.queries,
        itemsRead: storeMetrics.itemsRead - before.items,
        json: res.json,
      };
    };
    await importNst(); // a roadmap of 2021: its dated items are overdue
    const list = await calls("/api/roadmaps");
    const roadmaps = list.json.items as { roadmapId: string; progress: { total: number } }[];
    expect(roadmaps.length).toBeGreaterThan(0);
    expect(await calls(`/api/roadmaps/${roadmaps[0]!.roadmapId}`)).toMatchObject({ calls: 1, queries: 1 });
    const again = await calls("/api/roadmaps");
    // The institution's summary, then the headers in one BatchGetItem: as many records as roadmaps plus one.
    expect(again).toMatchObject({ calls: 2, queries: 0, itemsRead: roadmaps.length + 1 });
    expect(roadmaps.reduce((n, r) => n + r.progress.total, 0)).toBeGreaterThan(roadmaps.length + 1);
    // The progress a list shows (from the summary's due dates) is the one the roadmap's own page computes from its items.
    for (const roadmap of again.json.items as { roadmapId: string; progress: unknown }[]) {
      expect(roadmap.progress).toEqual((await calls(`/api/roadmaps/${roadmap.roadmapId}`)).json.progress);
    }
    expect(again.json.items.some((r: { progress: { overdue: number } }) => r.progress.overdue > 0)).toBe(true);
  });

  it("a college starts from the college template; dates in the spring fall into the second year", async () => {
    const detail = (await withActor(
      { type: "system", properties: { tenantId: home.college.tenantId, regionId: home.region.regionId } },
      () => Roadmap.fromTemplate({ academicYear: "2026/27" }),
    )) as unknown as Detail;
    expect(detail.sections).toHaveLength(6);
    expect(byNumber(detail, "1.1")).toMatchObject({ nextDue: "2027-02-15", deadlineText: "До 15.02.2027" });
    expect(byNumber(detail, "2.8")).toMatchObject({ nextDue: "2026-10-31" });
    // The template's blank years are written as the roadmap's own: a curator never sees «202_».
    const texts = (detail.sections as { items: { name: string; deadlineText?: string }[] }[]).flatMap((s) => s.items);
    expect(texts.filter((item) => `${item.name} ${item.deadlineText ?? ""}`.includes("_"))).toEqual([]);
  });

  it("previews a pasted Word table without saving anything: sections, items and each deadline's meaning", async () => {
    const before = (await call(app, "GET", "/api/roadmaps", { token: curator })).json.items.length;
    const res = await call(app, "POST", "/api/roadmaps/import/preview", { token: curator, body: { text: nst2021, period: "2021 год" } });
    expect(res.status, res.text).toBe(200);
    expect(res.json.counts).toEqual({ sections: 6, items: 23, warnings: 0 });
    expect(res.json.sections.map((s: { items: unknown[] }) => s.items.length)).toEqual([5, 8, 1, 5, 2, 2]);
    const quarterly = res.json.sections[2].items[0];
    expect(quarterly).toMatchObject({
      number: "3.1",
      deadlineText: "ежеквартально",
      deadlineKind: "periodic",
      deadlineLabel: "ежеквартально",
    });
    expect(quarterly.dueDates).toEqual(["2021-03-31", "2021-06-30", "2021-09-30", "2021-12-31"]);
    expect(res.json.sections[0].items[0]).toMatchObject({ number: "1.1", deadlineLabel: "до 15.02.2021", dueDates: ["2021-02-15"] });
    // Text broken across a page break is joined back to its row.
    expect(res.json.sections[3].items[4].result).toMatch(/с перспективой продолжения цикла$/);
    expect((await call(app, "GET", "/api/roadmaps", { token: curator })).json.items.length).toBe(before);
  });

  it("reads the one-cell-per-line shape Word also produces (seed 001)", async () => {
    const res = await call(app, "POST", "/api/roadmaps/import/preview", {
      token: curator,
      body: { text: fixture("pelym-2020.txt"), period: "2020 – 2025 учебный год" },
    });
    expect(res.json.counts).toMatchObject({ sections: 6, items: 19 });
    expect(res.json.sections[1].items[1]).toMatchObject({
      number: "2.2",
      deadlineText: "Октябрь – ноябрь 2020",
      executors: "Бычкова О.И.",
    });
  });

  it("imports a pasted table; an unknown or missing deadline is kept as free text with a warning", async () => {
    const text = nst2021.replace("\tОктябрь 2021\t", "\tкогда получится\t").replace("\tДекабрь 2021\t", "\t\t");
    const detail = await importNst(curator, text);
    expect(detail.sections).toHaveLength(6);
    expect(itemsOf(detail)).toHaveLength(23);
    expect(detail.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/№ 2\.8\): срок «когда получится»/),
      expect.stringMatching(/№ 5\.2\): срок — Срок не указан/),
    ]);
    const unknown = byNumber(detail, "2.8") as Item & { deadlineText: string; deadlineKind: string; deadlineWarning: string };
    expect(unknown).toMatchObject({ deadlineText: "когда получится", deadlineKind: "no_date" });
    expect(unknown.deadlineWarning).toBeTruthy();
    expect(unknown.nextDue).toBeUndefined();
  });

  it("marking an item done changes the progress; completion by the due date counts as on time", async () => {
    const detail = await importNst();
    expect(detail.progress).toMatchObject({ total: 23, done: 0, donePercent: 0 });
    const item = byNumber(detail, "1.1");
    const res = await call(app, "PATCH", `/api/roadmaps/${detail.roadmapId}/items/${item.itemId}`, {
      token: staff,
      body: {
        version: item.version,
        status: "done",
        completedAt: "2021-02-10",
        evidence: { documentNumber: "Приказ № 15", link: "https://school.example/doc" },
      },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ status: "done", version: 2, doneOnTime: true, overdue: false });
    const late = byNumber(detail, "1.2");
    await call(app, "PATCH", `/api/roadmaps/${detail.roadmapId}/items/${late.itemId}`, {
      token: staff,
      body: { version: late.version, status: "done", completedAt: "2021-03-01" },
    });
    const after = await load(detail.roadmapId);
    expect(after.progress).toMatchObject({ total: 23, active: 23, done: 2, doneOnTime: 1, donePercent: 8.7, doneOnTimePercent: 4.3 });
    const listed = (await call(app, "GET", "/api/roadmaps", { token: viewer })).json.items.find(
      (r: { roadmapId: string }) => r.roadmapId === detail.roadmapId,
    );
    expect(listed.progress).toMatchObject({ done: 2, doneOnTime: 1 });
    // A completion date after today is refused, next to the field, and nothing is written.
    const future = byNumber(detail, "1.3");
    const refused = await call(app, "PATCH", `/api/roadmaps/${detail.roadmapId}/items/${future.itemId}`, {
      token: staff,
      body: { version: future.version, status: "done", completedAt: "2099-01-01" },
    });
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatchObject({ code: "roadmap.future_completion", message: "Дата выполнения не может быть в будущем" });
    expect((await load(detail.roadmapId)).progress).toMatchObject({ done: 2 });
  });

  it("overdue is computed against the region's today; recurring items have an occurrence each", async () => {
    const detail = await importNst();
    const on = (today: string) => asCurator(() => Roadmap.get(detail.roadmapId, { today }));
    const march = await on("2021-03-01");
    expect(march.progress).toMatchObject({ overdue: 2, dueThisMonth: 2 });
    expect(
      march.sections
        .flatMap((s) => s.items)
        .filter((i) => i.overdue)
        .map((i) => i.number),
    ).toEqual(["1.1", "1.2"]);
    const quarterly = byNumber(march as unknown as Detail, "3.1");
    await asCurator(() =>
      Roadmap.updateItem(detail.roadmapId, quarterly.itemId, {
        version: 1,
        occurrenceKey: "2021-Q1",
        status: "done",
        completedAt: "2021-03-20",
      }),
    );
    const july = await on("2021-07-01");
    const updated = july.sections.flatMap((s) => s.items).find((i) => i.number === "3.1");
    expect(updated).toMatchObject({ status: "in_progress", nextDue: "2021-06-30", overdue: true });
    expect(updated?.occurrences.map((o) => [o.key, o.status, o.overdue])).toEqual([
      ["2021-Q1", "done", false],
      ["2021-Q2", "planned", true],
      ["2021-Q3", "planned", false],
      ["2021-Q4", "planned", false],
    ]);
    // A status for a recurring item must name its occurrence.
    const ambiguous = await call(app, "PATCH", `/api/roadmaps/${detail.roadmapId}/items/${quarterly.itemId}`, {
      token: staff,
      body: { version: 2, status: "done" },
    });
    expect(ambiguous.json.error.code).toBe("roadmap.occurrence_required");
  });

  it("of two concurrent edits of one item the later gets 409 with the current state, and nothing is lost", async () => {
    const detail = await importNst();
    const item = byNumber(detail, "2.1");
    const path = `/api/roadmaps/${detail.roadmapId}/items/${item.itemId}`;
    const [a, b] = await Promise.all([
      call(app, "PATCH", path, { token: curator, body: { version: item.version, comments: "Первая правка" } }),
      call(app, "PATCH", path, { token: staff, body: { version: item.version, status: "in_progress" } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.json.error.code).toBe("record.stale_version");
    expect(loser.json.error.details.current).toMatchObject({ itemId: item.itemId, version: 2 });
    // The loser re-applies on the current version: both changes are kept.
    const retry = loser === a ? { comments: "Первая правка" } : { status: "in_progress" };
    expect((await call(app, "PATCH", path, { token: curator, body: { version: 2, ...retry } })).status).toBe(200);
    const final = byNumber(await load(detail.roadmapId), "2.1") as Item & { comments: string };
    expect(final).toMatchObject({ comments: "Первая правка", status: "in_progress", version: 3 });
  });

  it("reorders items within a section and moves them between sections, rewriting only the moved item", async () => {
    const detail = await importNst();
    const [s1, s2] = detail.sections;
    const last = s1?.items.at(-1) as Item;
    const moved = await call(app, "POST", `/api/roadmaps/${detail.roadmapId}/items/${last.itemId}/move`, {
      token: staff,
      body: { version: last.version, index: 0 },
    });
    expect(moved.status, moved.text).toBe(200);
    let now = await load(detail.roadmapId);
    expect(now.sections[0]?.items.map((i) => i.number)).toEqual(["1.5", "1.1", "1.2", "1.3", "1.4"]);
    const untouched = now.sections[0]?.items.slice(1).every((i) => i.version === 1);
    expect(untouched).toBe(true);
    await call(app, "POST", `/api/roadmaps/${detail.roadmapId}/items/${last.itemId}/move`, {
      token: staff,
      body: { version: 2, sectionId: s2?.sectionId, index: 2 },
    });
    now = await load(detail.roadmapId);
    expect(now.sections[0]?.items.map((i) => i.number)).toEqual(["1.1", "1.2", "1.3", "1.4"]);
    expect(now.sections[1]?.items.map((i) => i.number).slice(0, 4)).toEqual(["2.1", "2.2", "1.5", "2.3"]);
  });

  it("two items added at once get places of their own: a third can be moved between them", async () => {
    const detail = await importNst();
    const section = detail.sections[0] as Detail["sections"][number];
    const base = `/api/roadmaps/${detail.roadmapId}/items`;
    const added = await Promise.all(
      ["Первое новое", "Второе новое"].map((name) =>
        call(app, "POST", base, { token: staff, body: { name, sectionId: section.sectionId } }),
      ),
    );
    expect(added.map((res) => res.status)).toEqual([201, 201]);
    const names = async () => (await load(detail.roadmapId)).sections[0]?.items.map((i) => i.name);
    const [first, second] = ((await names()) ?? []).slice(-2);
    const moved = section.items[0] as Item;
    // Index 5 among the section's other items (1.2 … 1.5 and the two new ones): between the new ones.
    const res = await call(app, "POST", `${base}/${moved.itemId}/move`, { token: staff, body: { version: moved.version, index: 5 } });
    expect(res.status, res.text).toBe(200);
    expect(((await names()) ?? []).slice(-3)).toEqual([first, moved.name, second]);
  });

  it("serves an ICS feed at a secret URL; regenerating the link retires the old one", async () => {
    await importNst();
    const first = await call(app, "POST", "/api/roadmaps/calendar-link", { token: curator });
    expect(first.status).toBe(201);
    const path = new URL(first.json.url).pathname;
    expect(path).toMatch(/^\/api\/calendar\/[\w-]{40,}\.ics$/);
    const feed = await app.request(path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toMatch(/^text\/calendar/);
    const text = await feed.text();
    expect(text.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const ics = text.replace(/\r\n /g, "");
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain(
      "DTSTART;VALUE=DATE:20210215\r\nDTEND;VALUE=DATE:20210216\r\nSUMMARY:1.1 Разработка дорожной карты внедрения ЦМН в ОО на 2021 г.",
    );
    expect(ics).toContain("DTSTART;VALUE=DATE:20211231");
    const uids = (text: string) => [...text.matchAll(/^UID:(.+)$/gm)].map((m) => m[1]);
    expect(uids(await (await app.request(path)).text())).toEqual(uids(ics));
    const second = await call(app, "POST", "/api/roadmaps/calendar-link", { token: curator });
    expect((await app.request(path)).status).toBe(404);
    expect((await app.request(new URL(second.json.url).pathname)).status).toBe(200);
    expect((await call(app, "POST", "/api/roadmaps/calendar-link", { token: staff })).status).toBe(403);
  });

  it("exports XLSX in the columns schools use, with Russian statuses and dates", async () => {
    const detail = await importNst();
    const item = byNumber(detail, "1.1");
    await call(app, "PATCH", `/api/roadmaps/${detail.roadmapId}/items/${item.itemId}`, {
      token: curator,
      body: { version: 1, status: "done", completedAt: "2021-02-10" },
    });
    const res = await app.request(`/api/roadmaps/${detail.roadmapId}/export.xlsx`, { headers: { authorization: `Bearer ${viewer}` } });
    expect(res.status).toBe(200);
    // Named by the title alone when the title already says «дорожная карта».
    expect(res.headers.get("content-disposition")).toContain(
      `filename*=UTF-8''${encodeURIComponent("План мероприятий (дорожная карта) на 2021 год.xlsx")}`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0];
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toContainEqual([
      "№ п/п",
      "Наименование мероприятий",
      "Срок реализации",
      "Ответственный исполнитель",
      "Результат. Вид документа",
      "Статус",
    ]);
    expect(rows).toContainEqual([
      "1.1",
      "Разработка дорожной карты внедрения ЦМН в ОО на 2021 г.",
      "До 15.02.2021",
      "Зам. директора по УВР",
      "Дорожная карта",
      "Выполнено 10.02.2021",
    ]);
    expect(rows.find((row) => row[0] === "1.2")?.[5]).toBe("Просрочено");
  });

  it("the region sees progress and overdue items of its own institutions only", async () => {
    await importNst();
    const foreignCurator = await tokenFor(foreign.users.curator);
    const foreignRoadmap = await importNst(foreignCurator);
    const progress = await call(app, "GET", "/api/roadmaps/region/progress", { token: regionAdmin });
    expect(progress.status).toBe(200);
    const school = progress.json.institutions.find((i: { tenantId: string }) => i.tenantId === home.school.tenantId);
    expect(school.institution).toBe(home.school.shortName);
    expect(school.roadmaps.length).toBeGreaterThan(0);
    expect(school.roadmaps[0].progress).toHaveProperty("donePercent");
    expect(progress.text).not.toContain(foreign.school.tenantId);
    expect(progress.text).not.toContain(foreignRoadmap.roadmapId);
    const overdue = await call(app, "GET", "/api/roadmaps/region/overdue", { token: await tokenFor(home.users.region_viewer) });
    expect(overdue.status).toBe(200);
    const items = overdue.json.institutions.find((i: { tenantId: string }) => i.tenantId === home.school.tenantId).items;
    expect(items.some((i: { number: string; due: string }) => i.number === "1.1" && i.due === "2021-02-15")).toBe(true);
    expect(items.every((i: { daysOverdue: number }) => i.daysOverdue > 0)).toBe(true);
    expect(overdue.text).not.toContain(foreignRoadmap.roadmapId);
    expect(overdue.text).not.toContain("@");
    expect((await call(app, "GET", "/api/roadmaps/region/progress", { token: curator })).status).toBe(403);
    expect((await call(app, "GET", `/api/roadmaps/${foreignRoadmap.roadmapId}`, { token: curator })).status).toBe(404);
  });

  it("staff edit items but cannot delete roadmaps; the institution viewer only reads", async () => {
    const detail = await importNst();
    const item = byNumber(detail, "4.3");
    const path = `/api/roadmaps/${detail.roadmapId}`;
    expect(
      (await call(app, "PATCH", `${path}/items/${item.itemId}`, { token: staff, body: { version: 1, status: "in_progress" } })).status,
    ).toBe(200);
    expect((await call(app, "DELETE", path, { token: staff })).status).toBe(403);
    expect(
      (await call(app, "POST", "/api/roadmaps/import", { token: staff, body: { text: nst2021, period: "2021", title: "x" } })).status,
    ).toBe(403);
    expect((await call(app, "GET", path, { token: viewer })).status).toBe(200);
    expect((await call(app, "PATCH", `${path}/items/${item.itemId}`, { token: viewer, body: { version: 2, status: "done" } })).status).toBe(
      403,
    );
    expect((await call(app, "POST", `${path}/items`, { token: viewer, body: { name: "Новое" } })).status).toBe(403);
    expect((await call(app, "DELETE", `${path}?version=${detail.version}`, { token: curator })).status).toBe(200);
    expect((await call(app, "GET", path, { token: curator })).status).toBe(404);
  });

  it("a region admin publishes the region's template; new roadmaps start from it", async () => {
    const template = {
      title: "Дорожная карта региона",
      sections: [
        {
          number: "1",
          title: "Нормативное обеспечение",
          items: [{ number: "1.1", name: "Приказ о внедрении ЦМН", deadlineText: "До 01.10.202_" }],
        },
      ],
    };
    expect((await call(app, "PUT", "/api/roadmaps/template", { token: curator, body: template })).status).toBe(403);
    const saved = await call(app, "PUT", "/api/roadmaps/template", { token: regionAdmin, body: template });
    expect(saved.json).toMatchObject({ source: "region", version: 1 });
    const created = await call(app, "POST", "/api/roadmaps/from-template", { token: curator, body: { academicYear: "2027/28" } });
    expect(created.json.title).toBe("Дорожная карта региона на 2027/28 учебный год");
    expect(byNumber(created.json as Detail, "1.1")).toMatchObject({ nextDue: "2027-10-01" });
    const stale = await call(app, "PUT", "/api/roadmaps/template", { token: regionAdmin, body: { ...template, version: 7 } });
    expect(stale.status).toBe(409);
    await call(app, "DELETE", "/api/roadmaps/template", { token: regionAdmin });
    expect((await call(app, "GET", "/api/roadmaps/template", { token: regionAdmin })).json.source).toBe("default");
  });

  it("reads a template's deadline texts against an academic year, as a roadmap from it would, without saving anything", async () => {
    const body = { academicYear: "2026/27", texts: ["До 01.10.202_", "ежеквартально", "", "когда-нибудь"] };
    expect((await call(app, "POST", "/api/roadmaps/template/deadlines", { token: curator, body })).status).toBe(403);
    const res = await call(app, "POST", "/api/roadmaps/template/deadlines", { token: regionAdmin, body });
    expect(res.status, res.text).toBe(200);
    expect(res.json.period).toEqual({ start: "2026-09-01", end: "2027-08-31" });
    const [date, quarterly, empty, unknown] = res.json.readings;
    expect(date).toMatchObject({ deadlineKind: "date", dueDates: ["2026-10-01"] });
    expect(date.warning).toBeUndefined();
    expect(quarterly.dueDates).toEqual(["2026-09-30", "2026-12-31", "2027-03-31", "2027-06-30"]);
    expect(empty).toMatchObject({ deadlineLabel: "срок не указан", warning: "Срок не указан", dueDates: [] });
    expect(unknown.warning).toBeTruthy();
    const wrongYear = await call(app, "POST", "/api/roadmaps/template/deadlines", {
      token: regionAdmin,
      body: { ...body, academicYear: "2026/28" },
    });
    expect(wrongYear.json.error.code).toBe("roadmap.academic_year");
  });

  it("sections: add, rename, reorder; a section with items is not removed", async () => {
    const detail = await importNst();
    const base = `/api/roadmaps/${detail.roadmapId}/sections`;
    const added = await call(app, "POST", base, { token: staff, body: { number: "7", title: "Дополнительные мероприятия" } });
    expect(added.status).toBe(201);
    const moved = await call(app, "PATCH", `${base}/${added.json.sectionId}`, { token: staff, body: { version: 1, index: 0 } });
    expect(moved.status).toBe(200);
    expect((await load(detail.roadmapId)).sections.map((s) => s.number)).toEqual(["7", "1", "2", "3", "4", "5", "6"]);
    expect((await call(app, "DELETE", `${base}/${detail.sections[0]?.sectionId}`, { token: staff })).json.error.code).toBe(
      "roadmap.section_not_empty",
    );
    expect((await call(app, "DELETE", `${base}/${added.json.sectionId}`, { token: staff })).status).toBe(200);
    await system(async () => undefined);
  });

  it("two sections added at once get places of their own: a third can be moved between them", async () => {
    const detail = await importNst();
    const base = `/api/roadmaps/${detail.roadmapId}/sections`;
    const added = await Promise.all(
      ["7", "8"].map((number) => call(app, "POST", base, { token: staff, body: { number, title: `Раздел ${number}` } })),
    );
    expect(added.map((res) => res.status)).toEqual([201, 201]);
    const numbers = async () => (await load(detail.roadmapId)).sections.map((s) => s.number);
    const [first, second] = (await numbers()).slice(-2);
    // Index 6 among the other sections (2 … 6 and the two new ones): between the new ones.
    const moved = detail.sections[0] as Detail["sections"][number];
    const res = await call(app, "PATCH", `${base}/${moved.sectionId}`, { token: staff, body: { version: 1, index: 6 } });
    expect(res.status, res.text).toBe(200);
    expect(await numbers()).toEqual(["2", "3", "4", "5", "6", first, "1", second]);
  });

  it("deleting a roadmap needs the version the user saw: none or a malformed one is 400, a stale one 409", async () => {
    const detail = await importNst();
    const path = `/api/roadmaps/${detail.roadmapId}`;
    for (const query of ["", "?version=", "?version=abc", "?version=0", "?version=1.5"]) {
      const res = await call(app, "DELETE", `${path}${query}`, { token: curator });
      expect(res.status, query).toBe(400);
      expect(res.json.error).toMatchObject({ code: "request.invalid", message: "Проверьте правильность заполнения полей" });
      expect(res.json.error.details.fields[0]).toMatchObject({
        path: "version",
        message: expect.stringMatching(/^Версия записи|^Не указана версия/),
      });
    }
    const renamed = await call(app, "PATCH", path, { token: curator, body: { version: detail.version, title: "Новое название" } });
    expect(renamed.status, renamed.text).toBe(200);
    const stale = await call(app, "DELETE", `${path}?version=${detail.version}`, { token: curator });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({ code: "record.stale_version", details: { current: { version: detail.version + 1 } } });
    expect(itemsOf(await load(detail.roadmapId))).toHaveLength(23);
    expect((await call(app, "DELETE", `${path}?version=${detail.version + 1}`, { token: curator })).status).toBe(200);
    expect((await call(app, "GET", path, { token: curator })).status).toBe(404);
  });
});
