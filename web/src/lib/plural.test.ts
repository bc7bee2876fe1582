import { describe, expect, it } from "vitest";
import { countOf, nouns, plural } from "./plural";

describe("plural", () => {
  it.each([
    [0, "организаций"],
    [1, "организация"],
    [2, "организации"],
    [3, "организации"],
    [4, "организации"],
    [5, "организаций"],
    [11, "организаций"],
    [12, "организаций"],
    [14, "организаций"],
    [21, "организация"],
    [22, "организации"],
    [25, "организаций"],
    [101, "организация"],
    [111, "организаций"],
    [112, "организаций"],
    [1001, "организация"],
    [-3, "организации"],
  ])("%i → %s", (n, expected) => {
    expect(plural(n, nouns.institution)).toBe(expected);
  });

  it("uses the «few» form for fractions", () => {
    expect(plural(1.5, ["минута", "минуты", "минут"])).toBe("минуты");
  });

  it("counts with the number, grouping thousands the Russian way", () => {
    expect(countOf(3, nouns.institution)).toBe("3 организации");
    expect(countOf(5, nouns.institution)).toBe("5 организаций");
    expect(countOf(1250, nouns.student)).toBe("1\u00a0250 обучающихся");
  });
});
