import "../secrets";
import type { Env, Hono, Schema } from "hono";
import { handle } from "hono/aws-lambda";
import { composeApi } from "./compose";

/**
 * An API Lambda (API Gateway HTTP API, payload 2.0): one group's routes behind the shared pipeline. Each group
 * (functions/api/lambdas/<group>.ts, wrapping functions/api/groups/<group>.ts) is its own function, so its bundle holds only its own domain code.
 */
export function lambdaHandler<E extends Env, S extends Schema, B extends string>(routes: Hono<E, S, B>) {
  return handle(composeApi(routes));
}
