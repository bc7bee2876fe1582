import { Agent, request } from "node:http";
import { type Summary, closedLoop, summarize } from "./stats";

export type LoadResult = Summary & { requests: number; errors: number; throughput: number; statuses: Record<number, number> };
export type RequestSpec = { method: string; path: string; headers?: Record<string, string>; body?: string };

/** One HTTP exchange on a keep-alive connection; resolves with the status once the whole body has arrived. */
function send(agent: Agent, url: URL, spec: RequestSpec): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: spec.method, headers: spec.headers, agent }, (res) => {
      res.on("data", () => {});
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(spec.body);
  });
}

/** One client on one keep-alive connection: `send` makes one exchange and resolves with its status. */
export function keepAliveClient(baseUrl: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return { send: (spec: RequestSpec) => send(agent, new URL(spec.path, baseUrl), spec), close: () => agent.destroy() };
}

/**
 * A closed-loop HTTP load generator: `concurrency` clients, each sending its next request as soon as the previous
 * answer arrives, for a fixed time. Like autocannon it speaks plain node:http over keep-alive connections (one per
 * client), so what is measured is the stack, not the client (Node's fetch adds ~0.35 ms per request here). Every
 * latency is recorded, so the percentiles are exact. Any status ≥ 400 counts as an error.
 */
export async function loadTest(
  baseUrl: string,
  spec: RequestSpec | (() => RequestSpec),
  options: { concurrency: number; durationMs: number },
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  // Warm-up, as the raw floor gets one (bench/stats.ts timeSequential): the first requests compile the route's code
  // and open the connections; up to 20 sequential requests or one second, not recorded.
  const warmUntil = performance.now() + 1000;
  const next = () => (typeof spec === "function" ? spec() : spec);
  for (let i = 0; i < 20 && performance.now() < warmUntil; i++) {
    const request = next();
    await send(agent, new URL(request.path, baseUrl), request).catch(() => 0);
  }
  const statuses: Record<number, number> = {};
  let errors = 0;
  // At least 100 latencies where four times the duration allows: the region dashboard answers ~5 times a second at
  // 1 client, and a p95 of the 27 that 5 s gives is its second-slowest sample.
  const { samples, seconds } = await closedLoop(
    options.concurrency,
    options.durationMs,
    async () => {
      const request = next();
      try {
        const status = await send(agent, new URL(request.path, baseUrl), request);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status >= 400) errors += 1;
      } catch {
        errors += 1;
      }
    },
    100,
  );
  agent.destroy();
  return { ...summarize(samples), requests: samples.length, errors, throughput: Math.round(samples.length / seconds), statuses };
}
