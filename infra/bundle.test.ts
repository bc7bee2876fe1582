import { existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { apiGroups } from "./api";
import { functionByHandler, type Synthesized, synthesize } from "./testing";

const apiEntries = Object.keys(apiGroups).map((group) => ["ApiStack", `functions/api/lambdas/${group}`] as const);
const handlers = [
  ...apiEntries,
  ["JobsStack", "functions/jobs/reminders"],
  ["JobsStack", "functions/jobs/roadmap-recovery"],
  ["EmailStack", "functions/events/ses-feedback"],
  ["ExportsStack", "functions/jobs/export"],
] as const;

type Built = { entry: string; file: string; code: string[]; initial: string };

/** The files a cold start loads: the entry and the chunks it imports statically, transitively. */
function initialCode(file: string, seen = new Set<string>()): string {
  if (seen.has(file)) return "";
  seen.add(file);
  const code = readFileSync(file, "utf8");
  const chunks = [...code.matchAll(/(?:^|[;}\s])import\s*(?:[\w${},\s*]+from\s*)?["'](\.\/[^"']+)["']/g)].map((m) =>
    join(dirname(file), m[1]!),
  );
  return [code, ...chunks.map((chunk) => initialCode(chunk, seen))].join("\n");
}

/** SST's real function build (esbuild), as `sst deploy` runs it; the only test here that bundles. */
describe("the Lambda bundles", () => {
  let app: Synthesized;
  const bundles: Record<string, Built> = {};
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
      const file = found[0]!;
      const dir = dirname(file);
      const code = readdirSync(dir)
        .filter((name) => name.endsWith(".mjs"))
        .map((name) => readFileSync(join(dir, name), "utf8"));
      bundles[path] = { entry: readFileSync(file, "utf8"), file, code, initial: initialCode(file) };
    }
    // The AWS SDK is external (the Lambda runtime provides it): let the bundles resolve it from the project.
    symlinkSync(resolve("node_modules"), join(app.out, "node_modules"), "dir");
    // SST uploads the source maps separately; drop their references so that loading a bundle here does not warn.
    for (const { file } of Object.values(bundles)) {
      const dir = dirname(file);
      for (const name of readdirSync(dir).filter((n) => n.endsWith(".mjs"))) {
        const path = join(dir, name);
        writeFileSync(path, readFileSync(path, "utf8").replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n"));
      }
    }
  }, 120_000);
  afterAll(() => {
    if (app) rmSync(app.out, { recursive: true, force: true });
  });

  // Matched with .test() so that a failure does not print a multi-megabyte bundle.
  test.each(handlers)("%s: %s is an ES module exporting `handler`, uploaded as a code asset", (stack, path) => {
    const { entry } = bundles[path]!;
    expect(entry.startsWith("import { createRequire as topLevelCreateRequire } from 'module';"), "SST's ESM banner").toBe(true);
    expect(/export\s*\{[^}]*\bas handler\b[^}]*\}|export\s+(const|async function|function)\s+handler\b/.test(entry), "export handler").toBe(
      true,
    );
    const [, fn] = functionByHandler(app.json[stack], `${path}.handler`);
    expect(fn.Properties!.Code.S3Key).toMatch(/\.zip$/);
    expect(fn.Properties!.Code.ZipFile).toBeUndefined();
  });

  test.each(apiEntries)("%s: %s leaves the AWS SDK to the Lambda runtime", (_stack, path) => {
    const code = bundles[path]!.code.join("\n");
    // Loaded with require (infra/bundling.ts): an ESM import of the CommonJS SDK costs a scan of its sources.
    // (esbuild calls the banner's require through its own minified helper: `x("@aws-sdk/…")`).
    expect(/\w\("@aws-sdk\/client-dynamodb"\)/.test(code), "requires @aws-sdk/client-dynamodb").toBe(true);
    expect(/\w\("@aws-sdk\/lib-dynamodb"\)/.test(code), "requires @aws-sdk/lib-dynamodb").toBe(true);
    expect(/from\s*"@aws-sdk\//.test(code), "imports the SDK as an ES module").toBe(false);
    // The SDK's own code is not inlined (esbuild's keepNames would name the client class; smithy is its core).
    expect(code.includes('"DynamoDBClient"'), "bundles the DynamoDB client").toBe(false);
    expect(code.includes("smithy"), "bundles @smithy/*").toBe(false);
  });

  test.each(handlers)("%s: %s loads neither the SSM client nor jsonschema at cold start", (_stack, path) => {
    const { initial, code } = bundles[path]!;
    // The JWT key comes from the environment (SST's prefetch); the SSM client is only a fallback chunk.
    expect(/(from\s*|\w\()"@aws-sdk\/client-ssm"/.test(initial), "loads @aws-sdk/client-ssm statically").toBe(false);
    // ElectroDB's model validator is replaced by infra/jsonschema-stub.cjs (infra/bundling.ts).
    expect(code.join("\n").includes("does not meet minimum length of"), "bundles jsonschema").toBe(false);
  });

  test.each(apiEntries)("%s: %s routes with Hono's smallest router (hono/tiny), not the default SmartRouter", (_stack, path) => {
    // keepNames keeps class names as strings: one `from "hono"` import of Hono would bring RegExpRouter back.
    const { initial } = bundles[path]!;
    expect(initial.includes('"PatternRouter"'), "PatternRouter").toBe(true);
    expect(initial.includes('"RegExpRouter"'), "RegExpRouter").toBe(false);
  });

  test("a deployed group bundle answers requests end to end (DynamoDB Local), and only its own group's paths", async () => {
    const { signAccessToken } = await import("@rnc/core/auth/token");
    const load = async (group: string) =>
      (await import(pathToFileURL(bundles[`functions/api/lambdas/${group}`]!.file).href)) as {
        handler: (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }>;
      };
    const event = (path: string, token?: string) => ({
      version: "2.0",
      routeKey: "$default",
      rawPath: path,
      rawQueryString: "",
      headers: { host: "api.example.org", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      requestContext: { http: { method: "GET", path, sourceIp: "203.0.113.7" }, requestId: "bundle-test" },
      isBase64Encoded: false,
    });
    const system = await load("system");
    expect((await system.handler(event("/api/health"), {})).statusCode).toBe(200);

    const token = await signAccessToken({
      userId: "usr_bundle",
      email: "b@example.org",
      role: "curator",
      regionId: "reg_b",
      tenantId: "org_b",
    });
    const participants = await load("participants");
    const list = await participants.handler(event("/api/participants", token), {});
    expect(list.statusCode, list.body).toBe(200);
    expect(JSON.parse(list.body)).toHaveProperty("items");
    expect((await participants.handler(event("/api/roadmaps", token), {})).statusCode).toBe(404);
  });
});
