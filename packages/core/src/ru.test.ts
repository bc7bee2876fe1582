import { describe, expect, it } from "vitest";
import { addressName, endSentence, greeting, lowerFirst, outOf, withoutFinalStop } from "./ru";

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

  it("greets an adult by name and patronymic, a minor by first name only", () => {
    expect(greeting("Петров Иван Петрович")).toBe("Здравствуйте, Иван Петрович!");
    expect(greeting("Петров Иван Петрович", { minor: false })).toBe("Здравствуйте, Иван Петрович!");
    expect(greeting("Петров Иван Петрович", { minor: true })).toBe("Здравствуйте, Иван!");
    expect(greeting("Администратор", { minor: true })).toBe("Здравствуйте, Администратор!");
  });

  it("ends a sentence with one full stop: none added after a quote that ends with its own mark", () => {
    expect(endSentence("С комментарием: «В строке 3 похоже на опечатку.»")).toBe("С комментарием: «В строке 3 похоже на опечатку.»");
    expect(endSentence("С комментарием: «Почему так?»")).toBe("С комментарием: «Почему так?»");
    expect(endSentence("С комментарием: «Проверьте…»")).toBe("С комментарием: «Проверьте…»");
    expect(endSentence("С комментарием: «Проверьте обучение»")).toBe("С комментарием: «Проверьте обучение».");
    expect(endSentence("Готово!")).toBe("Готово!");
  });

  it("drops a sentence's own full stop, not an ellipsis", () => {
    expect(withoutFinalStop("Работа с детьми-сиротами (оставшимися без попечения родителей).")).toBe(
      "Работа с детьми-сиротами (оставшимися без попечения родителей)",
    );
    expect(withoutFinalStop("Подготовка отчёта")).toBe("Подготовка отчёта");
    expect(withoutFinalStop("И так далее...")).toBe("И так далее...");
  });

  it("lowers only the first letter of a label used inside a sentence", () => {
    expect(lowerFirst("Администратор РНЦ")).toBe("администратор РНЦ");
  });
});
