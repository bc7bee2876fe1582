import { Hono } from "hono/tiny";
import { reminders } from "../routes/reminders";

/** Reminder preferences, the one-click unsubscribe link, and an admin's digest preview. */
export const routes = new Hono().route("/api/reminders", reminders);
