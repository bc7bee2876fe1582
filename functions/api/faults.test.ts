/**
 * DynamoDB faults injected through the client (issue 9): a local HTTP proxy in front of DynamoDB Local answers
 * throttling (`ProvisionedThroughputExceededException`, HTTP 400 as DynamoDB sends it) or HTTP 500 for chosen calls.
 * Transient faults are retried by the SDK and the API call succeeds; persistent ones give a clean 503
 * `service.unavailable` with a Russian message and `Retry-After`, never a 500, and never a partial write.
 *
 * SES failures for reminders (retried, never duplicated, a failing recipient does not block the others) are covered
 * in packages/core/src/reminders/faults.test.ts.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";

type FaultKind = "throttle" | "error500";
type Fault = {
  kind: FaultKind;
  /** DynamoDB operations (the part of `x-amz-target` after the dot) this fault applies to. */
  targets: string[];
  /** Matching calls let through before the fault starts. */
  skip: number;
  /** Matching calls that fail once the fault started (Infinity: persistent). */
  remaining: number;
};

const upstream = inject("dynamoEndpoint");
const proxyState = { fault: undefined as Fault | undefined, injected: 0, calls: [] as string[] };
const WRITES = ["PutItem", "UpdateItem", "DeleteItem", "TransactWriteItems", "BatchWriteItem"];
const READS = ["GetItem", "Query", "Scan", "BatchGetItem", "TransactGetItems"];

function faultResponse(kind: FaultKind) {
  return kind === "throttle"
    ? {
        status: 400,
        type: "ProvisionedThroughputExceededException",
        message: "The level of configured provisioned throughput for the table was exceeded.",
      }
    : { status: 500, type: "InternalServerError", message: "Internal server error" };
}

