import { Hono } from "hono/tiny";
import { InviteInput, Invitation } from "@rnc/core/invitation";
import { Region, RegionInput } from "@rnc/core/region";
import { body, op } from "../openapi";

export const regions = new Hono()
  .get(
    "/",
    op({ tag: "regions", summary: "Регионы (администратор платформы — все, сотрудники РНЦ — свой)", permission: "regions.read" }),
    async (c) => c.json({ items: await Region.list() }),
  )
  .post(
    "/",
    op({ tag: "platform", summary: "Создать регион (РНЦ)", permission: "regions.manage", responses: { 409: "Код региона занят" } }),
    body(RegionInput),
    async (c) => c.json(await Region.create(c.req.valid("json")), 201),
  )
  .get(
    "/:regionId",
    op({ tag: "regions", summary: "Регион", permission: "regions.read", responses: { 404: "Регион не найден" } }),
    async (c) => c.json(await Region.get(c.req.param("regionId"))),
  )
  .post(
    "/:regionId/invitations",
    op({
      tag: "platform",
      summary: "Пригласить администратора РНЦ",
      permission: "regions.manage",
      responses: { 404: "Регион не найден", 409: "Адрес уже зарегистрирован" },
    }),
    body(InviteInput),
    async (c) => c.json(await Invitation.create(c.req.valid("json"), c.req.param("regionId")), 201),
  );
