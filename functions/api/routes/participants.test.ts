import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { auditScope, listAudit } from "@rnc/core/audit";
import { ddb, tableName } from "@rnc/core/dynamo";
import { Stats } from "@rnc/core/stats";
import { shortName } from "@rnc/core/participant/names";
import { call, createTestRegion, system, tokenFor } from "../../../scripts/test/fixtures";
import { once, onTransactions, cancelledByConflict } from "../../../scripts/test/transactions";
import { DEFAULT_TIME_ZONE, addDays, todayIn } from "@rnc/core/dates";
import { app } from "../app";

const { users, school } = await createTestRegion();
const curator = await tokenFor(users.curator);
const staff = await tokenFor(users.staff);
const viewer = await tokenFor(users.institution_viewer);

let n = 0;
// The test region's today (Moscow), as the API records dates.
const today = todayIn(DEFAULT_TIME_ZONE);
const pupil = (overrides: Record<string, unknown> = {}) => ({
  fullName: `Иванов Иван ${++n}`,
  birthDate: "2012-05-01",
  category: "pupil",
  group: "7Б",
  isMentor: false,
  isMentee: true,
  requests: ["математика"],
  ...overrides,
});
const teacher = (overrides: Record<string, unknown> = {}) => ({
  fullName: `Сидорова Анна ${++n}`,
  birthDate: "1985-02-03",
  category: "teacher",
  isMentor: true,
  isMentee: false,
  competences: ["математика"],
  capacity: 1,
  ...overrides,
});
const young = (overrides: Record<string, unknown> = {}) =>
  teacher({
    fullName: `Петров Пётр ${++n}`,
    birthDate: "2000-01-01",
    category: "young_specialist",
    isMentor: false,
    isMentee: true,
    ...overrides,
  });

async function create(input: Record<string, unknown>, token = curator) {
  const res = await call(app, "POST", "/api/participants", { token, body: input });
  expect(res.status, res.text).toBe(201);
  return res.json as { participantId: string; fullName: string; version: number };
}
const selfConsent = { signerKind: "self", signedAt: today, document: "Согласие № 1 (ред. 2024)" };
const parentConsent = {
  signerKind: "legal_representative",
  representativeName: "Иванова Мария Петровна",
  representativeRelation: "мать",
  signedAt: today,
  document: "Согласие № 2",
};
async function consent(participantId: string, body: Record<string, unknown> = selfConsent) {
  const res = await call(app, "POST", `/api/participants/${participantId}/consents`, { token: curator, body });
  expect(res.status, res.text).toBe(201);
  return res.json as { consentId: string };
}
async function pair(mentorId: string, menteeIds: string[], form = "teacher_teacher") {
  const res = await call(app, "POST", "/api/pairs", {
    token: curator,
    body: { form, mentorId, menteeIds, startDate: today, endDate: "2099-06-30" },
  });
  expect(res.status, res.text).toBe(201);
  return res.json.pair as { pairId: string; version: number; problems: { code: string }[] };
}
async function agree(pairId: string, version: number, representatives: { participantId: string; name: string; relation: string }[] = []) {
  const res = await call(app, "PUT", `/api/pairs/${pairId}/agreement`, {
    token: curator,
    body: { signedAt: today, document: "Соглашение № 7", representatives, version },
  });
  expect(res.status, res.text).toBe(200);
  return res.json.pair as { version: number };
}
const activate = (pairId: string, version: number) =>
  call(app, "POST", `/api/pairs/${pairId}/activate`, { token: curator, body: { version } });

/** A teacher–young specialist pair with consents and agreement: ready to activate. */
async function readyPair(mentorId?: string) {
  const mentor = mentorId ?? (await create(teacher())).participantId;
  if (!mentorId) await consent(mentor);
  const mentee = await create(young());
  await consent(mentee.participantId);
  const draft = await pair(mentor, [mentee.participantId]);
  const agreed = await agree(draft.pairId, draft.version);
  return { mentorId: mentor, menteeId: mentee.participantId, pairId: draft.pairId, version: agreed.version };
}