const proxy = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const operation = String(req.headers["x-amz-target"] ?? "").split(".")[1] ?? "";
  proxyState.calls.push(operation);
  const fault = proxyState.fault;
  if (fault?.targets.includes(operation)) {
    if (fault.skip > 0) fault.skip -= 1;
    else if (fault.remaining > 0) {
      fault.remaining -= 1;
      proxyState.injected += 1;
      const answer = faultResponse(fault.kind);
      res
        .writeHead(answer.status, { "content-type": "application/x-amz-json-1.0", "x-amzn-ErrorType": answer.type })
        .end(JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${answer.type}`, message: answer.message }));
      return;
    }
  }
  const headers = Object.fromEntries(
    Object.entries(req.headers).filter(([name]) => !["host", "content-length", "connection"].includes(name)),
  ) as Record<string, string>;
  const answer = await fetch(`${upstream}${req.url}`, { method: req.method, headers, body });
  const out = Buffer.from(await answer.arrayBuffer());
  const passed = Object.fromEntries(
    [...answer.headers].filter(
      ([name]) => !["content-length", "connection", "transfer-encoding", "content-encoding", "keep-alive"].includes(name),
    ),
  );
  res.writeHead(answer.status, passed).end(out);
});
await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
// Before anything from @rnc/core is imported: the one DynamoDB client reads its endpoint when dynamo.ts loads.
process.env.DDB_ENDPOINT = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
afterAll(() => new Promise<void>((resolve) => proxy.close(() => resolve())));

const { ScanCommand } = await import("@aws-sdk/lib-dynamodb");
const { ddb, tableName } = await import("@rnc/core/dynamo");
const { Stats } = await import("@rnc/core/stats");
const { call, createTestRegion, institutionInput, system, tokenFor } = await import("../../scripts/test/fixtures");
const { createParticipantFixtures } = await import("../../scripts/test/participant-fixtures");
const { app } = await import("./app");

const arm = (fault: Omit<Fault, "skip" | "remaining"> & Partial<Fault>) => {
  proxyState.fault = { skip: 0, remaining: Number.POSITIVE_INFINITY, ...fault };
  proxyState.injected = 0;
};
const disarm = () => {
  proxyState.fault = undefined;
};
beforeEach(disarm);

async function snapshot(): Promise<string[]> {
  disarm();
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await ddb.send(new ScanCommand({ TableName: tableName(), ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items.map((item) => JSON.stringify(item)).sort();
}

/** The difference between two snapshots, readable in a failure message. */
function changes(before: string[], after: string[]) {
  const was = new Set(before);
  const is = new Set(after);
  return { added: after.filter((item) => !was.has(item)), removed: before.filter((item) => !is.has(item)) };
}

function expectUnavailable(res: { status: number; text: string; headers: Headers; json: Record<string, any> }) {
  expect(res.status, res.text).toBe(503);
  expect(res.json.error.code).toBe("service.unavailable");
  expect(res.json.error.message).toMatch(/[А-Яа-яЁё]/);
  expect(res.headers.get("retry-after")).toBeTruthy();
  expect(res.text).not.toMatch(/Exception|InternalServerError|stack/);
}

const home = await createTestRegion("Регион отказов");
const people = await createParticipantFixtures(home.school, "Отказов");
const curator = await tokenFor(home.users.curator);
const regionAdmin = await tokenFor(home.users.region_admin);

let n = 0;
const newParticipant = () => ({
  fullName: `Отказоустойчивый Участник ${++n}`,
  birthDate: "1990-03-03",
  category: "teacher",
  isMentor: true,
  isMentee: false,
  competences: ["физика"],
  capacity: 2,
});

type Answer = { status: number; text: string; headers: Headers; json: Record<string, any> };
type Write = { name: string; prepare?: () => Promise<Record<string, any>>; run: (prepared: Record<string, any>) => Promise<Answer> };
const writes: Write[] = [
  { name: "participant create", run: () => call(app, "POST", "/api/participants", { token: curator, body: newParticipant() }) },
  { name: "institution create", run: () => call(app, "POST", "/api/institutions", { token: regionAdmin, body: institutionInput() }) },
  {
    name: "participant update",
    // Reading the card is not part of the write under test (it may record its own access): read it before the fault.
    prepare: async () => (await call(app, "GET", `/api/participants/${people.ids.participantId}`, { token: curator })).json.participant,
    run: (p) =>
      call(app, "PUT", `/api/participants/${people.ids.participantId}`, {
        token: curator,
        body: {
          fullName: p.fullName,
          birthDate: p.birthDate,
          category: p.category,
          group: p.group,
          isMentor: p.isMentor,
          isMentee: p.isMentee,
          requests: p.requests,
          sensitiveFlags: p.sensitiveFlags,
          needs: `Изменено ${++n}`,
          version: p.version,
        },
      }),
  },
  {
    name: "consent add",
    run: () =>
      call(app, "POST", `/api/participants/${people.ids.participantId}/consents`, {
        token: curator,
        body: {
          signerKind: "legal_representative",
          representativeName: "Отказова Мария Ивановна",
          representativeRelation: "мать",
          signedAt: new Date().toISOString().slice(0, 10),
          document: "Согласие при отказах",
        },
      }),
  },
  {
    name: "pair meeting add",
    run: () =>
      call(app, "POST", `/api/pairs/${people.ids.pairId}/meetings`, {
        token: curator,
        body: { date: new Date().toISOString().slice(0, 10), stage: "introduction", durationMinutes: 30, notes: "Встреча при отказах" },
      }),
  },
];

describe("transient DynamoDB faults are retried by the SDK", () => {
  it("throttled transaction writes: the API call succeeds after retries", async () => {
    arm({ kind: "throttle", targets: ["TransactWriteItems"], remaining: 2 });
    const res = await call(app, "POST", "/api/participants", { token: curator, body: newParticipant() });
    expect(res.status, res.text).toBe(201);
    expect(proxyState.injected).toBe(2);
    disarm();
    const card = await call(app, "GET", `/api/participants/${res.json.participantId}`, { token: curator });
    expect(card.status).toBe(200);
    expect((await system(() => Stats.check(home.school.tenantId))).differences).toEqual([]);
  });

  it("a 500 from DynamoDB on a read: retried, the API answers 200", async () => {
    arm({ kind: "error500", targets: READS, remaining: 2 });
    const res = await call(app, "GET", "/api/participants", { token: curator });
    expect(res.status, res.text).toBe(200);
    expect(proxyState.injected).toBe(2);
  });

  it("a random share of failing calls (1 in 4) under a mixed sequence: every call succeeds", async () => {
    let i = 0;
    const share = () => {
      // A deterministic quarter of all calls fails once: the SDK's retries absorb it.
      proxyState.fault = { kind: i++ % 2 ? "throttle" : "error500", targets: [...READS, ...WRITES], skip: 3, remaining: 1 };
    };
    for (let round = 0; round < 6; round++) {
      share();
      const created = await call(app, "POST", "/api/participants", { token: curator, body: newParticipant() });
      expect(created.status, created.text).toBe(201);
      share();
      const read = await call(app, "GET", `/api/participants/${created.json.participantId}`, { token: curator });
      expect(read.status, read.text).toBe(200);
    }
    disarm();
    expect((await system(() => Stats.check(home.school.tenantId))).differences).toEqual([]);
  });
});

describe("persistent DynamoDB faults: a clean 503 and no partial write", () => {
  // Throttling is retried with the SDK's longer backoff: alternate the kinds to keep the file fast.
  const persistent = writes.map((write, i) => ({ ...write, kind: (i % 2 ? "error500" : "throttle") as FaultKind }));
  it.each(persistent)("$name under persistent $kind of every write: 503, nothing written", async (write) => {
    const prepared = (await write.prepare?.()) ?? {};
    const before = await snapshot();
    arm({ kind: write.kind, targets: WRITES });
    const res = await write.run(prepared);
    disarm();
    expectUnavailable(res);
    expect(proxyState.injected).toBeGreaterThanOrEqual(4); // the SDK tried (maxAttempts: 4) before giving up
    expect(changes(before, await snapshot())).toEqual({ added: [], removed: [] });
  });

  it.each(writes)("$name with the k-th write call failing (HTTP 500) for every k: 503 or success, never half-done", async (write) => {
    // How many write calls the operation makes when nothing fails (each later one must not leave the earlier ones behind).
    const probeInput = (await write.prepare?.()) ?? {};
    proxyState.calls = [];
    const probe = await write.run(probeInput);
    expect(probe.status, probe.text).toBeLessThan(300);
    const writeCalls = proxyState.calls.filter((operation) => WRITES.includes(operation)).length;
    expect(writeCalls).toBeGreaterThanOrEqual(1);
    for (let k = 0; k < writeCalls; k++) {
      const prepared = (await write.prepare?.()) ?? {};
      const before = await snapshot();
      arm({ kind: "error500", targets: WRITES, skip: k });
      const res = await write.run(prepared);
      disarm();
      expectUnavailable(res);
      expect(changes(before, await snapshot()), `${write.name}: partial write when write call ${k + 1} of ${writeCalls} failed`).toEqual({
        added: [],
        removed: [],
      });
    }
    expect((await system(() => Stats.check(home.school.tenantId))).differences).toEqual([]);
  });

  it("an institution create whose transaction is throttled leaves neither the record, nor its name claim, nor the audit item", async () => {
    const input = institutionInput({ fullName: "Школа, которую не удалось создать" });
    const before = await snapshot();
    arm({ kind: "throttle", targets: ["TransactWriteItems"] });
    const res = await call(app, "POST", "/api/institutions", { token: regionAdmin, body: input });
    disarm();
    expectUnavailable(res);
    const after = await snapshot();
    expect(after.filter((item) => item.includes(input.fullName) || /школа, которую не удалось создать/i.test(item))).toEqual([]);
    expect(changes(before, after)).toEqual({ added: [], removed: [] });
    // Once DynamoDB recovers, the same name can be created: no orphaned name claim blocks it.
    const retry = await call(app, "POST", "/api/institutions", { token: regionAdmin, body: input });
    expect(retry.status, retry.text).toBe(201);
  });
});

describe("reads under persistent faults answer 503, never 500", () => {
  const reads = [
    { name: "participants list", token: () => curator, path: "/api/participants" },
    { name: "participant card", token: () => curator, path: `/api/participants/${people.ids.participantId}` },
    { name: "pairs board", token: () => curator, path: "/api/pairs/board" },
    { name: "pairs of one status, a page", token: () => curator, path: "/api/pairs?status=forming&limit=20" },
    { name: "own institution", token: () => curator, path: "/api/institutions/own" },
    { name: "institutions of the region", token: () => regionAdmin, path: "/api/institutions" },
    { name: "roadmaps", token: () => curator, path: "/api/roadmaps" },
  ];
  it.each(reads.slice(0, 2))("$name: throttled", async (read) => {
    arm({ kind: "throttle", targets: READS });
    const res = await call(app, "GET", read.path, { token: read.token() });
    disarm();
    expectUnavailable(res);
  });
  it.each(reads)("$name: HTTP 500", async (read) => {
    arm({ kind: "error500", targets: READS });
    const res = await call(app, "GET", read.path, { token: read.token() });
    disarm();
    expectUnavailable(res);
  });
});
