/**
 * Bad input (issue 9): every operation of the OpenAPI document that takes a JSON body is fuzzed with invalid payloads
 * derived from its own body schema (property-based, fast-check), and every GET with generated query strings. Each
 * request is sent as a role allowed to call the operation, with path parameters naming the caller's own real
 * resources, so requests reach validation and the handler. Never a 500; every 4xx is `{ error: { code, message } }`
 * with a Russian message; and nothing is written (a full-table snapshot before and after each operation's batch).
 *
 * Reproduce a failure with the seed and path fast-check prints: FUZZ_SEED=<seed> npx vitest run functions/api/fuzz.test.ts
 */
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Role, permissions, withActor } from "@rnc/core";
import { ddb, tableName } from "@rnc/core/dynamo";
import type { UserInfo } from "@rnc/core/user";
import { call, createPlatformAdmin, createTestRegion, tokenFor } from "../../scripts/test/fixtures";
import { createParticipantFixtures } from "../../scripts/test/participant-fixtures";
import { type Schema, invalidPayloads, queryStrings } from "../../scripts/test/invalid-payloads";
import { app } from "./app";
import { listOperations } from "./openapi";

const SEED = Number(process.env.FUZZ_SEED ?? 20260909);
const BODY_RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const QUERY_RUNS = BODY_RUNS;

type Operation = {
  method: string;
  path: string;
  permission?: string;
  isPublic: boolean;
  body?: Schema;
  queryNames: string[];
};

function operationsFromDocument(document: { paths: Record<string, Record<string, Record<string, unknown>>> }): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      permission: operation["x-permission"] as string | undefined,
      isPublic: Array.isArray(operation.security) && operation.security.length === 0,
      body: (operation.requestBody as { content: Record<string, { schema: Schema }> } | undefined)?.content["application/json"]?.schema,
      queryNames: ((operation.parameters as { name: string; in: string }[] | undefined) ?? [])
        .filter((p) => p.in === "query")
        .map((p) => p.name),
    })),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Fixtures: one region with every role, and one of each resource a path parameter can name, all of it the caller's own.

const home = await createTestRegion("Регион фаззинга");
const platform = await createPlatformAdmin();
const asUser = <T>(user: UserInfo, fn: () => Promise<T>) => withActor({ type: "user", properties: { ...user, role: user.role } }, fn);
const { Invitation } = await import("@rnc/core/invitation");
const invitation = await asUser(home.users.region_admin, () =>
  Invitation.create({ email: "fuzz.staff@example.org", role: "staff", tenantId: home.school.tenantId }),
);
const { Campaign } = await import("@rnc/core/monitoring");
const campaign = await asUser(home.users.region_admin, async () => {
  const created = await Campaign.create({
    kind: "monitoring",
    name: "Мониторинг для фаззинга",
    periodStart: "2026-09-01",
    periodEnd: "2026-12-31",
    indicators: [{ code: "events", label: "Мероприятия", kind: "number", required: true }],
  });
  return Campaign.publish(created.campaignId);
});
const { Survey } = await import("@rnc/core/survey");
const survey = await asUser(home.users.curator, () =>
  Survey.create({
    title: "Анкета для фаззинга",
    audience: "mentee",
    purpose: "satisfaction",
    questions: [{ id: "overall", kind: "scale", text: "Довольны?", required: true, satisfaction: true }],
  }),
);
const people = await createParticipantFixtures(home.school, "Фаззингов");
const { Practice } = await import("@rnc/core/practice");
const practice = await asUser(home.users.curator, () => Practice.create({ title: "Практика фаззинга", description: "Описание" }));
const { Training } = await import("@rnc/core/training");
const training = await asUser(home.users.curator, () =>
  Training.create({ title: "Семинар фаззинга", kind: "seminar", date: "2026-10-01", participants: 3, certificates: true }),
);
const { Partner } = await import("@rnc/core/partner");
const partner = await asUser(home.users.curator, () =>
  Partner.create({ name: "Партнёр фаззинга", kind: "nko", inList: true, providesCurator: false, contracts: [] }),
);
const { Reward } = await import("@rnc/core/reward");
const reward = await asUser(home.users.curator, () =>
  Reward.create({ participantId: people.mentorId, measure: "thanks", level: "institution", date: "2026-10-01" }),
);
const { Publication } = await import("@rnc/core/publication");
const publication = await asUser(home.users.curator, () =>
  Publication.create({ title: "Публикация фаззинга", date: "2026-10-01", channel: "site", format: "news" }),
);
const { AccessMeasure } = await import("@rnc/core/accessibility");
const measure = await asUser(home.users.curator, () => AccessMeasure.create({ category: "all", measure: "Мера фаззинга", done: false }));
const { Roadmap } = await import("@rnc/core/roadmap");
const roadmap = await withActor({ type: "system", properties: { tenantId: home.school.tenantId, regionId: home.region.regionId } }, () =>
  Roadmap.importTable({
    text: "№ п/п\tНаименование мероприятий\tСрок реализации\n1.\tРаздел фаззинга\t\n1.1\tМероприятие фаззинга\tДо 01.10.2026",
    period: "2026/27",
    title: "Дорожная карта фаззинга",
  }),
);

