import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const sources = (readdirSync(root, { recursive: true }) as string[])
  .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
  .map((file) => ({ file: relative(root, join(root, file)), text: readFileSync(join(root, file), "utf8") }));

describe("every transaction goes through transactWithSummaries (so one cancelled as invalid is a 413, not a conflict)", () => {
  it("no module sends ElectroDB's transaction itself", () => {
    // `createWriteTransaction(...)` or a Service's `.transaction.write(...)` as a value (a type, `typeof createWriteTransaction`, is fine).
    const direct = sources.filter(
      ({ file, text }) =>
        file !== "stats/summary.ts" && /(?<!typeof\s+)\b(createWriteTransaction|transaction\s*\.\s*write)\s*[<(]/.test(text),
    );
    expect(direct.map(({ file }) => file)).toEqual([]);
  });

  it("only the summary module and one migration send TransactWriteItems themselves", () => {
    const raw = sources.filter(({ text }) => /\bnew TransactWriteCommand\(/.test(text)).map(({ file }) => file);
    // The migration folds legacy satisfaction tallies; a cancellation there means another run folded it first.
    expect(raw.sort()).toEqual(["stats/summary.ts", "survey/legacy.ts"]);
  });
});
