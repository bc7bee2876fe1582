import { Hono } from "hono/tiny";
import { composeApi } from "./compose";
import { routes as admin } from "./lambdas/admin";
import { routes as auth } from "./lambdas/auth";
import { routes as monitoring } from "./lambdas/monitoring";
import { routes as participants } from "./lambdas/participants";
import { routes as reminders } from "./lambdas/reminders";
import { routes as roadmaps } from "./lambdas/roadmaps";
import { routes as stats } from "./lambdas/stats";
import { routes as surveys } from "./lambdas/surveys";
import { routes as system } from "./lambdas/system";

export { MAX_BODY_BYTES } from "./compose";

/**
 * The whole API in one app: every group's routes (each group is its own Lambda in AWS, see functions/api/lambdas/)
 * behind the same pipeline. It runs the local server, generates the OpenAPI document and is what the tests call;
 * its type is what the web client is generated from.
 */
export const app = composeApi(
  new Hono()
    .route("/", system)
    .route("/", auth)
    .route("/", admin)
    .route("/", participants)
    .route("/", roadmaps)
    .route("/", monitoring)
    .route("/", surveys)
    .route("/", reminders)
    .route("/", stats),
);

export type AppType = typeof app;
