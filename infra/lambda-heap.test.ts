import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { LAMBDA_MEMORY_MB, lambdaHeapFlags } from "./lambda-heap";

describe("the Lambdas' heap limits", () => {
  test("are the Node.js runtime's for the memory size: a tenth for the young generation in two semi-spaces, the rest old", () => {
    expect(lambdaHeapFlags(1024)).toEqual(["--max-semi-space-size=51", "--max-old-space-size=922"]);
    expect(lambdaHeapFlags(512)).toEqual(["--max-semi-space-size=25", "--max-old-space-size=461"]);
  });

  test("npm start runs the local API server under the same limits as the deployed API", () => {
    const start = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).scripts.start as string;
    expect(start).toContain(`tsx ${lambdaHeapFlags(LAMBDA_MEMORY_MB).join(" ")} scripts/start.ts`);
  });
});