const users: Record<Role, UserInfo> = { ...home.users, platform_admin: platform };
/** The caller's own resource for each path parameter. */
const ownIds = (user: UserInfo): Record<string, string> => ({
  ...people.ids,
  tenantId: user.tenantId ?? home.school.tenantId,
  regionId: home.region.regionId,
  userId: user.userId,
  invitationId: invitation.invitationId,
  roadmapId: roadmap.roadmapId,
  sectionId: roadmap.sections[0]?.sectionId ?? "",
  itemId: roadmap.sections[0]?.items[0]?.itemId ?? "",
  campaignId: campaign.campaignId,
  surveyId: survey.surveyId,
  practiceId: practice.practiceId,
  trainingId: training.trainingId,
  partnerId: partner.partnerId,
  rewardId: reward.rewardId,
  publicationId: publication.publicationId,
  measureId: measure.measureId,
  // Bearer secrets (invitation and survey links, calendar feeds): their raw values are never stored, so a well-formed
  // unknown one; bodies are validated before the handler looks the secret up.
  token: "fuzz-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  secret: "fuzz-secret-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  // A report export is a background job writing its file later: starting one here would write during other batches.
  // A well-formed unknown id still reaches the handler (its own tests cover real exports).
  exportId: "exp_00000000000000000000000000",
});

/** Institution roles first (most operations are theirs), then region and platform roles. */
const rolePreference: Role[] = ["curator", "region_admin", "platform_admin", "staff", "region_viewer", "institution_viewer"];
function callerFor(operation: Operation): UserInfo | undefined {
  if (operation.isPublic) return undefined;
  if (operation.permission) {
    const allowed = permissions[operation.permission as keyof typeof permissions] as readonly Role[];
    const role = rolePreference.find((r) => allowed.includes(r));
    if (!role) throw new Error(`${operation.method} ${operation.path}: no role may call it`);
    return users[role];
  }
  // Signed-in operations without a permission check their own rules: users and invitations are managed by admins.
  return /^\/api\/(users|invitations)/.test(operation.path) ? users.region_admin : users.curator;
}

// ---------------------------------------------------------------------------------------------------------------
// The store: a full snapshot; ignored are only sign-in throttle counters and audit events recording a read access.

async function scanAll(): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await ddb.send(new ScanCommand({ TableName: tableName(), ExclusiveStartKey: start, ConsistentRead: true }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
const ignored = (item: Record<string, unknown>, method: string) =>
  String(item.pk).startsWith("THROTTLE#") ||
  (String(item.pk).endsWith("#AUDIT") &&
    (String(item.action).startsWith("auth.") || (method === "GET" && /\.(list|read|export|suggest)$/.test(String(item.action)))));
async function snapshot(method: string): Promise<string[]> {
  return (await scanAll())
    .filter((item) => !ignored(item, method))
    .map((item) => JSON.stringify(item))
    .sort();
}
function difference(before: string[], after: string[]) {
  const was = new Set(before);
  const is = new Set(after);
  return { added: after.filter((item) => !was.has(item)), removed: before.filter((item) => !is.has(item)) };
}

// ---------------------------------------------------------------------------------------------------------------

function expectCleanAnswer(res: { status: number; text: string; json: Record<string, any> }, label: string) {
  expect(res.status, `${label} → ${res.status} ${res.text.slice(0, 300)}`).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.json, `${label}: the error is JSON`).toBeTypeOf("object");
    expect(res.json.error?.code, `${label}: ${res.text.slice(0, 300)}`).toBeTypeOf("string");
    expect(res.json.error?.message, `${label}: a Russian message`).toMatch(/[А-Яа-яЁё]/);
  }
}

async function send(method: string, path: string, user: UserInfo | undefined, body?: string) {
  const response = await app.request(path, {
    method,
    headers: {
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...(user ? { authorization: `Bearer ${await tokenFor(user)}` } : {}),
    },
    body,
  });
  const text = await response.text();
  let json: Record<string, any> = {};
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined as never;
  }
  return { status: response.status, text, json };
}

