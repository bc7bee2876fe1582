import { describe, expect, it } from "vitest";
import { todayIn } from "../dates";
import { ageForStats, fullYears, isMinor } from "./age";

describe("age and the minor flag", () => {
  it.each([
    ["2008-05-10", "2026-05-09", 17],
    ["2008-05-10", "2026-05-10", 18],
    ["2008-05-10", "2026-05-11", 18],
    ["2008-12-31", "2026-12-30", 17],
    ["2008-12-31", "2026-12-31", 18],
    ["2008-02-29", "2026-02-27", 17],
    ["2008-02-29", "2026-02-28", 18],
    ["2008-02-29", "2028-02-28", 19],
    ["2008-02-29", "2028-02-29", 20],
  ])("born %s, on %s → %i full years", (birth, today, years) => {
    expect(fullYears(birth, today)).toBe(years);
  });

  it.each([
    [{ birthDate: "2008-05-10" }, "2026-05-09", true],
    [{ birthDate: "2008-05-10" }, "2026-05-10", false],
    [{ birthYear: 2008 }, "2026-12-31", true],
    [{ birthYear: 2008 }, "2027-01-01", false],
    [{}, "2026-01-01", false],
  ])("%j on %s → minor %s", (birth, today, minor) => {
    expect(isMinor(birth, today)).toBe(minor);
  });

  it("ages for the KPI bands: by date, or the age reached this year for a bare year", () => {
    expect(ageForStats("2016-06-01", "2026-05-31")).toBe(9);
    expect(ageForStats("2016-06-01", "2026-06-01")).toBe(10);
    expect(ageForStats("2016", "2026-01-01")).toBe(10);
    expect(ageForStats("unknown", "2026-01-01")).toBeUndefined();
  });

  it("today is the region's calendar date, not UTC", () => {
    const lateEvening = new Date("2026-03-01T21:30:00Z");
    expect(todayIn("Europe/Moscow", lateEvening)).toBe("2026-03-02");
    expect(todayIn("Asia/Vladivostok", new Date("2026-03-01T14:30:00Z"))).toBe("2026-03-02");
    expect(todayIn("Europe/Kaliningrad", lateEvening)).toBe("2026-03-01");
  });
});
