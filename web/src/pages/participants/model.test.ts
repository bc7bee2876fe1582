import { describe, expect, it } from "vitest";
import { nextStage } from "./model";

describe("nextStage", () => {
  it.each([
    [[], "introduction"],
    [["introduction"], "trial"],
    [["introduction", "trial"], "planning"],
    [["introduction", "trial", "planning"], "joint_work"],
    [["planning", "joint_work"], "joint_work"],
    [["joint_work", "final"], "final"],
    // Only the latest meeting counts (the diary comes sorted by date).
    [["joint_work", "introduction"], "trial"],
  ] as const)("after %j suggests %s", (stages, expected) => {
    expect(nextStage(stages.map((stage) => ({ stage })))).toBe(expected);
  });
});
