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
 * Times `a` and `b` in alternating blocks of `block` calls each (a block of a, a block of b, then b before a, and so
 * on), after `warmup` calls of each, until `n` calls of each or `maxMs` have passed. Each block is a steady loop of one
 * kind of call, as `timeSequential` times it, and the blocks interleave over the whole run, so a ratio of the two is
 * not skewed by the machine speeding up or slowing down between two separate runs (the store's JIT and collector
 * settling after a bulk load, another process's burst).
 */
export async function timeInterleaved(
  n: number,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  options: { block?: number; warmup?: number; maxMs: number },
): Promise<{ a: Summary; b: Summary }> {
  const block = options.block ?? 25;
  for (let i = 0; i < (options.warmup ?? 20); i++) await a();
  for (let i = 0; i < (options.warmup ?? 20); i++) await b();
  const samples = { a: [] as number[], b: [] as number[] };
  const run = async (name: "a" | "b") => {
    const fn = name === "a" ? a : b;
    for (let i = 0; i < block; i++) {
      const start = performance.now();
      await fn();
      samples[name].push(performance.now() - start);
    }
  };
  const deadline = performance.now() + options.maxMs;
  for (let round = 0; samples.a.length < n && performance.now() < deadline; round++) {
    for (const name of round % 2 === 0 ? (["a", "b"] as const) : (["b", "a"] as const)) await run(name);
  }
  return { a: summarize(samples.a), b: summarize(samples.b) };
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
