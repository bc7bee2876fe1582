import { describe, expect, it } from "vitest";
import { type Member, activationProblems, isInactive } from "./rules";

const today = "2026-03-01";
const teacher: Member = {
  participantId: "t",
  fullName: "Сидорова Анна Викторовна",
  category: "teacher",
  status: "active",
  birthDate: "1985-01-01",
  consentId: "c1",
  consentSigner: "self",
  capacity: 1,
  activeMentees: 0,
  isMentor: true,
};
const young: Member = { ...teacher, participantId: "y", fullName: "Петров Пётр", category: "young_specialist", birthDate: "2000-01-01" };
const pupil: Member = {
  ...teacher,
  participantId: "p",
  fullName: "Иванов Иван Иванович",
  category: "pupil",
  birthDate: "2012-05-01",
  consentSigner: "legal_representative",
};
const base = {
  form: "teacher_teacher" as const,
  enabledForms: ["teacher_teacher" as const],
  mentor: teacher,
  mentees: [young],
  agreement: { signedAt: today },
  today,
};

const codes = (input: Parameters<typeof activationProblems>[0]) => activationProblems(input).map((p) => p.code);

describe("activation rules", () => {
  it("a complete pair has no problems", () => expect(activationProblems(base)).toEqual([]));
  it("a mentor no longer marked as one in the register (the edit was allowed while the pair was forming)", () =>
    expect(codes({ ...base, mentor: { ...base.mentor, isMentor: false } })).toEqual(["pair.not_mentor"]));
  it("form disabled", () => expect(codes({ ...base, enabledForms: ["pupil_pupil"] })).toEqual(["pair.form_disabled"]));
  it("a disabled form: named, with where the curator turns it on or what else to do", () => {
    const [problem] = activationProblems({ ...base, enabledForms: ["pupil_pupil"] });
    expect(problem?.message).toContain("форма наставничества «Учитель – учитель (педагог – педагог)» не используется в организации");
    expect(problem?.message).toContain("«Моя организация» → «Формы наставничества»");
    expect(problem?.message).toContain("прекратите пару и создайте новую");
  });
  it("form mismatch", () =>
    expect(codes({ ...base, mentees: [pupil], agreement: { signedAt: today, representatives: [{ participantId: "p" }] } })).toEqual([
      "pair.form_mismatch",
    ]));
  it("consent missing, with the minor's hint", () => {
    const problems = activationProblems({
      ...base,
      form: "pupil_pupil",
      enabledForms: ["pupil_pupil"],
      mentor: { ...pupil, participantId: "p2", fullName: "Смирнов Олег" },
      mentees: [{ ...pupil, consentId: undefined }],
      agreement: { signedAt: today, representatives: [{ participantId: "p" }, { participantId: "p2" }] },
    });
    expect(problems).toEqual([
      {
        code: "pair.consent_missing",
        participantId: "p",
        message:
          "Нельзя активировать пару: у участника «Иванов И. И.» нет действующего согласия на обработку персональных данных (несовершеннолетний — согласие законного представителя)",
      },
    ]);
  });
  it("a minor's consent signed by themself is not valid", () =>
    expect(
      codes({
        ...base,
        form: "pupil_pupil",
        enabledForms: ["pupil_pupil"],
        mentor: { ...pupil, participantId: "p2" },
        mentees: [{ ...pupil, consentSigner: "self" }],
        agreement: { signedAt: today, representatives: [{ participantId: "p" }, { participantId: "p2" }] },
      }),
    ).toEqual(["pair.consent_missing"]));
  it("agreement missing", () => expect(codes({ ...base, agreement: undefined })).toEqual(["pair.agreement_missing"]));
  it("agreement without the minor's representative", () =>
    expect(
      codes({
        ...base,
        form: "pupil_pupil",
        enabledForms: ["pupil_pupil"],
        mentor: { ...pupil, participantId: "p2" },
        mentees: [pupil],
        agreement: { signedAt: today, representatives: [{ participantId: "p2" }] },
      }),
    ).toEqual(["pair.agreement_missing"]));
  it("capacity exceeded, with correct plural forms", () => {
    const [problem] = activationProblems({ ...base, mentor: { ...teacher, capacity: 2, activeMentees: 2 } });
    expect(problem?.code).toBe("pair.capacity_exceeded");
    expect(problem?.message).toBe(
      "Нельзя активировать пару: наставник «Сидорова А. В.» может вести не больше 2 наставляемых одновременно, сейчас у него 2 наставляемых",
    );
  });

  it.each([
    [{ status: "active", activatedAt: "2026-01-16T10:00:00Z" }, false],
    [{ status: "active", activatedAt: "2026-01-15T10:00:00Z" }, true],
    // 22:00 UTC on 15 January is already the 16th in Moscow: 44 days, as the quiet-pair reminder counts them.
    [{ status: "active", activatedAt: "2026-01-15T22:00:00Z" }, false],
    [{ status: "active", activatedAt: "2026-01-01T10:00:00Z", lastMeetingDate: "2026-01-15" }, true],
    [{ status: "active", lastMeetingDate: "2026-01-16" }, false],
    [{ status: "completed", lastMeetingDate: "2025-01-01" }, false],
  ])("inactive after 45 days without a meeting (Moscow): %j → %s", (pair, inactive) => {
    expect(isInactive(pair, { today, timeZone: "Europe/Moscow" })).toBe(inactive);
  });

  it("counts from the activation's day in the region's own calendar", () => {
    // 13:00 UTC on 15 January: the 15th in Moscow, already the 16th in Kamchatka.
    const pair = { status: "active", activatedAt: "2026-01-15T13:00:00Z" };
    expect(isInactive(pair, { today, timeZone: "Europe/Moscow" })).toBe(true);
    expect(isInactive(pair, { today, timeZone: "Asia/Kamchatka" })).toBe(false);
  });
});
