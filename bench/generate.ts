/**
 * Synthetic region for the benchmarks: participants, consents, pairs and groups with plans and meeting diaries,
 * roadmaps, a monitoring campaign and the statistics derived from all of it, item for item what the product's write
 * paths produce, written by a parallel bulk loader (bench/generate/). The loader is imported only when called: the
 * core reads the store's endpoint and table from the environment when its modules load.
 */
import type { GeneratedRegion, Scale } from "./generate/region";

export type { GeneratedRegion, Scale };

export async function generateRegion(scale: Scale): Promise<GeneratedRegion> {
  const { generateRegion: load } = await import("./generate/region");
  return load(scale);
}
