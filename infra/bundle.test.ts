import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { functionByHandler, type Synthesized, synthesize } from "./testing";

const handlers = [
  ["ApiStack", "functions/api/lambda"],
  ["JobsStack", "functions/jobs/reminders"],
  ["EmailStack", "functions/events/ses-feedback"],
  ["ExportsStack", "functions/jobs/export"],
] as const;

/** SST's real function build (esbuild), as `sst deploy` runs it; the only test here that bundles. */
describe("the Lambda bundles", () => {
  let app: Synthesized;
  const bundles: Record<string, string> = {};
  beforeAll(async () => {
    app = await synthesize("prod", {
      bundle: true,
      // SST runs `npm install` (of nothing: no forced-external packages are used) in each artifact folder; keep it offline.
      env: { npm_config_offline: "true", npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" },
    });
    const artifacts = join(app.out, "artifacts");
    for (const [, path] of handlers) {
      const found = readdirSync(artifacts)
        .map((id) => join(artifacts, id, `${path}.mjs`))
        .filter((file) => existsSync(file));
      expect(found, path).toHaveLength(1);
      bundles[path] = readFileSync(found[0]!, "utf8");
    }
  }, 60_000);
  afterAll(() => {
    if (app) rmSync(app.out, { recursive: true, force: true });
  });

  // Matched with .test() so that a failure does not print a multi-megabyte bundle.
  test.each(handlers)("%s: %s is an ES module exporting `handler`, uploaded as a code asset", (stack, path) => {
    const bundle = bundles[path]!;
    expect(bundle.startsWith("import { createRequire as topLevelCreateRequire } from 'module';"), "SST's ESM banner").toBe(true);
    expect(
      /export\s*\{[^}]*\bas handler\b[^}]*\}|export\s+(const|async function|function)\s+handler\b/.test(bundle),
      "export handler",
    ).toBe(true);
    const [, fn] = functionByHandler(app.json[stack], `${path}.handler`);
    expect(fn.Properties!.Code.S3Key).toMatch(/\.zip$/);
    expect(fn.Properties!.Code.ZipFile).toBeUndefined();
  });

  test("the API bundle leaves the AWS SDK to the Lambda runtime", () => {
    const bundle = bundles["functions/api/lambda"]!;
    expect(/from\s*"@aws-sdk\/client-dynamodb"/.test(bundle), "imports @aws-sdk/client-dynamodb").toBe(true);
    expect(/from\s*"@aws-sdk\/lib-dynamodb"/.test(bundle), "imports @aws-sdk/lib-dynamodb").toBe(true);
    // The SDK's own code is not inlined (esbuild's keepNames would name the client class; smithy is its core).
    expect(bundle.includes('"DynamoDBClient"'), "bundles the DynamoDB client").toBe(false);
    expect(bundle.includes("smithy"), "bundles @smithy/*").toBe(false);
  });
});
