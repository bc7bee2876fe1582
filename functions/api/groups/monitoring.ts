import { Hono } from "hono/tiny";
import { kpi } from "../routes/kpi";
import { monitoring } from "../routes/monitoring";
import { practices } from "../routes/practices";
import { trainings } from "../routes/trainings";

/**
 * Monitoring campaigns and submissions, the annual count, KPI targets, the best practices sent to the region, and the
 * mentor-training log monitoring counts from.
 */
export const routes = new Hono()
  .route("/api/monitoring", monitoring)
  .route("/api/kpi", kpi)
  .route("/api/practices", practices)
  .route("/api/trainings", trainings);
