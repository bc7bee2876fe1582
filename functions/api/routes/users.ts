import { Hono } from "hono/tiny";
import { InviteInput, Invitation } from "@rnc/core/invitation";
import { User } from "@rnc/core/user";
import { institutionRef } from "@rnc/core/schemas";
import * as z from "@rnc/core/zod";
import { body, op, query } from "../openapi";

const ScopeQuery = z.object({ tenantId: institutionRef() });

export const users = new Hono()
  .get("/", op({ tag: "users", summary: "Пользователи региона или организации" }), query(ScopeQuery), async (c) =>
    c.json({ items: await User.list(c.req.valid("query").tenantId) }),
  )
  .post(
    "/:userId/disable",
    op({ tag: "users", summary: "Отключить пользователя", responses: { 404: "Пользователь не найден" } }),
    async (c) => c.json(await User.setStatus(c.req.param("userId"), "disabled")),
  )
  .post(
    "/:userId/enable",
    op({ tag: "users", summary: "Включить пользователя", responses: { 404: "Пользователь не найден" } }),
    async (c) => c.json(await User.setStatus(c.req.param("userId"), "active")),
  );

export const invitations = new Hono()
  .get("/", op({ tag: "users", summary: "Приглашения" }), query(ScopeQuery), async (c) =>
    c.json({ items: await Invitation.list(c.req.valid("query").tenantId) }),
  )
  .post(
    "/",
    op({
      tag: "users",
      summary: "Пригласить сотрудника по почте (ссылка действует 72 часа)",
      responses: { 409: "Адрес уже зарегистрирован" },
    }),
    body(InviteInput),
    async (c) => c.json(await Invitation.create(c.req.valid("json")), 201),
  )
  .post(
    "/:invitationId/revoke",
    op({ tag: "users", summary: "Отозвать приглашение", responses: { 404: "Приглашение не найдено" } }),
    query(ScopeQuery),
    async (c) => c.json(await Invitation.revoke(c.req.param("invitationId"), c.req.valid("query").tenantId)),
  );
