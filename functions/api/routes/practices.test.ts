import { describe, expect, it } from "vitest";
import { auditScope, listAudit } from "@rnc/core/audit";
import { PracticeEntity } from "@rnc/core/practice/practice.entity";
import { call, createTestRegion, tokenFor } from "../../../scripts/test/fixtures";
import { interleave } from "../../../scripts/test/transactions";
import { app } from "../app";

describe("best practices", async () => {
  const { school, users } = await createTestRegion("Регион практик");
  const other = await createTestRegion("Чужой регион практик");
  const [curator, staff, viewer, admin, analyst, foreignAdmin] = await Promise.all([
    tokenFor(users.curator),
    tokenFor(users.staff),
    tokenFor(users.institution_viewer),
    tokenFor(users.region_admin),
    tokenFor(users.region_viewer),
    tokenFor(other.users.region_admin),
  ]);
  const practice = {
    title: "Наставнический клуб «Шаг вперёд»",
    description: "Еженедельные встречи старшеклассников-наставников с пятиклассниками: адаптация к средней школе.",
    form: "pupil_pupil",
    authors: "Педагоги-наставники МБОУ СОШ № 1",
    sourceEvent: "Итоговая конференция наставников",
    siteUrl: "https://school1.example.org/nastavnichestvo/shag",
  };
  const regionList = async (token = admin) =>
    (await call(app, "GET", "/api/practices/region", { token })).json.items as { practiceId: string; title: string }[];

  it("the institution writes a practice, changes it while a draft, and sends it; the region sees it only once sent", async () => {
    const created = await call(app, "POST", "/api/practices", { token: staff, body: practice });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ ...practice, status: "draft", version: 1 });
    expect(created.json).not.toHaveProperty("tenantId");
    const { practiceId } = created.json;
    expect(await regionList()).toEqual([]);

    // Replacing the fields clears one left out.
    const { authors: _, ...withoutAuthors } = practice;
    const edited = await call(app, "PUT", `/api/practices/${practiceId}`, {
      token: staff,
      body: { ...withoutAuthors, title: "Клуб «Шаг вперёд»", version: 1 },
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.json).toMatchObject({ title: "Клуб «Шаг вперёд»", version: 2 });
    expect(edited.json).not.toHaveProperty("authors");
    expect((await PracticeEntity.get({ tenantId: school.tenantId, practiceId }).go()).data).not.toHaveProperty("authors");

    const stale = await call(app, "PUT", `/api/practices/${practiceId}`, { token: staff, body: { ...practice, version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({ code: "record.stale_version", details: { current: { version: 2 } } });

    // Sending is the curator's: staff and the head may not.
    expect((await call(app, "POST", `/api/practices/${practiceId}/send`, { token: staff, body: { version: 2 } })).status).toBe(403);
    expect((await call(app, "POST", "/api/practices", { token: viewer, body: practice })).status).toBe(403);
    const sent = await call(app, "POST", `/api/practices/${practiceId}/send`, { token: curator, body: { version: 2 } });
    expect(sent.status, sent.text).toBe(200);
    expect(sent.json).toMatchObject({ status: "sent", institutionName: school.shortName, version: 3 });

    const locked = await call(app, "PUT", `/api/practices/${practiceId}`, { token: staff, body: { ...practice, version: 3 } });
    expect(locked.status).toBe(409);
    expect(locked.json.error.code).toBe("practice.not_draft");
    expect(locked.json.error.message).toBe("Практика уже отправлена в РНЦ: изменить её можно, если РНЦ вернёт её на доработку");
    expect((await call(app, "DELETE", `/api/practices/${practiceId}?version=3`, { token: staff })).status).toBe(409);

    const seen = await call(app, "GET", "/api/practices/region", { token: analyst });
    expect(seen.json.items).toEqual([
      expect.objectContaining({
        practiceId,
        tenantId: school.tenantId,
        title: "Клуб «Шаг вперёд»",
        status: "sent",
        institutionName: school.shortName,
      }),
    ]);
    expect(await regionList(foreignAdmin)).toEqual([]);

    const log = (await listAudit(auditScope.tenant(school.tenantId))).items.filter((e) => e.target === practiceId);
    expect(log.map((e) => e.action).sort()).toEqual(["practice.create", "practice.send", "practice.update"]);
  });

  it("the region returns a practice with a comment (a draft again, the comment kept until it is sent again) or publishes it with the address", async () => {
    const { practiceId } = (await call(app, "POST", "/api/practices", { token: curator, body: practice })).json;
    await call(app, "POST", `/api/practices/${practiceId}/send`, { token: curator, body: { version: 1 } });
    const path = `/api/practices/region/${school.tenantId}/${practiceId}`;

    expect(
      (await call(app, "POST", `${path}/return`, { token: analyst, body: { comment: "Добавьте результаты", version: 2 } })).status,
    ).toBe(403);
    const foreign = await call(app, "POST", `${path}/return`, { token: foreignAdmin, body: { comment: "Чужой", version: 2 } });
    expect(foreign.status).toBe(404);
    expect(foreign.json.error.code).toBe("practice.not_found");

    const emptyComment = await call(app, "POST", `${path}/return`, { token: admin, body: { comment: "  ", version: 2 } });
    expect(emptyComment.status).toBe(400);
    expect(emptyComment.json.error.details.fields).toEqual([{ path: "comment", message: "Заполните поле «Комментарий»" }]);

    const returned = await call(app, "POST", `${path}/return`, { token: admin, body: { comment: "Добавьте результаты", version: 2 } });
    expect(returned.status, returned.text).toBe(200);
    expect(returned.json).toMatchObject({ status: "draft", returnComment: "Добавьте результаты", version: 3 });
    // Returned, it is the institution's draft again: gone from the region's list.
    expect((await regionList()).map((p) => p.practiceId)).not.toContain(practiceId);
    const own = (await call(app, "GET", `/api/practices/${practiceId}`, { token: viewer })).json;
    expect(own).toMatchObject({ status: "draft", returnComment: "Добавьте результаты" });

    const resent = await call(app, "POST", `/api/practices/${practiceId}/send`, { token: curator, body: { version: 3 } });
    expect(resent.json).toMatchObject({ status: "sent", version: 4 });
    expect(resent.json).not.toHaveProperty("returnComment");

    const badUrl = await call(app, "POST", `${path}/publish`, { token: admin, body: { platformUrl: "platform.example.org", version: 4 } });
    expect(badUrl.status).toBe(400);
    expect(badUrl.json.error.details.fields).toEqual([{ path: "platformUrl", message: "Ссылка должна начинаться с http:// или https://" }]);
    const published = await call(app, "POST", `${path}/publish`, {
      token: admin,
      body: { platformUrl: "https://nastavnik.example.org/practices/42", version: 4 },
    });
    expect(published.status, published.text).toBe(200);
    expect(published.json).toMatchObject({ status: "published", platformUrl: "https://nastavnik.example.org/practices/42", version: 5 });
    const again = await call(app, "POST", `${path}/return`, { token: admin, body: { comment: "Поздно", version: 5 } });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("practice.already_published");
    expect((await call(app, "POST", `/api/practices/${practiceId}/send`, { token: curator, body: { version: 5 } })).json.error.code).toBe(
      "practice.not_draft",
    );
  });

  it("a draft is the institution's own: the region cannot act on it, and it can be deleted", async () => {
    const { practiceId } = (
      await call(app, "POST", "/api/practices", { token: curator, body: { title: "Черновик", description: "Текст" } })
    ).json;
    const review = await call(app, "POST", `/api/practices/region/${school.tenantId}/${practiceId}/publish`, {
      token: admin,
      body: { platformUrl: "https://nastavnik.example.org/x", version: 1 },
    });
    expect(review.status).toBe(404);
    expect((await regionList()).map((p) => p.title)).not.toContain("Черновик");

    expect((await call(app, "DELETE", `/api/practices/${practiceId}?version=7`, { token: staff })).json.error.code).toBe(
      "record.stale_version",
    );
    const deleted = await call(app, "DELETE", `/api/practices/${practiceId}?version=1`, { token: staff });
    expect(deleted.status, deleted.text).toBe(200);
    expect((await call(app, "GET", `/api/practices/${practiceId}`, { token: curator })).status).toBe(404);
  });

  it("a write that loses its race answers with what happened meanwhile, and writes nothing", async () => {
    const { practiceId } = (await call(app, "POST", "/api/practices", { token: curator, body: practice })).json;
    // Sent by the curator while a staff member's edit was on its way: the edit hears that the practice was sent.
    const send = () => call(app, "POST", `/api/practices/${practiceId}/send`, { token: curator, body: { version: 1 } });
    const edit = await interleave('"practice.update"', "before", send, () =>
      call(app, "PUT", `/api/practices/${practiceId}`, { token: staff, body: { ...practice, title: "Поздняя правка", version: 1 } }),
    );
    expect(edit.status).toBe(409);
    expect(edit.json.error.code).toBe("practice.not_draft");
    expect((await PracticeEntity.get({ tenantId: school.tenantId, practiceId }).go()).data).toMatchObject({
      title: practice.title,
      status: "sent",
    });

    // Two administrators decide at once: the one returning it after the other published it hears that it is published.
    const path = `/api/practices/region/${school.tenantId}/${practiceId}`;
    const publish = () =>
      call(app, "POST", `${path}/publish`, { token: admin, body: { platformUrl: "https://nastavnik.example.org/1", version: 2 } });
    const late = await interleave('"practice.return"', "before", publish, () =>
      call(app, "POST", `${path}/return`, { token: admin, body: { comment: "Доработайте", version: 2 } }),
    );
    expect(late.status).toBe(409);
    expect(late.json.error.code).toBe("practice.already_published");
  });

  it("refuses bad input with Russian messages and writes nothing", async () => {
    const before = (await call(app, "GET", "/api/practices", { token: curator })).json.items.length;
    const bad = await call(app, "POST", "/api/practices", {
      token: curator,
      body: { title: " ", description: "x".repeat(8001), form: "unknown", siteUrl: "school.example.org" },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.fields).toEqual([
      { path: "title", message: "Заполните поле «Название практики»" },
      { path: "description", message: "Поле «Описание практики» длиннее 8000 символов" },
      { path: "form", message: "Неизвестная форма наставничества" },
      { path: "siteUrl", message: "Ссылка должна начинаться с http:// или https://" },
    ]);
    expect((await call(app, "GET", "/api/practices", { token: curator })).json.items.length).toBe(before);
    expect((await call(app, "GET", "/api/practices/prc_not-an-id", { token: curator })).json.error.code).toBe("practice.not_found");
  });
});
