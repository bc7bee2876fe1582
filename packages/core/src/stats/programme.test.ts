import { describe, expect, it } from "vitest";
import type { ParticipantCategory } from "../forms/catalogue";
import { type PairSpan, programmeCount, ranIn } from "./programme";

const year2026 = { start: "2026-01-01", end: "2026-12-31" };
const moscow = "Europe/Moscow";

const pair = (overrides: Partial<PairSpan> = {}): PairSpan => ({
  form: "pupil_pupil",
  mentorId: "m1",
  menteeIds: ["e1"],
  activatedAt: "2026-03-01T09:00:00.000Z",
  ...overrides,
});

describe("whether a pair ran in the period", () => {
  it.each([
    ["active since this year", {}, true],
    ["active since last year (across 1 January)", { activatedAt: "2025-10-01T09:00:00.000Z" }, true],
    ["ended last year", { activatedAt: "2025-02-01T09:00:00.000Z", endedAt: "2025-12-20T09:00:00.000Z" }, false],
    ["ended on the period's first day", { activatedAt: "2025-02-01T09:00:00.000Z", endedAt: "2026-01-01T09:00:00.000Z" }, true],
    ["activated after the period", { activatedAt: "2027-01-10T09:00:00.000Z" }, false],
    ["never activated (ended while forming)", { activatedAt: undefined, endedAt: "2026-05-01T09:00:00.000Z" }, false],
  ] as const)("%s: %s", (_, overrides, expected) => {
    expect(ranIn(pair(overrides), year2026, moscow)).toBe(expected);
  });

  it("takes the days in the region's calendar: ended at 23:30 UTC on 31 December is 1 January in Moscow", () => {
    const ended = pair({ activatedAt: "2025-02-01T09:00:00.000Z", endedAt: "2025-12-31T23:30:00.000Z" });
    expect(ranIn(ended, year2026, moscow)).toBe(true);
    expect(ranIn(ended, year2026, "Europe/Kaliningrad")).toBe(true);
    expect(ranIn(ended, year2026, "Atlantic/Azores")).toBe(false);
  });
});

describe("the programme's participants in a period", () => {
  const categories: Record<string, ParticipantCategory> = {
    m1: "pupil",
    m2: "teacher",
    e1: "pupil",
    e2: "pupil",
    e3: "young_specialist",
  };
  const categoryOf = (id: string) => categories[id];

  it("counts each person once, however many pairs they were in, and by role, category and form", () => {
    const count = programmeCount(
      [
        pair({ mentorId: "m1", menteeIds: ["e1", "e2"] }),
        // m1 again, in a pair that ended this year: still one mentor.
        pair({ mentorId: "m1", menteeIds: ["e2"], endedAt: "2026-04-01T09:00:00.000Z" }),
        pair({ form: "teacher_teacher", mentorId: "m2", menteeIds: ["e3"] }),
        // e1 is also a mentor in a group of its own: one person of the total, in both roles.
        pair({ form: "pupil_pupil", mentorId: "e1", menteeIds: ["e2"] }),
      ],
      categoryOf,
      year2026,
      moscow,
    );
    expect(count.all).toEqual({ mentors: 3, mentees: 3, total: 5 });
    expect(count.byCategory).toEqual({
      pupil: { mentors: 2, mentees: 2, total: 3 },
      teacher: { mentors: 1, mentees: 0, total: 1 },
      young_specialist: { mentors: 0, mentees: 1, total: 1 },
    });
    expect(count.byForm).toEqual({
      pupil_pupil: { mentors: 2, mentees: 2, total: 3 },
      teacher_teacher: { mentors: 1, mentees: 1, total: 2 },
    });
  });

  it("leaves out the people of pairs that did not run in the period, and is not cumulative", () => {
    const pairs = [
      pair({ mentorId: "m1", menteeIds: ["e1"], activatedAt: "2024-09-01T09:00:00.000Z", endedAt: "2025-05-20T09:00:00.000Z" }),
      pair({ mentorId: "m2", menteeIds: ["e3"], activatedAt: undefined }),
    ];
    expect(programmeCount(pairs, categoryOf, year2026, moscow)).toEqual({
      all: { mentors: 0, mentees: 0, total: 0 },
      byCategory: {},
      byForm: {},
    });
    expect(programmeCount(pairs, categoryOf, { start: "2025-01-01", end: "2025-12-31" }, moscow).all).toEqual({
      mentors: 1,
      mentees: 1,
      total: 2,
    });
  });

  it("counts a person whose category is unknown in all and in the form, not in any category", () => {
    const count = programmeCount([pair({ mentorId: "gone", menteeIds: ["e1"] })], categoryOf, year2026, moscow);
    expect(count.all).toEqual({ mentors: 1, mentees: 1, total: 2 });
    expect(count.byCategory).toEqual({ pupil: { mentors: 0, mentees: 1, total: 1 } });
    expect(count.byForm.pupil_pupil).toEqual({ mentors: 1, mentees: 1, total: 2 });
  });
});
