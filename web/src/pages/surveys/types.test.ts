import { describe, expect, it } from "vitest";
import { outOf } from "../../lib/plural";
import { answeredText, preparedText } from "./types";

describe("survey counts in words", () => {
  it.each([
    [3, 5, "ответили 3 из 5 приглашённых"],
    [1, 5, "ответил 1 из 5 приглашённых"],
    [0, 1, "ответили 0 из 1 приглашённого"],
    [21, 21, "ответил 21 из 21 приглашённого"],
    [2, 1000, "ответили 2 из 1\u00a0000 приглашённых"],
  ])("%i answers of %i links: «%s»", (responses, sent, text) => expect(answeredText(responses, sent)).toBe(text));

  it.each([
    [1, "Подготовлена 1 ссылка"],
    [3, "Подготовлены 3 ссылки"],
    [5, "Подготовлено 5 ссылок"],
    [21, "Подготовлена 21 ссылка"],
  ])("%i links prepared: «%s»", (links, text) => expect(preparedText(links)).toBe(text));

  it("after «из» the links are counted in the genitive", () => {
    expect(`0 из ${outOf(1, ["ссылки", "ссылок"])}`).toBe("0 из 1 ссылки");
    expect(`3 из ${outOf(5, ["ссылки", "ссылок"])}`).toBe("3 из 5 ссылок");
    expect(`3 из ${outOf(21, ["ссылки", "ссылок"])}`).toBe("3 из 21 ссылки");
  });
});
