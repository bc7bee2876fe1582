import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "packages/**/*.test.ts",
      "functions/**/*.test.ts",
      "infra/**/*.test.ts",
      "scripts/**/*.test.ts",
      "web/src/**/*.test.{ts,tsx}",
      "e2e/**/*.test.ts",
    ],
    globalSetup: ["scripts/test/global-setup.ts"],
    setupFiles: ["scripts/test/per-file.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: 2,
    env: { LOG_LEVEL: "silent", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  },
});
