import { describe, expect, it } from "vitest";
import { type PairPage, nextStage, pairTitle } from "./model";

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

describe("pairTitle (a pair's page title)", () => {
  const member = (name: string, role: "mentor" | "mentee") => ({ participantId: name, name, role, minor: false, consent: "signed" });
  const pairOf = (kind: "pair" | "group", members: ReturnType<typeof member>[]) => ({ kind, members }) as unknown as PairPage["pair"];

  it("names a pair's mentor and mentee, and a group's mentor and size", () => {
    const mentor = member("Петров Пётр Петрович", "mentor");
    expect(pairTitle(pairOf("pair", [mentor, member("Иванова Мария Сергеевна", "mentee")]))).toBe("Пара: Петров П. П. и Иванова М. С.");
    const mentees = ["Иванова Мария Сергеевна", "Сидоров Олег Ильич", "Кузнецова Анна"].map((name) => member(name, "mentee"));
    expect(pairTitle(pairOf("group", [mentor, ...mentees]))).toBe("Группа: Петров П. П. и 3 наставляемых");
  });
});
