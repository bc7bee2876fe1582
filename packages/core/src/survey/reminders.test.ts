import { describe, expect, it, vi } from "vitest";
import { app } from "../../../../functions/api/app";
import { call, createTestRegion, mailTo, system, tokenFor } from "../../../../scripts/test/fixtures";
import { runReminders } from "../reminders";
import { DEFAULT_TIME_ZONE, addDays, todayIn } from "../dates";
import { surveyReminders } from "./reminders";

const policy = { ratePerSecond: 1000, attempts: 2, backoffMs: 5 };

describe("reminders for surveys with missing answers", async () => {
  const { users } = await createTestRegion("Регион анкет");
  const curator = await tokenFor(users.curator);
  const today = todayIn(DEFAULT_TIME_ZONE);
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
    // Named once: the title already says «Анкета».
    expect(text).toContain("«Анкета удовлетворённости наставника»: ответили 0");
    expect(text).not.toContain("Анкета «Анкета");
    expect(text).toContain("через 3 дня");
    expect(text).not.toContain("Первый Наставник");
  });

  it("says nothing on other days", async () => {
    const report = await system(() => runReminders({ date: addDays(today, 6), sources: [surveyReminders], policy }));
    expect(report).toMatchObject({ sent: 0, itemsRead: 0 });
  });

  it("dates the expiry in the region's calendar: links sent late in the evening UTC expire on the Moscow date", async () => {
    // 22:30 UTC on 15 December is 01:30 on the 16th in Moscow; 10 days later the links expire at 01:30 on the 26th.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-15T22:30:00Z") });
    try {
      const token = await tokenFor(users.curator);
      const late = await call(app, "POST", "/api/surveys/from-template", { token, body: { template: "mentor_satisfaction" } });
      expect(late.status, late.text).toBe(201);
      const before = (await mailTo("first.mentor@example.org")).length;
      const sending = await call(app, "POST", `/api/surveys/${late.json.surveyId}/send`, {
        token,
        body: { expiresInDays: 10, recipients: [recipients[0]] },
      });
      expect(sending.status, sending.text).toBe(200);
      const letters = await mailTo("first.mentor@example.org");
      expect(letters.length).toBe(before + 1);
      expect(letters.at(-1)?.body.text).toContain("Ссылка действует до 26.12.2026 01:30");
    } finally {
      vi.useRealTimers();
    }
    const early = await system(() => runReminders({ date: "2026-12-22", sources: [surveyReminders], policy }));
    expect(early).toMatchObject({ sent: 0, itemsRead: 0 });
    const due = await system(() => runReminders({ date: "2026-12-23", sources: [surveyReminders], policy }));
    expect(due).toMatchObject({ sent: 1 });
    expect((await mailTo(users.curator.email)).at(-1)?.body.text).toContain("срок 26.12.2026 — через 3 дня");
  });
});
