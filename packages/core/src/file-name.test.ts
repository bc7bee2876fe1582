import { describe, expect, it } from "vitest";
import { FILE_NAME_MAX, downloadName, safeFileName } from "./file-name";

describe("download names", () => {
  it("keeps «2026/27» readable and does not repeat the kind the title already names", () => {
    const title = "План мероприятий (дорожная карта) внедрения ЦМН в МКОУ СОШ № 1 на 2026/27 учебный год";
    expect(downloadName(title, "xlsx", "Дорожная карта")).toBe(
      "План мероприятий (дорожная карта) внедрения ЦМН в МКОУ СОШ № 1 на 2026-27 учебный год.xlsx",
    );
    expect(downloadName("Дорожная карта 2027", "xlsx", "Дорожная карта")).toBe("Дорожная карта 2027.xlsx");
    expect(downloadName("На 2027 год", "xlsx", "Дорожная карта")).toBe("Дорожная карта На 2027 год.xlsx");
  });

  it("replaces the characters file systems refuse with close ones and collapses spaces", () => {
    expect(safeFileName('ГБПОУ "МТТК": план\n  на  2026\\27 <черновик> | копия*?')).toBe(
      "ГБПОУ «МТТК» – план на 2026-27 ‹черновик› - копия×",
    );
    expect(safeFileName("  .Отчёт.  ")).toBe("Отчёт");
  });

  it("cuts a long title to about 150 characters", () => {
    const name = safeFileName("Мероприятие ".repeat(40));
    expect(name.length).toBeLessThanOrEqual(FILE_NAME_MAX);
    expect(name.endsWith("…")).toBe(true);
    expect(downloadName("Мероприятие ".repeat(40), "xlsx").length).toBeLessThanOrEqual(FILE_NAME_MAX + ".xlsx".length);
  });

  it("names a person's data by the short name", () => {
    expect(downloadName("Иванова М. С.", "xlsx", "Данные участника")).toBe("Данные участника Иванова М. С.xlsx");
  });
});
