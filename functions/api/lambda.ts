import "../secrets";
import { handle } from "hono/aws-lambda";
import { app } from "./app";

/** The API Lambda: API Gateway HTTP API (payload 2.0) → the same Hono app that runs locally. */
export const handler = handle(app);
