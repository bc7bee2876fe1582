/**
 * `npm run bench:profile [-- --operation <name>] [-- --institutions N --participants N --seconds S]`: where one of the
 * benchmark's operations (bench/operations.ts; by default the region dashboard) spends CPU in the stack's process.
 * Generates a region (default 50 institutions × 300 participants), warms the operation up, then sends it from one
 * client for S seconds (default 10) while V8's sampling profiler runs in the stack's process (the local stack's
 * `/__local/cpu-profile`), and prints the CPU per request by package and the functions with the most self time. The
 * profile is kept for Chrome DevTools (Performance → Load profile) in bench/.build/profiles/.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateRegion } from "./generate";
import { keepAliveClient } from "./load";
import { benchOperations } from "./operations";
import { startBenchStack } from "./stack";
import { closedLoop, summarize } from "./stats";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT = join(ROOT, "bench/.build/profiles");

const { values } = parseArgs({
  options: {
    operation: { type: "string", default: "stats.region (dashboard)" },
    institutions: { type: "string", default: "50" },
    participants: { type: "string", default: "300" },
    seconds: { type: "string", default: "10" },
  },
});

type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
};

/** Where a function's code lives: an npm package, Node itself, a folder of ours, or V8's own entry ("(garbage collector)"). */
function placeOf(url: string, functionName: string): string {
  if (!url) return functionName;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.startsWith("node:")) return "node";
  return relative(ROOT, url.startsWith("file:") ? fileURLToPath(url) : url)
    .split("/")
    .slice(0, 3)
    .join("/");
}

/** Self time in ms per request, by place and by function, over every sample but the idle ones; largest first. */
function selfTimes(profile: CpuProfile, requests: number) {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byPlace = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const frame = frames.get(id);
    if (!frame || frame.functionName === "(idle)") return;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000 / requests;
    busy += ms;
    const place = placeOf(frame.url, frame.functionName);
    byPlace.set(place, (byPlace.get(place) ?? 0) + ms);
    const name = frame.url ? `${frame.functionName || "(anonymous)"} ${place}:${frame.lineNumber + 1}` : frame.functionName;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  });
  const top = (times: Map<string, number>, n: number) =>
    [...times]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => `  ${ms.toFixed(3).padStart(8)}  ${name}`)
      .join("\n");
  return { busy, byPlace: top(byPlace, 15), byFunction: top(byFunction, 25) };
}

const stack = await startBenchStack();
try {
  const scale = { institutions: Number(values.institutions), participantsPerInstitution: Number(values.participants) };
  console.log(`Generating ${scale.institutions} institutions × ${scale.participantsPerInstitution} participants…`);
  const region = await generateRegion(scale);
  const { operations } = await benchOperations(region);
  const operation = operations.find((o) => o.name === values.operation);
  if (!operation)
    throw new Error(`No operation "${values.operation}"; the operations are:\n${operations.map((o) => `  ${o.name}`).join("\n")}`);

  const client = keepAliveClient(stack.url);
  const send = async () => {
    const status = await client.send(operation.request);
    if (status >= 400) throw new Error(`${operation.request.path} answered ${status}`);
  };
  await closedLoop(1, 2000, send);
  await fetch(`${stack.url}/__local/cpu-profile`, { method: "POST" });
  const latencies = (await closedLoop(1, Number(values.seconds) * 1000, send)).samples;
  const profile = (await (await fetch(`${stack.url}/__local/cpu-profile`)).json()) as CpuProfile;
  client.close();

  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `${operation.name.replace(/[^\w.-]+/g, "_")}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  const times = selfTimes(profile, latencies.length);
  console.log(
    `${operation.name}: ${latencies.length} requests at 1 client, p50 ${summarize(latencies).p50} ms; CPU in the stack's process ${times.busy.toFixed(2)} ms per request`,
  );
  console.log(`\nSelf time by package or folder (ms per request):\n${times.byPlace}`);
  console.log(`\nFunctions with the most self time (ms per request):\n${times.byFunction}`);
  console.log(`\nProfile: ${relative(ROOT, file)}`);
} finally {
  await stack.stop();
}
