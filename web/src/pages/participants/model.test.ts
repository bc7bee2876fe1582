import { describe, expect, it } from "vitest";
import { dateProblem, parseRuDate } from "./model";

describe("parseRuDate", () => {
  it.each([
    ["14.03.2012", "2012-03-14"],
    ["1.9.2026", "2026-09-01"],
    [" 29.02.2024 ", "2024-02-29"],
    ["31.12.2025", "2025-12-31"],
    ["2026-09-01", "2026-09-01"],
  ])("reads %s as %s", (text, iso) => expect(parseRuDate(text)).toBe(iso));

  it.each([
    ["31.02.2026"],
    ["29.02.2025"],
    ["31.04.2026"],
    ["00.01.2026"],
    ["15.13.2026"],
    ["2026-02-31"],
    ["2026-13-01"],
    ["14/03/2012"],
    ["14.03.12"],
    [""],
  ])("refuses %s (not an existing date as ДД.ММ.ГГГГ)", (text) => expect(parseRuDate(text)).toBeUndefined());

  it("says what to type", () => {
    expect(dateProblem("Дата рождения")).toBe("Дата рождения: укажите существующую дату в формате ДД.ММ.ГГГГ");
  });
});
