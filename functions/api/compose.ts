import type { Env, Schema } from "hono";
import { Hono } from "hono/tiny";
import { bodyLimit } from "hono/body-limit";
import { errorResponse, onError } from "./errors";
import { MAX_PATH_SEGMENT_BYTES, authenticate, requestContext } from "./middleware";
import { listOperations } from "./openapi";

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The request pipeline every API Lambda and the local app share, around a set of routes with full paths
 * (`/api/pairs/:pairId`): request id and access log → 1 MB body limit → path-segment guard → authentication →
 * the routes; errors mapped in one place, JSON 404 for unknown paths and 405 (with `Allow`) for a known path's
 * unsupported method. Each API Lambda composes only its group's routes (functions/api/groups/), the local app all
 * of them (app.ts), so a request is answered the same way by both.
 */
export function composeApi<E extends Env, S extends Schema, B extends string>(routes: Hono<E, S, B>) {
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => errorResponse(c, 413, "request.too_large", "Слишком большой запрос: тело не должно превышать 1 МБ"),
  });
  const app = new Hono()
    .use(requestContext)
    // GET and HEAD carry no body (the Fetch API forbids one); asking for it would only make the local node adapter
    // build a full Request object on every read.
    .use((c, next) => (c.req.method === "GET" || c.req.method === "HEAD" ? next() : limitBody(c, next)))
    .use(async (c, next) => {
      if (c.req.path.split("/").some((segment) => Buffer.byteLength(segment) > MAX_PATH_SEGMENT_BYTES)) {
        return errorResponse(c, 404, "route.not_found", "Такого адреса в API нет");
      }
      await next();
    })
    .use(authenticate)
    .route("/", routes);

  app.onError(onError);
  // The app's operations with a pattern for each path, listed on the first unknown request (the routes are all added by then).
  let operations: { method: string; pattern: RegExp }[] | undefined;
  app.notFound((c) => {
    const path = c.req.path;
    operations ??= listOperations(app).map((operation) => ({
      method: operation.method,
      pattern: new RegExp(`^${operation.path.replace(/:\w+/g, "[^/]+")}$`),
    }));
    const allowed = operations.filter((operation) => operation.pattern.test(path)).map((operation) => operation.method);
    if (allowed.length > 0) {
      c.header("allow", allowed.join(", "));
      return errorResponse(c, 405, "route.method_not_allowed", `Метод ${c.req.method} не поддерживается для этого адреса`);
    }
    return errorResponse(c, 404, "route.not_found", "Такого адреса в API нет");
  });
  return app;
}
