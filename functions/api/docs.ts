/**
 * The interactive API reference. Swagger UI's assets are shipped with the web app
 * (web/vite.config.ts copies them to /swagger-ui/), so this page loads nothing from
 * outside the product's own origin, locally and in AWS alike.
 */
export const docsPage = `<!doctype html>
<html lang="ru">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Справочник API — ЦМН</title>
  <link rel="stylesheet" href="/swagger-ui/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/swagger-ui/swagger-ui-bundle.js"></script>
  <script>window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui", persistAuthorization: true });</script>
</body>
</html>`;
