/** Memory of every API Lambda and of the export function (MB). */
export const LAMBDA_MEMORY_MB = 1024;

/**
 * The V8 heap limits the AWS Lambda Node.js runtime starts a function with (its /var/runtime/bootstrap passes them on
 * node's command line, from the function's memory): a tenth of the memory for the young generation, in two
 * semi-spaces, and the rest for the old one. The local stack's API server runs the same handlers under the same limits
 * (`npm start`, the benchmark) instead of Node's defaults, with which a request that builds a lot, such as the region
 * dashboard of 1,000 institutions, promotes what it builds and pays for it in full collections: its p95 was about a
 * third higher than under these limits.
 */
export function lambdaHeapFlags(memoryMb: number): string[] {
  const young = Math.floor(memoryMb / 10);
  return [`--max-semi-space-size=${Math.floor(young / 2)}`, `--max-old-space-size=${memoryMb - young}`];
}

/**
 * The rest of the runtime's node command line: with any V8 flag on it, Node compiles its own modules without their
 * built-in code cache, so a Lambda cold start pays for that too (the benchmark measures the cold import both ways).
 */
export const lambdaNodeFlags = (memoryMb: number) => ["--expose-gc", "--max-http-header-size=81920", ...lambdaHeapFlags(memoryMb)];
