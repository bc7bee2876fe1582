import { describe, expect, it } from "vitest";
import { auditScope, listAudit } from "@rnc/core/audit";
import { AccessMeasureEntity } from "@rnc/core/accessibility/access-measure.entity";
import { call, createTestRegion, tokenFor } from "../../../scripts/test/fixtures";
import { app } from "../app";

describe("accessibility measures", async () => {
  const { school, users } = await createTestRegion("Регион мер доступности");
  const [curator, staff, viewer, admin] = await Promise.all([
    tokenFor(users.curator),
    tokenFor(users.staff),
    tokenFor(users.institution_viewer),
    tokenFor(users.region_admin),
  ]);
  const measure = {
    category: "ovz",
    measure: "Встречи пар в доступном кабинете первого этажа; материалы крупным шрифтом",
    act: "Приказ № 112 от 30.09.2026",
    responsible: "Заместитель директора по УВР",
    dueDate: "2026-12-01",
    done: false,
  };
  const listOf = async (token: string) => (await call(app, "GET", "/api/accessibility-measures", { token })).json.items;

  it("the working group records, corrects and deletes measures, listed by category; the region has no access", async () => {
    const created = await call(app, "POST", "/api/accessibility-measures", { token: staff, body: measure });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ ...measure, version: 1 });
    const { measureId } = created.json;
    const forAll = await call(app, "POST", "/api/accessibility-measures", {
      token: curator,
      body: { category: "all", measure: "Дистанционный формат встреч по выбору пары", done: true },
    });
    expect(forAll.status, forAll.text).toBe(201);
    // «Все категории» comes first, then the categories in the registry's order.
    expect((await listOf(viewer)).map((m: { measureId: string }) => m.measureId)).toEqual([forAll.json.measureId, measureId]);

    const { act: _a, dueDate: _d, ...withoutActAndDate } = measure;
    const edited = await call(app, "PUT", `/api/accessibility-measures/${measureId}`, {
      token: curator,
      body: { ...withoutActAndDate, done: true, version: 1 },
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.json).toMatchObject({ done: true, version: 2 });
    const stored = (await AccessMeasureEntity.get({ tenantId: school.tenantId, measureId }).go()).data;
    expect(stored).not.toHaveProperty("act");
    expect(stored).not.toHaveProperty("dueDate");

    const stale = await call(app, "PUT", `/api/accessibility-measures/${measureId}`, { token: staff, body: { ...measure, version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({ code: "record.stale_version", details: { current: { done: true, version: 2 } } });
    expect((await call(app, "DELETE", `/api/accessibility-measures/${measureId}?version=1`, { token: staff })).status).toBe(409);

    expect((await call(app, "POST", "/api/accessibility-measures", { token: viewer, body: measure })).status).toBe(403);
    expect((await call(app, "GET", "/api/accessibility-measures", { token: admin })).status).toBe(403);

    expect((await call(app, "DELETE", `/api/accessibility-measures/${measureId}?version=2`, { token: staff })).status).toBe(200);
    expect((await AccessMeasureEntity.get({ tenantId: school.tenantId, measureId }).go()).data).toBeNull();
    const missing = await call(app, "DELETE", `/api/accessibility-measures/${measureId}?version=2`, { token: staff });
    expect(missing.status).toBe(404);
    expect(missing.json.error).toMatchObject({ code: "access_measure.not_found", message: "Мера не найдена" });
    const log = (await listAudit(auditScope.tenant(school.tenantId))).items.filter((e) => e.target === measureId);
    expect(log.map((e) => e.action).sort()).toEqual(["access_measure.create", "access_measure.delete", "access_measure.update"]);
  });

  it("an empty optional field, as a form sends it, is not stored, and an edit sending it empty clears it", async () => {
    const created = await call(app, "POST", "/api/accessibility-measures", {
      token: curator,
      body: { ...measure, act: "", responsible: " ", dueDate: "" },
    });
    expect(created.status, created.text).toBe(201);
    const { measureId } = created.json;
    for (const answer of [created.json, (await AccessMeasureEntity.get({ tenantId: school.tenantId, measureId }).go()).data]) {
      expect(answer).not.toHaveProperty("act");
      expect(answer).not.toHaveProperty("responsible");
      expect(answer).not.toHaveProperty("dueDate");
    }
    const dated = await call(app, "PUT", `/api/accessibility-measures/${measureId}`, { token: curator, body: { ...measure, version: 1 } });
    expect(dated.json).toMatchObject({ dueDate: measure.dueDate, act: measure.act, version: 2 });
    const cleared = await call(app, "PUT", `/api/accessibility-measures/${measureId}`, {
      token: curator,
      body: { ...measure, dueDate: "", act: "", version: 2 },
    });
    expect(cleared.status, cleared.text).toBe(200);
    const stored = (await AccessMeasureEntity.get({ tenantId: school.tenantId, measureId }).go()).data;
    expect(stored).toMatchObject({ responsible: measure.responsible, version: 3 });
    expect(stored).not.toHaveProperty("dueDate");
    expect(stored).not.toHaveProperty("act");
  });

  it("refuses bad input with Russian messages and writes nothing", async () => {
    const before = (await listOf(curator)).length;
    const bad = await call(app, "POST", "/api/accessibility-measures", {
      token: curator,
      body: { category: "registered", measure: "", dueDate: "2026-13-01", done: "да" },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.fields).toEqual([
      { path: "category", message: "Выберите категорию обучающихся" },
      { path: "measure", message: "Заполните поле «Мера»" },
      { path: "dueDate", message: "Поле «Срок»: укажите существующую дату в формате ДД.ММ.ГГГГ" },
      { path: "done", message: "Укажите, выполнена ли мера" },
    ]);
    expect((await listOf(curator)).length).toBe(before);
  });
});
