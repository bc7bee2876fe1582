import { Hono } from "hono/tiny";
import { docsPage } from "../docs";
import { op } from "../openapi";
import { health, wellKnown } from "../routes/system";

/**
 * Health, the JWKS, and the API reference. API Gateway also sends every /api path that no other group claims
 * here, which answers it with the JSON 404.
 */
export const routes = new Hono().route("/api", health).route("/.well-known", wellKnown);

// Documentation routes are added outside the typed chain: they describe the whole app, which is loaded only
// when the document is asked for (it holds every group's routes and schemas).
// Built once per instance, on first request.
let document: Promise<object> | undefined;
routes.get("/api/openapi.json", op({ tag: "system", summary: "Документ OpenAPI 3.1", auth: "public" }), async (c) => {
  document ??= Promise.all([import("../app"), import("../openapi-document")]).then(
    ([{ app }, { openApiDocument }]) => openApiDocument(app),
    (error: unknown) => {
      // Not kept: the next request tries again.
      document = undefined;
      throw error;
    },
  );
  return c.json(await document);
});
routes.get("/api/docs", op({ tag: "system", summary: "Интерактивный справочник API", auth: "public", produces: "text/html" }), (c) =>
  c.html(docsPage),
);
