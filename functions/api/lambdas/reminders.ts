import { Hono } from "hono/tiny";
import { lambdaHandler } from "../lambda";
import { reminders } from "../routes/reminders";

/** Reminder preferences, the one-click unsubscribe link, and an admin's digest preview. */
export const routes = new Hono().route("/api/reminders", reminders);

export const handler = lambdaHandler(routes);
