import { outOf as coreOutOf } from "@rnc/core/ru";
import { describe, expect, it } from "vitest";
import { countOf, nouns, outOf, plural } from "./plural";

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

describe("outOf", () => {
  /** The genitive forms the pages spelled out before outOf: surveys' invitees and links, roadmap items. */
  const spelledOut = [
    ["приглашённого", "приглашённых", "приглашённых"],
    ["ссылки", "ссылок", "ссылок"],
    ["мероприятия", "мероприятий", "мероприятий"],
  ] as const;

  it.each([0, 1, 2, 5, 11, 21, 101, 111, 1000, 1001])("%i: the text the spelled-out forms gave", (n) => {
    for (const forms of spelledOut) expect(outOf(n, [forms[0], forms[1]])).toBe(countOf(n, forms));
  });

  it.each([1, 2, 5, 11, 21])("%i: the text core's outOf gives", (n) => {
    for (const forms of spelledOut) expect(outOf(n, [forms[0], forms[1]])).toBe(coreOutOf(n, [forms[0], forms[1]]));
  });

  it("groups thousands, which core's outOf (for the server's texts) does not", () => {
    expect(`2 из ${outOf(1000, ["приглашённого", "приглашённых"])}`).toBe("2 из 1\u00a0000 приглашённых");
    expect(coreOutOf(1000, ["приглашённого", "приглашённых"])).toBe("1000 приглашённых");
  });
});
