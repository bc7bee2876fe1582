import { describe, expect, it } from "vitest";
import { latestTodayInRussia, todayIn } from "./dates";

describe("today in a time zone", () => {
  it("turns over at the zone's midnight, also within a minute already asked about", () => {
    // Kamchatka is UTC+12: its midnight is 12:00 UTC.
    expect(todayIn("Asia/Kamchatka", new Date("2026-12-19T11:59:00.000Z"))).toBe("2026-12-19");
    expect(todayIn("Asia/Kamchatka", new Date("2026-12-19T11:59:59.999Z"))).toBe("2026-12-19");
    expect(todayIn("Asia/Kamchatka", new Date("2026-12-19T12:00:00.000Z"))).toBe("2026-12-20");
    // An earlier instant again (a test's clock, a replayed job): its own date, not the last one worked out.
    expect(todayIn("Asia/Kamchatka", new Date("2026-12-19T11:59:30.000Z"))).toBe("2026-12-19");
  });

  it("keeps each zone's date apart at the same instant", () => {
    const instant = new Date("2026-12-19T21:30:00.000Z");
    expect(todayIn("Europe/Moscow", instant)).toBe("2026-12-20");
    expect(todayIn("Europe/Kaliningrad", instant)).toBe("2026-12-19");
    expect(todayIn("Europe/Moscow", instant)).toBe("2026-12-20");
    expect(latestTodayInRussia(instant)).toBe("2026-12-20");
  });
});
