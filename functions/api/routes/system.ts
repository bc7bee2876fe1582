import { Hono } from "hono/tiny";
import { jwks } from "@rnc/core/auth/keys";
import { checkStore } from "@rnc/core/health";
import { op } from "../openapi";

export const health = new Hono().get(
  "/health",
  op({ tag: "system", summary: "Состояние сервиса и хранилища", auth: "public", responses: { 503: "Хранилище недоступно" } }),
  async (c) => {
    await checkStore();
    return c.json({ status: "ok" as const });
  },
);

export const wellKnown = new Hono().get(
  "/jwks.json",
  op({ tag: "auth", summary: "Открытые ключи для проверки токенов (JWKS)", auth: "public" }),
  async (c) => {
    c.header("cache-control", "public, max-age=300");
    return c.json(await jwks());
  },
);
