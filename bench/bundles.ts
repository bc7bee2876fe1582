import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { type Metafile, type Plugin, build } from "esbuild";
import type { ApiGroupName } from "../infra/api";
import { lambdaBundling } from "../infra/bundling";
import { LAMBDA_MEMORY_MB, lambdaNodeFlags } from "../infra/lambda-heap";

const ROOT = new URL("..", import.meta.url).pathname;
const OUT = join(ROOT, "bench/.build");
const RUNS = 5;

const jobEntries = {
  reminders: "functions/jobs/reminders.ts",
  roadmapRecovery: "functions/jobs/roadmap-recovery.ts",
  export: "functions/jobs/export.ts",
  sesFeedback: "functions/events/ses-feedback.ts",
};

type Role = "curator" | "region_admin";
/** Every API Lambda: one per resource group (infra/api.ts); the compiler keeps `firstRequests` complete. */
/**
 * Each API Lambda's first request after its cold import: a signed-in read of its own group that goes through the
 * whole path (token verification, permission, validation, ElectroDB, DynamoDB calls), so that work moved from
 * import to the first request is counted. The accounts are real (the benchmark's generated region, or a small one
 * generated here), so every first request answers 200 with data.
 */
const firstRequests: Record<ApiGroupName, { path: string; role?: Role }> = {
  system: { path: "/api/health" },
  auth: { path: "/api/auth/me", role: "curator" },
  admin: { path: "/api/institutions", role: "region_admin" },
  participants: { path: "/api/participants", role: "curator" },
  pairs: { path: "/api/pairs/board", role: "curator" },
  roadmaps: { path: "/api/roadmaps", role: "curator" },
  monitoring: { path: "/api/monitoring/campaigns", role: "region_admin" },
  registers: { path: "/api/rewards", role: "curator" },
  surveys: { path: "/api/surveys", role: "curator" },
  reminders: { path: "/api/reminders/preferences", role: "curator" },
  stats: { path: "/api/stats/institution", role: "curator" },
};

type BundleResult = {
  /** The entry chunk and every chunk it imports statically, transitively: what a cold start loads. */
  bytes: number;
  gzipBytes: number;
  /** Every chunk, including those only imported dynamically (e.g. exceljs). */
  totalBytes: number;
  /** `await import(entry)` in a fresh Node, median of 5. */
  coldImportMs: number;
};
type ApiColdImport = {
  /**
   * The same import under the node flags the Lambda runtime starts a function with (lambdaNodeFlags): with V8 flags
   * set, Node compiles its own modules without their built-in code cache.
   */
  coldImportUnderRuntimeFlagsMs: number;
};
type ApiBundleResult = BundleResult &
  ApiColdImport & {
    firstRequest: {
      path: string;
      status: number;
      /** The request alone, right after the cold import (median of 5). */
      requestMs: number;
      /** Cold import plus that first request: what the first caller of a new instance waits for, init included. */
      totalMs: number;
    };
  };

/**
 * The build SST runs for each function (sst/runtime/handlers/node.js with our `nodejs` props from infra/bundling.ts):
 * ESM, minified, node20, AWS SDK external, code splitting, and SST's own fixed options (keepNames, module-first main
 * fields, its banner). SST bundles with its own esbuild (0.18); this is the project's (0.28): within 0.5 % in size.
 */
async function bundle(entry: string, outdir: string): Promise<Metafile> {
  rmSync(outdir, { recursive: true, force: true });
  const { esbuild, minify, splitting } = lambdaBundling;
  const built = await build({
    absWorkingDir: ROOT,
    entryPoints: { index: join(ROOT, entry) },
    outdir,
    outExtension: { ".js": ".mjs" },
    platform: "node",
    bundle: true,
    format: lambdaBundling.format,
    mainFields: ["module", "main"],
    keepNames: true,
    splitting,
    minify,
    metafile: true,
    logLevel: "silent",
    banner: {
      js: [
        "import { createRequire as topLevelCreateRequire } from 'module';",
        "const require = topLevelCreateRequire(import.meta.url);",
        'import { fileURLToPath as topLevelFileUrlToPath, URL as topLevelURL } from "url"',
        'const __dirname = topLevelFileUrlToPath(new topLevelURL(".", import.meta.url))',
      ].join("\n"),
    },
    ...esbuild,
    external: [...esbuild.external],
    // Typed by SST's esbuild (0.18); the plugin API they use (onResolve, onLoad) is the same in ours.
    plugins: esbuild.plugins as unknown as Plugin[],
  });
  return built.metafile;
}

