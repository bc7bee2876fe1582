import { describe, expect, it } from "vitest";
import { auditScope, listAudit } from "@rnc/core/audit";
import { Stats } from "@rnc/core/stats";
import { TrainingEntity } from "@rnc/core/training/training.entity";
import { call, createTestRegion, tokenFor } from "../../../scripts/test/fixtures";
import { app } from "../app";

describe("the mentor-training log", async () => {
  const { school, users } = await createTestRegion("Регион обучения наставников");
  const [curator, staff, viewer, admin] = await Promise.all([
    tokenFor(users.curator),
    tokenFor(users.staff),
    tokenFor(users.institution_viewer),
    tokenFor(users.region_admin),
  ]);
  const event = {
    title: "Установочная сессия для наставников",
    kind: "seminar",
    date: "2026-10-14",
    organiser: "Муниципальный наставнический центр",
    participants: 12,
    certificates: true,
    note: "Материалы — в методической копилке",
  };

  it("the working group records, corrects and deletes events; the head reads them; the region has no access", async () => {
    const created = await call(app, "POST", "/api/trainings", { token: staff, body: event });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ ...event, version: 1 });
    const { trainingId } = created.json;

    const { note: _, ...withoutNote } = event;
    const edited = await call(app, "PUT", `/api/trainings/${trainingId}`, {
      token: curator,
      body: { ...withoutNote, participants: 14, version: 1 },
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.json).toMatchObject({ participants: 14, version: 2 });
    expect((await TrainingEntity.get({ tenantId: school.tenantId, trainingId }).go()).data).not.toHaveProperty("note");

    const stale = await call(app, "PUT", `/api/trainings/${trainingId}`, { token: staff, body: { ...event, version: 1 } });
    expect(stale.json.error).toMatchObject({ code: "record.stale_version", details: { current: { participants: 14, version: 2 } } });

    const list = await call(app, "GET", "/api/trainings", { token: viewer });
    expect(list.json.items.map((t: { trainingId: string }) => t.trainingId)).toContain(trainingId);
    expect((await call(app, "POST", "/api/trainings", { token: viewer, body: event })).status).toBe(403);
    expect((await call(app, "GET", "/api/trainings", { token: admin })).status).toBe(403);

    expect((await call(app, "DELETE", `/api/trainings/${trainingId}?version=2`, { token: staff })).status).toBe(200);
    expect((await TrainingEntity.get({ tenantId: school.tenantId, trainingId }).go()).data).toBeNull();
    const log = (await listAudit(auditScope.tenant(school.tenantId))).items.filter((e) => e.target === trainingId);
    expect(log.map((e) => e.action).sort()).toEqual(["training.create", "training.delete", "training.update"]);
  });

  it("refuses bad input with Russian messages and writes nothing", async () => {
    const before = (await call(app, "GET", "/api/trainings", { token: curator })).json.items.length;
    const bad = await call(app, "POST", "/api/trainings", {
      token: curator,
      body: { ...event, title: "", kind: "party", date: "2026-02-30", participants: -1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.fields).toEqual([
      { path: "title", message: "Заполните поле «Название мероприятия»" },
      { path: "kind", message: "Выберите вид мероприятия" },
      { path: "date", message: "Поле «Дата»: укажите существующую дату в формате ДД.ММ.ГГГГ" },
      { path: "participants", message: "Поле «Участников» не может быть отрицательным" },
    ]);
    expect((await call(app, "GET", "/api/trainings", { token: curator })).json.items.length).toBe(before);
  });

  it("counts its events in the institution's counters by year, in the same transactions, as a recomputation does", async () => {
    const year = (date: string) => date.slice(0, 4);
    const counters = async () => {
      const counts = await Stats.counts(school.tenantId);
      return [counts[`trainings#${year(event.date)}`] ?? 0, counts[`trainingParticipants#${year(event.date)}`] ?? 0] as const;
    };
    const [events, participants] = await counters();
    const created = (await call(app, "POST", "/api/trainings", { token: curator, body: event })).json;
    expect(await counters()).toEqual([events + 1, participants + event.participants]);
    const { trainingId, createdAt: _c, updatedAt: _u, ...fields } = created;
    // Moved to the year before: it leaves this year's counters.
    const moved = await call(app, "PUT", `/api/trainings/${trainingId}`, { token: curator, body: { ...fields, date: "2025-12-31" } });
    expect(moved.status, moved.text).toBe(200);
    expect(await counters()).toEqual([events, participants]);
    expect((await Stats.counts(school.tenantId))["trainings#2025"]).toBeGreaterThanOrEqual(1);
    expect((await Stats.check(school.tenantId)).differences).toEqual([]);
    expect((await call(app, "DELETE", `/api/trainings/${trainingId}?version=2`, { token: curator })).status).toBe(200);
    expect((await Stats.check(school.tenantId)).differences).toEqual([]);
  });
});
