import { Hono } from "hono/tiny";
import {
  FromTemplateInput,
  ImportInput,
  ImportPreviewInput,
  ItemInput,
  ItemMove,
  ItemUpdate,
  Roadmap,
  RoadmapInput,
  RoadmapUpdate,
  SectionInput,
  SectionUpdate,
  TemplateDeadlinesInput,
  TemplateInput,
} from "@rnc/core/roadmap";
import { VersionQuery } from "@rnc/core/schemas";
import { body, op, query } from "../openapi";
import { attachment } from "../download";

const tag = "roadmaps" as const;
const notFound = { 404: "Дорожная карта, раздел или мероприятие не найдены" };
const stale = { 409: "Версия устарела (в ответе — текущее состояние) или дорожная карта в архиве" };

/** Roadmaps of the signed-in user's institution, the region's read-only views, and the public calendar feed. */
export const roadmaps = new Hono()
  .get("/roadmaps", op({ tag, summary: "Дорожные карты своей организации с прогрессом", permission: "roadmap.read" }), async (c) =>
    c.json({ items: await Roadmap.list() }),
  )
  .post("/roadmaps", op({ tag, summary: "Создать пустую дорожную карту", permission: "roadmap.manage" }), body(RoadmapInput), async (c) =>
    c.json(await Roadmap.create(c.req.valid("json")), 201),
  )
  .post(
    "/roadmaps/from-template",
    op({ tag, summary: "Создать дорожную карту по шаблону региона (или типовому) на учебный год", permission: "roadmap.manage" }),
    body(FromTemplateInput),
    async (c) => c.json(await Roadmap.fromTemplate(c.req.valid("json")), 201),
  )
  .post(
    "/roadmaps/import/preview",
    op({ tag, summary: "Предпросмотр импорта таблицы (ничего не сохраняет)", permission: "roadmap.manage" }),
    body(ImportPreviewInput),
    async (c) => c.json(await Roadmap.previewImport(c.req.valid("json"))),
  )
  .post(
    "/roadmaps/import",
    op({ tag, summary: "Импортировать дорожную карту из таблицы Word, XLSX или CSV", permission: "roadmap.manage" }),
    body(ImportInput),
    async (c) => c.json(await Roadmap.importTable(c.req.valid("json")), 201),
  )
  .get("/roadmaps/template", op({ tag, summary: "Шаблон дорожной карты региона", permission: "templates.manage" }), async (c) =>
    c.json(await Roadmap.template()),
  )
  .put(
    "/roadmaps/template",
    op({
      tag,
      summary: "Опубликовать шаблон дорожной карты региона",
      permission: "templates.manage",
      responses: { 409: "Версия устарела" },
    }),
    body(TemplateInput),
    async (c) => c.json(await Roadmap.saveTemplate(c.req.valid("json"))),
  )
  .delete("/roadmaps/template", op({ tag, summary: "Вернуть типовой шаблон", permission: "templates.manage" }), async (c) => {
    await Roadmap.resetTemplate();
    return c.json({ ok: true });
  })
  .post(
    "/roadmaps/template/deadlines",
    op({ tag, summary: "Как будут прочитаны сроки шаблона на учебный год (ничего не сохраняет)", permission: "templates.manage" }),
    body(TemplateDeadlinesInput),
    async (c) => c.json(await Roadmap.readTemplateDeadlines(c.req.valid("json"))),
  )
  .get(
    "/roadmaps/region/progress",
    op({ tag, summary: "Прогресс дорожных карт организаций региона", permission: "roadmap.region_read" }),
    async (c) => c.json(await Roadmap.regionProgress()),
  )
  .get(
    "/roadmaps/region/overdue",
    op({ tag, summary: "Просроченные мероприятия организаций региона", permission: "roadmap.region_read" }),
    async (c) => c.json(await Roadmap.regionOverdue()),
  )
  .post(
    "/roadmaps/calendar-link",
    op({ tag, summary: "Новая секретная ссылка на календарь сроков (старая перестаёт работать)", permission: "roadmap.manage" }),
    async (c) => c.json(await Roadmap.regenerateCalendarLink(), 201),
  )
  .get(
    "/calendar/:secret",
    op({
      tag,
      summary: "Календарь сроков организации (ICS) по секретной ссылке «…/<секрет>.ics»",
      auth: "public",
      produces: "text/calendar",
    }),
    async (c) => {
      const ics = await Roadmap.calendarFeed(c.req.param("secret"));
      return c.body(ics, 200, { "content-type": "text/calendar; charset=utf-8", "cache-control": "private, max-age=300" });
    },
  )
  .get("/roadmaps/:roadmapId", op({ tag, summary: "Дорожная карта", permission: "roadmap.read", responses: notFound }), async (c) =>
    c.json(await Roadmap.get(c.req.param("roadmapId"))),
  )
  .patch(
    "/roadmaps/:roadmapId",
    op({ tag, summary: "Изменить реквизиты или статус дорожной карты", permission: "roadmap.write", responses: { ...notFound, ...stale } }),
    body(RoadmapUpdate),
    async (c) => c.json(await Roadmap.update(c.req.param("roadmapId"), c.req.valid("json"))),
  )
  .delete(
    "/roadmaps/:roadmapId",
    op({
      tag,
      summary: "Удалить дорожную карту",
      permission: "roadmap.manage",
      responses: {
        ...notFound,
        409: "Версия устарела (в ответе — текущее состояние); удаление, начатое раньше, завершается с любой версией",
      },
    }),
    query(VersionQuery),
    async (c) => {
      await Roadmap.remove(c.req.param("roadmapId"), c.req.valid("query").version);
      return c.json({ ok: true });
    },
  )
  .get(
    "/roadmaps/:roadmapId/export.xlsx",
    op({
      tag,
      summary: "Выгрузка в XLSX (№ п/п, наименование, срок, ответственный, результат, статус)",
      permission: "roadmap.read",
      produces: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      responses: notFound,
    }),
    async (c) => {
      const file = await Roadmap.exportXlsx(c.req.param("roadmapId"));
      return c.body(file.content as Uint8Array<ArrayBuffer>, 200, {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": attachment(file.fileName),
      });
    },
  )
  .post(
    "/roadmaps/:roadmapId/sections",
    op({ tag, summary: "Добавить раздел", permission: "roadmap.write", responses: { ...notFound, ...stale } }),
    body(SectionInput),
    async (c) => c.json(await Roadmap.addSection(c.req.param("roadmapId"), c.req.valid("json")), 201),
  )
  .patch(
    "/roadmaps/:roadmapId/sections/:sectionId",
    op({ tag, summary: "Изменить или переместить раздел", permission: "roadmap.write", responses: { ...notFound, ...stale } }),
    body(SectionUpdate),
    async (c) => c.json(await Roadmap.updateSection(c.req.param("roadmapId"), c.req.param("sectionId"), c.req.valid("json"))),
  )
  .delete(
    "/roadmaps/:roadmapId/sections/:sectionId",
    op({
      tag,
      summary: "Удалить пустой раздел",
      permission: "roadmap.write",
      responses: { ...notFound, 409: "В разделе есть мероприятия" },
    }),
    async (c) => {
      await Roadmap.removeSection(c.req.param("roadmapId"), c.req.param("sectionId"));
      return c.json({ ok: true });
    },
  )
  .post(
    "/roadmaps/:roadmapId/items",
    op({ tag, summary: "Добавить мероприятие", permission: "roadmap.write", responses: { ...notFound, ...stale } }),
    body(ItemInput),
    async (c) => c.json(await Roadmap.addItem(c.req.param("roadmapId"), c.req.valid("json")), 201),
  )
  .patch(
    "/roadmaps/:roadmapId/items/:itemId",
    op({
      tag,
      summary: "Изменить мероприятие: тексты, срок, статус, дату выполнения, подтверждение",
      permission: "roadmap.write",
      responses: { ...notFound, ...stale },
    }),
    body(ItemUpdate),
    async (c) => c.json(await Roadmap.updateItem(c.req.param("roadmapId"), c.req.param("itemId"), c.req.valid("json"))),
  )
  .post(
    "/roadmaps/:roadmapId/items/:itemId/move",
    op({ tag, summary: "Переместить мероприятие", permission: "roadmap.write", responses: { ...notFound, ...stale } }),
    body(ItemMove),
    async (c) => c.json(await Roadmap.moveItem(c.req.param("roadmapId"), c.req.param("itemId"), c.req.valid("json"))),
  )
  .delete(
    "/roadmaps/:roadmapId/items/:itemId",
    op({ tag, summary: "Удалить мероприятие", permission: "roadmap.write", responses: { ...notFound, ...stale } }),
    query(VersionQuery),
    async (c) => {
      await Roadmap.removeItem(c.req.param("roadmapId"), c.req.param("itemId"), c.req.valid("query").version);
      return c.json({ ok: true });
    },
  );
