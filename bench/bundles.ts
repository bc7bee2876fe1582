import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const ROOT = new URL("..", import.meta.url).pathname;
const OUT = join(ROOT, "bench/.build");

export const lambdaEntries = {
  api: "functions/api/lambda.ts",
  reminders: "functions/jobs/reminders.ts",
  sesFeedback: "functions/events/ses-feedback.ts",
};

/**
 * Bundles each Lambda exactly as deployed (ESM, minified, node20, AWS SDK external, code splitting so
 * rarely used libraries load on first use) and times a cold import of the entry in a fresh Node.
 * `bytes` is the entry chunk plus the chunks it imports statically (what a cold start loads).
 */
export async function measureBundles() {
  mkdirSync(OUT, { recursive: true });
  const results: Record<string, { bytes: number; gzipBytes: number; totalBytes: number; coldImportMs: number }> = {};
  for (const [name, entry] of Object.entries(lambdaEntries)) {
    const outdir = join(OUT, name);
    rmSync(outdir, { recursive: true, force: true });
    const built = await build({
      entryPoints: { index: join(ROOT, entry) },
      outdir,
      outExtension: { ".js": ".mjs" },
      splitting: true,
      metafile: true,
      bundle: true,
      minify: true,
      format: "esm",
      platform: "node",
      target: "node20",
      external: ["@aws-sdk/*"],
      charset: "utf8",
      banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
      logLevel: "silent",
    });
    const timings: number[] = [];
    for (let i = 0; i < 5; i++) {
      const run = spawnSync(
        process.execPath,
        [
          "--input-type=module",
          "-e",
          `const t = performance.now(); await import(${JSON.stringify(join(outdir, "index.mjs"))}); console.log(performance.now() - t);`,
        ],
        { cwd: ROOT, env: { ...process.env, TABLE_NAME: "bench", AWS_REGION: "eu-central-1" }, encoding: "utf8" },
      );
      timings.push(Number(run.stdout.trim()));
    }
    const outputs = built.metafile.outputs;
    const entryFile = Object.keys(outputs).find((file) => outputs[file]?.entryPoint)!;
    const initial = [
      entryFile,
      ...(outputs[entryFile]?.imports ?? []).filter((i) => i.kind === "import-statement" && !i.external).map((i) => i.path),
    ];
    const bytes = initial.reduce((sum, file) => sum + statSync(join(ROOT, file)).size, 0);
    results[name] = {
      bytes,
      totalBytes: Object.values(outputs).reduce((sum, output) => sum + output.bytes, 0),
      gzipBytes: initial.reduce((sum, file) => sum + gzipSync(readFileSync(join(ROOT, file))).length, 0),
      coldImportMs: Math.round(timings.sort((a, b) => a - b)[2]! * 10) / 10,
    };
  }
  return results;
}

/** The web app's initial JavaScript: the entry script and its module preloads, gzipped. */
export function measureWebInitialJs() {
  const dist = join(ROOT, "web/dist");
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const files = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map((m) => m[1]!);
  const gzipBytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file.replace(/^\//, "")))).length, 0);
  return { files, gzipBytes };
}
