/**
 * `npm run bench [-- --quick] [-- --institutions N --participants N]`: generates a synthetic region
 * into DynamoDB Local, measures the API over HTTP against the locally started stack, the store's own
 * floor, items read/written per operation, bundle sizes and cold imports, and the web app's initial JS.
 * Writes bench/results/latest.json and latest.md and prints the difference from the previous run.
 */
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { measureBundles, measureWebInitialJs } from "./bundles";
import { type Scale, generateRegion } from "./generate";
import { type LoadResult, type RequestSpec, keepAliveClient, loadTest } from "./load";
import { benchOperations } from "./operations";
import { type BenchResults, type Target, markdown, met, save } from "./report";
import { startBenchStack } from "./stack";
import { LAMBDA_MEMORY_MB, lambdaHeapFlags } from "../infra/lambda-heap";
import { closedLoop, summarize, timeInterleaved } from "./stats";
import { type TracedCall, measureStoreFloor, rawClient, replayable, replayer } from "./store";

const { values } = parseArgs({
  options: { quick: { type: "boolean", default: false }, institutions: { type: "string" }, participants: { type: "string" } },
});
const quick = values.quick ?? false;
const scale: Scale = {
  institutions: Number(values.institutions ?? (quick ? 50 : 1000)),
  participantsPerInstitution: Number(values.participants ?? (quick ? 30 : 300)),
};
const durationMs = quick ? 2000 : 5000;
const concurrencyLevels = [1, 20, 100];

const stack = await startBenchStack();

