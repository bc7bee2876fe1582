import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { ddb, tableName } from "@rnc/core/dynamo";
import { call, createTestRegion, mailTo, tokenFor } from "../../../scripts/test/fixtures";
import { app } from "../app";

const linkToken = (text: string) => /\/survey\/([\w-]+)/.exec(text)?.[1];
let counter = 0;
const address = () => `participant.${Date.now().toString(36)}.${counter++}@example.org`;

describe("surveys", async () => {
  const { users, school } = await createTestRegion();
  const curator = await tokenFor(users.curator);
  const staff = await tokenFor(users.staff);
  const admin = await tokenFor(users.region_admin);
  const viewer = await tokenFor(users.region_viewer);

  const fromTemplate = async (template: string) => {
    const res = await call(app, "POST", "/api/surveys/from-template", { token: curator, body: { template } });
    expect(res.status, res.text).toBe(201);
    return res.json;
  };
  const send = async (surveyId: string, body: Record<string, unknown>) => {
    const res = await call(app, "POST", `/api/surveys/${surveyId}/send`, { token: curator, body });
    expect(res.status, res.text).toBe(200);
    return res.json;
  };
  /** Sends to one emailed recipient and returns the token from the email. */
  const emailedToken = async (surveyId: string, extra: Record<string, unknown> = {}) => {
    const email = address();
    await send(surveyId, { recipients: [{ participantId: `ptc_${counter}`, name: "Иванова Мария", email }], ...extra });
    const token = linkToken((await mailTo(email)).at(-1)?.body.text ?? "");
    expect(token).toBeTruthy();
    return token as string;
  };

  it("lists the ready templates and instantiates one as an editable draft", async () => {
    const templates = await call(app, "GET", "/api/surveys/templates", { token: staff });
    expect(templates.json.items.map((t: { code: string }) => t.code)).toEqual(["mentor_satisfaction", "mentee_satisfaction", "growth"]);
    const survey = await fromTemplate("mentee_satisfaction");
    expect(survey).toMatchObject({ status: "draft", audience: "mentee", purpose: "satisfaction", template: "mentee_satisfaction" });
    expect(survey.questions[0]).toMatchObject({ kind: "scale", satisfaction: true });

    const edited = await call(app, "PUT", `/api/surveys/${survey.surveyId}`, {
      token: curator,
      body: { ...survey, title: "Анкета наставляемого, весна", version: survey.version },
    });
    expect(edited.json).toMatchObject({ title: "Анкета наставляемого, весна", version: 2 });
    const bad = await call(app, "POST", "/api/surveys", {
      token: curator,
      body: {
        title: "Плохая",
        audience: "any",
        purpose: "custom",
        questions: [{ id: "q1", kind: "single", text: "Выбор?", required: true, options: ["Да"] }],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.fields).toEqual([{ path: "questions.0.options", message: "Укажите не меньше двух вариантов ответа" }]);
    expect((await call(app, "POST", "/api/surveys/from-template", { token: staff, body: { template: "growth" } })).status).toBe(403);
  });

  it("emails a one-time link that needs no account; a participant without email gets a printable link", async () => {
    const survey = await fromTemplate("mentor_satisfaction");
    const email = address();
    const sent = await send(survey.surveyId, {
      recipients: [
        { participantId: "ptc_a", name: "Петров Пётр", email },
        { participantId: "ptc_b", name: "Сидоров Иван" },
      ],
    });
    expect(sent).toMatchObject({ sent: 2, emailed: 1 });
    expect(sent.printable).toEqual([{ participantId: "ptc_b", name: "Сидоров Иван", url: expect.stringMatching(/\/survey\/[\w-]+$/) }]);
    const mail = (await mailTo(email)).at(-1);
    expect(mail?.subject).toBe("Анкета: Анкета удовлетворённости наставника");
    const token = linkToken(mail?.body.text ?? "") as string;

    const opened = await call(app, "GET", `/api/survey-links/${token}`);
    expect(opened.status, opened.text).toBe(200);
    expect(opened.json).toMatchObject({ title: survey.title, institutionName: school.shortName });
    expect(opened.json.questions).toHaveLength(survey.questions.length);

    const invalid = await call(app, "POST", `/api/survey-links/${token}`, { body: { answers: { overall: 11, again: "Да" } } });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.details.fields).toEqual([
      { path: "answers.overall", message: "Выберите оценку от 1 до 10" },
      { path: "answers.comfort", message: "Ответьте на вопрос «Насколько комфортно вам работалось с наставляемым?»" },
      { path: "answers.usefulness", message: "Ответьте на вопрос «Насколько полезными были встречи для развития наставляемого?»" },
      { path: "answers.support", message: "Ответьте на вопрос «Насколько достаточной была поддержка куратора и рабочей группы?»" },
      { path: "answers.own_growth", message: "Ответьте на вопрос «Насколько участие в программе помогло вашему собственному развитию?»" },
    ]);
    const answers = { overall: 9, comfort: 8, usefulness: 8, support: 7, own_growth: 9, again: "Да", improve: "Больше совместных встреч" };
    const ok = await call(app, "POST", `/api/survey-links/${token}`, { body: { answers } });
    expect(ok.status, ok.text).toBe(200);

    for (const method of ["GET", "POST"]) {
      const used = await call(app, method, `/api/survey-links/${token}`, method === "POST" ? { body: { answers } } : {});
      expect(used.status).toBe(409);
      expect(used.json.error.code).toBe("survey.link_used");
      expect(used.json.error.message).toMatch(/уже заполнена/);
    }
    const links = await call(app, "GET", `/api/surveys/${survey.surveyId}/links`, { token: staff });
    expect(links.json.items.map((l: { name: string; status: string; delivery: string }) => [l.name, l.status, l.delivery]).sort()).toEqual([
      ["Петров Пётр", "answered", "email"],
      ["Сидоров Иван", "pending", "print"],
    ]);
    // Questions cannot change once answers exist.
    const locked = await call(app, "PUT", `/api/surveys/${survey.surveyId}`, {
      token: curator,
      body: { ...survey, version: survey.version },
    });
    expect(locked.status).toBe(409);
    expect(locked.json.error.code).toBe("survey.locked");
  });

  it("an expired or unknown link gets a clear code, not an error", async () => {
    const survey = await fromTemplate("mentee_satisfaction");
    const token = await emailedToken(survey.surveyId, { expiresInDays: 1 });
    const links = await call(app, "GET", `/api/surveys/${survey.surveyId}/links`, { token: curator });
    await ddb.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: `T#${school.tenantId}`, sk: `SURVEYLINK#${survey.surveyId}#${links.json.items[0].linkId}` },
        UpdateExpression: "SET expiresAt = :past",
        ExpressionAttributeValues: { ":past": "2020-01-01T00:00:00.000Z" },
      }),
    );
    const expired = await call(app, "GET", `/api/survey-links/${token}`);
    expect(expired.status).toBe(409);
    expect(expired.json.error).toMatchObject({ code: "survey.link_expired", message: expect.stringContaining("01.01.2020") });
    const answer = await call(app, "POST", `/api/survey-links/${token}`, { body: { answers: { overall: 5 } } });
    expect(answer.json.error.code).toBe("survey.link_expired");
    const unknown = await call(app, "GET", "/api/survey-links/not-a-real-token");
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe("survey.link_not_found");
  });

  it("shows distributions per question and feeds the satisfaction KPI; the region sees aggregates only", async () => {
    const survey = await fromTemplate("mentee_satisfaction");
    const secretText = `Секретный ответ ${Date.now()}`;
    for (const [overall, recommend, text] of [
      [10, "Да", secretText],
      [8, "Да", undefined],
      [6, "Нет", undefined],
    ] as const) {
      const token = await emailedToken(survey.surveyId);
      const answers = { overall, mentor_help: 7, meetings: 7, expectations: 7, recommend, ...(text ? { wishes: text } : {}) };
      expect((await call(app, "POST", `/api/survey-links/${token}`, { body: { answers } })).status).toBe(200);
    }
    const results = await call(app, "GET", `/api/surveys/${survey.surveyId}/results`, { token: staff });
    expect(results.json.responses).toBe(3);
    expect(results.json.satisfaction).toEqual({ percent: 80, answers: 3 });
    const overall = results.json.questions.find((q: { id: string }) => q.id === "overall");
    expect(overall.scale).toEqual({ counts: [0, 0, 0, 0, 0, 1, 0, 1, 0, 1], mean: 8 });
    const recommend = results.json.questions.find((q: { id: string }) => q.id === "recommend");
    expect(recommend.options[0]).toEqual({ option: "Да", count: 2, percent: 66.7 });
    expect(results.json.questions.find((q: { id: string }) => q.id === "wishes").texts).toEqual([secretText]);

    const kpi = await call(app, "GET", "/api/kpi/institution", { token: staff });
    const row = kpi.json.rows.find((r: { code: string }) => r.code === "mentee_satisfaction");
    expect(row.actual).toMatchObject({ value: 80, numerator: 24, denominator: 30 });

    const summary = await call(app, "GET", "/api/surveys/region-summary", { token: viewer });
    expect(summary.json.items.find((i: { tenantId: string }) => i.tenantId === school.tenantId)).toMatchObject({
      menteeSatisfaction: 80,
      menteeAnswers: 3,
    });
    const regionKpi = await call(app, "GET", "/api/kpi/region", { token: admin });
    expect(regionKpi.json.rows.find((r: { code: string }) => r.code === "mentee_satisfaction").actual.value).toBe(80);
    for (const res of [summary, regionKpi]) {
      expect(res.text).not.toContain(secretText);
      expect(res.text).not.toContain("Иванова");
    }
    for (const path of [
      `/api/surveys/${survey.surveyId}/results`,
      `/api/surveys/${survey.surveyId}/links`,
      `/api/surveys/${survey.surveyId}`,
      "/api/surveys",
    ]) {
      for (const token of [admin, viewer]) {
        const res = await call(app, "GET", path, { token });
        expect(res.status, path).toBe(403);
        expect(res.text).not.toContain(secretText);
      }
    }
  });

  it("compares the stage-2 questionnaire at entry and exit per programme", async () => {
    const survey = await fromTemplate("growth");
    const noPhase = await call(app, "POST", `/api/surveys/${survey.surveyId}/send`, {
      token: curator,
      body: { recipients: [{ participantId: "p", name: "Без этапа" }] },
    });
    expect(noPhase.status).toBe(400);
    expect(noPhase.json.error.details.fields[0].path).toBe("phase");

    const answer = async (phase: "entry" | "exit", engagement: number, anxiety: number) => {
      const token = await emailedToken(survey.surveyId, { phase, programme: "Ученик – ученик" });
      const res = await call(app, "POST", `/api/survey-links/${token}`, {
        body: { answers: { engagement, activity: 5, self_esteem: 5, anxiety, interest: 5, results: 5 } },
      });
      expect(res.status, res.text).toBe(200);
    };
    await answer("entry", 4, 8);
    await answer("entry", 6, 6);
    await answer("exit", 8, 4);
    const results = await call(app, "GET", `/api/surveys/${survey.surveyId}/results`, { token: curator });
    expect(results.json.entryExit).toHaveLength(1);
    const [programme] = results.json.entryExit;
    expect(programme).toMatchObject({ programme: "Ученик – ученик", entryCount: 2, exitCount: 1 });
    expect(programme.rows.find((r: { id: string }) => r.id === "engagement")).toMatchObject({
      entryMean: 5,
      exitMean: 8,
      delta: 3,
      improved: true,
    });
    expect(programme.rows.find((r: { id: string }) => r.id === "anxiety")).toMatchObject({
      characteristic: "Тревожность",
      entryMean: 7,
      exitMean: 4,
      delta: -3,
      improved: true,
    });
  });
});
