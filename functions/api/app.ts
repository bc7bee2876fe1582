import { Hono } from "hono/tiny";
import { composeApi } from "./compose";
import { routes as admin } from "./groups/admin";
import { routes as auth } from "./groups/auth";
import { routes as monitoring } from "./groups/monitoring";
import { routes as pairs } from "./groups/pairs";
import { routes as participants } from "./groups/participants";
import { routes as registers } from "./groups/registers";
import { routes as reminders } from "./groups/reminders";
import { routes as roadmaps } from "./groups/roadmaps";
import { routes as stats } from "./groups/stats";
import { routes as surveys } from "./groups/surveys";
import { routes as system } from "./groups/system";

/**
 * The whole API in one app: every group's routes (each group is its own Lambda in AWS, see functions/api/groups/ and lambdas/)
 * behind the same pipeline. It runs the local server, generates the OpenAPI document and is what the tests call;
 * its type is what the web client is generated from.
 */
export const app = composeApi(
  new Hono()
    .route("/", system)
    .route("/", auth)
    .route("/", admin)
    .route("/", participants)
    .route("/", pairs)
    .route("/", roadmaps)
    .route("/", monitoring)
    .route("/", registers)
    .route("/", surveys)
    .route("/", reminders)
    .route("/", stats),
);

export type AppType = typeof app;
