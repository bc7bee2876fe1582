import { describe, expect, it } from "vitest";
import { auditScope, listAudit } from "@rnc/core/audit";
import { PartnerEntity } from "@rnc/core/partner/partner.entity";
import { call, createTestRegion, tokenFor } from "../../../scripts/test/fixtures";
import { createActivePair } from "../../../scripts/test/region-fixtures";
import { interleave } from "../../../scripts/test/transactions";
import { app } from "../app";

describe("partner organisations", async () => {
  const { region, school, users } = await createTestRegion("Регион партнёров");
  const [curator, staff, viewer, admin] = await Promise.all([
    tokenFor(users.curator),
    tokenFor(users.staff),
    tokenFor(users.institution_viewer),
    tokenFor(users.region_admin),
  ]);
  const factory = {
    name: "ООО «Завод Прогресс»",
    kind: "employer",
    inList: true,
    providesCurator: true,
    contracts: [
      { kind: "agreement", number: "12/20", date: "2020-10-10" },
      { kind: "dual", date: "2024-09-01", validUntil: "2027-08-31" },
    ],
    note: "Цех № 3: наставники из числа мастеров",
  };

  it("the working group keeps the list with contracts; each partner shows its mentors who entered the programmes", async () => {
    // A mentor of the registry from the factory (its name written differently) in an active pair.
    await createActivePair({ regionId: region.regionId, tenantId: school.tenantId }, "Партнёров", { partnerOrg: "ооо завод прогресс" });
    const created = await call(app, "POST", "/api/partners", { token: staff, body: factory });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ ...factory, version: 1 });
    const { partnerId } = created.json;
    const other = await call(app, "POST", "/api/partners", {
      token: curator,
      body: { name: "Городской дом культуры", kind: "culture", inList: false, providesCurator: false, contracts: [] },
    });
    expect(other.status, other.text).toBe(201);

    const list = await call(app, "GET", "/api/partners", { token: viewer });
    expect(list.status).toBe(200);
    expect(list.json.items.map((p: { name: string; mentors: number }) => [p.name, p.mentors])).toEqual([
      ["Городской дом культуры", 0],
      ["ООО «Завод Прогресс»", 1],
    ]);

    const { note: _, ...withoutNote } = factory;
    const edited = await call(app, "PUT", `/api/partners/${partnerId}`, {
      token: curator,
      body: { ...withoutNote, contracts: [...factory.contracts, { kind: "practice", date: "2025-02-01" }], version: 1 },
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.json.contracts).toHaveLength(3);
    expect(edited.json.version).toBe(2);
    const stored = (await PartnerEntity.get({ tenantId: school.tenantId, partnerId }).go()).data;
    expect(stored).not.toHaveProperty("note");
    expect(stored?.contracts.map((c) => c.kind)).toEqual(["agreement", "dual", "practice"]);

    const stale = await call(app, "PUT", `/api/partners/${partnerId}`, { token: staff, body: { ...factory, version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({ code: "record.stale_version", details: { current: { version: 2 } } });

    expect((await call(app, "POST", "/api/partners", { token: viewer, body: factory })).status).toBe(403);
    expect((await call(app, "GET", "/api/partners", { token: admin })).status).toBe(403);

    expect((await call(app, "DELETE", `/api/partners/${partnerId}?version=2`, { token: staff })).status).toBe(200);
    expect((await PartnerEntity.get({ tenantId: school.tenantId, partnerId }).go()).data).toBeNull();
    const log = (await listAudit(auditScope.tenant(school.tenantId))).items.filter((e) => e.target === partnerId);
    expect(log.map((e) => e.action).sort()).toEqual(["partner.create", "partner.delete", "partner.update"]);
  });

  it("does not list the same organisation twice, however its name is written", async () => {
    const first = await call(app, "POST", "/api/partners", {
      token: curator,
      body: { name: "АНО «Ресурсный центр»", kind: "nko", inList: true, providesCurator: false, contracts: [] },
    });
    expect(first.status, first.text).toBe(201);
    const again = await call(app, "POST", "/api/partners", {
      token: staff,
      body: { name: "  ано ресурсный   центр ", kind: "nko", inList: false, providesCurator: false, contracts: [] },
    });
    expect(again.status).toBe(409);
    expect(again.json.error).toMatchObject({
      code: "partner.duplicate",
      message: "АНО «Ресурсный центр» уже есть в списке партнёров",
      details: { partnerId: first.json.partnerId },
    });
  });

  it("keeps one organisation once when two add it at the same moment, and frees the name when it is renamed or deleted", async () => {
    const body = { name: "ООО «Технопарк»", kind: "employer", inList: true, providesCurator: false, contracts: [] };
    const result = await interleave(
      "partner.create",
      "before",
      async () => expect((await call(app, "POST", "/api/partners", { token: staff, body })).status).toBe(201),
      () => call(app, "POST", "/api/partners", { token: curator, body: { ...body, name: "ооо технопарк" } }),
    );
    expect(result.status).toBe(409);
    expect(result.json.error.code).toBe("partner.duplicate");
    const named = async (name: string) =>
      (await call(app, "GET", "/api/partners", { token: curator })).json.items.filter((p: { name: string }) => p.name === name);
    const [kept] = await named("ООО «Технопарк»");
    expect(await named("ооо технопарк")).toEqual([]);

    // Renamed onto another organisation's name: refused; renamed to a new one: the old name is free again.
    const other = await call(app, "POST", "/api/partners", { token: curator, body: { ...body, name: "ООО «Другая»" } });
    const edit = (name: string, version: number) =>
      call(app, "PUT", `/api/partners/${kept.partnerId}`, { token: curator, body: { ...body, name, version } });
    expect((await edit("ООО «Другая»", 1)).json.error.code).toBe("partner.duplicate");
    expect((await edit("ООО «Технопарк плюс»", 1)).status).toBe(200);
    const again = await call(app, "POST", "/api/partners", { token: curator, body });
    expect(again.status, again.text).toBe(201);
    expect((await call(app, "DELETE", `/api/partners/${other.json.partnerId}?version=1`, { token: curator })).status).toBe(200);
    expect((await call(app, "POST", "/api/partners", { token: curator, body: { ...body, name: "ООО «Другая»" } })).status).toBe(201);
  });

  it("refuses bad input with Russian messages and writes nothing", async () => {
    const before = (await call(app, "GET", "/api/partners", { token: curator })).json.items.length;
    const bad = await call(app, "POST", "/api/partners", {
      token: curator,
      body: {
        ...factory,
        name: " ",
        kind: "bank",
        contracts: [
          { kind: "dual", date: "2025-09-01", validUntil: "2025-06-30" },
          { kind: "lease", date: "2025-13-01" },
        ],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.fields).toEqual([
      { path: "name", message: "Заполните поле «Название организации»" },
      { path: "kind", message: "Выберите тип организации" },
      { path: "contracts.1.kind", message: "Выберите вид договора" },
      { path: "contracts.1.date", message: "Поле «Дата заключения»: укажите существующую дату в формате ДД.ММ.ГГГГ" },
    ]);
    const backwards = await call(app, "POST", "/api/partners", {
      token: curator,
      body: { ...factory, name: "ИП Сроков", contracts: [{ kind: "dual", date: "2025-09-01", validUntil: "2025-06-30" }] },
    });
    expect(backwards.status).toBe(400);
    expect(backwards.json.error.details.fields).toEqual([
      { path: "contracts.0.validUntil", message: "Срок действия договора не может закончиться раньше его заключения" },
    ]);
    expect((await call(app, "GET", "/api/partners", { token: curator })).json.items.length).toBe(before);
  });

  it("an edit that lands after another's read of the same version writes nothing and says so", async () => {
    const created = await call(app, "POST", "/api/partners", {
      token: curator,
      body: { name: "Технический университет", kind: "university", inList: true, providesCurator: false, contracts: [] },
    });
    const { partnerId, createdAt: _c, updatedAt: _u, ...fields } = created.json;
    const body = { ...fields, version: 1 };
    const result = await interleave(
      partnerId,
      "before",
      () => call(app, "PUT", `/api/partners/${partnerId}`, { token: staff, body: { ...body, providesCurator: true } }),
      () => call(app, "PUT", `/api/partners/${partnerId}`, { token: curator, body: { ...body, inList: false } }),
    );
    expect(result.status).toBe(409);
    expect(result.json.error.details.current).toMatchObject({ providesCurator: true, inList: true, version: 2 });
    expect((await PartnerEntity.get({ tenantId: school.tenantId, partnerId }).go()).data).toMatchObject({
      providesCurator: true,
      inList: true,
      version: 2,
    });
  });
});
