import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { Session as InspectorSession } from "node:inspector/promises";
import { join, resolve } from "node:path";
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { type LocalDynamo, startDynamoDbLocal } from "./dynamodb";
import { type LocalMail, startMailSink } from "./ses";
import { ensureTable } from "./table";

export const ROOT = resolve(import.meta.dirname, "../..");

export type LocalStackOptions = {
  /** HTTP port for the app and API; 0 picks a free one. */
  port?: number;
  /** Keep DynamoDB data and the signing key here between runs; omit for an in-memory store. */
  dataDir?: string;
  /** Start empty: delete `dataDir` first. */
  fresh?: boolean;
  /** Port of the mail sink's inbox; 0 picks a free one. */
  mailPort?: number;
  /** Seed the demo region on first start. */
  seedDemo?: boolean;
  /** Run the scheduled jobs on a local timer. */
  jobs?: boolean;
  /** Built web app to serve beside the API. */
  webDir?: string;
};

export type LocalStack = {
  url: string;
  mailUrl: string;
  dynamoEndpoint: string;
  tableName: string;
  seeded: boolean;
  stop: () => Promise<void>;
};

async function loadSigningKey(dataDir: string | undefined): Promise<string> {
  const file = dataDir ? join(dataDir, "jwt-private-key.json") : undefined;
  if (file && existsSync(file)) return readFileSync(file, "utf8");
  const { generateSigningJwk } = await import("@rnc/core/auth/keys");
  const key = JSON.stringify(await generateSigningJwk());
  if (file) writeFileSync(file, key, { mode: 0o600 });
  return key;
}

/**
 * The whole product on one machine: DynamoDB Local, the SES mail sink, the same Hono app the
 * Lambda runs, the built web app on the same origin, and the scheduled jobs on a timer.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const { dataDir } = options;
  if (dataDir && options.fresh) rmSync(dataDir, { recursive: true, force: true });
  if (dataDir) mkdirSync(dataDir, { recursive: true });

  let dynamo: LocalDynamo | undefined;
  let mail: LocalMail | undefined;
  try {
    [dynamo, mail] = await Promise.all([
      startDynamoDbLocal({ dataDir: dataDir ? join(dataDir, "dynamodb") : undefined }),
      startMailSink(options.mailPort ?? 0),
    ]);
    const tableName = "rnc-local";
    const port = options.port ?? 0;
    Object.assign(process.env, {
      DDB_ENDPOINT: dynamo.endpoint,
      SES_ENDPOINT: mail.endpoint,
      TABLE_NAME: tableName,
      JWT_PRIVATE_KEY: process.env.JWT_PRIVATE_KEY ?? (await loadSigningKey(dataDir)),
      EMAIL_FROM: process.env.EMAIL_FROM ?? "ЦМН <noreply@mentor.local>",
      STAGE: "local",
      // Finished exports (downloaded through the API's local-only file route); a temporary folder without a data dir.
      ...(dataDir && !process.env.EXPORTS_DIR ? { EXPORTS_DIR: join(dataDir, "exports") } : {}),
    });
    const created = await ensureTable(dynamo.endpoint, tableName);

    // Imported only now: the core reads its endpoints from the environment set above.
    const { app } = await import("../../functions/api/app");
    const server = new Hono();
    // Local only: the store's running cost counters, read by the benchmark suite.
    const { storeMetrics, storeTrace } = await import("@rnc/core/dynamo");
    server.get("/__local/store-metrics", (c) => c.json(storeMetrics));
    server.post("/__local/store-trace", (c) => {
      storeTrace.calls = [];
      storeTrace.enabled = true;
      return c.json({ tracing: true });
    });
    server.get("/__local/store-trace", (c) => {
      storeTrace.enabled = false;
      return c.json(storeTrace.calls);
    });
    // Local only: this process's memory, sampled every 10 ms from a POST until the next GET (the benchmark's exports).
    let peakRss = 0;
    let sampler: NodeJS.Timeout | undefined;
    server.post("/__local/memory", (c) => {
      peakRss = process.memoryUsage().rss;
      clearInterval(sampler);
      sampler = setInterval(() => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      }, 10);
      sampler.unref();
      return c.json({ rss: peakRss });
    });
    server.get("/__local/memory", (c) => {
      clearInterval(sampler);
      return c.json({ rss: process.memoryUsage().rss, peakRss: Math.max(peakRss, process.memoryUsage().rss) });
    });
    // Local only: a CPU profile of this process (V8's sampling profiler) from a POST until the next GET, which answers
    // it in the .cpuprofile format (bench/profile.ts).
    let profiler: InspectorSession | undefined;
    server.post("/__local/cpu-profile", async (c) => {
      profiler?.disconnect();
      profiler = new InspectorSession();
      profiler.connect();
      await profiler.post("Profiler.enable");
      await profiler.post("Profiler.start");
      return c.json({ profiling: true });
    });
    server.get("/__local/cpu-profile", async (c) => {
      if (!profiler) return c.json({ profiling: false }, 409);
      const { profile } = await profiler.post("Profiler.stop");
      profiler.disconnect();
      profiler = undefined;
      return c.json(profile);
    });
    if (options.webDir) {
      const webRoot = options.webDir;
      server.use("*", serveStatic({ root: webRoot }));
      server.get("*", (c) => c.html(readFileSync(join(webRoot, "index.html"), "utf8")));
    }
    // API requests go straight to the API app (as API Gateway routes them); the rest to the local-only routes and the web app.
    const isApi = (url: string) => {
      const path = url.slice(url.indexOf("/", url.indexOf("//") + 2));
      return path.startsWith("/api/") || path.startsWith("/.well-known/");
    };
    const http = serve({
      fetch: (request, env) => (isApi(request.url) ? app.fetch(request, env) : server.fetch(request, env)),
      port,
      hostname: process.env.HOST ?? "127.0.0.1",
    });
    await new Promise<void>((done) => (http.listening ? done() : http.once("listening", () => done())));
    const url = `http://localhost:${(http.address() as AddressInfo).port}`;
    process.env.APP_URL ??= url;

    let seeded = false;
    if (options.seedDemo && created) {
      const { seedDemo } = await import("./seed");
      await seedDemo();
      seeded = true;
    }
    const stopJobs = options.jobs ? (await import("./jobs")).startJobTimer() : () => {};

    // Lets maintenance commands (npm run job:reminders, check:stats) reach this running stack.
    const runtimeFile = dataDir ? join(dataDir, "local.json") : undefined;
    if (runtimeFile) {
      writeFileSync(runtimeFile, JSON.stringify({ url, mailEndpoint: mail.endpoint, dynamoEndpoint: dynamo.endpoint, tableName }, null, 2));
    }
    const stack = { dynamo, mail };
    return {
      url,
      mailUrl: mail.endpoint,
      dynamoEndpoint: dynamo.endpoint,
      tableName,
      seeded,
      stop: async () => {
        stopJobs();
        if (runtimeFile) rmSync(runtimeFile, { force: true });
        await new Promise<void>((done) => http.close(() => done()));
        // Exports run in the background in-process: let them finish before the store goes away.
        await (await import("@rnc/core/reports")).Reports.settled();
        await Promise.all([stack.mail.stop(), stack.dynamo.stop()]);
      },
    };
  } catch (error) {
    await Promise.all([mail?.stop(), dynamo?.stop()]);
    throw error;
  }
}
