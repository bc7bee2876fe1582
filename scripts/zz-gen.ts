import { readFileSync } from "node:fs";
import { parseTableText } from "../packages/core/src/roadmap/table";
const blank = (s?: string) => s?.replace(/\b20(20|21|22)\b/g, "202_");
function gen(file: string, from: number, to: number) {
  const text = readFileSync(file, "utf8")
    .split("\n")
    .slice(from - 1, to)
    .join("\n");
  const t = parseTableText(text);
  return t.sections.map((s) => ({
    number: s.number,
    title: s.title,
    items: s.items.map((i) => ({
      number: i.number,
      name: blank(i.name),
      deadlineText: blank(i.deadlineText),
      executors: i.executors,
      result: i.result,
    })),
  }));
}
console.log(
  JSON.stringify(
    {
      school: gen("/work/shared/seeds/001_3deba82d3d16042c.txt", 1, 200),
      college: gen("/work/shared/seeds/000_46aa8f461ed5957f.txt", 281, 321),
    },
    null,
    2,
  ),
);
