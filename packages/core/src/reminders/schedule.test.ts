import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isoWeekday } from "../dates";
import { localTime } from "./schedule";

describe("reminder calendar", () => {
  it.each([
    ["2026-12-13T06:00:00Z", "Europe/Moscow", { date: "2026-12-13", hour: 9, weekday: 7 }],
    ["2026-12-13T07:00:00Z", "Europe/Kaliningrad", { date: "2026-12-13", hour: 9, weekday: 7 }],
    ["2026-12-13T04:00:00Z", "Asia/Yekaterinburg", { date: "2026-12-13", hour: 9, weekday: 7 }],
    ["2026-12-12T23:00:00Z", "Asia/Vladivostok", { date: "2026-12-13", hour: 9, weekday: 7 }],
    // UTC+12: 09:00 on the 14th is still the 13th in UTC (the day boundary).
    ["2026-12-13T21:00:00Z", "Asia/Kamchatka", { date: "2026-12-14", hour: 9, weekday: 1 }],
    ["2026-12-13T21:00:00Z", "Europe/Moscow", { date: "2026-12-14", hour: 0, weekday: 1 }],
  ])("%s in %s", (instant, zone, expected) => {
    expect(localTime(new Date(instant), zone)).toEqual(expected);
  });

  it("adds days across month and year ends", () => {
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
    expect(daysBetween("2026-12-13", "2026-12-20")).toBe(7);
    expect(daysBetween("2026-12-21", "2026-12-20")).toBe(-1);
    expect(isoWeekday("2026-12-14")).toBe(1);
  });
});
