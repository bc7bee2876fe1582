import { Hono } from "hono/tiny";
import { Partner, PartnerInput, PartnerUpdate } from "@rnc/core/partner";
import { VersionQuery } from "@rnc/core/schemas";
import { body, op, query } from "../openapi";

const tag = "partners" as const;
const conflict = {
  404: "Организация-партнёр не найдена",
  409: "Версия устарела (в ответе — текущее состояние) или организация уже в списке",
};

/** The institution's partner organisations and their contracts. */
export const partners = new Hono()
  .get("/", op({ tag, summary: "Организации-партнёры", permission: "partners.read" }), async (c) => c.json(await Partner.list()))
  .post(
    "/",
    op({ tag, summary: "Добавить организацию-партнёра", permission: "partners.write", responses: { 409: "Организация уже в списке" } }),
    body(PartnerInput),
    async (c) => c.json(await Partner.create(c.req.valid("json")), 201),
  )
  .put(
    "/:partnerId",
    op({ tag, summary: "Изменить сведения об организации и её договоры", permission: "partners.write", responses: conflict }),
    body(PartnerUpdate),
    async (c) => c.json(await Partner.update(c.req.param("partnerId"), c.req.valid("json"))),
  )
  .delete(
    "/:partnerId",
    op({ tag, summary: "Удалить организацию из списка партнёров", permission: "partners.write", responses: conflict }),
    query(VersionQuery),
    async (c) => {
      await Partner.remove(c.req.param("partnerId"), c.req.valid("query").version);
      return c.json({ ok: true });
    },
  );
