import { readFileSync } from "node:fs";
import { parseTableText } from "../packages/core/src/roadmap/table";
const file = process.argv[2]!;
const [from, to] = (process.argv[3] ?? "1-99999").split("-").map(Number);
const text = readFileSync(file, "utf8")
  .split("\n")
  .slice(from! - 1, to)
  .join("\n");
const t = parseTableText(text);
for (const s of t.sections) {
  console.log(`## ${s.number ?? ""} | ${s.title.slice(0, 80)} (${s.items.length})`);
  for (const i of s.items)
    console.log(
      `  ${i.number ?? "-"} | ${i.name.replace(/\n/g, " / ").slice(0, 70)} | ${i.deadlineText} | ${i.executors?.slice(0, 30)} | ${i.result?.replace(/\n/g, " / ").slice(0, 40)}`,
    );
}
console.log(t.warnings);
