import { Hono } from "hono/tiny";
import { AccessMeasure, AccessMeasureInput, AccessMeasureUpdate } from "@rnc/core/accessibility";
import { VersionQuery } from "@rnc/core/schemas";
import { body, op, query } from "../openapi";

const tag = "accessibility" as const;
const conflict = { 404: "Мера не найдена", 409: "Версия устарела (в ответе — текущее состояние)" };

/** The institution's measures making its mentoring programmes accessible to categories of learners. */
export const accessibilityMeasures = new Hono()
  .get("/", op({ tag, summary: "Меры по обеспечению доступности", permission: "accessibility.read" }), async (c) =>
    c.json(await AccessMeasure.list()),
  )
  .post("/", op({ tag, summary: "Записать меру", permission: "accessibility.write" }), body(AccessMeasureInput), async (c) =>
    c.json(await AccessMeasure.create(c.req.valid("json")), 201),
  )
  .put(
    "/:measureId",
    op({ tag, summary: "Изменить меру", permission: "accessibility.write", responses: conflict }),
    body(AccessMeasureUpdate),
    async (c) => c.json(await AccessMeasure.update(c.req.param("measureId"), c.req.valid("json"))),
  )
  .delete(
    "/:measureId",
    op({ tag, summary: "Удалить меру", permission: "accessibility.write", responses: conflict }),
    query(VersionQuery),
    async (c) => {
      await AccessMeasure.remove(c.req.param("measureId"), c.req.valid("query").version);
      return c.json({ ok: true });
    },
  );
