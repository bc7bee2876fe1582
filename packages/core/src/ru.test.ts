import { describe, expect, it } from "vitest";
import { addressName, outOf } from "./ru";

describe("Russian wording helpers", () => {
  it.each([
    [1, "1 строки"],
    [2, "2 строк"],
    [5, "5 строк"],
    [11, "11 строк"],
    [21, "21 строки"],
    [101, "101 строки"],
  ])("after «из»: %i → «%s»", (n, text) => expect(outOf(n, ["строки", "строк"])).toBe(text));

  it("addresses a person by name and patronymic, as the web app greets", () => {
    expect(addressName("Иванова Мария Сергеевна")).toBe("Мария Сергеевна");
    expect(addressName("  Петров   Пётр ")).toBe("Пётр");
    expect(addressName("Администратор")).toBe("Администратор");
  });
});
