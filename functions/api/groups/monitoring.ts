import { Hono } from "hono/tiny";
import { kpi } from "../routes/kpi";
import { monitoring } from "../routes/monitoring";

/** Monitoring campaigns and submissions, the annual count, and KPI targets. */
export const routes = new Hono().route("/api/monitoring", monitoring).route("/api/kpi", kpi);
