import { GetCommand, PutCommand, TransactWriteCommand, type TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it, vi } from "vitest";
import { withActor } from "@rnc/core";
import { auditScope, listAudit } from "@rnc/core/audit";
import { ddb, storeMetrics, tableName } from "@rnc/core/dynamo";
import { Institution } from "@rnc/core/institution";
import { Pair } from "@rnc/core/pair";
import { CampaignEntity, SubmissionEntity } from "@rnc/core/monitoring/monitoring.entity";
import { readSummary, regionOfTenant, summaryKey, summaryUpdate } from "@rnc/core/stats";
import { call, createTestRegion, institutionInput, mailTo, tokenFor } from "../../../scripts/test/fixtures";
import { createActivePair } from "../../../scripts/test/region-fixtures";
import { interleave } from "../../../scripts/test/transactions";
import { todayIn } from "@rnc/core/dates";
import ExcelJS from "exceljs";
import { app } from "../app";

/** Live data for an institution: counters as the participants module keeps them (role, age band, pairs, forms). */
async function addStats(tenantId: string, delta: Record<string, number>) {
  const update = summaryUpdate({ tenantId, regionId: await regionOfTenant(tenantId), counts: delta });
  await ddb.send(new TransactWriteCommand({ TransactItems: [update] as TransactWriteCommandInput["TransactItems"] }));
}

const thisYear = new Date().getUTCFullYear();
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

