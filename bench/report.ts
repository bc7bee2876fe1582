import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const RESULTS = new URL("./results/", import.meta.url).pathname;

export type Target = { name: string; actual: number | null; limit: number; unit: string; comparison: "≤" | "=" };
export type BenchResults = {
  at: string;
  scale: { institutions: number; participantsPerInstitution: number; quick: boolean };
  machine: { cpus: number; node: string };
  results: Record<string, unknown>;
  targets: Target[];
};

export const met = (t: Target) => t.actual !== null && (t.comparison === "=" ? t.actual === t.limit : t.actual <= t.limit);

function flatten(value: unknown, prefix = ""): Record<string, number> {
  if (typeof value === "number") return { [prefix]: value };
  if (!value || typeof value !== "object") return {};
  return Object.entries(value).reduce<Record<string, number>>(
    (acc, [key, inner]) => Object.assign(acc, flatten(inner, prefix ? `${prefix}.${key}` : key)),
    {},
  );
}

export function markdown(results: BenchResults): string {
  const lines = [
    `# Benchmark results (${results.at})`,
    "",
    `Scale: ${results.scale.institutions} institutions × ${results.scale.participantsPerInstitution} participants${results.scale.quick ? " (quick)" : ""}; ${results.machine.cpus} CPUs, Node ${results.machine.node}.`,
    "",
    "## Targets",
    "",
    "| target | actual | limit | met |",
    "|---|--:|--:|:-:|",
    ...results.targets.map(
      (t) => `| ${t.name} | ${t.actual ?? "—"} ${t.unit} | ${t.comparison} ${t.limit} ${t.unit} | ${met(t) ? "✔" : "✘ missed"} |`,
    ),
    "",
    "## All measurements",
    "",
    "| metric | value |",
    "|---|--:|",
    ...Object.entries(flatten(results.results)).map(([key, value]) => `| ${key} | ${value} |`),
    "",
  ];
  return lines.join("\n");
}

/** Writes latest.json and latest.md, keeps the previous run as previous.json, and returns the differences. */
export function save(results: BenchResults): string[] {
  const latest = join(RESULTS, "latest.json");
  const previousFile = join(RESULTS, "previous.json");
  if (existsSync(latest)) renameSync(latest, previousFile);
  writeFileSync(latest, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(RESULTS, "latest.md"), markdown(results));
  if (!existsSync(previousFile)) return ["(no previous results to compare with)"];
  const before = flatten((JSON.parse(readFileSync(previousFile, "utf8")) as BenchResults).results);
  const after = flatten(results.results);
  return Object.entries(after)
    .filter(([key, value]) => before[key] !== undefined && before[key] !== value)
    .map(([key, value]) => {
      const old = before[key] ?? 0;
      const change = old === 0 ? "" : ` (${value > old ? "+" : ""}${Math.round(((value - old) / old) * 100)}%)`;
      return `${key}: ${old} → ${value}${change}`;
    });
}