function sizes(metafile: Metafile) {
  const outputs = metafile.outputs;
  // Chunks loaded by dynamic import() have an `entryPoint` too: the Lambda's own entry is index.mjs.
  const entryFile = Object.keys(outputs).find((file) => file.endsWith("/index.mjs"))!;
  const initial = new Set<string>();
  const pending = [entryFile];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (initial.has(file)) continue;
    initial.add(file);
    for (const imported of outputs[file]?.imports ?? []) {
      if (imported.kind === "import-statement" && !imported.external) pending.push(imported.path);
    }
  }
  return {
    bytes: [...initial].reduce((sum, file) => sum + statSync(join(ROOT, file)).size, 0),
    gzipBytes: [...initial].reduce((sum, file) => sum + gzipSync(readFileSync(join(ROOT, file))).length, 0),
    totalBytes: Object.values(outputs).reduce((sum, output) => sum + output.bytes, 0),
  };
}

/** An API Gateway HTTP API (payload 2.0) event, as in functions/api/lambda.test.ts. */
const httpEvent = (path: string, token?: string) => ({
  version: "2.0",
  routeKey: "$default",
  rawPath: path,
  rawQueryString: "",
  headers: { host: "api.example.org", ...(token ? { authorization: `Bearer ${token}` } : {}) },
  requestContext: {
    accountId: "123456789012",
    apiId: "api",
    domainName: "api.example.org",
    domainPrefix: "api",
    http: { method: "GET", path, protocol: "HTTP/1.1", sourceIp: "203.0.113.7", userAgent: "bench" },
    requestId: "bench-cold-start",
    routeKey: "$default",
    stage: "$default",
    time: "21/Nov/2026:09:00:00 +0000",
    timeEpoch: 1_795_251_600_000,
  },
  isBase64Encoded: false,
});

const median = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[values.length >> 1]! * 10) / 10;

/**
 * Fresh Node processes (as a Lambda cold start): each imports the entry, then (API Lambdas) handles one request.
 * The environment is a Lambda's, pointed at the given DynamoDB (with static credentials, so the SDK's credential
 * chain, which in AWS reads the Lambda's environment, is not exercised).
 */
function coldRuns(file: string, env: Record<string, string>, event?: object, node: string[] = []) {
  const script = `
    const started = performance.now();
    const { handler } = await import(${JSON.stringify(file)});
    const imported = performance.now();
    const event = ${JSON.stringify(event ?? null)};
    const result = event ? await handler(event, {}) : undefined;
    const done = performance.now();
    console.log("BENCH " + JSON.stringify({ importMs: imported - started, requestMs: done - imported, status: result?.statusCode ?? 0 }));`;
  const runs: { importMs: number; requestMs: number; status: number }[] = [];
  // One more run than measured: the first warms the file cache and DynamoDB Local (a JVM) and is dropped.
  for (let i = 0; i <= RUNS; i++) {
    const run = spawnSync(process.execPath, [...node, "--input-type=module", "-e", script], { cwd: ROOT, env, encoding: "utf8" });
    const line = run.stdout.split("\n").find((l) => l.startsWith("BENCH "));
    if (!line) throw new Error(`cold run of ${file} failed:\n${run.stderr}`);
    if (i > 0) runs.push(JSON.parse(line.slice(6)));
  }
  return runs;
}

type Account = { userId: string; email: string; role: string; regionId?: string; tenantId?: string };
/** Who signs the first requests: a curator of an institution with data and the admin of its region. */
export type Accounts = Record<Role, Account>;

/** Run alone: a small region generated into the store (as `npm run bench` generates its big one). */
async function smallRegionAccounts(store: { endpoint: string; tableName: string }): Promise<Accounts> {
  Object.assign(process.env, { DDB_ENDPOINT: store.endpoint, TABLE_NAME: store.tableName, AWS_REGION: "local" });
  const { generateRegion } = await import("./generate");
  const region = await generateRegion({ institutions: 2, participantsPerInstitution: 30 });
  return { curator: region.users.curators[0]!, region_admin: region.users.regionAdmin };
}