describe("monitoring campaigns", async () => {
  const { region, school, college, users } = await createTestRegion();
  const suspended = await withActor({ type: "system", properties: { regionId: region.regionId } }, async () => {
    const created = await Institution.createInRegion(region.regionId, institutionInput({ shortName: "Приостановленная школа" }));
    return Institution.setStatus(created.tenantId, "suspended");
  });
  const admin = await tokenFor(users.region_admin);
  const viewer = await tokenFor(users.region_viewer);
  const curator = await tokenFor(users.curator);
  const staff = await tokenFor(users.staff);
  // The school: 5 mentors, 7 mentees, 60 engaged mentees born in 2012 (aged 10–19), 4 active and 1 completed pairs.
  await addStats(school.tenantId, {
    participants: 12,
    "role#mentor": 5,
    "role#mentee": 7,
    "engaged#mentee": 60,
    "menteeBirth#2012": 60,
    youngSpecialistsMentored: 3,
    "pairs#active": 4,
    "pairs#completed": 1,
    "form#pupil_pupil#mentors": 3,
    "form#pupil_pupil#mentees": 4,
    "category#pupil": 8,
  });

  async function newCampaign(overrides: Record<string, unknown> = {}, kind: "monitoring" | "federal_count" = "monitoring") {
    const periodStart = `${thisYear}-09-01`;
    const defaults = await call(app, "GET", `/api/monitoring/campaign-defaults?kind=${kind}&periodStart=${periodStart}`, { token: admin });
    expect(defaults.status, defaults.text).toBe(200);
    const { deadline: _deadline, ...rest } = defaults.json;
    const created = await call(app, "POST", "/api/monitoring/campaigns", {
      token: admin,
      body: {
        ...rest,
        name: `Мониторинг ЦМН, I полугодие ${thisYear}/${(thisYear + 1) % 100}`,
        periodStart,
        periodEnd: `${thisYear}-12-31`,
        ...overrides,
      },
    });
    expect(created.status, created.text).toBe(201);
    return created.json;
  }

  async function publishedCampaign(overrides: Record<string, unknown> = {}, kind: "monitoring" | "federal_count" = "monitoring") {
    const campaign = await newCampaign(overrides, kind);
    const published = await call(app, "POST", `/api/monitoring/campaigns/${campaign.campaignId}/publish`, { token: admin });
    expect(published.status, published.text).toBe(200);
    return published.json;
  }

  /** What a first publish that stopped after the school's submission left behind: that submission alone. */
  const stoppedPublish = (campaignId: string) =>
    SubmissionEntity.put({
      tenantId: school.tenantId,
      campaignId,
      regionId: region.regionId,
      institutionName: school.shortName,
      municipality: school.municipality,
      status: "not_started",
      values: {},
      updatedAt: new Date().toISOString(),
      version: 1,
    }).go();

  const form = (campaignId: string, token = curator) => call(app, "GET", `/api/monitoring/submissions/${campaignId}`, { token });
  const indicator = (view: Record<string, any>, code: string) => view.indicators.find((i: { code: string }) => i.code === code);
  const manual = { plans_done: 92.5, assessment: "По плану", comment: "Работаем по дорожной карте" };

  it("creates a draft with the default deadline (20 December) and publishes it to every active institution, once", async () => {
    const campaign = await newCampaign();
    expect(campaign).toMatchObject({ status: "draft", deadline: `${thisYear}-12-20`, institutionsCount: 0 });
    expect(await CampaignEntity.query.byDueDate({ dueDate: campaign.deadline }).go()).toMatchObject({ data: [] });

    const before = storeMetrics.itemsWritten;
    const published = await call(app, "POST", `/api/monitoring/campaigns/${campaign.campaignId}/publish`, { token: admin });
    expect(published.status, published.text).toBe(200);
    expect(published.json).toMatchObject({ status: "published", institutionsCount: 2 });
    // Two submissions and their states on the two institutions' summaries in one transaction, then the campaign and
    // its audit item.
    expect(storeMetrics.itemsWritten - before).toBe(6);

    const tracker = await call(app, "GET", `/api/monitoring/campaigns/${campaign.campaignId}/tracker`, { token: viewer });
    expect(tracker.json.counts).toMatchObject({ total: 2, not_started: 2, submitted: 0, late: 0 });
    expect(tracker.json.items.map((i: { tenantId: string }) => i.tenantId).sort()).toEqual([school.tenantId, college.tenantId].sort());
    expect(tracker.text).not.toContain(suspended.tenantId);

    // The reminder job finds published campaigns by deadline on gsi2.
    const due = await CampaignEntity.query.byDueDate({ dueDate: campaign.deadline }).go();
    expect(due.data.map((c) => c.campaignId)).toContain(campaign.campaignId);

    const again = await call(app, "POST", `/api/monitoring/campaigns/${campaign.campaignId}/publish`, { token: admin });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("monitoring.campaign_published");
    const edit = await call(app, "PUT", `/api/monitoring/campaigns/${campaign.campaignId}`, {
      token: admin,
      body: { ...campaign, version: published.json.version },
    });
    expect(edit.json.error.code).toBe("monitoring.campaign_published");
  });

  it("a retried publish skips institutions that already have their submission", async () => {
    const campaign = await newCampaign();
    await stoppedPublish(campaign.campaignId);
    const before = storeMetrics.itemsWritten;
    const published = await call(app, "POST", `/api/monitoring/campaigns/${campaign.campaignId}/publish`, { token: admin });
    expect(published.json).toMatchObject({ status: "published", institutionsCount: 2 });
    // The missing submission and its summary state, then the campaign and its audit item.
    expect(storeMetrics.itemsWritten - before).toBe(4);
  });

  it("a publish never overwrites a submission that exists, even one its index read did not see", async () => {
    const campaign = await newCampaign();
    // Another publish got there first and the school has started its draft; this publish read gsi1 before that (the
    // index is eventually consistent), so the submission is written here without its gsi1 keys.
    const started = {
      tenantId: school.tenantId,
      campaignId: campaign.campaignId,
      regionId: region.regionId,
      institutionName: school.shortName,
      municipality: school.municipality,
      status: "draft" as const,
      values: { plans_done: 40 },
      updatedAt: new Date().toISOString(),
      version: 2,
    };
    const { gsi1pk: _pk, gsi1sk: _sk, ...item } = SubmissionEntity.put(started).params().Item;
    await ddb.send(new PutCommand({ TableName: tableName(), Item: item }));
    const state = summaryUpdate({
      tenantId: school.tenantId,
      regionId: region.regionId,
      submission: { campaignId: campaign.campaignId, status: "draft" },
    });
    await ddb.send(new TransactWriteCommand({ TransactItems: [state] as TransactWriteCommandInput["TransactItems"] }));

    const published = await call(app, "POST", `/api/monitoring/campaigns/${campaign.campaignId}/publish`, { token: admin });
    expect(published.status, published.text).toBe(200);
    const schoolRow = await SubmissionEntity.get({ tenantId: school.tenantId, campaignId: campaign.campaignId }).go({ consistent: true });
    expect(schoolRow.data).toMatchObject({ status: "draft", values: { plans_done: 40 }, version: 2 });
    const summary = await ddb.send(new GetCommand({ TableName: tableName(), Key: summaryKey(school.tenantId), ConsistentRead: true }));
    expect(readSummary(summary.Item ?? {}).submission(campaign.campaignId)).toEqual({ status: "draft" });
    const collegeRow = await SubmissionEntity.get({ tenantId: college.tenantId, campaignId: campaign.campaignId }).go({ consistent: true });
    expect(collegeRow.data).toMatchObject({ status: "not_started", version: 1 });
  });

  it("institutions cannot answer a draft that a stopped publish left behind; a retried publish finishes it", async () => {
    const campaign = await newCampaign();
    const key = { tenantId: school.tenantId, campaignId: campaign.campaignId };
    await stoppedPublish(campaign.campaignId);
    const list = await call(app, "GET", "/api/monitoring/submissions", { token: curator });
    expect(list.json.items.map((i: { campaignId: string }) => i.campaignId)).not.toContain(campaign.campaignId);
    expect((await form(campaign.campaignId)).status).toBe(404);

    const before = storeMetrics.itemsWritten;
    const save = await call(app, "PUT", `/api/monitoring/submissions/${campaign.campaignId}`, {
      token: curator,
      body: { values: { plans_done: 40 }, version: 1 },
    });
    expect(save.status).toBe(409);
    expect(save.json.error.code).toBe("monitoring.campaign_not_published");
    const submit = await call(app, "POST", `/api/monitoring/submissions/${campaign.campaignId}/submit`, {
      token: curator,
      body: { values: manual, version: 1 },
    });
    expect(submit.status).toBe(409);
    expect(submit.json.error.code).toBe("monitoring.campaign_not_published");
    expect(storeMetrics.itemsWritten - before).toBe(0);
    expect((await SubmissionEntity.get(key).go({ consistent: true })).data).toMatchObject({
      status: "not_started",
      values: {},
      version: 1,
    });

    // Nothing is saved under a draft's indicators, so the region may still change it; the retry sends it to everyone.
    const { institutionsCount: _n, status: _s, createdAt: _c, updatedAt: _u, publishedAt: _p, campaignId: _id, ...fields } = campaign;
    const edited = await call(app, "PUT", `/api/monitoring/campaigns/${campaign.campaignId}`, {
      token: admin,
      body: { ...fields, name: "Мониторинг ЦМН (исправлено)" },
    });
    expect(edited.status, edited.text).toBe(200);
    const published = await call(app, "POST", `/api/monitoring/campaigns/${campaign.campaignId}/publish`, { token: admin });
    expect(published.json).toMatchObject({ status: "published", institutionsCount: 2, name: "Мониторинг ЦМН (исправлено)" });
    const saved = await call(app, "PUT", `/api/monitoring/submissions/${campaign.campaignId}`, {
      token: curator,
      body: { values: { plans_done: 40 }, version: 1 },
    });
    expect(saved.status, saved.text).toBe(200);
  });

  it("saving a draft and exporting the consolidated table are audited", async () => {
    const campaign = await publishedCampaign();
    const saved = await call(app, "PUT", `/api/monitoring/submissions/${campaign.campaignId}`, {
      token: curator,
      body: { values: { plans_done: 40 }, version: 1 },
    });
    expect(saved.status, saved.text).toBe(200);
    const institutionLog = (await listAudit(auditScope.tenant(school.tenantId))).items;
    expect(institutionLog.filter((e) => e.target === campaign.campaignId)).toEqual([
      expect.objectContaining({ action: "submission.save", actorId: users.curator.userId, regionId: region.regionId }),
    ]);

    for (const format of ["csv", "json"]) {
      const exported = await call(app, "GET", `/api/monitoring/campaigns/${campaign.campaignId}/export?format=${format}`, {
        token: viewer,
      });
      expect(exported.status).toBe(200);
    }
    const regionLog = (await listAudit(auditScope.region(region.regionId))).items;
    expect(regionLog.filter((e) => e.target === campaign.campaignId && e.action === "campaign.export")).toEqual([
      expect.objectContaining({ actorId: users.region_viewer.userId }),
      expect.objectContaining({ actorId: users.region_viewer.userId }),
    ]);
  });

  it("rejects a campaign with a bad indicator set with field-level messages", async () => {
    const res = await call(app, "POST", "/api/monitoring/campaigns", {
      token: admin,
      body: {
        kind: "monitoring",
        name: "Плохая",
        periodStart: `${thisYear}-09-01`,
        periodEnd: `${thisYear}-08-01`,
        indicators: [{ code: "x", label: "Выбор", kind: "choice", required: true, options: ["один"] }],
      },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.details.fields).toEqual(
      expect.arrayContaining([
        { path: "periodEnd", message: "Конец периода не может быть раньше начала" },
        { path: "indicators.0.options", message: "Для выбора из списка укажите не меньше двух вариантов" },
      ]),
    );
    const curatorTry = await call(app, "POST", "/api/monitoring/campaigns", { token: curator, body: {} });
    expect(curatorTry.status).toBe(403);
  });

  it("pre-fills the curator's form from live data and validates manual values field by field", async () => {
    const campaign = await publishedCampaign();
    // The training log: one event in the campaign's period (from 1 September), one before it.
    for (const date of [`${thisYear}-10-01`, `${thisYear}-03-01`]) {
      const logged = await call(app, "POST", "/api/trainings", {
        token: curator,
        body: { title: `Семинар ${date}`, kind: "seminar", date, participants: 8, certificates: false },
      });
      expect(logged.status, logged.text).toBe(201);
    }
    const list = await call(app, "GET", "/api/monitoring/submissions", { token: staff });
    expect(list.json.items.map((i: { campaignId: string }) => i.campaignId)).toContain(campaign.campaignId);

    // One round trip: the campaign, the submission, the KPI settings and the summary in one BatchGetItem, beside the
    // history's Query and the training log's (the region's time zone is cached).
    await form(campaign.campaignId);
    const before = { calls: storeMetrics.calls, batches: storeMetrics.byOperation.BatchGet ?? 0 };
    const view = (await form(campaign.campaignId)).json;
    expect({ calls: storeMetrics.calls - before.calls, batches: (storeMetrics.byOperation.BatchGet ?? 0) - before.batches }).toEqual({
      calls: 3,
      batches: 1,
    });
    expect(view.status).toBe("not_started");
    expect(indicator(view, "mentors")).toMatchObject({ computed: true, value: 5 });
    expect(indicator(view, "mentees")).toMatchObject({ computed: true, value: 7 });
    expect(indicator(view, "pairs_active")).toMatchObject({ computed: true, value: 4 });
    // 60 mentees aged 10–19 of 300 students aged 10–19; 3 of 6 young teachers.
    expect(indicator(view, "kpi_mentees_10_19")).toMatchObject({ computed: true, value: 20 });
    expect(indicator(view, "kpi_young_teachers")).toMatchObject({ computed: true, value: 50 });
    // A KPI without a value says why, as the KPI page does; one with a value has no reason.
    expect(indicator(view, "kpi_mentee_satisfaction")).toMatchObject({ value: null, missing: "Нет ответов на анкеты удовлетворённости" });
    expect(indicator(view, "kpi_mentees_10_19").missing).toBeUndefined();
    // Counted from the training log: the one event of the campaign's period, not the one before it.
    expect(indicator(view, "mentor_trainings")).toMatchObject({ computed: true, value: 1 });

    const wrong = await call(app, "PUT", `/api/monitoring/submissions/${campaign.campaignId}`, {
      token: curator,
      body: { values: { mentor_trainings: 5000, plans_done: 130, assessment: "Отлично" }, version: view.version },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.details.fields).toEqual([
      {
        path: "values.mentor_trainings",
        message: "Показатель «Проведено мероприятий по обучению наставников» рассчитывается автоматически",
      },
      { path: "values.plans_done", message: "Показатель «Степень реализации индивидуальных планов развития» не может быть больше 100" },
      {
        path: "values.assessment",
        message:
          "Показатель «Общая оценка хода реализации программы»: выберите один из вариантов — По плану, С отставанием, Приостановлена",
      },
    ]);

    const staffTry = await call(app, "PUT", `/api/monitoring/submissions/${campaign.campaignId}`, {
      token: staff,
      body: { values: {}, version: 1 },
    });
    expect(staffTry.status).toBe(403);

    const draft = await call(app, "PUT", `/api/monitoring/submissions/${campaign.campaignId}`, {
      token: curator,
      body: { values: { plans_done: 40 }, version: view.version },
    });
    expect(draft.status, draft.text).toBe(200);
    expect(draft.json).toMatchObject({ status: "draft", version: 2 });
    const stale = await call(app, "PUT", `/api/monitoring/submissions/${campaign.campaignId}`, {
      token: curator,
      body: { values: { plans_done: 50 }, version: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe("record.stale_version");

    const incomplete = await call(app, "POST", `/api/monitoring/submissions/${campaign.campaignId}/submit`, {
      token: curator,
      body: { version: 2 },
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.json.error.details.fields.map((f: { path: string }) => f.path)).toEqual(["values.assessment"]);

    // The region does not see a draft's values.
    const regionView = await call(app, "GET", `/api/monitoring/campaigns/${campaign.campaignId}/submissions/${school.tenantId}`, {
      token: viewer,
    });
    expect(regionView.json.status).toBe("draft");
    expect(indicator(regionView.json, "plans_done").value).toBeNull();
  });

  it("submit locks and freezes computed values; return needs a comment; resubmit; accept; the history is kept", async () => {
    const campaign = await publishedCampaign();
    const submitted = await call(app, "POST", `/api/monitoring/submissions/${campaign.campaignId}/submit`, {
      token: curator,
      body: { values: manual, version: 1 },
    });
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.json).toMatchObject({ status: "submitted", editable: false, late: false });
    expect(indicator(submitted.json, "mentors").value).toBe(5);

    // Live data changes afterwards; the submitted snapshot does not.
    await addStats(school.tenantId, { "role#mentor": 2 });
    expect(indicator((await form(campaign.campaignId)).json, "mentors").value).toBe(5);

    const edit = await call(app, "PUT", `/api/monitoring/submissions/${campaign.campaignId}`, {
      token: curator,
      body: { values: { plans_done: 10 }, version: submitted.json.version },
    });
    expect(edit.status).toBe(409);
    expect(edit.json.error.code).toBe("monitoring.submission_locked");
    expect(edit.json.error.details.current).toMatchObject({ status: "submitted", version: submitted.json.version });
    const resubmitNow = await call(app, "POST", `/api/monitoring/submissions/${campaign.campaignId}/submit`, {
      token: curator,
      body: { version: submitted.json.version },
    });
    expect(resubmitNow.json.error.code).toBe("monitoring.submission_locked");

    const path = `/api/monitoring/campaigns/${campaign.campaignId}/submissions/${school.tenantId}`;
    const regionView = await call(app, "GET", path, { token: viewer });
    expect(indicator(regionView.json, "plans_done").value).toBe(92.5);
    expect(indicator(regionView.json, "mentors").value).toBe(5);

    const noComment = await call(app, "POST", `${path}/return`, { token: admin, body: { comment: "  ", version: submitted.json.version } });
    expect(noComment.status).toBe(400);
    expect(noComment.json.error.details.fields).toEqual([{ path: "comment", message: "Заполните поле «Комментарий для организации»" }]);
    expect((await call(app, "POST", `${path}/return`, { token: viewer, body: { comment: "x", version: 1 } })).status).toBe(403);

    const returned = await call(app, "POST", `${path}/return`, {
      token: admin,
      body: { comment: "Уточните число мероприятий", version: submitted.json.version },
    });
    expect(returned.status, returned.text).toBe(200);
    expect(returned.json).toMatchObject({ status: "returned", returnComment: "Уточните число мероприятий" });
    // The institution's curator learns it at once, with the comment and a link to the form.
    const letter = (await mailTo(users.curator.email)).at(-1);
    expect(letter?.subject).toBe(`ЦМН: отчёт «${campaign.name}» возвращён на доработку`);
    expect(letter?.body.text).toContain("с комментарием: «Уточните число мероприятий»");
    expect(letter?.body.text).toContain(`/monitoring/${campaign.campaignId}`);
    const again = await call(app, "POST", `${path}/accept`, { token: admin, body: { version: returned.json.version } });
    expect(again.json.error.code).toBe("monitoring.not_reviewable");

    const reopened = (await form(campaign.campaignId)).json;
    expect(reopened).toMatchObject({ status: "returned", editable: true, returnComment: "Уточните число мероприятий" });
    // Live again while editable: the two new mentors appear.
    expect(indicator(reopened, "mentors").value).toBe(7);
    const resubmitted = await call(app, "POST", `/api/monitoring/submissions/${campaign.campaignId}/submit`, {
      token: curator,
      body: { values: { plans_done: 60 }, version: reopened.version },
    });
    expect(resubmitted.json).toMatchObject({ status: "resubmitted", editable: false });
    expect(indicator(resubmitted.json, "plans_done").value).toBe(60);

    const tracker = await call(app, "GET", `/api/monitoring/campaigns/${campaign.campaignId}/tracker`, { token: admin });
    expect(tracker.json.counts).toMatchObject({ total: 2, resubmitted: 1, not_started: 1, awaitingReview: 1 });
    // The region's dashboard reads the states from the institutions' summaries: the same counts as the tracker.
    const dashboardStatus = async () =>
      (await call(app, "GET", `/api/stats/region?campaignId=${campaign.campaignId}`, { token: admin })).json.monitoring.status;
    // Each state counted once (they add up to the total); «sent» counts every report sent at least once.
    expect(await dashboardStatus()).toMatchObject({ total: 2, resubmitted: 1, not_started: 1, submitted: 0, sent: 1 });

    const accepted = await call(app, "POST", `${path}/accept`, { token: admin, body: { version: resubmitted.json.version } });
    expect(accepted.json.status).toBe("accepted");
    expect(await dashboardStatus()).toMatchObject({ total: 2, accepted: 1, resubmitted: 0, not_started: 1, submitted: 0, sent: 1 });
    expect(accepted.json.history.map((e: { to: string }) => e.to)).toEqual(["submitted", "returned", "resubmitted", "accepted"]);
    expect(accepted.json.history[1].comment).toBe("Уточните число мероприятий");
    const locked = await call(app, "PUT", `/api/monitoring/submissions/${campaign.campaignId}`, {
      token: curator,
      body: { values: {}, version: accepted.json.version },
    });
    expect(locked.json.error.details.current.status).toBe("accepted");
  });

  it("accepts a late submission and marks it late; the tracker counts who is late and who is overdue", async () => {
    const yesterday = isoDate(new Date(Date.now() - 2 * 86_400_000));
    const campaign = await publishedCampaign({ deadline: yesterday, periodStart: `${thisYear - 1}-09-01` });
    expect(campaign.deadline).toBe(yesterday);
    const submitted = await call(app, "POST", `/api/monitoring/submissions/${campaign.campaignId}/submit`, {
      token: curator,
      body: { values: manual, version: 1 },
    });
    expect(submitted.json).toMatchObject({ status: "submitted", late: true });
    expect(submitted.json.history.at(-1)).toMatchObject({ to: "submitted", late: true });

    const before = storeMetrics.calls;
    const tracker = await call(app, "GET", `/api/monitoring/campaigns/${campaign.campaignId}/tracker`, { token: admin });
    // The campaign and one Query on gsi1 for all the institutions' submissions (the region's time zone is cached).
    expect(storeMetrics.calls - before).toBe(2);
    expect(tracker.json.counts).toMatchObject({ total: 2, submitted: 1, late: 1, overdue: 1 });
    expect(tracker.json.items.find((i: { tenantId: string }) => i.tenantId === college.tenantId)).toMatchObject({
      status: "not_started",
      overdue: true,
    });
  });

  it("a report sent on time stays on time when the region returns it after the deadline and it is sent again", async () => {
    const campaign = await publishedCampaign({
      deadline: isoDate(new Date(Date.now() - 2 * 86_400_000)),
      periodStart: `${thisYear - 1}-09-01`,
    });
    vi.useFakeTimers({ toFake: ["Date"], now: new Date(Date.now() - 3 * 86_400_000) });
    let first: Awaited<ReturnType<typeof call>>;
    try {
      const body = { values: manual, version: 1 };
      first = await call(app, "POST", `/api/monitoring/submissions/${campaign.campaignId}/submit`, {
        token: await tokenFor(users.curator),
        body,
      });
    } finally {
      vi.useRealTimers();
    }
    expect(first.json).toMatchObject({ status: "submitted", late: false });
    const path = `/api/monitoring/campaigns/${campaign.campaignId}/submissions/${school.tenantId}`;
    const returned = await call(app, "POST", `${path}/return`, {
      token: admin,
      body: { comment: "Уточните данные", version: first.json.version },
    });
    expect(returned.status, returned.text).toBe(200);
    const again = await call(app, "POST", `/api/monitoring/submissions/${campaign.campaignId}/submit`, {
      token: curator,
      body: { values: manual, version: returned.json.version },
    });
    expect(again.json).toMatchObject({ status: "resubmitted", late: false });
    const tracker = await call(app, "GET", `/api/monitoring/campaigns/${campaign.campaignId}/tracker`, { token: admin });
    expect(tracker.json.counts).toMatchObject({ late: 0 });
  });

  it("the federal count: a table template pre-filled with the programme's participants of the period, exported by the region as one table", async () => {
    const where = { regionId: region.regionId, tenantId: school.tenantId };
    // Two pairs running this year, and one that ran last year only (activated and completed then): its two people
    // are in the registry counters but not in this year's count.
    await createActivePair(where, "Федеральный 1");
    await createActivePair(where, "Федеральный 2");
    vi.useFakeTimers({ toFake: ["Date"], now: new Date(`${thisYear - 1}-03-01T09:00:00Z`) });
    try {
      const { pairId } = await createActivePair(where, "Прошлогодний");
      vi.setSystemTime(new Date(`${thisYear - 1}-06-01T09:00:00Z`));
      await withActor({ type: "system", properties: where }, async () => {
        const { pair } = await Pair.get(pairId);
        await Pair.complete(pairId, { version: pair.version, results: "Цели достигнуты", reflection: "Рефлексия" });
      });
    } finally {
      vi.useRealTimers();
    }
    const defaults = await call(app, "GET", `/api/monitoring/campaign-defaults?kind=federal_count&periodStart=${thisYear}-01-01`, {
      token: admin,
    });
    const table = defaults.json.table;
    const campaign = await publishedCampaign(
      {
        name: `Численность участников, ${thisYear}`,
        periodStart: `${thisYear}-01-01`,
        table: { ...table, rows: [...table.rows, { code: "trained", label: "Прошли обучение наставников", manual: true }] },
      },
      "federal_count",
    );
    expect(campaign).toMatchObject({ kind: "federal_count", deadline: `${thisYear}-12-30` });
    const view = (await form(campaign.campaignId)).json;
    expect(indicator(view, "total.mentors")).toMatchObject({ computed: true, value: 2 });
    expect(indicator(view, "total.all")).toMatchObject({ computed: true, value: 4 });
    expect(indicator(view, "cat_teacher.mentors")).toMatchObject({ computed: true, value: 2 });
    expect(indicator(view, "cat_young_specialist.mentees")).toMatchObject({ computed: true, value: 2 });
    expect(indicator(view, "form_teacher_teacher.all")).toMatchObject({ computed: true, value: 4 });
    expect(indicator(view, "form_pupil_pupil.mentees")).toMatchObject({ computed: true, value: 0 });
    expect(indicator(view, "trained.mentors")).toMatchObject({ computed: false, value: null, required: true });

    const bad = await call(app, "POST", `/api/monitoring/submissions/${campaign.campaignId}/submit`, {
      token: curator,
      body: { values: { "trained.mentors": -3, "trained.mentees": 0, "trained.all": 0, "total.all": 9 }, version: 1 },
    });
    expect(bad.json.error.details.fields).toEqual([
      { path: "values.total.all", message: "Показатель «Всего участников — Всего» рассчитывается автоматически" },
      { path: "values.trained.mentors", message: "Показатель «Прошли обучение наставников — Наставники» не может быть меньше 0" },
    ]);
    const ok = await call(app, "POST", `/api/monitoring/submissions/${campaign.campaignId}/submit`, {
      token: curator,
      body: { values: { "trained.mentors": 3, "trained.mentees": 0, "trained.all": 3 }, version: 1 },
    });
    expect(ok.status, ok.text).toBe(200);

    const exported = await call(app, "GET", `/api/monitoring/campaigns/${campaign.campaignId}/export?format=json`, { token: viewer });
    expect(exported.status, exported.text).toBe(200);
    const { columns, rows } = exported.json.sheet;
    const col = (header: string) => columns.findIndex((c: { header: string }) => c.header.startsWith(header));
    const schoolRow = rows.find((r: unknown[]) => r[0] === school.shortName);
    const collegeRow = rows.find((r: unknown[]) => r[0] === college.shortName);
    expect(schoolRow[col("Всего участников — Наставники")]).toBe(2);
    expect(schoolRow[col("Прошли обучение наставников — Наставники")]).toBe(3);
    expect(collegeRow[2]).toBe("Не начат");
    expect(collegeRow[col("Всего участников — Наставники")]).toBeNull();
    expect(rows.at(-1)[0]).toBe("Итого по отправленным, кроме возвращённых на доработку");
    expect(rows.at(-1)[col("Всего участников — Всего")]).toBe(4);
    // A report returned for rework keeps its row, and leaves the total (as the consolidated report's federal sheet).
    const returned = await call(app, "POST", `/api/monitoring/campaigns/${campaign.campaignId}/submissions/${school.tenantId}/return`, {
      token: admin,
      body: { comment: "Проверьте обучение", version: ok.json.version },
    });
    expect(returned.status, returned.text).toBe(200);
    const afterReturn = (await call(app, "GET", `/api/monitoring/campaigns/${campaign.campaignId}/export?format=json`, { token: viewer }))
      .json.sheet.rows;
    expect(afterReturn.find((r: unknown[]) => r[0] === school.shortName)[col("Всего участников — Всего")]).toBe(4);
    expect(afterReturn.at(-1)[col("Всего участников — Всего")]).toBe(0);

    const xlsx = await call(app, "GET", `/api/monitoring/campaigns/${campaign.campaignId}/export`, { token: viewer });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    // Named in Russian (UTF-8 `filename*`), with an ASCII stand-in for clients that read only `filename`.
    // Named as the campaign is.
    expect(xlsx.headers.get("content-disposition")).toBe(
      `attachment; filename="___________ __________, ${thisYear}.xlsx"; filename*=UTF-8''${encodeURIComponent(`Численность участников, ${thisYear}.xlsx`)}`,
    );
    const csv = await call(app, "GET", `/api/monitoring/campaigns/${campaign.campaignId}/export?format=csv`, { token: viewer });
    expect(csv.text).toContain(school.shortName);
    expect(csv.headers.get("content-disposition")).toContain(encodeURIComponent(`Численность участников, ${thisYear}.csv`));
    expect((await call(app, "GET", `/api/monitoring/campaigns/${campaign.campaignId}/export`, { token: curator })).status).toBe(403);
  });

  it("the tracker export is named as the campaign is, and dates the reports as real dates", async () => {
    const campaign = await publishedCampaign();
    const submitted = await call(app, "POST", `/api/monitoring/submissions/${campaign.campaignId}/submit`, {
      token: curator,
      body: { values: manual, version: 1 },
    });
    expect(submitted.status, submitted.text).toBe(200);
    const xlsx = await app.request(`/api/monitoring/campaigns/${campaign.campaignId}/export`, {
      headers: { authorization: `Bearer ${viewer}` },
    });
    // «Мониторинг ЦМН, I полугодие 2026/27»: the «/» becomes «-», not a space, and the name is not the period's start.
    const name = `Мониторинг ЦМН, I полугодие ${thisYear}-${(thisYear + 1) % 100}.xlsx`;
    expect(xlsx.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0];
    const sent = sheet?.getColumn(4).values.find((value) => value instanceof Date) as Date | undefined;
    expect(sent?.toISOString().slice(0, 10)).toBe(todayIn("Europe/Moscow", new Date(submitted.json.submittedAt)));
    const schoolRow = sheet?.getRows(2, sheet.rowCount - 1)?.find((row) => row.getCell(1).value === school.shortName);
    expect(schoolRow?.getCell(4).numFmt).toBe("dd.mm.yyyy");
    const csv = await call(app, "GET", `/api/monitoring/campaigns/${campaign.campaignId}/export?format=csv`, { token: viewer });
    const [d, m, y] = (sent?.toISOString().slice(0, 10) ?? "").split("-").reverse();
    expect(csv.text).toContain(`${school.shortName};${school.municipality};Отправлен;${d}.${m}.${y};`);
  });

  it("an edit of a draft that was published meanwhile hears that it was published, and changes nothing", async () => {
    const campaign = await newCampaign();
    const publish = () => call(app, "POST", `/api/monitoring/campaigns/${campaign.campaignId}/publish`, { token: admin });
    const edit = await interleave('"campaign.update"', "before", publish, () =>
      call(app, "PUT", `/api/monitoring/campaigns/${campaign.campaignId}`, {
        token: admin,
        body: { ...campaign, name: "Поздняя правка", version: campaign.version },
      }),
    );
    expect(edit.status).toBe(409);
    expect(edit.json.error.code).toBe("monitoring.campaign_published");
    expect((await CampaignEntity.get({ regionId: region.regionId, campaignId: campaign.campaignId }).go()).data?.name).toBe(campaign.name);
  });
});
