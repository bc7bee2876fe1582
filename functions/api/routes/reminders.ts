import { Hono } from "hono/tiny";
import { PreferencesInput, Reminders } from "@rnc/core/reminders";
import * as z from "@rnc/core/zod";
import { body, op, query } from "../openapi";

const PreviewQuery = z.object({
  date: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Дата в формате ГГГГ-ММ-ДД" }))),
});

export const reminders = new Hono()
  .get("/preferences", op({ tag: "reminders", summary: "Мои настройки напоминаний" }), async (c) => c.json(await Reminders.preferences()))
  .put(
    "/preferences",
    op({ tag: "reminders", summary: "Изменить частоту дайджеста и необязательные напоминания" }),
    body(PreferencesInput),
    async (c) => c.json(await Reminders.setPreferences(c.req.valid("json"))),
  )
  .post(
    "/unsubscribe/:token",
    op({
      tag: "reminders",
      summary: "Отписаться от необязательных напоминаний (ссылка из письма, RFC 8058)",
      auth: "public",
      responses: { 400: "Ссылка недействительна" },
    }),
    async (c) => c.json(await Reminders.unsubscribe(c.req.param("token"))),
  )
  .get(
    "/preview/:userId",
    op({
      tag: "reminders",
      summary: "Предпросмотр дайджеста пользователя на дату (ничего не отправляется)",
      permission: "reminders.preview",
      responses: { 404: "Пользователь не найден" },
    }),
    query(PreviewQuery),
    async (c) => {
      // Every reminder source (roadmaps, monitoring, surveys, pairs) with its domain code: loaded only for an
      // admin's preview, not by the reminders Lambda's cold start.
      const { reminderSources } = await import("@rnc/core/reminders/registry");
      return c.json(await Reminders.preview(c.req.param("userId"), c.req.valid("query").date, reminderSources));
    },
  );
