/**
 * The isolation matrix: every operation in the OpenAPI document × every role × resources
 * of a foreign region (and, for institution roles, of another institution in the same
 * region). Nothing foreign may appear in an answer, and nothing foreign may be written.
 * A new path parameter without a foreign fixture below fails the test, so new operations
 * cannot be added without coverage.
 */
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { type Role, regionRoles } from "@rnc/core";
import { ddb, tableName } from "@rnc/core/dynamo";
import { permissions } from "@rnc/core";
import { call, createPlatformAdmin, createTestRegion, system, tokenFor } from "../../scripts/test/fixtures";
import { type JsonSchema, sampleFromSchema } from "../../scripts/test/schema-sample";
import { app } from "./app";

type Operation = { method: string; path: string; summary: string; permission?: string; personalData: boolean; body?: JsonSchema };

function operationsFromDocument(document: { paths: Record<string, Record<string, Record<string, unknown>>> }): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      summary: String(operation.summary),
      permission: operation["x-permission"] as string | undefined,
      personalData: operation["x-personal-data"] === true,
      body: (operation.requestBody as { content: Record<string, { schema: JsonSchema }> } | undefined)?.content["application/json"]?.schema,
    })),
  );
}

async function scanAll(): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await ddb.send(new ScanCommand({ TableName: tableName(), ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

describe("tenant and region isolation matrix", async () => {
  const home = await createTestRegion("Свой регион");
  const foreign = await createTestRegion("Чужой регион");
  const platform = await createPlatformAdmin();
  const { Invitation } = await import("@rnc/core/invitation");
  const { withActor } = await import("@rnc/core");
  const foreignInvitation = await withActor({ type: "user", properties: { ...foreign.users.region_admin, role: "region_admin" } }, () =>
    Invitation.create({ email: "foreign.staff@example.org", role: "staff", tenantId: foreign.school.tenantId }),
  );
  const siblingInvitation = await withActor({ type: "user", properties: { ...home.users.region_admin, role: "region_admin" } }, () =>
    Invitation.create({ email: "sibling.staff@example.org", role: "staff", tenantId: home.college.tenantId }),
  );
  await system(async () => undefined);
  const { Campaign } = await import("@rnc/core/monitoring");
  const { Survey } = await import("@rnc/core/survey");
  const asUser = <T>(user: (typeof home.users)[keyof typeof home.users], fn: () => Promise<T>) =>
    withActor({ type: "user", properties: { ...user, role: user.role } }, fn);
  const campaignIn = (label: string) => ({
    kind: "monitoring" as const,
    name: `Мониторинг ${label}`,
    periodStart: "2026-09-01",
    periodEnd: "2026-12-31",
    indicators: [{ code: "events", label: "Мероприятия", kind: "number" as const, required: true }],
  });
  const foreignCampaign = await asUser(foreign.users.region_admin, async () => {
    const created = await Campaign.create(campaignIn("чужого региона"));
    return Campaign.publish(created.campaignId);
  });
  const homeCampaign = await asUser(home.users.region_admin, async () => {
    const created = await Campaign.create(campaignIn("своего региона"));
    return Campaign.publish(created.campaignId);
  });
  const { createParticipantFixtures } = await import("../../scripts/test/participant-fixtures");
  const foreignPeople = await createParticipantFixtures(foreign.school, "Чужаков");
  const siblingPeople = await createParticipantFixtures(home.college, "Соседов");

  const foreignSurvey = await asUser(foreign.users.curator, async () => {
    const survey = await Survey.create({
      title: "Анкета чужой школы",
      audience: "mentee",
      purpose: "satisfaction",
      questions: [{ id: "overall", kind: "scale", text: "Довольны?", required: true, satisfaction: true }],
    });
    await Survey.send(survey.surveyId, { recipients: [{ participantId: foreignPeople.ids.participantId }] });
    return survey;
  });
  const collegeCurator = await system(async () => {
    const { User } = await import("@rnc/core/user");
    return User.create({
      email: `college.curator.${Date.now()}@example.org`,
      fullName: "Куратор колледжа",
      role: "curator",
      regionId: home.region.regionId,
      tenantId: home.college.tenantId,
    });
  });
  const siblingSurvey = await asUser(collegeCurator, async () => {
    const survey = await Survey.create({
      title: "Анкета соседнего колледжа",
      audience: "mentor",
      purpose: "custom",
      questions: [{ id: "q", kind: "text", text: "Ваше мнение?", required: false }],
    });
    await Survey.send(survey.surveyId, { recipients: [{ participantId: siblingPeople.ids.participantId }] });
    return survey;
  });

  const { Roadmap } = await import("@rnc/core/roadmap");
  const roadmapIn = (tenantId: string, regionId: string, label: string) =>
    withActor({ type: "system", properties: { tenantId, regionId } }, () =>
      Roadmap.importTable({
        text: `№ п/п\tНаименование мероприятий\tСрок реализации\n1.\tРаздел ${label}\t\n1.1\tМероприятие ${label}\tДо 01.10.2026`,
        period: "2026/27",
        title: `Дорожная карта ${label}`,
      }),
    );
  /** A practice sent to the region (so the region's own list would show it), named by `label`. */
  const sentPracticeIn = (tenantId: string, regionId: string, label: string) =>
    withActor({ type: "system", properties: { tenantId, regionId } }, async () => {
      const { Practice } = await import("@rnc/core/practice");
      const created = await Practice.create({ title: `Практика ${label}`, description: `Описание практики ${label}` });
      return Practice.send(created.practiceId, { version: created.version });
    });
  const foreignPractice = await sentPracticeIn(foreign.school.tenantId, foreign.region.regionId, "чужой школы");
  const trainingIn = (tenantId: string, regionId: string, label: string) =>
    withActor({ type: "system", properties: { tenantId, regionId } }, async () => {
      const { Training } = await import("@rnc/core/training");
      return Training.create({ title: `Семинар ${label}`, kind: "seminar", date: "2026-10-01", participants: 5, certificates: false });
    });
  /**
   * A partner organisation (with a contract), a reward to `mentorId`, a publication of the media plan and an
   * accessibility measure, named by `label`.
   */
  const registersIn = (tenantId: string, regionId: string, label: string, mentorId: string) =>
    withActor({ type: "system", properties: { tenantId, regionId } }, async () => {
      const { Partner } = await import("@rnc/core/partner");
      const { Reward } = await import("@rnc/core/reward");
      const { Publication } = await import("@rnc/core/publication");
      const { AccessMeasure } = await import("@rnc/core/accessibility");
      const partner = await Partner.create({
        name: `Партнёр ${label}`,
        kind: "employer",
        inList: true,
        providesCurator: false,
        contracts: [{ kind: "agreement", number: `Соглашение ${label}`, date: "2026-01-10" }],
      });
      const reward = await Reward.create({
        participantId: mentorId,
        measure: "thanks",
        level: "institution",
        date: "2026-10-01",
        basis: `Приказ ${label}`,
      });
      const publication = await Publication.create({ title: `Публикация ${label}`, date: "2026-10-02", channel: "site", format: "news" });
      const measure = await AccessMeasure.create({ category: "ovz", measure: `Мера доступности ${label}`, done: false });
      return {
        ids: {
          partnerId: partner.partnerId,
          rewardId: reward.rewardId,
          publicationId: publication.publicationId,
          measureId: measure.measureId,
        },
        secrets: [
          partner.partnerId,
          partner.name,
          `Соглашение ${label}`,
          reward.rewardId,
          `Приказ ${label}`,
          publication.publicationId,
          publication.title,
          measure.measureId,
          measure.measure,
        ],
      };
    });
  const foreignRegisters = await registersIn(foreign.school.tenantId, foreign.region.regionId, "чужой школы", foreignPeople.mentorId);
  const siblingRegisters = await registersIn(home.college.tenantId, home.region.regionId, "соседнего колледжа", siblingPeople.mentorId);
  const foreignTraining = await trainingIn(foreign.school.tenantId, foreign.region.regionId, "чужой школы");
  const siblingTraining = await trainingIn(home.college.tenantId, home.region.regionId, "соседнего колледжа");
  const siblingPractice = await sentPracticeIn(home.college.tenantId, home.region.regionId, "соседнего колледжа");
  const { Reports } = await import("@rnc/core/reports");
  const foreignExport = await asUser(foreign.users.region_admin, () => Reports.start({ format: "xlsx" }));
  const homeExport = await asUser(home.users.region_admin, () => Reports.start({ format: "csv", sheet: "summary" }));
  await Reports.settled();

  const foreignRoadmap = await roadmapIn(foreign.school.tenantId, foreign.region.regionId, "чужой школы");
  const siblingRoadmap = await roadmapIn(home.college.tenantId, home.region.regionId, "соседнего колледжа");
  const roadmapIds = (roadmap: typeof foreignRoadmap) => ({
    roadmapId: roadmap.roadmapId,
    sectionId: roadmap.sections[0]?.sectionId ?? "",
    itemId: roadmap.sections[0]?.items[0]?.itemId ?? "",
  });
  const roadmapSecrets = (roadmap: typeof foreignRoadmap) => [
    ...Object.values(roadmapIds(roadmap)),
    roadmap.title,
    roadmap.sections[0]?.title ?? "",
    roadmap.sections[0]?.items[0]?.name ?? "",
  ];

  /** What a role must never see or touch, and the ids that name it. */
  const foreignRegion = {
    ids: {
      ...foreignPeople.ids,
      tenantId: foreign.school.tenantId,
      regionId: foreign.region.regionId,
      userId: foreign.users.curator.userId,
      invitationId: foreignInvitation.invitationId,
      ...roadmapIds(foreignRoadmap),
      campaignId: foreignCampaign.campaignId,
      surveyId: foreignSurvey.surveyId,
      exportId: foreignExport.exportId,
      practiceId: foreignPractice.practiceId,
      trainingId: foreignTraining.trainingId,
      ...foreignRegisters.ids,
    },
    secrets: [
      ...foreignRegisters.secrets,
      foreignExport.exportId,
      ...roadmapSecrets(foreignRoadmap),
      ...foreignPeople.secrets,
      foreignCampaign.campaignId,
      foreignCampaign.name,
      foreignSurvey.surveyId,
      foreignSurvey.title,
      foreignPractice.practiceId,
      foreignPractice.title,
      foreignTraining.trainingId,
      foreignTraining.title,
      foreign.region.regionId,
      foreign.region.name,
      foreign.school.tenantId,
      foreign.school.fullName,
      foreign.school.shortName,
      foreign.college.tenantId,
      ...Object.values(foreign.users).flatMap((u) => [u.userId, u.email]),
      foreignInvitation.invitationId,
      foreignInvitation.email,
    ],
  };
  const siblingInstitution = {
    ids: {
      ...siblingPeople.ids,
      tenantId: home.college.tenantId,
      regionId: home.region.regionId,
      userId: home.users.region_viewer.userId,
      invitationId: siblingInvitation.invitationId,
      ...roadmapIds(siblingRoadmap),
      /** A campaign of the own region: institution routes must answer with the caller's own submission only. */
      campaignId: homeCampaign.campaignId,
      surveyId: siblingSurvey.surveyId,
      /** An export of the own region: institution roles may not read region exports at all. */
      exportId: homeExport.exportId,
      practiceId: siblingPractice.practiceId,
      trainingId: siblingTraining.trainingId,
      ...siblingRegisters.ids,
    },
    secrets: [
      ...siblingRegisters.secrets,
      ...roadmapSecrets(siblingRoadmap),
      ...siblingPeople.secrets,
      siblingSurvey.surveyId,
      siblingSurvey.title,
      siblingPractice.practiceId,
      siblingPractice.title,
      siblingTraining.trainingId,
      siblingTraining.title,
      home.college.tenantId,
      home.college.fullName,
      home.college.shortName,
      siblingInvitation.invitationId,
      siblingInvitation.email,
    ],
  };

  /** Path parameters that are not tenant resources, with the reason. */
  const notTenantResources: Record<string, string> = {
    secret: "a calendar feed link (…/<secret>.ics) is a bearer secret, stored hashed per institution; roadmap tests cover regeneration",
    token:
      "an invitation or survey link is a bearer secret: whoever holds it may read it (identity and survey tests cover expiry and reuse)",
  };

  const document = (await call(app, "GET", "/api/openapi.json")).json as { paths: Record<string, Record<string, Record<string, unknown>>> };
  const operations = operationsFromDocument(document);
  const roles = ["region_admin", "region_viewer", "curator", "staff", "institution_viewer"] as const satisfies readonly Role[];
  const cases = operations.flatMap((operation) =>
    roles.flatMap((role) => [
      { operation, role, target: "чужой регион", foreignSet: foreignRegion },
      ...((regionRoles as readonly Role[]).includes(role)
        ? []
        : [{ operation, role, target: "другая организация региона", foreignSet: siblingInstitution }]),
    ]),
  );

  it("covers every operation of the document", () => {
    expect(operations.length).toBeGreaterThanOrEqual(30);
    for (const operation of operations) {
      for (const [, name] of operation.path.matchAll(/\{(\w+)\}/g)) {
        const covered = name && (name in foreignRegion.ids || name in notTenantResources);
        expect(covered, `${operation.method} ${operation.path}: no foreign fixture for path parameter «${name}»`).toBeTruthy();
      }
    }
  });

  it.each(cases)("$operation.method $operation.path as $role → $target", async ({ operation, role, foreignSet }) => {
    const before = JSON.stringify((await scanAll()).filter((item) => foreignSet.secrets.some((s) => JSON.stringify(item).includes(s))));
    const path = operation.path.replace(
      /\{(\w+)\}/g,
      (_, name: string) => (foreignSet.ids as Record<string, string>)[name] ?? "unknown-token-value",
    );
    const body = operation.body
      ? { ...(sampleFromSchema(operation.body) as object), tenantId: foreignSet.ids.tenantId, regionId: foreignSet.ids.regionId }
      : undefined;
    const query = `tenantId=${foreignSet.ids.tenantId}&regionId=${foreignSet.ids.regionId}`;
    const res = await call(app, operation.method, `${path}?${query}`, { token: await tokenFor(home.users[role]), body });

    expect(res.status, res.text).toBeLessThan(500);
    for (const secret of foreignSet.secrets) expect(res.text, `leaked «${secret}»`).not.toContain(secret);
    const after = JSON.stringify((await scanAll()).filter((item) => foreignSet.secrets.some((s) => JSON.stringify(item).includes(s))));
    expect(after, "foreign data was written").toBe(before);
  });

  it("a foreign resource answers exactly like a missing one", async () => {
    const token = await tokenFor(home.users.region_admin);
    const foreignAnswer = await call(app, "GET", `/api/institutions/${foreign.school.tenantId}`, { token });
    const missingAnswer = await call(app, "GET", "/api/institutions/org_00000000000000000000000000", { token });
    expect(foreignAnswer.status).toBe(404);
    expect(foreignAnswer.json).toEqual(missingAnswer.json);
  });

  it("no region-scope role or the platform admin may call an operation that returns personal data", async () => {
    const personal = operations.filter((operation) => operation.personalData);
    for (const operation of personal) {
      const allowed = permissions[operation.permission as keyof typeof permissions] as readonly Role[] | undefined;
      expect(allowed, `${operation.path} returns personal data but declares no permission`).toBeDefined();
      for (const role of [...regionRoles, "platform_admin"] as Role[]) expect(allowed).not.toContain(role);
      for (const user of [home.users.region_admin, home.users.region_viewer, platform]) {
        const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => (name === "tenantId" ? home.school.tenantId : "x"));
        const res = await call(app, operation.method, path, { token: await tokenFor(user) });
        expect([401, 403, 404]).toContain(res.status);
      }
    }
  });
});
