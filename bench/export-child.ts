/**
 * One consolidated export in a process of its own, as the export Lambda runs it: prints the time and the process's
 * RSS before and at its peak (sampled every 10 ms) as one JSON line. Env: DDB_ENDPOINT, TABLE_NAME, REGION_ID, USER_ID.
 */
process.env.LOG_LEVEL = "silent";
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const { withActor } = await import("@rnc/core");
const { Reports } = await import("@rnc/core/reports");
const regionId = process.env.REGION_ID ?? "";
const user = { userId: process.env.USER_ID ?? "", email: "bench@bench.local", role: "region_admin" as const, regionId };

// Warm the modules the export uses (as a warm Lambda has them), then measure.
const { exportId } = await withActor({ type: "user", properties: { ...user } }, () => Reports.start({ format: "csv", sheet: "forms" }));
await Reports.settled();
void exportId;
export {};

const baselineRss = process.memoryUsage().rss;
let peakRss = baselineRss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 10);
const job = await withActor({ type: "user", properties: { ...user } }, () => Reports.start({ format: "xlsx" }));
const started = performance.now();
await Reports.settled();
const seconds = Math.round(performance.now() - started) / 1000;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
const done = await withActor({ type: "user", properties: { ...user } }, () => Reports.get(job.exportId));
process.stdout.write(`${JSON.stringify({ status: done.status, seconds, baselineRss, peakRss })}\n`);
