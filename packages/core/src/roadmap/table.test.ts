import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePeriod } from "./period";
import { cleanCell, csvRows, parseTableText, tableFromRows } from "./table";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

describe("roadmap tables", () => {
  it("reads the tab-separated НСТ 2021 roadmap: six sections, 23 items, a row split by a page break joined", () => {
    const table = parseTableText(fixture("nst-2021.txt"));
    expect(table.warnings).toEqual([]);
    expect(table.sections.map((s) => [s.number, s.items.length])).toEqual([
      ["1", 5],
      ["2", 8],
      ["3", 1],
      ["4", 5],
      ["5", 2],
      ["6", 2],
    ]);
    expect(table.sections[0]?.items[0]).toMatchObject({
      number: "1.1",
      name: "Разработка дорожной карты внедрения ЦМН в ОО на 2021 г.",
      deadlineText: "До 15.02.2021",
      executors: "Зам. директора по УВР",
      result: "Дорожная карта",
    });
    expect(table.sections[5]?.items[0]?.number).toBeUndefined();
    expect(table.sections[3]?.items[4]?.result).toBe(
      "Фиксация результатов и организация комфортного выхода наставника и наставляемого из программы с перспективой продолжения цикла",
    );
  });

  it("reads the one-cell-per-line Pelym roadmap with multi-line names", () => {
    const table = parseTableText(fixture("pelym-2020.txt"));
    expect(table.sections.map((s) => s.items.length)).toEqual([4, 5, 1, 6, 2, 1]);
    const acts = table.sections[0]?.items[1];
    expect(acts?.name.split("\n")).toHaveLength(7);
    expect(acts).toMatchObject({ number: "1.2", deadlineText: "Октябрь – ноябрь 2020", result: "приказ" });
    expect(table.sections[1]?.items[2]?.executors).toBeUndefined();
  });

  it.each([
    ["2021 год", "2021-01-01", "2021-12-31"],
    ["2026/27", "2026-09-01", "2027-08-31"],
    ["2026/27 учебный год", "2026-09-01", "2027-08-31"],
    ["2026-2027 уч. г.", "2026-09-01", "2027-08-31"],
    ["2020 – 2024 гг.", "2020-01-01", "2024-12-31"],
    ["на 2020 – 2025 учебный год", "2020-09-01", "2025-08-31"],
    ["2021/2022 гг.", "2021-09-01", "2022-08-31"],
  ])("period «%s»", (text, start, end) => {
    expect(parsePeriod(text)).toEqual({ start, end });
  });

  it.each(["", "скоро", "2030 – 2020", "1999"])("rejects period «%s»", (text) => {
    expect(parsePeriod(text)).toBeUndefined();
  });

  it("reads semicolon CSV with quoted multi-line cells", () => {
    const csv =
      '№ п/п;Наименование мероприятий;Срок реализации;Ответственный исполнитель\n1.;Раздел;;\n1.1;"Встреча:\n- знакомство";"До 01.10.2026";Куратор\n';
    const table = tableFromRows(csvRows(csv));
    expect(table.sections[0]?.items[0]).toMatchObject({
      number: "1.1",
      name: "Встреча:\n- знакомство",
      deadlineText: "До 01.10.2026",
      executors: "Куратор",
    });
  });

  it("strips Word/HTML leftovers", () => {
    expect(cleanCell("<p>Оформлен сборник:</p> <ol><li>раздел 1</li></ol>&nbsp;")).toBe("Оформлен сборник:\nраздел 1");
  });

  it("without a header row it assumes the usual column order and says so", () => {
    const table = parseTableText("1.\tРаздел\t\t\t\n1.1\tВстреча\tДо 01.10.2026\tКуратор\tПротокол");
    expect(table.sections[0]?.items[0]).toMatchObject({ name: "Встреча", executors: "Куратор" });
    expect(table.warnings[0]?.message).toMatch(/Строка заголовков таблицы не найдена/);
  });
});
