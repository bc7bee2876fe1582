import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { LAMBDA_MEMORY_MB, lambdaHeapFlags } from "../infra/lambda-heap";

export type BenchStack = {
  url: string;
  dynamoEndpoint: string;
  mailEndpoint: string;
  tableName: string;
  child: ChildProcess;
  stop: () => Promise<void>;
};

/**
 * Starts bench/child.ts (the local stack, in memory) with a new signing key, waits for its endpoints, and points this
 * process at the same store, mail sink and key (the generator writes through the core's client, and tokens are signed
 * here). SDK version warnings and the core's log lines are silenced in both processes.
 */
export async function startBenchStack(): Promise<BenchStack> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  process.env.LOG_LEVEL = "silent";
  const { generateSigningJwk } = await import("@rnc/core/auth/keys");
  const env = { JWT_PRIVATE_KEY: JSON.stringify(await generateSigningJwk()) };
  // The API server under the API Lambdas' heap limits, as `npm start` runs it.
  const node = [...lambdaHeapFlags(LAMBDA_MEMORY_MB), "--import", "tsx"];
  const child = spawn(process.execPath, [...node, new URL("./child.ts", import.meta.url).pathname], {
    // DynamoDB Local keeps the in-memory table off the Java heap (SQLite: ~2.5 KB of RSS per generated item, about
    // 5 GB at the default scale), but serving the region dashboard to 100 clients at once holds every answer on the heap
    // (about 500 MB at 100 institutions), so the benchmark's store gets more than the local stack's 1 GB.
    // _JAVA_OPTIONS comes after the command line's -Xmx, so it wins.
    env: { _JAVA_OPTIONS: "-Xmx4g", ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`bench stack exited with ${code}`)));
  });
  const info = JSON.parse(line) as Omit<BenchStack, "child" | "stop">;
  Object.assign(process.env, {
    DDB_ENDPOINT: info.dynamoEndpoint,
    SES_ENDPOINT: info.mailEndpoint,
    TABLE_NAME: info.tableName,
    JWT_PRIVATE_KEY: env.JWT_PRIVATE_KEY,
  });
  return {
    ...info,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
