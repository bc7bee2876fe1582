import { describe, expect, it } from "vitest";
import { app } from "../../../../functions/api/app";
import { call, createTestRegion, mailTo, tokenFor } from "../../../../scripts/test/fixtures";
import { DEFAULT_TIME_ZONE, addDays, todayIn } from "../dates";
import { surveyEmail, surveyNamed, surveySubject } from "./email";
import { participantDescription, templateByCode } from "./questions";

const letter = { to: "a@example.org", expiresAt: "2026-11-22T09:00:00.000Z", timeZone: DEFAULT_TIME_ZONE, url: "https://x/survey/t" };

describe("the survey letter's wording", () => {
  it("does not repeat «Анкета» in the subject when the title already says it", () => {
    expect(surveySubject("Анкета удовлетворённости наставляемого")).toBe("Анкета удовлетворённости наставляемого");
    expect(surveySubject("Удовлетворённость наставников, весна")).toBe("Анкета: Удовлетворённость наставников, весна");
    expect(surveyNamed("Анкета удовлетворённости наставника")).toBe("«Анкета удовлетворённости наставника»");
    expect(surveyNamed("Весенний опрос")).toBe("Анкета «Весенний опрос»");
  });

  it("greets a minor by first name and an adult by name and patronymic", () => {
    const child = surveyEmail({ ...letter, fullName: "Петров Иван Петрович", minor: true, title: "Анкета" });
    expect(child.text).toContain("Здравствуйте, Иван!");
    const adult = surveyEmail({ ...letter, fullName: "Петров Иван Петрович", minor: false, title: "Анкета" });
    expect(adult.text).toContain("Здравствуйте, Иван Петрович!");
  });

  it("says the stage of a growth survey, and nothing of stages otherwise", () => {
    const base = { ...letter, fullName: "Петров Иван Петрович", minor: false, title: "Анкета личностного роста участника (вход и выход)" };
    expect(surveyEmail({ ...base, phase: "entry" }).text).toContain("Анкета на входе в программу: её заполняют в начале участия");
    expect(surveyEmail({ ...base, phase: "exit" }).html).toContain(
      "Анкета на выходе из программы: её заполняют после завершения программы",
    );
    expect(surveyEmail(base).text).not.toMatch(/на входе|на выходе/);
  });

  it("shows participants their own wording of the growth survey, not the curator's", () => {
    const growth = templateByCode("growth")?.description ?? "";
    expect(growth).not.toContain("Этап 2 мониторинга");
    expect(growth).toContain("Эту анкету вы заполняете дважды");
    // Surveys made from the template before keep the curator's wording: participants are shown the current one.
    const former =
      "Этап 2 мониторинга: заполняется дважды — до входа в программу и после её завершения. Оцените себя по шкале от 1 (совсем нет) до 10 (полностью).";
    expect(participantDescription(former)).toBe(growth);
    expect(participantDescription("Ответы анонимны")).toBe("Ответы анонимны");
  });
});

describe("the survey letter as sent", async () => {
  const { users } = await createTestRegion("Регион писем");
  const curator = await tokenFor(users.curator);
  const today = todayIn(DEFAULT_TIME_ZONE);
  let n = 0;
  const participant = async (body: Record<string, unknown>, consent: Record<string, unknown>) => {
    const email = `letter.${Date.now().toString(36)}.${n++}@example.org`;
    const created = await call(app, "POST", "/api/participants", { token: curator, body: { ...body, email } });
    expect(created.status, created.text).toBe(201);
    const signed = await call(app, "POST", `/api/participants/${created.json.participantId}/consents`, {
      token: curator,
      body: { signedAt: today, document: "Согласие № 1", ...consent },
    });
    expect(signed.status, signed.text).toBe(201);
    return { participantId: created.json.participantId as string, email };
  };

  it("greets a 14-year-old pupil by first name, an adult by name and patronymic, and names the stage", async () => {
    const pupil = await participant(
      { fullName: "Петров Иван Петрович", birthDate: addDays(today, -14 * 366), category: "pupil", isMentor: false, isMentee: true },
      { signerKind: "legal_representative", representativeName: "Петрова Анна Сергеевна", representativeRelation: "мать" },
    );
    const teacher = await participant(
      { fullName: "Сидоров Иван Петрович", birthDate: "1980-05-01", category: "teacher", isMentor: true, isMentee: false, capacity: 1 },
      { signerKind: "self" },
    );
    const survey = await call(app, "POST", "/api/surveys/from-template", { token: curator, body: { template: "growth" } });
    expect(survey.status, survey.text).toBe(201);
    const sent = await call(app, "POST", `/api/surveys/${survey.json.surveyId}/send`, {
      token: curator,
      body: { phase: "entry", recipients: [{ participantId: pupil.participantId }, { participantId: teacher.participantId }] },
    });
    expect(sent.status, sent.text).toBe(200);
    const [toPupil, toTeacher] = [(await mailTo(pupil.email)).at(-1), (await mailTo(teacher.email)).at(-1)];
    expect(toPupil?.body.text).toContain("Здравствуйте, Иван!");
    expect(toPupil?.body.text).not.toContain("Иван Петрович");
    expect(toTeacher?.body.text).toContain("Здравствуйте, Иван Петрович!");
    expect(toPupil?.subject).toBe("Анкета личностного роста участника (вход и выход)");
    expect(toPupil?.body.text).toContain("Анкета на входе в программу");

    const token = /\/survey\/([\w-]+)/.exec(toPupil?.body.text ?? "")?.[1];
    const opened = await call(app, "GET", `/api/survey-links/${token}`);
    expect(opened.status, opened.text).toBe(200);
    expect(opened.json.description).not.toContain("Этап 2 мониторинга");
    expect(opened.json.phase).toBe("entry");
  });
});
