import { describe, expect, it, vi } from "vitest";
import { MeetingInput } from "../pair";
import { ParticipantInput } from "./index";

const teacher = {
  fullName: "Сидорова Анна Викторовна",
  category: "teacher",
  isMentor: true,
  isMentee: false,
  capacity: 2,
};

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe("participant and meeting fields speak Russian", () => {
  it.each<[string, Record<string, unknown>, string]>([
    ["a fractional capacity", { capacity: 1.5 }, "Число наставляемых — целое число"],
    ["no mentee at all", { capacity: 0 }, "Наставник должен вести хотя бы одного наставляемого"],
    ["a fractional birth year", { birthYear: 1985.5 }, "Год рождения — целое число, например 2012"],
    ["a birth year in the future", { birthYear: 2101 }, "Год рождения не может быть в будущем"],
    ["a date that does not exist", { birthDate: "2026-02-31" }, "Поле «Дата рождения»: укажите существующую дату в формате ДД.ММ.ГГГГ"],
    ["a too long list entry", { competences: ["м".repeat(301)] }, "Поле «Компетенции»: каждый элемент не длиннее 300 символов"],
  ])("%s", (_name, change, message) => {
    const found = messages(ParticipantInput.safeParse({ ...teacher, ...change }));
    expect(found).toEqual([message]);
  });

  it("a birth date in the future is refused, today is not in any region (22:30 UTC is the next day in the east)", () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-15T22:30:00Z") });
    try {
      // 10:30 on 16 December in Kamchatka and Chukotka, 01:30 in Moscow: a child born there this morning is today's.
      expect(messages(ParticipantInput.safeParse({ ...teacher, birthDate: "2026-12-16" }))).toEqual([]);
      expect(messages(ParticipantInput.safeParse({ ...teacher, birthDate: "2026-12-17" }))).toEqual([
        "Дата рождения не может быть в будущем",
      ]);
      // A year alone: this year is allowed, the next one is not.
      expect(messages(ParticipantInput.safeParse({ ...teacher, birthYear: 2026 }))).toEqual([]);
      expect(messages(ParticipantInput.safeParse({ ...teacher, birthYear: 2027 }))).toEqual(["Год рождения не может быть в будущем"]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("a meeting's duration in whole minutes", () => {
    const base = { date: "2026-03-01", stage: "planning", durationMinutes: 30 };
    expect(messages(MeetingInput.safeParse({ ...base, durationMinutes: 30.5 }))).toEqual(["Длительность встречи — целое число минут"]);
    expect(messages(MeetingInput.safeParse({ ...base, format: "online" }))).toEqual(["Формат встречи: очно или дистанционно"]);
  });
});
