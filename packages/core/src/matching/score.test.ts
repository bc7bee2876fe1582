import { describe, expect, it } from "vitest";
import type { FormCode } from "../forms/catalogue";
import { type MenteeProfile, type MentorProfile, rankMentors, scoreMentor, stems, weights } from "./score";

const mentee: MenteeProfile = { participantId: "m1", category: "pupil", group: "7Б", requests: ["Математика", "Подготовка к олимпиаде"] };
const mentor = (overrides: Partial<MentorProfile>): MentorProfile => ({
  participantId: "t1",
  name: "Наставник",
  category: "pupil",
  group: "10А",
  competences: [],
  capacity: 1,
  activeMentees: 0,
  available: true,
  ...overrides,
});
const school: FormCode[] = ["pupil_pupil", "teacher_teacher"];

describe("mentor scoring", () => {
  it("stems words so that case forms match", () => {
    expect(stems("Математике и олимпиадам")).toEqual(new Set(["матем", "олимп"]));
  });

  it.each<[string, Partial<MentorProfile>, number | undefined]>([
    ["no fitting form → excluded", { category: "teacher" }, undefined],
    ["unavailable (restricted) → excluded", { available: false }, undefined],
    ["no free place → excluded", { capacity: 2, activeMentees: 2 }, undefined],
    ["the mentee themself → excluded", { participantId: "m1" }, undefined],
    ["form fits, nothing in common, 1 place", {}, weights.formFit + 5],
    ["one of two requests matched", { competences: ["математика"] }, weights.formFit + 25 + 5],
    ["both requests matched", { competences: ["математика", "олимпиады"] }, weights.formFit + 50 + 5],
    ["many free places are capped", { capacity: 10 }, weights.formFit + weights.capacityMax],
    ["same class in a peer form is penalised", { group: "7 б" }, weights.formFit + 5 + weights.sameGroup],
  ])("%s", (_name, overrides, score) => {
    expect(scoreMentor(mentee, mentor(overrides), school)?.score).toBe(score);
  });

  it("explains the score", () => {
    const suggestion = scoreMentor(mentee, mentor({ competences: ["олимпиадная математика"], capacity: 3, activeMentees: 1 }), school);
    expect(suggestion?.reasons).toEqual([
      "Подходит форма: «Ученик – ученик»",
      "Компетенции отвечают на запросы: Математика; Подготовка к олимпиаде",
      "Свободно 2 места из 3",
    ]);
  });

  it("explains the same-class penalty with the form's own name", () => {
    const reasons = scoreMentor(mentee, mentor({ group: "7Б" }), school)?.reasons ?? [];
    expect(reasons).toContain(
      "Учится в том же классе (группе): в форме «Ученик – ученик» лучше наставник из другого, старшего класса или группы",
    );
  });

  it("ranks by score, then free places, then name", () => {
    const ranked = rankMentors(
      mentee,
      [
        mentor({ participantId: "a", name: "Яковлев", competences: ["математика"] }),
        mentor({ participantId: "b", name: "Борисов", competences: ["математика"] }),
        mentor({ participantId: "c", name: "Васильев", competences: ["математика", "олимпиады"] }),
        mentor({ participantId: "d", name: "Григорьев", category: "teacher" }),
      ],
      school,
    );
    expect(ranked.map((s) => s.participantId)).toEqual(["c", "b", "a"]);
  });
});
