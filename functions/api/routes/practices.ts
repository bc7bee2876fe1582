import { Hono } from "hono/tiny";
import { Practice, PracticeInput, PracticeUpdate, PublishInput, ReturnInput, VersionInput } from "@rnc/core/practice";
import { VersionQuery } from "@rnc/core/schemas";
import { body, op, query } from "../openapi";

const tag = "practices" as const;
const missing = { 404: "Практика не найдена" };
const conflict = { ...missing, 409: "Версия устарела или практика уже отправлена (в ответе — текущее состояние)" };

/** Best practices: the institution's own (written, sent to the region) and the region's review of those sent. */
export const practices = new Hono()
  .get("/", op({ tag, summary: "Лучшие практики своей организации", permission: "practices.read" }), async (c) =>
    c.json(await Practice.list()),
  )
  .post("/", op({ tag, summary: "Добавить практику (черновик)", permission: "practices.write" }), body(PracticeInput), async (c) =>
    c.json(await Practice.create(c.req.valid("json")), 201),
  )
  .get("/region", op({ tag, summary: "Практики, отправленные организациями региона", permission: "practices.region_read" }), async (c) =>
    c.json(await Practice.regionList()),
  )
  .post(
    "/region/:tenantId/:practiceId/publish",
    op({ tag, summary: "Отметить практику опубликованной на платформе РНЦ", permission: "practices.review", responses: conflict }),
    body(PublishInput),
    async (c) => c.json(await Practice.publish(c.req.param("tenantId"), c.req.param("practiceId"), c.req.valid("json"))),
  )
  .post(
    "/region/:tenantId/:practiceId/return",
    op({ tag, summary: "Вернуть практику организации на доработку", permission: "practices.review", responses: conflict }),
    body(ReturnInput),
    async (c) => c.json(await Practice.return(c.req.param("tenantId"), c.req.param("practiceId"), c.req.valid("json"))),
  )
  .get("/:practiceId", op({ tag, summary: "Практика своей организации", permission: "practices.read", responses: missing }), async (c) =>
    c.json(await Practice.get(c.req.param("practiceId"))),
  )
  .put(
    "/:practiceId",
    op({ tag, summary: "Изменить черновик практики", permission: "practices.write", responses: conflict }),
    body(PracticeUpdate),
    async (c) => c.json(await Practice.update(c.req.param("practiceId"), c.req.valid("json"))),
  )
  .delete(
    "/:practiceId",
    op({ tag, summary: "Удалить черновик практики", permission: "practices.write", responses: conflict }),
    query(VersionQuery),
    async (c) => {
      await Practice.remove(c.req.param("practiceId"), c.req.valid("query").version);
      return c.json({ ok: true });
    },
  )
  .post(
    "/:practiceId/send",
    op({ tag, summary: "Отправить практику в РНЦ", permission: "practices.send", responses: conflict }),
    body(VersionInput),
    async (c) => c.json(await Practice.send(c.req.param("practiceId"), c.req.valid("json"))),
  );
