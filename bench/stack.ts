import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";

export type BenchStack = {
  url: string;
  dynamoEndpoint: string;
  mailEndpoint: string;
  tableName: string;
  child: ChildProcess;
  stop: () => Promise<void>;
};

/** Starts bench/child.ts (the local stack, in memory) and waits for its endpoints. */
export async function startBenchStack(env: Record<string, string>): Promise<BenchStack> {
  const child = spawn(process.execPath, ["--import", "tsx", new URL("./child.ts", import.meta.url).pathname], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`bench stack exited with ${code}`)));
  });
  const info = JSON.parse(line) as Omit<BenchStack, "child" | "stop">;
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
