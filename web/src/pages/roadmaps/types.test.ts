import { describe, expect, it } from "vitest";
import { titleWithPeriod } from "./types";

describe("titleWithPeriod", () => {
  it.each([
    // The review's case: the title already names the period.
    ["Дорожная карта внедрения ЦМН на 2026/27 учебный год", "2026/27 учебный год", "Дорожная карта внедрения ЦМН на 2026/27 учебный год"],
    ["План на 2026/27 уч. год", "2026/27 учебный год", "План на 2026/27 уч. год"],
    ["План на 2026–2027 годы", "2026–2027", "План на 2026–2027 годы"],
    ["План мероприятий", "2026/27 учебный год", "План мероприятий (2026/27 учебный год)"],
    // Another year in the title is not this period.
    ["План на 2025/26 учебный год", "2026/27 учебный год", "План на 2025/26 учебный год (2026/27 учебный год)"],
    ["План мероприятий", "", "План мероприятий"],
  ])("%s + %s → %s", (title, period, shown) => {
    expect(titleWithPeriod(title, period)).toBe(shown);
  });
});
