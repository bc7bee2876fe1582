import { describe, expect, it, vi } from "vitest";
import { auditScope, listAudit } from "@rnc/core/audit";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { ddb, tableName } from "@rnc/core/dynamo";
import { indexTrainings } from "@rnc/core/training/legacy";
import { TrainingEntity } from "@rnc/core/training/training.entity";
import { call, createTestRegion, tokenFor } from "../../../scripts/test/fixtures";
import { app } from "../app";

describe("the mentor-training log", async () => {
  const { region, school, users } = await createTestRegion("Регион обучения наставников");
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

  it("migrates events logged before the region's report counted them onto the region index", async () => {
    const created = (await call(app, "POST", "/api/trainings", { token: curator, body: event })).json;
    const { Key } = TrainingEntity.get({ tenantId: school.tenantId, trainingId: created.trainingId }).params() as {
      Key: Record<string, string>;
    };
    const { gsi1pk: _pk, gsi1sk: _sk, ...legacy } = (await ddb.send(new GetCommand({ TableName: tableName(), Key }))).Item!;
    await ddb.send(new PutCommand({ TableName: tableName(), Item: legacy }));
    const indexed = async () =>
      (await TrainingEntity.query.byRegion({ regionId: region.regionId }).go({ pages: "all" })).data.map((t) => t.trainingId);
    expect(await indexed()).not.toContain(created.trainingId);
    expect(await indexTrainings(school.tenantId)).toBe(1);
    expect(await indexed()).toContain(created.trainingId);
    expect((await TrainingEntity.get({ tenantId: school.tenantId, trainingId: created.trainingId }).go()).data).toMatchObject(event);
    expect(await indexTrainings(school.tenantId)).toBe(0);
  });

  it("an event edited while the migration writes it is read again and written as edited", async () => {
    const created = (await call(app, "POST", "/api/trainings", { token: curator, body: event })).json;
    const { trainingId } = created;
    const { Key } = TrainingEntity.get({ tenantId: school.tenantId, trainingId }).params() as { Key: Record<string, string> };
    const { gsi1pk: _pk, gsi1sk: _sk, ...legacy } = (await ddb.send(new GetCommand({ TableName: tableName(), Key }))).Item!;
    await ddb.send(new PutCommand({ TableName: tableName(), Item: legacy }));
    // The edit lands between the migration's read and its first write (an edit does not write the region key).
    const send = ddb.send.bind(ddb);
    let edited = false;
    const spy = vi.spyOn(ddb, "send").mockImplementation((async (command: PutCommand) => {
      if (!edited && command instanceof PutCommand && command.input.Item?.trainingId === trainingId) {
        edited = true;
        const { createdAt: _c, updatedAt: _u, trainingId: _t, ...fields } = created;
        const edit = await call(app, "PUT", `/api/trainings/${trainingId}`, { token: staff, body: { ...fields, participants: 30 } });
        expect(edit.status, edit.text).toBe(200);
      }
      return send(command);
    }) as typeof ddb.send);
    try {
      expect(await indexTrainings(school.tenantId)).toBe(1);
    } finally {
      spy.mockRestore();
    }
    expect(edited).toBe(true);
    const indexed = (await TrainingEntity.query.byRegion({ regionId: region.regionId }).go({ pages: "all" })).data;
    expect(indexed.find((t) => t.trainingId === trainingId)).toMatchObject({ participants: 30, version: 2 });
  });
});