try {
  console.log(`Generating ${scale.institutions} institutions × ${scale.participantsPerInstitution} participants…`);
  const region = await generateRegion(scale);
  console.log(
    `  ${region.itemsWritten} items in ${region.seconds} s (${region.itemsPerSecond} items/s); statistics of ${region.checkedInstitutions} institutions match a recomputation`,
  );

  const curator = region.users.curators[0]!;
  const { operations, regionHeaders } = await benchOperations(region);

  const raw = rawClient(stack.dynamoEndpoint);
  const floor = await measureStoreFloor(raw, stack.tableName, { pk: `T#${curator.tenantId}`, sk: "INSTITUTION" }, quick ? 200 : 1000);
  console.log(
    `Store floor: GetItem p50 ${floor.getItem.p50} ms, Query p50 ${floor.query.p50} ms, GetItem at 20 clients p95 ${floor.getItemAt20Clients.p95} ms`,
  );
  // The stack's own floor: an API request that makes no store call (the published keys, public and cached), through
  // the same HTTP hop, request pipeline and routing as every operation, without a token to verify (a signed-in
  // request's token is verified once and then cached per instance).
  const stackFloor = await loadTest(stack.url, { method: "GET", path: "/.well-known/jwks.json" }, { concurrency: 1, durationMs });
  console.log(`Stack floor (a request with no store call): p50 ${stackFloor.p50} ms, p95 ${stackFloor.p95} ms`);

  const metrics = async () =>
    (await (await fetch(`${stack.url}/__local/store-metrics`)).json()) as { itemsRead: number; itemsWritten: number; calls: number };
  // The raw store calls an operation makes, replayed: at 1 client in blocks interleaved with blocks of the operation
  // itself over HTTP (the overhead ratio is the operation's p50 over theirs, both taken over the same stretch of time;
  // the operation's 1-client run above comes first and may catch the store settling), and at 20 clients (the floor
  // under the operation's 20-client latency).
  const storeFloorOf = async (request: RequestSpec, replay: () => Promise<void>) => {
    const api = keepAliveClient(stack.url);
    const operation = async () => {
      const status = await api.send(request);
      if (status >= 400) throw new Error(`${request.path} answered ${status}`);
    };
    const interleaved = await timeInterleaved(quick ? 100 : 300, operation, replay, { maxMs: durationMs * 4 });
    api.close();
    const c20 = summarize((await closedLoop(20, durationMs, replay, 100)).samples);
    const ratio = Math.round((interleaved.a.p50 / interleaved.b.p50) * 100) / 100;
    return { api: interleaved.a, raw: { ...interleaved.b, c20 }, ratio };
  };
  const perOperation: Record<string, unknown> = {};
  for (const operation of operations) {
    // Cost: one call, with the store calls it makes traced.
    const before = await metrics();
    await fetch(`${stack.url}/__local/store-trace`, { method: "POST" });
    const probe = await fetch(`${stack.url}${operation.request.path}`, operation.request);
    await probe.arrayBuffer();
    const trace = (await (await fetch(`${stack.url}/__local/store-trace`)).json()) as TracedCall[];
    const after = await metrics();
    const cost = {
      status: probe.status,
      storeCalls: after.calls - before.calls,
      itemsRead: after.itemsRead - before.itemsRead,
      itemsWritten: after.itemsWritten - before.itemsWritten,
    };

    const latency: Record<string, LoadResult> = {};
    for (const concurrency of concurrencyLevels) {
      latency[`c${concurrency}`] = await loadTest(stack.url, operation.request, { concurrency, durationMs });
    }
    const floor = operation.kind !== "write" && replayable(trace) ? await storeFloorOf(operation.request, replayer(raw, trace)) : undefined;
    perOperation[operation.name] = {
      kind: operation.kind,
      cost,
      latency,
      latencyBesideFloor: floor?.api ?? null,
      rawFloor: floor?.raw ?? null,
      overheadRatio: floor?.ratio ?? null,
    };
    console.log(
      `${operation.name.padEnd(30)} items r/w ${cost.itemsRead}/${cost.itemsWritten}  c1 p50 ${latency.c1!.p50} ms  c20 p95 ${latency.c20!.p95} ms (store floor ${floor?.raw.c20.p95 ?? "—"} ms)  c100 p95 ${latency.c100!.p95} ms  errors ${Object.values(latency).reduce((n, l) => n + l.errors, 0)}  ratio ${floor?.ratio ?? "—"} (${floor?.api.p50 ?? "—"} / ${floor?.raw.p50 ?? "—"} ms)`,
    );
  }

  // The export alone in its own process, under the heap limits the Lambda runtime gives a function of `memoryMb`: time
  // and the process's peak RSS. Within a 256 MB function's limits it shows whether the export fits in 256 MB; within the
  // deployed 1024 MB function's, V8 lets the young generation grow to 3 × 51 MB before collecting, so RSS is higher.
  const isolatedExport = async (memoryMb: number) => {
    const { execFileSync } = await import("node:child_process");
    const node = [...lambdaHeapFlags(memoryMb), "--import", "tsx"];
    const output = execFileSync(process.execPath, [...node, new URL("./export-child.ts", import.meta.url).pathname], {
      env: { ...process.env, REGION_ID: region.regionId, USER_ID: region.users.regionAdmin.userId },
      encoding: "utf8",
    });
    const result = JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as {
      status: string;
      seconds: number;
      baselineRss: number;
      peakRss: number;
    };
    const summary = {
      status: result.status,
      seconds: result.seconds,
      baselineRssMb: Math.round(result.baselineRss / 1048576),
      peakRssMb: Math.round(result.peakRss / 1048576),
    };
    console.log(
      `export xlsx (own process, ${memoryMb} MB Lambda limits) ${summary.status} in ${summary.seconds} s, RSS ${summary.baselineRssMb} → peak ${summary.peakRssMb} MB`,
    );
    return summary;
  };

  // The consolidated export: started over HTTP, polled until done; the stack's peak RSS sampled meanwhile.
  const exportRun = async (format: "xlsx" | "csv") => {
    await fetch(`${stack.url}/__local/memory`, { method: "POST" });
    const before = await metrics();
    const started = performance.now();
    const created = (await (
      await fetch(`${stack.url}/api/reports/exports`, {
        method: "POST",
        headers: { ...regionHeaders, "content-type": "application/json" },
        body: JSON.stringify(format === "csv" ? { format, sheet: "institutions" } : { format }),
      })
    ).json()) as { exportId: string };
    let status = { status: "queued", progress: 0, downloadUrl: undefined as string | undefined };
    while (status.status !== "done" && status.status !== "failed" && performance.now() - started < 120_000) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      status = (await (
        await fetch(`${stack.url}/api/reports/exports/${created.exportId}`, { headers: regionHeaders })
      ).json()) as typeof status;
    }
    const seconds = Math.round(performance.now() - started) / 1000;
    const memory = (await (await fetch(`${stack.url}/__local/memory`)).json()) as { rss: number; peakRss: number };
    const after = await metrics();
    const file = status.downloadUrl
      ? await (await fetch(`${stack.url}${status.downloadUrl}`, { headers: regionHeaders })).arrayBuffer()
      : undefined;
    const result = {
      status: status.status,
      seconds,
      peakRssMb: Math.round(memory.peakRss / 1048576),
      bytes: file?.byteLength ?? 0,
      itemsRead: after.itemsRead - before.itemsRead,
    };
    console.log(
      `export ${format.padEnd(4)} ${result.status} in ${result.seconds} s, peak RSS ${result.peakRssMb} MB, ${result.bytes} bytes, items read ${result.itemsRead}`,
    );
    return result;
  };
  const exports = {
    xlsx: await exportRun("xlsx"),
    csv: await exportRun("csv"),
    isolated: await isolatedExport(256),
    isolatedAsDeployed: await isolatedExport(LAMBDA_MEMORY_MB),
  };

  // The reminder job, run here against the same store (SES: the stack's mail sink) on the day 7 days before the
  // generated campaign's deadline (20 December): every institution that has not submitted gets a digest.
  const reminders = await (async () => {
    const { storeMetrics } = await import("@rnc/core/dynamo");
    const { withActor } = await import("@rnc/core");
    const { runReminders } = await import("@rnc/core/reminders");
    const { reminderSources } = await import("@rnc/core/reminders/registry");
    const before = { itemsRead: storeMetrics.itemsRead, calls: storeMetrics.calls, scans: storeMetrics.byOperation.Scan ?? 0 };
    const started = performance.now();
    const report = await withActor({ type: "system", properties: {} }, () =>
      runReminders({
        date: `${new Date().getUTCFullYear()}-12-13`,
        sources: reminderSources,
        policy: { ratePerSecond: 1000, attempts: 2, backoffMs: 10 },
      }),
    );
    return {
      seconds: Math.round(performance.now() - started) / 1000,
      ...report,
      dueItemsRead: report.itemsRead,
      storeItemsRead: storeMetrics.itemsRead - before.itemsRead,
      storeCalls: storeMetrics.calls - before.calls,
      scans: (storeMetrics.byOperation.Scan ?? 0) - before.scans,
    };
  })();
  console.log(
    `Reminder job: ${reminders.seconds} s, ${reminders.sent} digests, due items read ${reminders.dueItemsRead}, store items read ${reminders.storeItemsRead}, scans ${reminders.scans}`,
  );

  const bundles = await measureBundles({ curator, region_admin: region.users.regionAdmin });
  const web = measureWebInitialJs();
  const ops = perOperation as Record<string, { kind: string; latency: Record<string, LoadResult>; overheadRatio: number | null }>;
  const curatorReads = Object.values(ops).filter((o) => o.kind === "curator read");
  const targets: Target[] = [
    {
      name: "stack overhead over raw store calls, worst read op (1 client, p50, timed in interleaved blocks)",
      actual: Math.max(...Object.values(ops).map((o) => o.overheadRatio ?? 0)),
      limit: 1.5,
      unit: "×",
      comparison: "≤",
    },
    {
      name: "curator reads p95 at 20 clients (worst)",
      actual: Math.max(...curatorReads.map((o) => o.latency.c20!.p95)),
      limit: 50,
      unit: "ms",
      comparison: "≤",
    },
    {
      name: "curator reads errors at 20 clients",
      actual: curatorReads.reduce((n, o) => n + o.latency.c20!.errors, 0),
      limit: 0,
      unit: "",
      comparison: "=",
    },
    {
      name: `API bundle (minified, AWS SDK external), largest group Lambda (${bundles.largestApiBundle.group})`,
      actual: Math.round(bundles.largestApiBundle.value / 1024),
      limit: 400,
      unit: "KB",
      comparison: "≤",
    },
    {
      name: `API bundle cold import, slowest group Lambda (${bundles.slowestApiColdImport.group})`,
      actual: bundles.slowestApiColdImport.value,
      limit: 60,
      unit: "ms",
      comparison: "≤",
    },
    { name: "web initial JS (gzip)", actual: Math.round(web.gzipBytes / 1024), limit: 200, unit: "KB", comparison: "≤" },
    {
      name: `region dashboard p95, 1 client (${scale.institutions} institutions)`,
      actual: ops["stats.region (dashboard)"]!.latency.c1!.p95,
      limit: 250,
      unit: "ms",
      comparison: "≤",
    },
    {
      name: "region dashboard items read per institution",
      actual:
        Math.round(
          ((perOperation["stats.region (dashboard)"] as { cost: { itemsRead: number } }).cost.itemsRead / scale.institutions) * 10,
        ) / 10,
      limit: 6,
      unit: "",
      comparison: "≤",
    },
    {
      name: "reminder job: table scans (reads only due items through date indexes)",
      actual: reminders.scans,
      limit: 0,
      unit: "",
      comparison: "=",
    },
    { name: "full XLSX export", actual: exports.xlsx.status === "done" ? exports.xlsx.seconds : 999, limit: 5, unit: "s", comparison: "≤" },
    {
      name: "full XLSX export peak RSS (own process, within a 256 MB Lambda's heap limits)",
      actual: exports.isolated.status === "done" ? exports.isolated.peakRssMb : 9999,
      limit: 256,
      unit: "MB",
      comparison: "≤",
    },
  ];
  const results: BenchResults = {
    at: new Date().toISOString(),
    scale: { ...scale, quick },
    machine: { cpus: cpus().length, node: process.version },
    results: {
      generation: {
        items: region.itemsWritten,
        seconds: region.seconds,
        itemsPerSecond: region.itemsPerSecond,
        itemsByKind: region.itemsByKind,
        curatorInstitution: { participants: region.sample.participants, pairs: region.sample.pairs },
      },
      storeFloor: floor,
      stackFloor,
      operations: perOperation,
      exports,
      reminders,
      bundles,
      web,
    },
    targets,
  };
  const diff = save(results);
  console.log(`\n${markdown(results).split("## All measurements")[0]}`);
  console.log("Changes since the previous run:");
  for (const line of diff) console.log(`  ${line}`);
  console.log(`\nMissed targets: ${targets.filter((t) => !met(t)).length} of ${targets.length}. Full results: bench/results/latest.md`);
} finally {
  await stack.stop();
}