describe("participants registry", () => {
  it("creates, searches and filters participants", async () => {
    const a = await create(pupil({ fullName: "Соколова Ёлка Игоревна", group: "5А", requests: ["шахматы"] }));
    await create(teacher({ fullName: "Орлов Олег Олегович", competences: ["шахматы", "физика"] }));
    const list = async (q: string) =>
      (await call(app, "GET", `/api/participants?${q}`, { token: staff })).json.items as {
        participantId: string;
        fullName: string;
        minor: boolean;
      }[];
    expect((await list("q=елка")).map((p) => p.participantId)).toEqual([a.participantId]);
    expect((await list("q=шахмат")).length).toBe(2);
    expect((await list("q=шахмат&role=mentor")).map((p) => p.fullName)).toEqual(["Орлов Олег Олегович"]);
    expect((await list("group=5а")).map((p) => p.participantId)).toEqual([a.participantId]);
    expect((await list("q=шахмат&minor=true")).map((p) => p.fullName)).toEqual(["Соколова Ёлка Игоревна"]);
    expect((await list("q=шахмат&consent=missing")).length).toBe(2);
    expect((await list("category=teacher")).every((p) => !p.minor)).toBe(true);
  });

  it("rejects a learner without a birth date and a person without a role", async () => {
    const res = await call(app, "POST", "/api/participants", { token: curator, body: pupil({ birthDate: undefined, isMentee: false }) });
    expect(res.status).toBe(400);
    expect(res.json.error.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(["birthDate", "isMentor"]);
  });

  it("shows the sensitive flags to the curator only", async () => {
    const p = await create(pupil({ sensitiveFlags: ["ovz", "difficult_life"] }));
    const asCurator = await call(app, "GET", `/api/participants/${p.participantId}`, { token: curator });
    expect(asCurator.json.participant.sensitiveFlags).toEqual(["ovz", "difficult_life"]);
    for (const token of [staff, viewer]) {
      const card = await call(app, "GET", `/api/participants/${p.participantId}`, { token });
      expect(card.status).toBe(200);
      expect(card.text).not.toContain("difficult_life");
      expect(card.json.participant).not.toHaveProperty("sensitiveFlags");
      const list = await call(app, "GET", "/api/participants", { token });
      expect(list.text).not.toContain("difficult_life");
    }
    const bystaff = await call(app, "POST", "/api/participants", { token: staff, body: pupil({ sensitiveFlags: ["ovz"] }) });
    expect(bystaff.status).toBe(403);
    const viewerWrites = await call(app, "POST", "/api/participants", { token: viewer, body: pupil() });
    expect(viewerWrites.status).toBe(403);
  });

  it("keeps edits versioned: a stale version is a 409 with the current state", async () => {
    const p = await create(teacher());
    const first = await call(app, "PUT", `/api/participants/${p.participantId}`, {
      token: curator,
      body: { ...teacher({ fullName: "Новикова Анна" }), version: 1 },
    });
    expect(first.status, first.text).toBe(200);
    const stale = await call(app, "PUT", `/api/participants/${p.participantId}`, { token: staff, body: { ...teacher(), version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe("record.stale_version");
    expect(stale.json.error.details.current).toMatchObject({ fullName: "Новикова Анна", version: 2 });
  });
});

describe("consents", () => {
  it("a minor's consent must be signed by a legal representative", async () => {
    const minor = await create(pupil({ fullName: "Кузнецов Миша Андреевич" }));
    const self = await call(app, "POST", `/api/participants/${minor.participantId}/consents`, { token: curator, body: selfConsent });
    expect(self.status).toBe(400);
    expect(self.json.error.code).toBe("consent.representative_required");
    expect(self.json.error.message).toContain("«Кузнецов М. А.» несовершеннолетний");
    const noName = await call(app, "POST", `/api/participants/${minor.participantId}/consents`, {
      token: curator,
      body: { ...parentConsent, representativeName: undefined },
    });
    expect(noName.status).toBe(400);
    await consent(minor.participantId, parentConsent);
    const card = await call(app, "GET", `/api/participants/${minor.participantId}`, { token: staff });
    expect(card.json.participant).toMatchObject({ consent: "signed", consentSigner: "legal_representative", minor: true });
    expect(card.json.consents[0]).toMatchObject({
      representativeName: "Иванова Мария Петровна",
      representativeRelation: "мать",
      active: true,
    });
  });

  it("an adult signs for themself", async () => {
    const adult = await create(teacher());
    await consent(adult.participantId);
  });
});

describe("pair activation rules", () => {
  it("names the member without consent, then activates once the parent's consent and the agreement are recorded", async () => {
    const mentor = await create(
      pupil({ fullName: "Смирнов Олег Павлович", birthDate: "2009-03-03", group: "10А", isMentor: true, isMentee: false }),
    );
    const mentee = await create(pupil({ fullName: "Иванов Иван Иванович" }));
    await consent(mentor.participantId, parentConsent);
    const draft = await pair(mentor.participantId, [mentee.participantId], "pupil_pupil");
    expect(draft.problems.map((p) => p.code)).toEqual(["pair.consent_missing", "pair.agreement_missing"]);
    const blocked = await activate(draft.pairId, draft.version);
    expect(blocked.status).toBe(409);
    expect(blocked.json.error.code).toBe("pair.consent_missing");
    expect(blocked.json.error.message).toBe(
      "Нельзя активировать пару: у участника «Иванов И. И.» нет действующего согласия на обработку персональных данных (несовершеннолетний — согласие законного представителя)",
    );
    await consent(mentee.participantId, parentConsent);
    const noAgreement = await activate(draft.pairId, draft.version);
    expect(noAgreement.json.error.code).toBe("pair.agreement_missing");
    const withoutRep = await call(app, "PUT", `/api/pairs/${draft.pairId}/agreement`, {
      token: curator,
      body: { signedAt: today, document: "С-1", version: draft.version },
    });
    expect(withoutRep.status).toBe(400);
    expect(withoutRep.json.error.code).toBe("agreement.representative_required");
    const agreed = await agree(draft.pairId, draft.version, [
      { participantId: mentor.participantId, name: "Смирнова Ольга", relation: "мать" },
      { participantId: mentee.participantId, name: "Иванова Мария Петровна", relation: "мать" },
    ]);
    const active = await activate(draft.pairId, agreed.version);
    expect(active.status, active.text).toBe(200);
    expect(active.json.pair.status).toBe("active");
  });

  it("refuses a form that does not fit the members' categories", async () => {
    const mentor = await create(teacher());
    const mentee = await create(young());
    await consent(mentor.participantId);
    await consent(mentee.participantId);
    const draft = await pair(mentor.participantId, [mentee.participantId], "pupil_pupil");
    const agreed = await agree(draft.pairId, draft.version);
    const res = await activate(draft.pairId, agreed.version);
    expect(res.json.error.code).toBe("pair.form_mismatch");
    expect(res.json.error.message).toContain("в форме «Ученик – ученик» наставником не может быть участник");
  });

  it("refuses a form the institution has not enabled", async () => {
    const forms = await call(app, "GET", "/api/forms", { token: staff });
    expect(forms.json.enabled).toEqual(["pupil_pupil", "teacher_teacher"]);
    const mentor = await create(teacher({ category: "student", birthDate: "2006-01-01", isMentor: true }));
    const mentee = await create(pupil());
    await consent(mentor.participantId);
    await consent(mentee.participantId, parentConsent);
    const draft = await pair(mentor.participantId, [mentee.participantId], "student_pupil");
    const agreed = await agree(draft.pairId, draft.version, [
      { participantId: mentee.participantId, name: "Иванова М. П.", relation: "мать" },
    ]);
    const res = await activate(draft.pairId, agreed.version);
    expect(res.json.error.code).toBe("pair.form_disabled");
    expect(res.json.error.message).toContain("«Студент – ученик» не используется в организации");
  });

  it("respects the mentor's capacity", async () => {
    const first = await readyPair();
    expect((await activate(first.pairId, first.version)).status).toBe(200);
    const second = await readyPair(first.mentorId);
    const res = await activate(second.pairId, second.version);
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("pair.capacity_exceeded");
    expect(res.json.error.message).toContain("может вести не больше 1 наставляемого одновременно, сейчас у него 1 наставляемый");
  });

  it("holds the capacity under concurrent activations", async () => {
    const mentor = await create(teacher({ capacity: 2 }));
    await consent(mentor.participantId);
    const ready = [];
    for (let i = 0; i < 5; i++) ready.push(await readyPair(mentor.participantId));
    const results = await Promise.all(ready.map((p) => activate(p.pairId, p.version)));
    expect(results.filter((r) => r.status === 200).length).toBe(2);
    expect(results.filter((r) => r.status !== 200).map((r) => r.json.error.code)).toEqual(Array(3).fill("pair.capacity_exceeded"));
    const card = await call(app, "GET", `/api/participants/${mentor.participantId}`, { token: curator });
    expect(card.json.participant.activeMentees).toBe(2);
  });

  /** A mentor with two places, both taken by active pairs. */
  const mentorOfTwoActivePairs = async () => {
    const mentor = await create(teacher({ capacity: 2 }));
    await consent(mentor.participantId);
    for (let i = 0; i < 2; i++) {
      const ready = await readyPair(mentor.participantId);
      expect((await activate(ready.pairId, ready.version)).status).toBe(200);
    }
    return mentor;
  };

  it("an edit cannot take away a mentor role, or capacity, that active pairs hold", async () => {
    const mentor = await mentorOfTwoActivePairs();
    const version = (await call(app, "GET", `/api/participants/${mentor.participantId}`, { token: curator })).json.participant.version;
    const edit = (changes: Record<string, unknown>) =>
      call(app, "PUT", `/api/participants/${mentor.participantId}`, { token: curator, body: { ...teacher(), ...changes, version } });
    const lower = await edit({ capacity: 1 });
    expect(lower.status).toBe(409);
    expect(lower.json.error).toMatchObject({
      code: "participant.capacity_below_active",
      message: "Нельзя указать меньше наставляемых, чем у наставника сейчас в активных парах: 2",
    });
    expect((await edit({ isMentor: false, isMentee: true, capacity: undefined })).json.error.code).toBe("participant.mentor_in_use");
  });

  it("a mentor recorded with fewer places than active mentees can be edited, but the capacity cannot go lower", async () => {
    const mentor = await mentorOfTwoActivePairs();
    // A record from before capacities were enforced: one place, two mentees in active pairs.
    await ddb.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: `T#${school.tenantId}`, sk: `PERSON#${mentor.participantId}` },
        UpdateExpression: "SET #capacity = :one",
        ExpressionAttributeNames: { "#capacity": "capacity" },
        ExpressionAttributeValues: { ":one": 1 },
      }),
    );
    const edit = async (changes: Record<string, unknown>) => {
      const version = (await call(app, "GET", `/api/participants/${mentor.participantId}`, { token: curator })).json.participant.version;
      return call(app, "PUT", `/api/participants/${mentor.participantId}`, { token: curator, body: { ...teacher(), ...changes, version } });
    };
    const phone = await edit({ capacity: 1, phone: "+7 900 000-00-01" });
    expect(phone.status).toBe(200);
    expect(phone.json).toMatchObject({ capacity: 1, phone: "+7 900 000-00-01", activeMentees: 2 });
    expect((await edit({ isMentor: false, isMentee: true, capacity: undefined })).json.error.code).toBe("participant.mentor_in_use");
    const raised = await edit({ capacity: 3 });
    expect(raised.status).toBe(200);
    const lower = await edit({ capacity: 1 });
    expect(lower.status).toBe(409);
    expect(lower.json.error.code).toBe("participant.capacity_below_active");
  });

  it("an activation landing between an edit's read and its write is not overwritten: the edit is refused", async () => {
    const mentor = await create(teacher());
    await consent(mentor.participantId);
    const version = (await call(app, "GET", `/api/participants/${mentor.participantId}`, { token: curator })).json.participant.version;
    // An activation of an already engaged mentor adds to activeMentees without changing the version: done here just
    // before the edit's own transaction, after the edit has read the mentor.
    let activated = false;
    const activation = once(async () => {
      activated = true;
      await ddb.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: { pk: `T#${school.tenantId}`, sk: `PERSON#${mentor.participantId}` },
          UpdateExpression: "ADD activeMentees :one",
          ExpressionAttributeValues: { ":one": 1 },
        }),
      );
    });
    const res = await onTransactions(activation, () =>
      call(app, "PUT", `/api/participants/${mentor.participantId}`, {
        token: curator,
        body: { ...teacher(), isMentor: false, isMentee: true, capacity: undefined, version },
      }),
    );
    expect(activated).toBe(true);
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("participant.mentor_in_use");
    const card = await call(app, "GET", `/api/participants/${mentor.participantId}`, { token: curator });
    expect(card.json.participant).toMatchObject({ isMentor: true, activeMentees: 1, version });
  });
});

