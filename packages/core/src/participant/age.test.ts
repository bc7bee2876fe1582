import { describe, expect, it } from "vitest";
import { todayIn } from "../dates";
import { ADULT_COHORT, ageInYear, birthCohort, fullYears, isMinor } from "./age";

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

  it("ages for the KPI bands: full years on 1 January of the reporting year, from the birth cohort", () => {
    const age = (birth: { birthDate?: string; birthYear?: number }, today: string) =>
      ageInYear(birthCohort(birth), Number(today.slice(0, 4)));
    expect(age({ birthDate: "2016-06-01" }, "2026-12-31")).toBe(9);
    expect(age({ birthDate: "2016-06-01" }, "2027-01-01")).toBe(10);
    expect(age({ birthDate: "2016-01-01" }, "2026-03-15")).toBe(10);
    expect(age({ birthYear: 2016 }, "2026-03-15")).toBe(9);
    expect(birthCohort({ birthDate: "1985-03-03" })).toBe(ADULT_COHORT);
    expect(age({ birthDate: "1985-03-03" }, "2026-03-15")).toBeUndefined();
    expect(age({}, "2026-03-15")).toBeUndefined();
  });

  it("the cohort age equals full years on 1 January for every birth date that can still be in a band", () => {
    for (let day = 0; day < 366 * 30; day += 7) {
      const birthDate = new Date(Date.UTC(2000, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
      for (const year of [2020, 2026, 2031]) {
        const expected = fullYears(birthDate, `${year}-01-01`);
        const cohortAge = ageInYear(birthCohort({ birthDate }), year);
        if (birthCohort({ birthDate }) === ADULT_COHORT) expect(expected).toBeGreaterThanOrEqual(20);
        else expect(cohortAge).toBe(expected);
      }
    }
  });

  it("today is the region's calendar date, not UTC", () => {
    const lateEvening = new Date("2026-03-01T21:30:00Z");
    expect(todayIn("Europe/Moscow", lateEvening)).toBe("2026-03-02");
    expect(todayIn("Asia/Vladivostok", new Date("2026-03-01T14:30:00Z"))).toBe("2026-03-02");
    expect(todayIn("Europe/Kaliningrad", lateEvening)).toBe("2026-03-01");
  });
});
