import { describe, expect, it } from "vitest";
import { app } from "../../../../functions/api/app";
import { call, createTestRegion, mailTo, system, tokenFor } from "../../../../scripts/test/fixtures";
import { runReminders } from "../reminders";
import { addDays } from "../dates";
import { surveyReminders } from "./reminders";

const policy = { ratePerSecond: 1000, attempts: 2, backoffMs: 5 };

describe("reminders for surveys with missing answers", async () => {
  const { users } = await createTestRegion("Регион анкет");
  const curator = await tokenFor(users.curator);
  const today = new Date().toISOString().slice(0, 10);
  const mentor = async (fullName: string, email?: string) => {
    const body = { fullName, birthDate: "1980-01-01", category: "teacher", isMentor: true, isMentee: false, capacity: 1, email };
    const created = await call(app, "POST", "/api/participants", { token: curator, body });
    expect(created.status, created.text).toBe(201);
    const consent = { signerKind: "self", signedAt: today, document: "Согласие № 1" };
    const signed = await call(app, "POST", `/api/participants/${created.json.participantId}/consents`, { token: curator, body: consent });
    expect(signed.status, signed.text).toBe(201);
    return { participantId: created.json.participantId as string };
  };
  const recipients = [await mentor("Первый Наставник Анкеты", "first.mentor@example.org"), await mentor("Второй Наставник Анкеты")];
  const survey = await call(app, "POST", "/api/surveys/from-template", { token: curator, body: { template: "mentor_satisfaction" } });
  expect(survey.status, survey.text).toBe(201);
  const sent = await call(app, "POST", `/api/surveys/${survey.json.surveyId}/send`, {
    token: curator,
    body: { expiresInDays: 10, recipients },
  });
  expect(sent.status, sent.text).toBe(200);

  it("reminds the curator three days before the links expire, with the count of answers, naming no respondent", async () => {
    const report = await system(() => runReminders({ date: addDays(today, 7), sources: [surveyReminders], policy }));
    expect(report).toMatchObject({ sent: 1, itemsRead: 2 });
    const text = (await mailTo(users.curator.email)).at(-1)?.body.text ?? "";
    expect(text).toContain("Анкетирование (1)");
    expect(text).toContain("ответили 0 из 2 приглашённых");
    expect(text).toContain("через 3 дня");
    expect(text).not.toContain("Первый Наставник");
  });

  it("says nothing on other days", async () => {
    const report = await system(() => runReminders({ date: addDays(today, 6), sources: [surveyReminders], policy }));
    expect(report).toMatchObject({ sent: 0, itemsRead: 0 });
  });
});