describe("consent withdrawal", () => {
  it("ends the person's pairs and restricts their data", async () => {
    const p = await readyPair();
    expect((await activate(p.pairId, p.version)).status).toBe(200);
    const menteeCard = await call(app, "GET", `/api/participants/${p.menteeId}`, { token: curator });
    const consentId = menteeCard.json.consents[0].consentId;
    const fullName = menteeCard.json.participant.fullName as string;
    const res = await call(app, "POST", `/api/participants/${p.menteeId}/consents/${consentId}/withdraw`, {
      token: curator,
      body: { withdrawnAt: today },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json.participant.status).toBe("restricted");
    const pairPage = await call(app, "GET", `/api/pairs/${p.pairId}`, { token: curator });
    expect(pairPage.json.pair).toMatchObject({ status: "terminated", terminationReason: "отзыв согласия" });
    const mentor = await call(app, "GET", `/api/participants/${p.mentorId}`, { token: curator });
    expect(mentor.json.participant.activeMentees).toBe(0);
    const list = await call(app, "GET", "/api/participants?status=restricted", { token: staff });
    const row = list.json.items.find((x: { participantId: string }) => x.participantId === p.menteeId);
    expect(row.fullName).toBe("П. П. " + fullName.split(" ")[2]?.[0] + ".");
    expect(list.text).not.toContain(fullName);
    const again = await call(app, "POST", "/api/pairs", {
      token: curator,
      body: { form: "teacher_teacher", mentorId: p.mentorId, menteeIds: [p.menteeId], startDate: today, endDate: "2099-01-01" },
    });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("pair.participant_restricted");
  });

  it("refuses a withdrawal dated in the future or before the consent was signed, and changes nothing", async () => {
    const p = await readyPair();
    const card = async () => (await call(app, "GET", `/api/participants/${p.menteeId}`, { token: curator })).json;
    const before = await card();
    const { consentId, signedAt } = before.consents[0];
    const withdraw = (withdrawnAt: string) =>
      call(app, "POST", `/api/participants/${p.menteeId}/consents/${consentId}/withdraw`, { token: curator, body: { withdrawnAt } });
    const tomorrow = await withdraw(addDays(today, 1));
    expect(tomorrow.status).toBe(400);
    expect(tomorrow.json.error).toMatchObject({ code: "consent.future_date", message: "Дата отзыва согласия не может быть в будущем" });
    const early = await withdraw(addDays(signedAt, -1));
    expect(early.status).toBe(400);
    expect(early.json.error.code).toBe("consent.withdrawn_before_signed");
    const after = await card();
    expect(after.participant).toMatchObject({ status: "active", version: before.participant.version });
    expect(after.consents[0].withdrawnAt).toBeUndefined();
  });
});

describe("plan, meetings, completion", () => {
  it("keeps the plan and the diary, then completes with results", async () => {
    const p = await readyPair();
    const active = await activate(p.pairId, p.version);
    const activeColumn = await call(app, "GET", "/api/pairs?status=active&limit=50", { token: viewer });
    const plan = await call(app, "PUT", `/api/pairs/${p.pairId}/plan`, {
      token: staff,
      body: {
        goals: ["Освоить методику урока"],
        tasks: [{ title: "Посетить 3 урока наставника", dueDate: "2099-01-01", status: "planned" }],
        version: 1,
      },
    });
    expect(plan.status, plan.text).toBe(200);
    expect(plan.json.plan.tasks[0].taskId).toMatch(/^tsk_/);
    const meeting = await call(app, "POST", `/api/pairs/${p.pairId}/meetings`, {
      token: staff,
      body: {
        date: today,
        stage: "introduction",
        durationMinutes: 45,
        notes: "Знакомство",
        mentorFeedback: "Хорошо",
        menteeFeedback: "Полезно",
      },
    });
    expect(meeting.status, meeting.text).toBe(201);
    expect(meeting.json.pair.lastMeetingDate).toBe(today);
    expect(meeting.json.meetings).toHaveLength(1);
    const edit = await call(app, "PUT", `/api/pairs/${p.pairId}/meetings/${meeting.json.meetings[0].meetingId}`, {
      token: staff,
      body: { date: today, stage: "introduction", durationMinutes: 60, notes: "Знакомство и план", version: 1 },
    });
    expect(edit.json.meetings[0]).toMatchObject({ durationMinutes: 60, version: 2 });
    const done = await call(app, "POST", `/api/pairs/${p.pairId}/complete`, {
      token: curator,
      body: { results: "Проведено 3 открытых урока", reflection: "Уверенность выросла", version: active.json.pair.version },
    });
    expect(done.status, done.text).toBe(200);
    expect(done.json.pair).toMatchObject({ status: "completed", results: "Проведено 3 открытых урока" });
    // The board's columns follow the status (the byTenant index key carries it): active while it ran, then completed.
    expect(activeColumn.json.items.map((x: { pairId: string }) => x.pairId)).toContain(p.pairId);
    const completed = await call(app, "GET", "/api/pairs?status=completed&limit=50", { token: viewer });
    expect(completed.json.items.map((x: { pairId: string }) => x.pairId)).toContain(p.pairId);
    const activeAfter = await call(app, "GET", "/api/pairs?status=active&limit=50", { token: viewer });
    expect(activeAfter.json.items.map((x: { pairId: string }) => x.pairId)).not.toContain(p.pairId);
  });

  it("keeps the diary within the pair's period: no meeting before its start, no start after its first meeting", async () => {
    const p = await readyPair();
    const active = await activate(p.pairId, p.version);
    const early = await call(app, "POST", `/api/pairs/${p.pairId}/meetings`, {
      token: staff,
      body: { date: addDays(today, -1), stage: "introduction", durationMinutes: 45, notes: "До начала" },
    });
    expect(early.status).toBe(400);
    const startText = today.split("-").reverse().join(".");
    const beforeStart = `Дата встречи не может быть раньше начала работы пары (${startText})`;
    expect(early.json.error).toMatchObject({
      code: "meeting.before_start",
      message: beforeStart,
      details: { fields: [{ path: "date", message: beforeStart }] },
    });
    const untouched = await call(app, "GET", `/api/pairs/${p.pairId}`, { token: staff });
    expect(untouched.json.meetings).toEqual([]);
    expect(untouched.json.pair.lastMeetingDate).toBeUndefined();

    const held = await call(app, "POST", `/api/pairs/${p.pairId}/meetings`, {
      token: staff,
      body: { date: today, stage: "introduction", durationMinutes: 45, notes: "Знакомство" },
    });
    expect(held.status, held.text).toBe(201);
    const pair = active.json.pair;
    const moved = await call(app, "PUT", `/api/pairs/${p.pairId}`, {
      token: staff,
      body: { form: pair.form, startDate: addDays(today, 1), endDate: pair.endDate, version: pair.version },
    });
    expect(moved.status).toBe(400);
    const afterMeeting = `Дата начала не может быть позже первой встречи в дневнике (${startText})`;
    expect(moved.json.error).toMatchObject({
      code: "pair.start_after_meeting",
      details: { fields: [{ path: "startDate", message: afterMeeting }] },
    });
    const kept = await call(app, "GET", `/api/pairs/${p.pairId}`, { token: staff });
    expect(kept.json.pair).toMatchObject({ startDate: today, version: pair.version });
  });

  it("suggests mentors with reasons; the curator confirms one as a draft pair", async () => {
    const mentee = await create(young({ requests: ["классное руководство"] }));
    const best = await create(teacher({ fullName: "Лучшая Наставница", competences: ["классное руководство", "методика"], capacity: 3 }));
    const res = await call(app, "GET", `/api/participants/${mentee.participantId}/mentor-suggestions`, { token: staff });
    expect(res.status).toBe(200);
    expect(res.json.items[0]).toMatchObject({ participantId: best.participantId, forms: ["teacher_teacher"] });
    expect(res.json.items[0].reasons).toContain("Компетенции отвечают на запросы: классное руководство");
    const draft = await pair(best.participantId, [mentee.participantId]);
    expect(draft.pairId).toMatch(/^par_/);
  });
});

describe("import", () => {
  const csv = (lines: string[]) => ({ fileName: "uchastniki.csv", contentBase64: Buffer.from(lines.join("\n")).toString("base64") });
  const header =
    "ФИО;Дата рождения;Категория;Класс или группа;Роль;Email;Телефон;Запросы;Компетенции;Опыт;Число наставляемых;Организация-партнёр";

  it("previews per-row errors and duplicates in the file and against the registry", async () => {
    const existing = await create(pupil({ fullName: "Уже Есть Вреестре", birthDate: "2011-01-01" }));
    const res = await call(app, "POST", "/api/participants/import/preview", {
      token: curator,
      body: csv([
        header,
        "Новиков Артём Сергеевич;14.03.2012;ученик;6А;наставляемый;;;математика;;;;",
        "Новиков Артём Сергеевич;14.03.2012;ученик;6А;наставляемый;;;;;;;",
        "Уже Есть Вреестре;01.01.2011;ученик;;наставляемый;;;;;;;",
        "Без Категории;01.01.2011;космонавт;;наставляемый;;;;;;;",
        "Плохая Дата;31.02.2011;ученик;;наставляемый;;;;;;;",
        "Наставник Партнёр;1980;работодатель;;наставник;;;;сварка;;2;ООО «Завод»",
      ]),
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ total: 6, valid: 2, invalid: 4, duplicates: 2 });
    const rows = res.json.rows as { row: number; errors: { field: string; message: string }[]; duplicateOf?: unknown }[];
    expect(rows[1]?.duplicateOf).toEqual({ row: 2 });
    expect(rows[2]?.duplicateOf).toEqual({ participantId: existing.participantId });
    expect(rows[3]?.errors[0]?.message).toContain("Неизвестная категория «космонавт»");
    expect(rows[4]?.errors[0]).toEqual({
      field: "birthDate",
      message: "Поле «Дата рождения»: укажите существующую дату в формате ДД.ММ.ГГГГ",
    });
    expect(rows[2]?.errors.map((e) => e.message)).toContain("Участник с такими ФИО и датой рождения уже есть в базе участников");
  });

  it("names missing and unknown columns", async () => {
    const res = await call(app, "POST", "/api/participants/import/preview", {
      token: curator,
      body: csv(["ФИО;Дата рождения;Лишний", "А;01.01.2000;x"]),
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("import.wrong_columns");
    expect(res.json.error.message).toContain("«Категория»");
    expect(res.json.error.details.unknown).toEqual(["Лишний"]);
  });

  it("imports only when clean, or with skipInvalid", async () => {
    const file = csv([header, "Импортов Иван;01.09.2010;ученик;8В;наставляемый;;;;;;;", "Ошибкин;01.09.2010;;;наставляемый;;;;;;;"]);
    const refused = await call(app, "POST", "/api/participants/import", { token: curator, body: { ...file, skipInvalid: false } });
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe("import.has_errors");
    const done = await call(app, "POST", "/api/participants/import", { token: curator, body: { ...file, skipInvalid: true } });
    expect(done.status, done.text).toBe(201);
    expect(done.json).toMatchObject({ created: 1, skipped: 1 });
    const again = await call(app, "POST", "/api/participants/import/preview", { token: curator, body: file });
    expect(again.json.rows[0].duplicateOf).toHaveProperty("participantId");
  });

  it("a chunk another write interfered with is tried again; one that keeps failing is reported with what was saved", async () => {
    const people = (prefix: string) =>
      csv([
        header,
        ...Array.from(
          { length: 120 },
          (_, i) => `${prefix} Участник ${String(i).padStart(3, "0")};01.09.2010;ученик;8В;наставляемый;;;;;;;`,
        ),
      ]);
    /** Runs `fn` while, from the `failing`-th transaction on (1-based), `times` transactions are cancelled by a conflict. */
    const withConflicts = <T>(failing: number, times: number, fn: () => Promise<T>) => {
      let transactions = 0;
      let failed = 0;
      return onTransactions(async () => {
        if (++transactions >= failing && failed < times) {
          failed += 1;
          throw cancelledByConflict();
        }
      }, fn);
    };
    const count = async (prefix: string) =>
      (await call(app, "GET", `/api/participants?q=${encodeURIComponent(prefix)}`, { token: curator })).json.items.length;

    // Two conflicts on the second chunk: tried again, all 120 saved.
    const retried = await withConflicts(2, 2, () =>
      call(app, "POST", "/api/participants/import", { token: curator, body: { ...people("Повторов"), skipInvalid: false } }),
    );
    expect(retried.status, retried.text).toBe(201);
    expect(await count("Повторов")).toBe(120);
    // Each chunk's audit event says in Russian how many people it added.
    const { items } = await listAudit(auditScope.tenant(school.tenantId), { limit: 10 });
    const imports = items.filter((event) => event.action === "participant.import").slice(0, 2);
    expect(imports.map((event) => event.target).sort()).toEqual(["22 участника", "98 участников"]);

    // The second chunk keeps failing: the first 98 stay, and the answer says so.
    const failed = await withConflicts(2, 99, () =>
      call(app, "POST", "/api/participants/import", { token: curator, body: { ...people("Сбоев"), skipInvalid: false } }),
    );
    expect(failed.status).toBe(503);
    expect(failed.json.error).toMatchObject({
      code: "participant.write_failed",
      message:
        "Сохранено участников: 98 из 120, остальные не сохранены из-за сбоя. Загрузите файл ещё раз и пропустите ошибочные строки: уже сохранённые будут отмечены как повторы.",
      details: { saved: 98 },
    });
    expect(await count("Сбоев")).toBe(98);
    // Sent again, the saved rows are duplicates and the rest go in.
    const resumed = await call(app, "POST", "/api/participants/import", {
      token: curator,
      body: { ...people("Сбоев"), skipInvalid: true },
    });
    expect(resumed.json).toMatchObject({ created: 22, skipped: 98 });
    expect(await count("Сбоев")).toBe(120);
  });

  it("offers an XLSX template that round-trips through the preview", async () => {
    const res = await app.request("/api/participants/import/template?format=xlsx", { headers: { authorization: `Bearer ${curator}` } });
    expect(res.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("Шаблон реестра участников.xlsx")}`);
    const buffer = Buffer.from(await res.arrayBuffer());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.getRow(1).getCell(1).value).toBe("ФИО");
    // The example birth date is an Excel date, as the exports write dates.
    expect(workbook.worksheets[0]?.getRow(2).getCell(2).value).toEqual(new Date("2012-03-14T00:00:00.000Z"));
    const preview = await call(app, "POST", "/api/participants/import/preview", {
      token: curator,
      body: { fileName: "t.xlsx", contentBase64: buffer.toString("base64") },
    });
    expect(preview.json, preview.text).toMatchObject({ total: 2, valid: 2 });
    const csvTemplate = await app.request("/api/participants/import/template?format=csv", {
      headers: { authorization: `Bearer ${curator}` },
    });
    expect(await csvTemplate.text()).toContain("ФИО;Дата рождения;Категория");
  });
});

describe("personal-data rights", () => {
  it("exports everything stored about one person", async () => {
    const p = await readyPair();
    await activate(p.pairId, p.version);
    await call(app, "POST", `/api/pairs/${p.pairId}/meetings`, {
      token: curator,
      body: { date: today, stage: "planning", durationMinutes: 30, notes: "Секретная заметка встречи" },
    });
    const res = await call(app, "GET", `/api/participants/${p.menteeId}/export`, { token: curator });
    expect(res.status).toBe(200);
    expect(res.json.participant).toMatchObject({ participantId: p.menteeId, category: "young_specialist" });
    expect(res.json.consents).toHaveLength(1);
    expect(res.json.pairs[0]).toMatchObject({ role: "mentee", pair: { pairId: p.pairId, status: "active" } });
    expect(res.text).toContain("Секретная заметка встречи");
    // The pair is named by its people (as lists name them), and the file by the person, not by the register's id.
    const fullNameOf = async (id: string) =>
      (await call(app, "GET", `/api/participants/${id}`, { token: curator })).json.participant.fullName;
    const [mentorName, menteeName] = [shortName(await fullNameOf(p.mentorId)), shortName(await fullNameOf(p.menteeId))];
    expect(res.json.pairs[0]).toMatchObject({ mentor: mentorName, mentees: [menteeName] });
    const named = (extension: string) =>
      `filename*=UTF-8''${encodeURIComponent(`Данные участника ${menteeName.replace(/\.$/, "")}.${extension}`)}`;
    expect(res.headers.get("content-disposition")).toContain(named("json"));
    const xlsx = await app.request(`/api/participants/${p.menteeId}/export?format=xlsx`, {
      headers: { authorization: `Bearer ${curator}` },
    });
    expect(xlsx.headers.get("content-disposition")).toContain(named("xlsx"));
    expect(xlsx.headers.get("content-disposition")).not.toContain(p.menteeId);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Участник", "Согласия", "Пары", "Встречи", "Поощрения"]);
    const pairRow = workbook.getWorksheet("Пары")?.getRow(2);
    expect([pairRow?.getCell(2).value, pairRow?.getCell(3).value]).toEqual([mentorName, menteeName]);
    expect(workbook.getWorksheet("Встречи")?.getRow(2).getCell(1).value).toBe(
      `Учитель – учитель (педагог – педагог): ${mentorName} — ${menteeName}`,
    );
    expect((await call(app, "GET", `/api/participants/${p.menteeId}/export`, { token: staff })).status).toBe(403);
  });

  it("anonymises a person while the aggregate counts stay right", async () => {
    const p = await readyPair();
    await activate(p.pairId, p.version);
    const before = await system(() => Stats.forInstitution(school.tenantId));
    const name = (await call(app, "GET", `/api/participants/${p.menteeId}`, { token: curator })).json.participant.fullName;
    const res = await call(app, "POST", `/api/participants/${p.menteeId}/anonymise`, { token: curator });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ status: "anonymised" });
    const card = await call(app, "GET", `/api/participants/${p.menteeId}`, { token: curator });
    expect(card.text).not.toContain(name);
    expect(card.text).not.toContain("2000-01-01");
    const after = await system(() => Stats.forInstitution(school.tenantId));
    expect(after.participants).toBe(before.participants);
    expect(after.byCategory).toEqual(before.byCategory);
    expect(after.engaged).toEqual(before.engaged);
    expect(after.youngSpecialistsMentored).toBe(before.youngSpecialistsMentored);
    expect(after.pairs.active).toBe(before.pairs.active - 1);
    expect(after.pairs.terminated).toBe(before.pairs.terminated + 1);
  });
});

describe("statistics", () => {
  it("the stored counters equal a recomputation after everything above, failed transactions included", async () => {
    // A failed transaction: a stale edit must change nothing.
    const p = await create(teacher({ partnerOrg: "ООО «Завод»" }));
    const stale = await call(app, "PUT", `/api/participants/${p.participantId}`, {
      token: curator,
      body: { ...teacher({ category: "head" }), version: 7 },
    });
    expect(stale.status).toBe(409);
    const check = await system(() => Stats.check(school.tenantId));
    expect(check.differences).toEqual([]);
    const summary = await system(() => Stats.forInstitution(school.tenantId));
    expect(summary.participants).toBeGreaterThan(30);
    expect(summary.pairs.active).toBeGreaterThan(0);
    expect(summary.mentees10to19).toBeGreaterThan(0);
    expect(summary.youngSpecialistsMentored).toBeGreaterThan(0);
    const own = await call(app, "GET", "/api/participants/stats", { token: viewer });
    expect(own.json).toMatchObject({ participants: summary.participants, pairs: summary.pairs });
  });

  it("the check reports a drifted counter and a drifted mirror; the repair restores both", async () => {
    const { summaryUpdate } = await import("@rnc/core/stats");
    const { ddb } = await import("@rnc/core/dynamo");
    const { TransactWriteCommand } = await import("@aws-sdk/lib-dynamodb");
    const drift = summaryUpdate({
      tenantId: school.tenantId,
      regionId: school.regionId,
      counts: { "role#mentor": 1 },
      institution: { ...school, municipality: "Не тот район" },
    });
    await ddb.send(new TransactWriteCommand({ TransactItems: [drift] as never }));
    const check = await system(() => Stats.check(school.tenantId));
    expect(check.differences).toEqual([{ counter: "role#mentor", stored: expect.any(Number), expected: expect.any(Number) }]);
    expect(check.differences[0]!.stored - check.differences[0]!.expected).toBe(1);
    expect(check.mirrors).toEqual(["inst"]);
    await system(() => Stats.repair(school.tenantId));
    expect(await system(() => Stats.check(school.tenantId))).toMatchObject({ differences: [], mirrors: [] });
  });
});

describe("region-scope roles", () => {
  it("get 403 on every participants and pairs route", async () => {
    const document = (await call(app, "GET", "/api/openapi.json")).json as { paths: Record<string, Record<string, { tags: string[] }>> };
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, operation]) => operation.tags.includes("participants") || operation.tags.includes("pairs"))
        .map(([method]) => ({ method: method.toUpperCase(), path: path.replace(/\{\w+\}/g, "x") })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(25);
    for (const user of [users.region_admin, users.region_viewer]) {
      const token = await tokenFor(user);
      for (const operation of operations) {
        const res = await call(app, operation.method, operation.path, { token, body: operation.method === "GET" ? undefined : {} });
        expect(res.status, `${operation.method} ${operation.path} as ${user.role}`).toBe(403);
      }
    }
  });
});
