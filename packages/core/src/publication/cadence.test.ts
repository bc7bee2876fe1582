import { describe, expect, it } from "vitest";
import { cadenceOf } from "./cadence";

describe("the media plan's weekly rule", () => {
  it("seven days since the last publication is on time, eight is late", () => {
    expect(cadenceOf(["2026-11-14"], "2026-11-21")).toEqual({
      today: "2026-11-21",
      lastPublished: "2026-11-14",
      daysSinceLast: 7,
      overdue: false,
    });
    expect(cadenceOf(["2026-11-13"], "2026-11-21")).toMatchObject({ daysSinceLast: 8, overdue: true });
    expect(cadenceOf(["2026-11-21"], "2026-11-21")).toMatchObject({ daysSinceLast: 0, overdue: false });
  });

  it("counts the latest publication dated today or earlier, never a planned one, whatever the order", () => {
    expect(cadenceOf(["2026-11-25", "2026-11-01", "2026-11-13", "2026-10-30"], "2026-11-21")).toMatchObject({
      lastPublished: "2026-11-13",
      daysSinceLast: 8,
      overdue: true,
    });
    expect(cadenceOf(["2026-12-31", "2026-11-22"], "2026-11-21")).toEqual({ today: "2026-11-21", overdue: true });
    expect(cadenceOf([], "2026-11-21")).toEqual({ today: "2026-11-21", overdue: true });
  });

  it("counts days across a month and a year end", () => {
    expect(cadenceOf(["2025-12-28"], "2026-01-04")).toMatchObject({ daysSinceLast: 7, overdue: false });
    expect(cadenceOf(["2026-02-20"], "2026-03-01")).toMatchObject({ daysSinceLast: 9, overdue: true });
  });
});