/** Starts DynamoDB Local with an empty table unless the caller's environment already points at one (npm run bench). */
async function useStore(): Promise<{ endpoint: string; tableName: string; stop: () => Promise<void> }> {
  if (process.env.DDB_ENDPOINT && process.env.TABLE_NAME) {
    return { endpoint: process.env.DDB_ENDPOINT, tableName: process.env.TABLE_NAME, stop: async () => {} };
  }
  const { startDynamoDbLocal } = await import("../scripts/local/dynamodb");
  const { ensureTable } = await import("../scripts/local/table");
  const dynamo = await startDynamoDbLocal();
  await ensureTable(dynamo.endpoint, "bench-bundles");
  return { endpoint: dynamo.endpoint, tableName: "bench-bundles", stop: dynamo.stop };
}

/**
 * Bundles each Lambda as deployed and measures what a cold start loads (bytes) and costs: the import of the entry in
 * a fresh Node, and for each API Lambda the first request right after it. Reports the largest API bundle and the
 * slowest API cold import and first request, which the targets are about.
 */
export async function measureBundles(accounts?: Accounts) {
  mkdirSync(OUT, { recursive: true });

  const { generateSigningJwk } = await import("@rnc/core/auth/keys");
  process.env.JWT_PRIVATE_KEY ??= JSON.stringify(await generateSigningJwk());
  const store = await useStore();
  const { signAccessToken } = await import("@rnc/core/auth/token");
  const { curator, region_admin } = accounts ?? (await smallRegionAccounts(store));
  const tokens: Record<Role, string> = {
    curator: await signAccessToken(curator as never),
    region_admin: await signAccessToken(region_admin as never),
  };

  const env = {
    PATH: process.env.PATH ?? "",
    // DynamoDB Local keeps tables per region name; the local runtime and its tables use "local".
    AWS_REGION: "local",
    TABLE_NAME: store.tableName,
    DDB_ENDPOINT: store.endpoint,
    JWT_PRIVATE_KEY: process.env.JWT_PRIVATE_KEY,
    // Lambda runs Node 22, where the SDK prints no Node-version warning.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  };
  try {
    const api: Record<string, ApiBundleResult> = {};
    for (const group of Object.keys(firstRequests) as ApiGroupName[]) {
      const outdir = join(OUT, `api-${group}`);
      const metafile = await bundle(`functions/api/lambdas/${group}.ts`, outdir);
      const probe = firstRequests[group];
      const runs = coldRuns(join(outdir, "index.mjs"), env, httpEvent(probe.path, probe.role && tokens[probe.role]));
      // An error answer would time a shorter path than the read it stands for.
      const failed = runs.find((run) => run.status !== 200);
      if (failed) throw new Error(`The ${group} Lambda's first request ${probe.path} answered ${failed.status}, not 200`);
      const underRuntimeFlags = coldRuns(join(outdir, "index.mjs"), env, undefined, lambdaNodeFlags(LAMBDA_MEMORY_MB));
      api[group] = {
        ...sizes(metafile),
        coldImportMs: median(runs.map((run) => run.importMs)),
        coldImportUnderRuntimeFlagsMs: median(underRuntimeFlags.map((run) => run.importMs)),
        firstRequest: {
          path: probe.path,
          status: runs[0]!.status,
          requestMs: median(runs.map((run) => run.requestMs)),
          totalMs: median(runs.map((run) => run.importMs + run.requestMs)),
        },
      };
    }
    const jobs: Record<string, BundleResult> = {};
    for (const [name, entry] of Object.entries(jobEntries)) {
      const outdir = join(OUT, name);
      const metafile = await bundle(entry, outdir);
      const runs = coldRuns(join(outdir, "index.mjs"), env);
      jobs[name] = { ...sizes(metafile), coldImportMs: median(runs.map((run) => run.importMs)) };
    }

    const worst = (measure: (result: ApiBundleResult) => number) => {
      const [group, result] = Object.entries(api).reduce((a, b) => (measure(b[1]) > measure(a[1]) ? b : a));
      return { group, value: measure(result) };
    };
    return {
      api,
      jobs,
      largestApiBundle: worst((result) => result.bytes),
      slowestApiColdImport: worst((result) => result.coldImportMs),
      slowestApiFirstRequest: worst((result) => result.firstRequest.totalMs),
    };
  } finally {
    await store.stop();
  }
}

/** The web app's initial JavaScript: the entry script and its module preloads, gzipped. */
export function measureWebInitialJs() {
  const dist = join(ROOT, "web/dist");
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const files = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map((m) => m[1]!);
  const gzipBytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file.replace(/^\//, "")))).length, 0);
  return { files, gzipBytes };
}
