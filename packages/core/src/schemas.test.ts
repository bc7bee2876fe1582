import { describe, expect, it } from "vitest";
import { CampaignInput } from "./monitoring";
import { ItemUpdate } from "./roadmap";
import { count, email, isoDate, phone } from "./schemas";

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe("shared field messages", () => {
  it("a date: one clear message for an empty, malformed or non-existent one, in the ДД.ММ.ГГГГ people type", () => {
    const date = isoDate("Срок сдачи");
    expect(messages(date.safeParse("2026-12-20"))).toEqual([]);
    expect(messages(date.safeParse(""))).toEqual(["Заполните поле «Срок сдачи»"]);
    expect(messages(date.safeParse("2026-02-31"))).toEqual(["Поле «Срок сдачи»: укажите существующую дату в формате ДД.ММ.ГГГГ"]);
    expect(messages(date.safeParse("20.12.2026"))).toEqual(["Поле «Срок сдачи»: укажите существующую дату в формате ДД.ММ.ГГГГ"]);
    expect(messages(date.safeParse(undefined))).toEqual(["Укажите дату в поле «Срок сдачи»"]);
  });

  it("a campaign whose date inputs were left empty: one message per field, none naming ГГГГ-ММ-ДД", () => {
    const result = CampaignInput.safeParse({ kind: "monitoring", name: "Мониторинг ЦМН", periodStart: "", periodEnd: "" });
    const found = result.error?.issues.filter((issue) => String(issue.path[0]).startsWith("period")).map((issue) => issue.message);
    expect(found).toEqual(["Заполните поле «Начало периода»", "Заполните поле «Конец периода»"]);
  });

  it("a roadmap item's evidence link that is too long is refused in Russian", () => {
    const link = `https://disk.example.ru/${"a".repeat(1000)}`;
    expect(messages(ItemUpdate.safeParse({ version: 1, evidence: { link } }))).toEqual([
      "Поле «Подтверждение: ссылка» длиннее 1000 символов",
    ]);
  });

  it("a phone: digits as people write them, with an extension; words or too few digits are refused", () => {
    const field = phone();
    for (const ok of ["+7 (3452) 12-34-56", "8 912 345-67-89", "8-800-100-00-00 доб. 12", "12-34-56", ""]) {
      expect(messages(field.safeParse(ok)), ok).toEqual([]);
    }
    for (const bad of ["звоните после обеда", "abc", "1234", "+7 912 345 67 89 12345 678"]) {
      expect(messages(field.safeParse(bad)), bad).toEqual([
        "Поле «Телефон»: укажите номер цифрами, например +7 (3452) 12-34-56 или 8 912 345-67-89 доб. 12",
      ]);
    }
  });

  it("an email address: «Укажите» when left empty, «корректный» only for one typed wrong", () => {
    for (const empty of ["", "   "]) expect(messages(email().safeParse(empty))).toEqual(["Укажите адрес электронной почты"]);
    expect(messages(email().safeParse("ivanova@"))).toEqual(["Укажите корректный адрес электронной почты, например ivanova@school.ru"]);
    expect(email().parse(" Ivanova@School.ru ")).toBe("ivanova@school.ru");
  });

  it("a count: «Заполните поле» when missing, «должно быть числом» when not a number", () => {
    expect(messages(count("Педагогов всего").safeParse(undefined))).toEqual(["Заполните поле «Педагогов всего»"]);
    expect(messages(count("Педагогов всего").safeParse(Number.NaN))).toEqual(["Поле «Педагогов всего» должно быть числом"]);
    expect(messages(count("Педагогов всего").safeParse(-1))).toEqual(["Поле «Педагогов всего» не может быть отрицательным"]);
  });
});
