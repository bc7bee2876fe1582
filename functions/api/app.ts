import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { docsPage } from "./docs";
import { errorResponse, onError } from "./errors";
import { MAX_PATH_SEGMENT, authenticate, requestContext } from "./middleware";
import { listOperations, op, openApiDocument } from "./openapi";
import { audit } from "./routes/audit";
import { auth } from "./routes/auth";
import { institutions } from "./routes/institutions";
import { kpi } from "./routes/kpi";
import { monitoring } from "./routes/monitoring";
import { pairs } from "./routes/pairs";
import { forms, participants } from "./routes/participants";
import { regions } from "./routes/regions";
import { roadmaps } from "./routes/roadmaps";
import { reminders } from "./routes/reminders";
import { reports } from "./routes/reports";
import { stats } from "./routes/stats";
import { health, wellKnown } from "./routes/system";
import { surveyLinks, surveys } from "./routes/surveys";
import { invitations, users } from "./routes/users";

export const MAX_BODY_BYTES = 1024 * 1024;

/** Every resource, mounted under /api. Its type is what the web client is generated from. */
const api = new Hono()
  .route("/", health)
  .route("/auth", auth)
  .route("/regions", regions)
  .route("/institutions", institutions)
  .route("/users", users)
  .route("/invitations", invitations)
  .route("/audit", audit)
  .route("/participants", participants)
  .route("/forms", forms)
  .route("/pairs", pairs)
  .route("/", roadmaps)
  .route("/monitoring", monitoring)
  .route("/kpi", kpi)
  .route("/surveys", surveys)
  .route("/survey-links", surveyLinks)
  .route("/reminders", reminders)
  .route("/stats", stats)
  .route("/reports", reports);

export const app = new Hono()
  .use(requestContext)
  .use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => errorResponse(c, 413, "request.too_large", "Слишком большой запрос: тело не должно превышать 1 МБ"),
    }),
  )
  .use(async (c, next) => {
    if (c.req.path.split("/").some((segment) => segment.length > MAX_PATH_SEGMENT)) {
      return errorResponse(c, 404, "route.not_found", "Такого адреса в API нет");
    }
    await next();
  })
  .use(authenticate)
  .route("/api", api)
  .route("/.well-known", wellKnown);

// Documentation routes are added outside the typed chain: they describe the app itself.
app.get("/api/openapi.json", op({ tag: "system", summary: "Документ OpenAPI 3.1", auth: "public" }), (c) => c.json(openApiDocument(app)));
app.get("/api/docs", op({ tag: "system", summary: "Интерактивный справочник API", auth: "public", produces: "text/html" }), (c) =>
  c.html(docsPage),
);

app.onError(onError);
app.notFound((c) => {
  const path = c.req.path;
  const allowed = listOperations(app)
    .filter((operation) => new RegExp(`^${operation.path.replace(/:\w+/g, "[^/]+")}$`).test(path))
    .map((operation) => operation.method);
  if (allowed.length > 0) {
    c.header("allow", allowed.join(", "));
    return errorResponse(c, 405, "route.method_not_allowed", `Метод ${c.req.method} не поддерживается для этого адреса`);
  }
  return errorResponse(c, 404, "route.not_found", "Такого адреса в API нет");
});

export type AppType = typeof app;