describe("bad input: every operation of the OpenAPI document", async () => {
  const document = (await call(app, "GET", "/api/openapi.json")).json as { paths: Record<string, Record<string, Record<string, unknown>>> };
  const operations = operationsFromDocument(document);
  const validators = new Map(listOperations(app).map((o) => [`${o.method} ${o.path.replace(/:(\w+)/g, "{$1}")}`, o.body]));
  const withBody = operations.filter((o) => o.body);
  const gets = operations.filter((o) => o.method === "GET");

  const resolve = (operation: Operation, user: UserInfo | undefined) =>
    operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = ownIds(user ?? users.curator)[name];
      if (!value) throw new Error(`${operation.method} ${operation.path}: no own fixture for path parameter «${name}» (add one to ownIds)`);
      return value;
    });

  it("covers the document", () => {
    expect(withBody.length).toBeGreaterThanOrEqual(40);
    expect(gets.length).toBeGreaterThanOrEqual(30);
    for (const operation of withBody) expect(validators.get(`${operation.method} ${operation.path}`), operation.path).toBeDefined();
  });

  it.each(withBody.map((operation) => ({ operation, name: `${operation.method} ${operation.path}` })))(
    "$name: invalid bodies → never a 500, never a write",
    async ({ operation }) => {
      const user = callerFor(operation);
      const path = resolve(operation, user);
      const validator = validators.get(`${operation.method} ${operation.path}`);
      const rejects = (value: unknown) => !validator?.safeParse(value).success;
      const before = await snapshot(operation.method);
      await fc.assert(
        fc.asyncProperty(invalidPayloads(operation.body as Schema), async (payload) => {
          fc.pre(!payload.checked || rejects(JSON.parse(payload.text)));
          const res = await send(operation.method, path, user, payload.text);
          const label = `${operation.method} ${operation.path} [${payload.kind}] ${payload.text.slice(0, 200)}`;
          expectCleanAnswer(res, label);
          expect(res.status, `${label}: an invalid body was accepted`).toBeGreaterThanOrEqual(400);
          if (payload.kind === "malformed JSON") expect(res.json.error.code, label).toBe("request.malformed_json");
        }),
        { seed: SEED, numRuns: BODY_RUNS, maxSkipsPerRun: 200, endOnFailure: true },
      );
      // A body over the 1 MB limit: 413, and nothing read further.
      const big = await send(operation.method, path, user, JSON.stringify({ x: "я".repeat(600_000) }));
      expectCleanAnswer(big, `${operation.method} ${operation.path} [over 1 MB]`);
      expect(big.status).toBe(413);
      expect(
        difference(before, await snapshot(operation.method)),
        `${operation.method} ${operation.path}: invalid input was written`,
      ).toEqual({
        added: [],
        removed: [],
      });
    },
  );

  it("a page cursor that the audit log did not hand out is a 400, not a 500", async () => {
    for (const cursor of ["%FF%FE", "bm90LWpzb24", Buffer.from(JSON.stringify({ pk: "T#org_x#AUDIT", sk: "x" })).toString("base64url")]) {
      const res = await send("GET", `/api/audit?cursor=${cursor}`, users.curator);
      expect(res.status, res.text).toBe(400);
      expectCleanAnswer(res, `GET /api/audit?cursor=${cursor}`);
    }
  });

  it("hostile path parameters (long in characters or in bytes, control and dot segments) → never a 500, never a write", async () => {
    const hostile = ["x".repeat(1020), "я".repeat(300), "😀".repeat(200), "\u0000", "..", "org_0.x", " "];
    const withParameters = operations.filter((operation) => operation.path.includes("{"));
    expect(withParameters.length).toBeGreaterThanOrEqual(30);
    const before = await snapshot("POST");
    for (const operation of withParameters) {
      const user = callerFor(operation);
      for (const value of hostile) {
        const path = operation.path.replace(/\{(\w+)\}/g, () => encodeURIComponent(value));
        const res = await send(operation.method, path, user, operation.method === "GET" ? undefined : "{}");
        expectCleanAnswer(res, `${operation.method} ${operation.path} with ${JSON.stringify(value.slice(0, 12))}…`);
      }
    }
    expect(difference(before, await snapshot("POST")), "a request with a hostile path wrote").toEqual({ added: [], removed: [] });
  });

  it.each(gets.map((operation) => ({ operation, name: `GET ${operation.path}` })))(
    "$name: generated query strings → never a 500, never a write",
    async ({ operation }) => {
      const user = callerFor(operation);
      const path = resolve(operation, user);
      const before = await snapshot("GET");
      await fc.assert(
        fc.asyncProperty(queryStrings(operation.queryNames), async (query) => {
          const res = await send("GET", `${path}?${query}`, user);
          expectCleanAnswer(res, `GET ${operation.path}?${query.slice(0, 200)}`);
        }),
        { seed: SEED, numRuns: QUERY_RUNS, endOnFailure: true },
      );
      expect(difference(before, await snapshot("GET")), `GET ${operation.path}: a read wrote`).toEqual({ added: [], removed: [] });
    },
  );
});
