import { describe, expect, it } from "vitest";
import { cadenceOf, statusOf } from "./cadence";

/** Publications marked published, planned, and recorded before statuses were kept (none: read by date). */
const published = (...dates: string[]) => dates.map((date) => ({ date, status: "published" as const }));
const planned = (...dates: string[]) => dates.map((date) => ({ date, status: "planned" as const }));
const legacy = (...dates: string[]) => dates.map((date) => ({ date }));

describe("a publication's status", () => {
  it("is the one recorded, or without one, by its date: today or earlier is published, later planned", () => {
    expect(statusOf({ date: "2026-11-20", status: "planned" }, "2026-11-21")).toBe("planned");
    expect(statusOf({ date: "2026-11-20", status: "published" }, "2026-11-21")).toBe("published");
    expect(statusOf({ date: "2026-11-20" }, "2026-11-21")).toBe("published");
    expect(statusOf({ date: "2026-11-21" }, "2026-11-21")).toBe("published");
    expect(statusOf({ date: "2026-11-22" }, "2026-11-21")).toBe("planned");
    expect(statusOf({ date: "2027-01-01", status: undefined }, "2026-12-31")).toBe("planned");
  });
});

describe("the media plan's weekly rule", () => {
  it("seven days since the last publication is on time, eight is late", () => {
    expect(cadenceOf(published("2026-11-14"), "2026-11-21")).toEqual({
      today: "2026-11-21",
      lastPublished: "2026-11-14",
      daysSinceLast: 7,
      overdue: false,
    });
    expect(cadenceOf(published("2026-11-13"), "2026-11-21")).toMatchObject({ daysSinceLast: 8, overdue: true });
    expect(cadenceOf(published("2026-11-21"), "2026-11-21")).toMatchObject({ daysSinceLast: 0, overdue: false });
  });

  it("counts the latest publication dated today or earlier, never a later one, whatever the order", () => {
    expect(cadenceOf(published("2026-11-25", "2026-11-01", "2026-11-13", "2026-10-30"), "2026-11-21")).toMatchObject({
      lastPublished: "2026-11-13",
      daysSinceLast: 8,
      overdue: true,
    });
    expect(cadenceOf(planned("2026-12-31", "2026-11-22"), "2026-11-21")).toEqual({ today: "2026-11-21", overdue: true });
    expect(cadenceOf([], "2026-11-21")).toEqual({ today: "2026-11-21", overdue: true });
  });

  it("never counts a planned publication, not even once its date has passed, until it is marked published", () => {
    const plan = [...published("2026-11-01"), ...planned("2026-11-18", "2026-11-21")];
    expect(cadenceOf(plan, "2026-11-21")).toEqual({ today: "2026-11-21", lastPublished: "2026-11-01", daysSinceLast: 20, overdue: true });
    expect(cadenceOf(planned("2026-11-20"), "2026-11-21")).toEqual({ today: "2026-11-21", overdue: true });
    const marked = [...published("2026-11-01", "2026-11-18"), ...planned("2026-11-21")];
    expect(cadenceOf(marked, "2026-11-21")).toMatchObject({ lastPublished: "2026-11-18", daysSinceLast: 3, overdue: false });
  });

  it("reads a publication recorded before statuses were kept by its date: a past one counts, a later one does not", () => {
    expect(cadenceOf(legacy("2026-11-17"), "2026-11-21")).toEqual({
      today: "2026-11-21",
      lastPublished: "2026-11-17",
      daysSinceLast: 4,
      overdue: false,
    });
    expect(cadenceOf([...legacy("2026-11-25"), ...published("2026-11-10")], "2026-11-21")).toMatchObject({
      lastPublished: "2026-11-10",
      overdue: true,
    });
    expect(cadenceOf([...legacy("2026-11-02", "2026-11-24"), ...planned("2026-11-20")], "2026-11-21")).toMatchObject({
      lastPublished: "2026-11-02",
      daysSinceLast: 19,
    });
  });

  it("does not count a publication marked published but dated after today", () => {
    expect(cadenceOf([...published("2026-11-23"), ...legacy("2026-11-12")], "2026-11-21")).toMatchObject({
      lastPublished: "2026-11-12",
      daysSinceLast: 9,
      overdue: true,
    });
  });

  it("counts days across a month and a year end", () => {
    expect(cadenceOf(published("2025-12-28"), "2026-01-04")).toMatchObject({ daysSinceLast: 7, overdue: false });
    expect(cadenceOf(legacy("2026-02-20"), "2026-03-01")).toMatchObject({ daysSinceLast: 9, overdue: true });
  });
});
