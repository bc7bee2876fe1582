import { describe, expect, it } from "vitest";
import {
  type FormCode,
  type ParticipantCategory,
  defaultFormsByType,
  formCatalogue,
  formFitProblems,
  formFits,
  formsFor,
} from "./catalogue";

describe("forms catalogue (DOMAIN.md §2.2)", () => {
  it("numbers the eight forms F1–F8 with unique codes", () => {
    expect(formCatalogue.map((f) => f.number)).toEqual(["F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8"]);
    expect(new Set(formCatalogue.map((f) => f.code)).size).toBe(8);
  });

  it.each<[FormCode, ParticipantCategory, ParticipantCategory[], boolean]>([
    ["pupil_pupil", "pupil", ["pupil"], true],
    ["pupil_pupil", "teacher", ["pupil"], false],
    ["pupil_pupil", "pupil", ["pupil", "student"], false],
    ["teacher_teacher", "teacher", ["young_specialist"], true],
    ["teacher_teacher", "teacher", ["teacher"], true],
    ["teacher_teacher", "pupil", ["teacher"], false],
    ["student_student", "student", ["student", "student"], true],
    ["student_pupil", "student", ["pupil"], true],
    ["student_pupil", "pupil", ["student"], false],
    ["employer_student", "employer", ["student"], true],
    ["employer_student", "employer", ["pupil"], false],
    ["teacher_student", "teacher", ["student"], true],
    ["head_teacher", "head", ["teacher"], true],
    ["head_teacher", "teacher", ["teacher"], false],
    ["teacher_young_teacher", "teacher", ["young_specialist"], true],
    ["teacher_young_teacher", "teacher", ["teacher"], false],
  ])("%s: mentor %s, mentees %j → fits %s", (form, mentor, mentees, fits) => {
    expect(formFits(form, mentor, mentees)).toBe(fits);
  });

  it("names which side does not fit", () => {
    expect(formFitProblems("pupil_pupil", "teacher", ["pupil", "parent"])).toEqual([
      { side: "mentor", category: "teacher", participantIndex: 0 },
      { side: "mentee", category: "parent", participantIndex: 1 },
    ]);
  });

  it("defaults by institution type: schools use the school forms, colleges the SPO ones", () => {
    expect(defaultFormsByType.school).toEqual(["pupil_pupil", "teacher_teacher"]);
    expect(defaultFormsByType.college).toContain("student_pupil");
    expect(defaultFormsByType.college).not.toContain("pupil_pupil");
  });

  it("lists only enabled forms that admit the pair", () => {
    expect(formsFor(["pupil_pupil", "teacher_teacher"], "teacher", "young_specialist")).toEqual(["teacher_teacher"]);
    expect(formsFor(["pupil_pupil"], "teacher", "young_specialist")).toEqual([]);
  });
});
