import { Hono } from "hono/tiny";
import { roadmaps } from "../routes/roadmaps";

/** Roadmaps, the region's template and views, and the public calendar feed (`/api/roadmaps…`, `/api/calendar/…`). */
export const routes = new Hono().route("/api", roadmaps);
