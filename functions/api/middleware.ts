import type { MiddlewareHandler } from "hono";
import { type Actor, createId, log, withActor, withRequest } from "@rnc/core";
import { verifyAccessToken } from "@rnc/core/auth/token";

/** Request id (from API Gateway when present), one access log line, and the request context for every log line. */
export const requestContext: MiddlewareHandler = async (c, next) => {
  const event = (c.env as { event?: { requestContext?: { requestId?: string } } } | undefined)?.event;
  const requestId = event?.requestContext?.requestId ?? c.req.header("x-request-id") ?? createId("request");
  c.header("x-request-id", requestId);
  await withRequest({ requestId }, async () => {
    const started = performance.now();
    await next();
    log.info("request", {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });
};

/**
 * Ids and signed link tokens (under 400 characters) fit easily; a longer path segment is not a resource. Measured in
 * UTF-8 bytes, as DynamoDB measures keys: a segment becomes part of a sort key (at most 1,024 bytes with its prefix).
 */
export const MAX_PATH_SEGMENT_BYTES = 512;

/**
 * Resolves the actor once per request: a verified bearer token gives a user actor,
 * no token gives the public actor (operations that need a user reject it in `op`).
 * Tenant and region come from the token only.
 */
export const authenticate: MiddlewareHandler = async (c, next) => {
  const header = c.req.header("authorization");
  let actor: Actor = { type: "public", properties: {} };
  if (header) {
    const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
    actor = await verifyAccessToken(token ?? "");
  }
  await withActor(actor, () => next());
};
