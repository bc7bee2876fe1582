import { Hono } from "hono";
import { Institution, InstitutionInput, InstitutionUpdate } from "@rnc/core/institution";
import { z } from "@rnc/core/zod";
import { body, op, query } from "../openapi";

const ListQuery = z.object({ status: z.optional(z.enum(["active", "suspended", "archived"])) });
const notFound = { 404: "Организация не найдена" };

export const institutions = new Hono()
  .get("/", op({ tag: "institutions", summary: "Организации региона", permission: "institutions.read" }), query(ListQuery), async (c) =>
    c.json({ items: await Institution.list(c.req.valid("query")) }),
  )
  .post(
    "/",
    op({ tag: "institutions", summary: "Создать организацию", permission: "institutions.manage", responses: { 409: "Название занято" } }),
    body(InstitutionInput),
    async (c) => c.json(await Institution.create(c.req.valid("json")), 201),
  )
  .get(
    "/own",
    op({ tag: "institutions", summary: "Своя организация (для сотрудников организации)", permission: "institution.profile.read" }),
    async (c) => c.json(await Institution.own()),
  )
  .get("/:tenantId", op({ tag: "institutions", summary: "Организация", permission: "institutions.read", responses: notFound }), async (c) =>
    c.json(await Institution.get(c.req.param("tenantId"))),
  )
  .put(
    "/:tenantId",
    op({
      tag: "institutions",
      summary: "Изменить организацию",
      permission: "institutions.manage",
      responses: { ...notFound, 409: "Версия устарела или название занято" },
    }),
    body(InstitutionUpdate),
    async (c) => c.json(await Institution.update(c.req.param("tenantId"), c.req.valid("json"))),
  )
  .post(
    "/:tenantId/suspend",
    op({ tag: "institutions", summary: "Приостановить работу организации", permission: "institutions.manage", responses: notFound }),
    async (c) => c.json(await Institution.setStatus(c.req.param("tenantId"), "suspended")),
  )
  .post(
    "/:tenantId/activate",
    op({ tag: "institutions", summary: "Возобновить работу организации", permission: "institutions.manage", responses: notFound }),
    async (c) => c.json(await Institution.setStatus(c.req.param("tenantId"), "active")),
  )
  .post(
    "/:tenantId/archive",
    op({ tag: "institutions", summary: "Перевести организацию в архив", permission: "institutions.manage", responses: notFound }),
    async (c) => c.json(await Institution.setStatus(c.req.param("tenantId"), "archived")),
  );
