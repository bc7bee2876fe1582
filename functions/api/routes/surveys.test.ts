import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it, vi } from "vitest";
import { withActor } from "@rnc/core";
import { auditScope, listAudit } from "@rnc/core/audit";
import { ddb, loadCollection, tableName } from "@rnc/core/dynamo";
import { Participant } from "@rnc/core/participant";
import { addressName } from "@rnc/core/ru";
import { call, createTestRegion, mailTo, tokenFor } from "../../../scripts/test/fixtures";
import { interleave } from "../../../scripts/test/transactions";
import { DEFAULT_TIME_ZONE, todayIn } from "@rnc/core/dates";
import { app } from "../app";

const linkToken = (text: string) => /\/survey\/([\w-]+)/.exec(text)?.[1];
let counter = 0;
const address = () => `participant.${Date.now().toString(36)}.${counter++}@example.org`;
// The test region's today (Moscow), as the API records dates.
const today = todayIn(DEFAULT_TIME_ZONE);
const consentBody = { signerKind: "self", signedAt: today, document: "Согласие № 1" };

describe("surveys", async () => {
  const { users, school, college } = await createTestRegion();
  const curator = await tokenFor(users.curator);
  const staff = await tokenFor(users.staff);
  const admin = await tokenFor(users.region_admin);
  const viewer = await tokenFor(users.region_viewer);

  /** A participant of the school's register, with a consent in force unless told otherwise. */
  const person = async (options: { email?: boolean; consent?: boolean } = {}) => {
    const email = options.email === false ? undefined : address();
    const created = await call(app, "POST", "/api/participants", {
      token: curator,
      body: {
        fullName: `Иванова Мария Сергеевна ${counter++}`,
        birthDate: "1985-02-03",
        category: "teacher",
        isMentor: true,
        isMentee: true,
        capacity: 1,
        ...(email ? { email } : {}),
      },
    });
    expect(created.status, created.text).toBe(201);
    const { participantId, fullName } = created.json as { participantId: string; fullName: string };
    let consentId = "";
    if (options.consent !== false) {
      const consent = await call(app, "POST", `/api/participants/${participantId}/consents`, { token: curator, body: consentBody });
      expect(consent.status, consent.text).toBe(201);
      consentId = consent.json.consentId;
    }
    return { participantId, fullName, email, consentId };
  };
  const getSurvey = async (surveyId: string) => (await call(app, "GET", `/api/surveys/${surveyId}`, { token: curator })).json;
  const linkItems = async (surveyId: string) => (await loadCollection(school.tenantId, `SURVEYLINK#${surveyId}#`))("surveyLink");

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
    const { participantId, email } = await person();
    await send(surveyId, { recipients: [{ participantId }], ...extra });
    const token = linkToken((await mailTo(email as string)).at(-1)?.body.text ?? "");
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
    const [a, b] = [await person(), await person({ email: false })];
    const email = a.email as string;
    const sent = await send(survey.surveyId, { recipients: [{ participantId: a.participantId }, { participantId: b.participantId }] });
    expect(sent).toMatchObject({ sent: 2, emailed: 1 });
    expect(sent.printable).toEqual([{ participantId: b.participantId, name: b.fullName, url: expect.stringMatching(/\/survey\/[\w-]+$/) }]);
    const mail = (await mailTo(email)).at(-1);
    // Addressed by name and patronymic, as the app greets.
    expect(mail?.body.text).toContain(`Здравствуйте, ${addressName(a.fullName)}!`);
    expect(mail?.subject).toBe("Анкета удовлетворённости наставника");
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
    expect(links.json.items.map((l: { name: string; status: string; delivery: string }) => [l.name, l.status, l.delivery]).sort()).toEqual(
      [
        [a.fullName, "answered", "email"],
        [b.fullName, "pending", "print"],
      ].sort(),
    );
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

  it("counts a person's answers once: a second link cannot answer again, and one who answered is not sent another", async () => {
    const survey = await fromTemplate("mentee_satisfaction");
    const { participantId, email } = await person();
    // Two links to one person (the first email was lost, say), both open.
    await send(survey.surveyId, { recipients: [{ participantId }] });
    await send(survey.surveyId, { recipients: [{ participantId }] });
    const [first, second] = (await mailTo(email as string)).map((mail) => linkToken(mail.body.text) as string);
    const answers = { overall: 10, mentor_help: 10, meetings: 10, expectations: 10, recommend: "Да" };
    const answered = await call(app, "POST", `/api/survey-links/${first}`, { body: { answers } });
    expect(answered.status, answered.text).toBe(200);
    const again = await call(app, "POST", `/api/survey-links/${second}`, { body: { answers: { ...answers, overall: 1 } } });
    expect(again.status).toBe(409);
    expect(again.json.error).toMatchObject({
      code: "survey.already_answered",
      message: "Вы уже ответили на эту анкету по другой ссылке. Спасибо! Повторно заполнить её нельзя.",
    });
    const results = await call(app, "GET", `/api/surveys/${survey.surveyId}/results`, { token: staff });
    expect(results.json.responses).toBe(1);
    expect(results.json.satisfaction).toEqual({ percent: 100, answers: 1 });
    expect((await getSurvey(survey.surveyId)).responseCount).toBe(1);

    // A third sending to them is refused, with the others' untouched; a newcomer alone goes.
    const newcomer = await person();
    const refused = await call(app, "POST", `/api/surveys/${survey.surveyId}/send`, {
      token: curator,
      body: { recipients: [{ participantId }, { participantId: newcomer.participantId }] },
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatchObject({
      code: "survey.recipients_unavailable",
      details: { refused: [{ participantId, reason: "answered" }] },
    });
    expect(refused.json.error.message).toContain("уже ответили на эту анкету — 1");
    expect(await mailTo(newcomer.email as string)).toHaveLength(0);
    await send(survey.surveyId, { recipients: [{ participantId: newcomer.participantId }] });
    expect(await mailTo(newcomer.email as string)).toHaveLength(1);
  });

  it("compares the stage-2 questionnaire at entry and exit per programme", async () => {
    const survey = await fromTemplate("growth");
    const noPhase = await call(app, "POST", `/api/surveys/${survey.surveyId}/send`, {
      token: curator,
      body: { recipients: [{ participantId: (await person()).participantId }] },
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

  it("a close that lands while a sending is written wins: the survey stays closed and the sending counts nowhere", async () => {
    const survey = await fromTemplate("mentee_satisfaction");
    const recipient = await person();
    const close = async () => {
      const closed = await call(app, "POST", `/api/surveys/${survey.surveyId}/close`, { token: curator });
      expect(closed.status, closed.text).toBe(200);
    };
    // After the links are written, before the sending opens the survey.
    const res = await interleave(`SURVEYLINK#${survey.surveyId}#`, "after", close, () =>
      call(app, "POST", `/api/surveys/${survey.surveyId}/send`, {
        token: curator,
        body: { recipients: [{ participantId: recipient.participantId }] },
      }),
    );
    expect(res.status, res.text).toBe(409);
    expect(res.json.error).toMatchObject({ code: "survey.closed", message: expect.stringMatching(/закрыли/) });
    expect(await getSurvey(survey.surveyId)).toMatchObject({ status: "closed", sentCount: 0, version: 2 });
    expect((await call(app, "GET", `/api/surveys/${survey.surveyId}/links`, { token: curator })).json.items).toEqual([]);
    expect(await mailTo(recipient.email as string)).toEqual([]);
    // The written links cannot be used: their sending never completed.
    const [link] = await linkItems(survey.surveyId);
    expect(link).toBeDefined();

    const again = await call(app, "POST", `/api/surveys/${survey.surveyId}/send`, {
      token: curator,
      body: { recipients: [{ participantId: recipient.participantId }] },
    });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("survey.closed");
  });

  it("a sending that completes while a close is being written is closed over, not undone", async () => {
    const survey = await fromTemplate("mentee_satisfaction");
    const recipient = await person();
    const sendNow = () => send(survey.surveyId, { recipients: [{ participantId: recipient.participantId }] });
    // Close has read version 1; the sending makes it 2 before close writes.
    const closed = await interleave('"survey.close"', "before", sendNow, () =>
      call(app, "POST", `/api/surveys/${survey.surveyId}/close`, { token: curator }),
    );
    expect(closed.status, closed.text).toBe(200);
    expect(closed.json).toMatchObject({ status: "closed", sentCount: 1, version: 3 });
    expect(await getSurvey(survey.surveyId)).toMatchObject({ status: "closed", sentCount: 1, version: 3 });
    const token = linkToken((await mailTo(recipient.email as string)).at(-1)?.body.text ?? "") as string;
    const answer = await call(app, "POST", `/api/survey-links/${token}`, { body: { answers: { overall: 5 } } });
    expect(answer.status).toBe(409);
    expect(answer.json.error.code).toBe("survey.closed");
    // Closing again changes nothing.
    expect((await call(app, "POST", `/api/surveys/${survey.surveyId}/close`, { token: curator })).json).toMatchObject({ version: 3 });
  });

  it("an answer that arrives as the survey is closed is refused and counted nowhere", async () => {
    const survey = await fromTemplate("mentee_satisfaction");
    const token = await emailedToken(survey.surveyId);
    const answers = { overall: 9, mentor_help: 7, meetings: 7, expectations: 7, recommend: "Да" };
    const close = async () => {
      expect((await call(app, "POST", `/api/surveys/${survey.surveyId}/close`, { token: curator })).status).toBe(200);
    };
    // The answer has checked the link and the survey; the close lands before its transaction.
    const res = await interleave(`SURVEYRESP#${survey.surveyId}#`, "before", close, () =>
      call(app, "POST", `/api/survey-links/${token}`, { body: { answers } }),
    );
    expect(res.status, res.text).toBe(409);
    expect(res.json.error).toMatchObject({ code: "survey.closed", message: expect.stringMatching(/завершён/) });
    expect(await getSurvey(survey.surveyId)).toMatchObject({ status: "closed", responseCount: 0 });
    const results = await call(app, "GET", `/api/surveys/${survey.surveyId}/results`, { token: curator });
    expect(results.json.responses).toBe(0);
    const links = await call(app, "GET", `/api/surveys/${survey.surveyId}/links`, { token: curator });
    expect(links.json.items.map((l: { status: string }) => l.status)).toEqual(["pending"]);
  });

  it("sends only to active participants of the institution's own register with a consent, or to no one", async () => {
    const survey = await fromTemplate("mentee_satisfaction");
    const own = await person();
    const foreign = await withActor(
      { type: "system", properties: { tenantId: college.tenantId, regionId: college.regionId } },
      async () => {
        const created = await Participant.create({
          fullName: "Чужой Студент Колледжа",
          birthDate: "2000-01-01",
          category: "student",
          isMentor: false,
          isMentee: true,
          email: address(),
        });
        await Participant.addConsent(created.participantId, { signerKind: "self", signedAt: today, document: "Согласие" });
        return created;
      },
    );
    const nothingSent = async () => {
      expect(await getSurvey(survey.surveyId)).toMatchObject({ status: "draft", sentCount: 0, version: 1 });
      expect(await linkItems(survey.surveyId)).toEqual([]);
      expect(await mailTo(own.email as string)).toEqual([]);
      expect(await mailTo(foreign.email as string)).toEqual([]);
    };

    const unknownId = "ptc_01hzzzzzzzzzzzzzzzzzzzzzzz";
    const strangers = await call(app, "POST", `/api/surveys/${survey.surveyId}/send`, {
      token: curator,
      body: {
        recipients: [{ participantId: own.participantId }, { participantId: foreign.participantId }, { participantId: unknownId }],
      },
    });
    expect(strangers.status, strangers.text).toBe(400);
    expect(strangers.json.error).toMatchObject({
      code: "survey.recipients_not_found",
      message:
        "Рассылка не выполнена: 2 участникам из выбранных отправить анкету нельзя (нет в базе участников организации — 2). Уберите их из списка получателей.",
      details: {
        refused: [
          { participantId: foreign.participantId, reason: "not_found" },
          { participantId: unknownId, reason: "not_found" },
        ],
      },
    });
    expect(strangers.text).not.toContain("Чужой");
    await nothingSent();

    const noConsent = await person({ consent: false });
    const withdrawn = await person();
    const withdraw = await call(app, "POST", `/api/participants/${withdrawn.participantId}/consents/${withdrawn.consentId}/withdraw`, {
      token: curator,
      body: { withdrawnAt: today },
    });
    expect(withdraw.status, withdraw.text).toBe(200);
    const erased = await person();
    expect((await call(app, "POST", `/api/participants/${erased.participantId}/anonymise`, { token: curator })).status).toBe(200);
    const unavailable = await call(app, "POST", `/api/surveys/${survey.surveyId}/send`, {
      token: curator,
      body: {
        recipients: [own, noConsent, withdrawn, erased].map(({ participantId }) => ({ participantId })),
      },
    });
    expect(unavailable.status, unavailable.text).toBe(409);
    expect(unavailable.json.error).toMatchObject({
      code: "survey.recipients_unavailable",
      message:
        "Рассылка не выполнена: 3 участникам из выбранных отправить анкету нельзя (обработка данных ограничена или данные обезличены — 2; нет согласия на обработку персональных данных — 1). Уберите их из списка получателей.",
    });
    await nothingSent();
  });

  it("names and addresses come from the register, are not copied onto links, and go when a person is erased", async () => {
    const survey = await fromTemplate("mentee_satisfaction");
    const recipient = await person();
    const planted = address();
    // Old clients also sent a name and an address: they are not taken.
    const sent = await send(survey.surveyId, {
      recipients: [{ participantId: recipient.participantId, name: "Подставное Имя", email: planted }],
    });
    expect(sent).toMatchObject({ sent: 1, emailed: 1 });
    expect(await mailTo(planted)).toEqual([]);
    expect((await mailTo(recipient.email as string)).at(-1)?.body.text).toContain(addressName(recipient.fullName));
    const [stored] = await linkItems(survey.surveyId);
    expect(stored).toMatchObject({ participantId: recipient.participantId });
    expect(stored).not.toHaveProperty("name");
    expect(stored).not.toHaveProperty("email");

    const links = async () => (await call(app, "GET", `/api/surveys/${survey.surveyId}/links`, { token: curator })).json.items;
    expect(await links()).toEqual([expect.objectContaining({ name: recipient.fullName, email: recipient.email, delivery: "email" })]);
    expect((await call(app, "POST", `/api/participants/${recipient.participantId}/anonymise`, { token: curator })).status).toBe(200);
    const after = await links();
    expect(after).toHaveLength(1);
    expect(after[0].email).toBeUndefined();
    expect(JSON.stringify(after)).not.toContain("Иванова");
  });

  it("reading who a survey went to, or its answers, is written to the audit log", async () => {
    const survey = await fromTemplate("mentee_satisfaction");
    await emailedToken(survey.surveyId);
    expect((await call(app, "GET", `/api/surveys/${survey.surveyId}/links`, { token: staff })).status).toBe(200);
    expect((await call(app, "GET", `/api/surveys/${survey.surveyId}/results`, { token: curator })).status).toBe(200);
    const { items } = await listAudit(auditScope.tenant(school.tenantId), { limit: 20 });
    const reads = items.filter((e) => e.target === survey.surveyId && e.action.endsWith(".read"));
    expect(reads.map(({ action, actorId }) => ({ action, actorId })).sort((x, y) => x.action.localeCompare(y.action))).toEqual([
      { action: "survey.links.read", actorId: users.staff.userId },
      { action: "survey.results.read", actorId: users.curator.userId },
    ]);
  });
});

describe("survey answers count for the region's calendar year", async () => {
  const { users, school } = await createTestRegion("Калининградская область", { timeZone: "Europe/Kaliningrad" });

  it("an answer at 23:30 on 31 December in Kaliningrad (00:30 on 1 January in Moscow) counts for the old year", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-31T21:30:00Z") });
    try {
      const curator = await tokenFor(users.curator);
      const email = address();
      const created = await call(app, "POST", "/api/participants", {
        token: curator,
        body: { fullName: "Петрова Анна Ивановна", birthDate: "1985-02-03", category: "teacher", isMentor: false, isMentee: true, email },
      });
      expect(created.status, created.text).toBe(201);
      const { participantId } = created.json;
      const consent = await call(app, "POST", `/api/participants/${participantId}/consents`, {
        token: curator,
        body: { ...consentBody, signedAt: "2026-12-01" },
      });
      expect(consent.status, consent.text).toBe(201);
      const survey = await call(app, "POST", "/api/surveys/from-template", { token: curator, body: { template: "mentee_satisfaction" } });
      const body = { recipients: [{ participantId }] };
      const sent = await call(app, "POST", `/api/surveys/${survey.json.surveyId}/send`, { token: curator, body });
      expect(sent.status, sent.text).toBe(200);
      const token = linkToken((await mailTo(email)).at(-1)?.body.text ?? "");
      const answers = { overall: 9, mentor_help: 9, meetings: 9, expectations: 9, recommend: "Да" };
      const answered = await call(app, "POST", `/api/survey-links/${token}`, { body: { answers } });
      expect(answered.status, answered.text).toBe(200);

      const viewer = await tokenFor(users.region_viewer);
      const answersIn = async (year: number) =>
        (await call(app, "GET", `/api/surveys/region-summary?year=${year}`, { token: viewer })).json.items.find(
          (item: { tenantId: string }) => item.tenantId === school.tenantId,
        )?.menteeAnswers;
      expect(await answersIn(2026)).toBe(1);
      expect(await answersIn(2027)).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
