import { describe, expect, it } from "vitest";
import { auditScope, listAudit } from "@rnc/core/audit";
import { addDays } from "@rnc/core/dates";
import { createId } from "@rnc/core";
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
    expect(created.json).toMatchObject({ ...publication, status: "published", version: 1 });
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

  it("keeps each publication's status; a planned one stays out of the weekly rule, even once its date has passed, until marked published", async () => {
    const other = await createTestRegion("Регион медиаплана: статусы");
    const token = await tokenFor(other.users.curator);
    const { today } = (await listOf(token)).cadence;
    const post = (body: object) => call(app, "POST", "/api/publications", { token, body: { ...publication, ...body } });
    const put = (publicationId: string, body: object) =>
      call(app, "PUT", `/api/publications/${publicationId}`, { token, body: { ...publication, ...body } });
    const statuses = async () =>
      (await listOf(token)).items.map((p: { title: string; status: string; version: number }) => [p.title, p.status, p.version]);

    // Left out, the status follows the date: today or earlier is published, later planned.
    const done = await post({ title: "Вышла", date: addDays(today, -9) });
    expect(done.status, done.text).toBe(201);
    expect(done.json).toMatchObject({ title: "Вышла", status: "published", version: 1 });
    const ahead = await post({ title: "Впереди", date: addDays(today, 4) });
    expect(ahead.json).toMatchObject({ status: "planned" });
    // A plan whose date has passed without it going out does not silence the weekly rule.
    const missed = await post({ title: "Не вышла", date: addDays(today, -2), status: "planned" });
    expect(missed.status, missed.text).toBe(201);
    expect(missed.json).toMatchObject({ status: "planned", version: 1 });
    // The status is stored, the one given or the date's: a plan stays planned once its date passes.
    const storedStatus = async (publicationId: string) =>
      (await PublicationEntity.get({ tenantId: other.school.tenantId, publicationId }).go()).data?.status;
    expect(await storedStatus(done.json.publicationId)).toBe("published");
    expect(await storedStatus(ahead.json.publicationId)).toBe("planned");
    expect(await storedStatus(missed.json.publicationId)).toBe("planned");
    const overdue = { today, lastPublished: addDays(today, -9), daysSinceLast: 9, overdue: true };
    expect((await listOf(token)).cadence).toEqual(overdue);
    const listed = [
      ["Впереди", "planned", 1],
      ["Не вышла", "planned", 1],
      ["Вышла", "published", 1],
    ];
    expect(await statuses()).toEqual(listed);

    // A publication dated after today cannot have come out: refused, and nothing is written.
    const future = {
      code: "publication.future_published",
      message: "Публикация с будущей датой ещё не могла выйти: отметьте её как запланированную",
    };
    const early = await post({ title: "Рано", date: addDays(today, 1), status: "published" });
    expect(early.status).toBe(400);
    expect(early.json.error).toMatchObject(future);
    const earlyEdit = await put(ahead.json.publicationId, { title: "Впереди", date: addDays(today, 4), status: "published", version: 1 });
    expect(earlyEdit.status).toBe(400);
    expect(earlyEdit.json.error).toMatchObject(future);
    expect(await statuses()).toEqual(listed);
    expect((await listOf(token)).cadence).toEqual(overdue);

    // Marked published (over the version read), it counts again.
    const marked = await put(missed.json.publicationId, { title: "Не вышла", date: addDays(today, -2), status: "published", version: 1 });
    expect(marked.status, marked.text).toBe(200);
    expect(marked.json).toMatchObject({ title: "Не вышла", status: "published", version: 2 });
    const onTime = { today, lastPublished: addDays(today, -2), daysSinceLast: 2, overdue: false };
    expect((await listOf(token)).cadence).toEqual(onTime);
    // Marked again over the version read before: someone else changed it meanwhile, nothing is written.
    const stale = await put(missed.json.publicationId, { title: "Не вышла", date: addDays(today, -2), status: "published", version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({ code: "record.stale_version", details: { current: { status: "published", version: 2 } } });
    // Set back to planned, it drops out again.
    expect(
      (await put(missed.json.publicationId, { title: "Не вышла", date: addDays(today, -2), status: "planned", version: 2 })).status,
    ).toBe(200);
    expect((await listOf(token)).cadence).toEqual(overdue);
  });

  it("reads a publication recorded before statuses were kept by its date: a past one is published and counts", async () => {
    const other = await createTestRegion("Регион медиаплана: записи без статуса");
    const token = await tokenFor(other.users.curator);
    const { today } = (await listOf(token)).cadence;
    const legacy = (title: string, date: string) =>
      PublicationEntity.create({
        tenantId: other.school.tenantId,
        regionId: other.region.regionId,
        publicationId: createId("publication"),
        title,
        date,
        channel: "site",
        format: "news",
        createdAt: `${date}T09:00:00.000Z`,
        updatedAt: `${date}T09:00:00.000Z`,
        version: 1,
      }).go();
    await legacy("Прошлая", addDays(today, -3));
    const { data: ahead } = await legacy("Будущая", addDays(today, 3));
    const list = await listOf(token);
    expect(list.items.map((p: { title: string; status: string }) => [p.title, p.status])).toEqual([
      ["Будущая", "planned"],
      ["Прошлая", "published"],
    ]);
    expect(list.cadence).toEqual({ today, lastPublished: addDays(today, -3), daysSinceLast: 3, overdue: false });

    // An edit that leaves the status out stores the date's: the plan stays planned once its date passes.
    const edited = await call(app, "PUT", `/api/publications/${ahead.publicationId}`, {
      token,
      body: { title: "Будущая", date: addDays(today, 3), channel: "site", format: "digest", version: 1 },
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.json).toMatchObject({ status: "planned", version: 2 });
    const stored = await PublicationEntity.get({ tenantId: other.school.tenantId, publicationId: ahead.publicationId }).go();
    expect(stored.data).toMatchObject({ format: "digest", status: "planned" });
  });

  it("refuses bad input with Russian messages and writes nothing", async () => {
    const before = (await listOf(curator)).items.length;
    const bad = await call(app, "POST", "/api/publications", {
      token: curator,
      body: { ...publication, title: " ", date: "03.09.2026", status: "done", channel: "tv", format: "poem", url: "vk.com/wall" },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.fields).toEqual([
      { path: "title", message: "Заполните поле «Заголовок или тема»" },
      { path: "date", message: "Поле «Дата»: укажите существующую дату в формате ДД.ММ.ГГГГ" },
      { path: "status", message: "Статус публикации: вышла (published) или запланирована (planned)" },
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
