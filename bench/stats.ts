export type Summary = { n: number; p50: number; p95: number; p99: number; mean: number };

const round = (ms: number) => Math.round(ms * 100) / 100;

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(sorted.length, 1);
  return { n: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), mean: round(mean) };
}

/** Runs `fn` sequentially `n` times (after `warmup` runs) and returns the latency summary in ms. */
export async function timeSequential(n: number, fn: () => Promise<unknown>, warmup = Math.min(20, n)): Promise<Summary> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

/**
 * A closed loop: `concurrency` clients, each calling `fn` again as soon as its last call returns, for `durationMs`,
 * and on (up to four times as long, with a warning if that is not enough) until there are `minSamples` latencies, so
 * that a slow operation's p95 rests on enough of them. Returns every call's latency in ms and the elapsed seconds.
 */
export async function closedLoop(concurrency: number, durationMs: number, fn: () => Promise<unknown>, minSamples = 0) {
  const samples: number[] = [];
  const started = performance.now();
  const deadline = started + durationMs;
  const cutoff = started + durationMs * 4;
  const running = () => {
    const now = performance.now();
    return now < deadline || (samples.length < minSamples && now < cutoff);
  };
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (running()) {
        const start = performance.now();
        await fn();
        samples.push(performance.now() - start);
      }
    }),
  );
  if (samples.length < minSamples) console.warn(`  (only ${samples.length} samples in ${durationMs * 4} ms; fewer than ${minSamples})`);
  return { samples, seconds: (performance.now() - started) / 1000 };
}
