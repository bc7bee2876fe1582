import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import react from "@vitejs/plugin-react";
import { type Plugin, defineConfig } from "vite";

const API_ORIGIN = process.env.API_ORIGIN ?? "http://localhost:3000";

/**
 * The API's interactive reference (/api/docs, functions/api/docs.ts) loads Swagger UI from
 * /swagger-ui/ on the product's own origin: copy the two files from swagger-ui-dist into the
 * build, and serve them from the dev server too.
 */
function swaggerUiAssets(): Plugin {
  const dir = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
  const files = ["swagger-ui.css", "swagger-ui-bundle.js"];
  return {
    name: "swagger-ui-assets",
    generateBundle() {
      for (const file of files) this.emitFile({ type: "asset", fileName: `swagger-ui/${file}`, source: readFileSync(join(dir, file)) });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const file = files.find((name) => req.url === `/swagger-ui/${name}`);
        if (!file) return next();
        res.setHeader("content-type", file.endsWith(".css") ? "text/css" : "text/javascript");
        res.end(readFileSync(join(dir, file)));
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), swaggerUiAssets()],
  // The repository root also holds React 18 (SST's CLI); hoisted packages such as react-chartjs-2 must use the app's.
  resolve: { dedupe: ["react", "react-dom"] },
  server: {
    proxy: {
      "/api": API_ORIGIN,
      "/.well-known": API_ORIGIN,
    },
  },
  build: {
    target: "es2022",
  },
});
