import { Hono } from "hono/tiny";
import { reports } from "../routes/reports";
import { stats } from "../routes/stats";

/** Regional and institution statistics, and the region's consolidated exports (built by the export function). */
export const routes = new Hono().route("/api/stats", stats).route("/api/reports", reports);
