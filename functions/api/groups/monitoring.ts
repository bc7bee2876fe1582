import { Hono } from "hono/tiny";
import { kpi } from "../routes/kpi";
import { monitoring } from "../routes/monitoring";
import { practices } from "../routes/practices";

/** Monitoring campaigns and submissions, the annual count, KPI targets, and the best practices sent to the region. */
export const routes = new Hono().route("/api/monitoring", monitoring).route("/api/kpi", kpi).route("/api/practices", practices);
