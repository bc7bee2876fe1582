import { describe, expect, it } from "vitest";
import { auditScope, listAudit } from "@rnc/core/audit";
import { addDays } from "@rnc/core/dates";
import { PublicationEntity } from "@rnc/core/publication/publication.entity";
import { call, createTestRegion, tokenFor } from "../../../scripts/test/fixtures";
import { app } from "../app";

describe("the media plan", async () => {
  const { school, users } = await createTestRegion("Регион медиаплана");
  const [curator, staff, viewer, admin] = await Promise.all([
    tokenFor(users.curator),
    tokenFor(users.staff),
    tokenFor(users.institution_viewer),
    tokenFor(users.region_admin),
  ]);
  const publication = {
    title: "Старт программы «Равный – равному»",
    date: "2026-09-03",
    channel: "social",
    format: "post_release",
    rubric: "Наставничество",
    url: "https://vk.com/wall-1_100",
    note: "Фото — с согласия родителей",
  };
  const listOf = async (token: string, query = "") => (await call(app, "GET", `/api/publications${query}`, { token })).json;

  it("the working group records, corrects and deletes publications; the head reads them; the region has no access", async () => {
    const created = await call(app, "POST", "/api/publications", { token: staff, body: publication });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ ...publication, version: 1 });
    const { publicationId } = created.json;
    const older = await call(app, "POST", "/api/publications", {
      token: curator,
      body: { title: "Итоги года наставничества", date: "2025-12-20", channel: "site", format: "digest" },
    });
    expect(older.status, older.text).toBe(201);

    expect((await listOf(viewer)).items.map((p: { publicationId: string }) => p.publicationId)).toEqual([
      publicationId,
      older.json.publicationId,
    ]);
    expect((await listOf(curator, "?year=2025")).items.map((p: { publicationId: string }) => p.publicationId)).toEqual([
      older.json.publicationId,
    ]);

    const { url: _u, note: _n, ...withoutLinkAndNote } = publication;
    const edited = await call(app, "PUT", `/api/publications/${publicationId}`, {
      token: curator,
      body: { ...withoutLinkAndNote, format: "photo_album", version: 1 },
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.json).toMatchObject({ format: "photo_album", version: 2 });
    const stored = (await PublicationEntity.get({ tenantId: school.tenantId, publicationId }).go()).data;
    expect(stored).not.toHaveProperty("url");
    expect(stored).not.toHaveProperty("note");

    const stale = await call(app, "PUT", `/api/publications/${publicationId}`, { token: staff, body: { ...publication, version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({ code: "record.stale_version", details: { current: { format: "photo_album", version: 2 } } });
    expect((await call(app, "DELETE", `/api/publications/${publicationId}?version=1`, { token: staff })).status).toBe(409);

    expect((await call(app, "POST", "/api/publications", { token: viewer, body: publication })).status).toBe(403);
    expect((await call(app, "GET", "/api/publications", { token: admin })).status).toBe(403);

    expect((await call(app, "DELETE", `/api/publications/${publicationId}?version=2`, { token: staff })).status).toBe(200);
    expect((await PublicationEntity.get({ tenantId: school.tenantId, publicationId }).go()).data).toBeNull();
    const missing = await call(app, "PUT", `/api/publications/${publicationId}`, { token: staff, body: { ...publication, version: 2 } });
    expect(missing.status).toBe(404);
    expect(missing.json.error).toMatchObject({ code: "publication.not_found", message: "Публикация не найдена" });
    const log = (await listAudit(auditScope.tenant(school.tenantId))).items.filter((e) => e.target === publicationId);
    expect(log.map((e) => e.action).sort()).toEqual(["publication.create", "publication.delete", "publication.update"]);
  });

  it("says how long ago the last publication was, counting none of the planned ones", async () => {
    const other = await createTestRegion("Регион медиаплана: периодичность");
    const token = await tokenFor(other.users.curator);
    const empty = await listOf(token);
    expect(empty).toEqual({ items: [], cadence: { today: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), overdue: true } });
    const { today } = empty.cadence;
    const publish = async (daysFromToday: number) => {
      const body = { ...publication, date: addDays(today, daysFromToday) };
      expect((await call(app, "POST", "/api/publications", { token, body })).status).toBe(201);
    };

    await publish(-10);
    expect((await listOf(token)).cadence).toEqual({ today, lastPublished: addDays(today, -10), daysSinceLast: 10, overdue: true });
    await publish(5); // planned: not yet published
    expect((await listOf(token)).cadence).toMatchObject({ lastPublished: addDays(today, -10), overdue: true });
    await publish(-3);
    const cadence = { today, lastPublished: addDays(today, -3), daysSinceLast: 3, overdue: false };
    expect((await listOf(token)).cadence).toEqual(cadence);
    // A year's list keeps the cadence over all the publications, even a year without any.
    const lastYear = await listOf(token, `?year=${Number(today.slice(0, 4)) - 1}`);
    expect(lastYear).toEqual({ items: [], cadence });
  });

  it("refuses bad input with Russian messages and writes nothing", async () => {
    const before = (await listOf(curator)).items.length;
    const bad = await call(app, "POST", "/api/publications", {
      token: curator,
      body: { ...publication, title: " ", date: "03.09.2026", channel: "tv", format: "poem", url: "vk.com/wall" },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.fields).toEqual([
      { path: "title", message: "Заполните поле «Заголовок или тема»" },
      { path: "date", message: "Поле «Дата»: укажите существующую дату в формате ДД.ММ.ГГГГ" },
      { path: "channel", message: "Выберите канал" },
      { path: "format", message: "Выберите форму материала" },
      { path: "url", message: "Ссылка должна начинаться с http:// или https://" },
    ]);
    const year = await call(app, "GET", "/api/publications?year=26", { token: curator });
    expect(year.status).toBe(400);
    expect(year.json.error.details.fields).toEqual([{ path: "year", message: "Год — четыре цифры, например 2026" }]);
    expect((await listOf(curator)).items.length).toBe(before);
  });
});
