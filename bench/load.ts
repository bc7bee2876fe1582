import { type Summary, summarize } from "./stats";

export type LoadResult = Summary & { requests: number; errors: number; throughput: number; statuses: Record<number, number> };
export type RequestSpec = { method: string; path: string; headers?: Record<string, string>; body?: string };

/**
 * A closed-loop HTTP load generator: `concurrency` clients, each sending its next request as soon
 * as the previous answer arrives (keep-alive), for a fixed time. Every latency is recorded, so the
 * percentiles are exact. Any status ≥ 400 counts as an error.
 */
export async function loadTest(
  baseUrl: string,
  spec: RequestSpec | (() => RequestSpec),
  options: { concurrency: number; durationMs: number },
): Promise<LoadResult> {
  const samples: number[] = [];
  const statuses: Record<number, number> = {};
  let errors = 0;
  const deadline = performance.now() + options.durationMs;
  const client = async () => {
    while (performance.now() < deadline) {
      const request = typeof spec === "function" ? spec() : spec;
      const start = performance.now();
      try {
        const response = await fetch(`${baseUrl}${request.path}`, { method: request.method, headers: request.headers, body: request.body });
        await response.arrayBuffer();
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        if (response.status >= 400) errors += 1;
      } catch {
        errors += 1;
      }
      samples.push(performance.now() - start);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  return { ...summarize(samples), requests: samples.length, errors, throughput: Math.round(samples.length / seconds), statuses };
}
