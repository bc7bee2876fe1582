import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { ddb, storeMetrics, tableName } from "@rnc/core/dynamo";
import { BOARD_PAGE } from "@rnc/core/pair";
import { reindexPairs } from "@rnc/core/pair/legacy";
import { PairEntity } from "@rnc/core/pair/pair.entity";
import { call, createTestRegion, tokenFor } from "../../../scripts/test/fixtures";
import { DEFAULT_TIME_ZONE, todayIn } from "@rnc/core/dates";
import { app } from "../app";

const { users, school } = await createTestRegion();
const curator = await tokenFor(users.curator);
const other = await createTestRegion();
const otherCurator = await tokenFor(other.users.curator);
// The test region's today (Moscow), as the API records dates.
const today = todayIn(DEFAULT_TIME_ZONE);

let n = 0;
async function person(role: "mentor" | "mentee", token = curator) {
  const mentorName = token === curator ? "Наставникова Анна" : "Другова Вера";
  const res = await call(app, "POST", "/api/participants", {
    token,
    body: {
      fullName: `${role === "mentor" ? mentorName : "Учеников Пётр"} ${++n}`,
      birthDate: "1990-01-01",
      category: "teacher",
      isMentor: role === "mentor",
      isMentee: role === "mentee",
      ...(role === "mentor" ? { competences: ["математика"], capacity: 5 } : {}),
    },
  });
  expect(res.status, res.text).toBe(201);
  return res.json as { participantId: string; fullName: string };
}
async function draft(mentorId: string, token = curator) {
  const mentee = await person("mentee", token);
  const res = await call(app, "POST", "/api/pairs", {
    token,
    body: { form: "teacher_teacher", mentorId, menteeIds: [mentee.participantId], startDate: today, endDate: "2099-06-30" },
  });
  expect(res.status, res.text).toBe(201);
  return res.json.pair as { pairId: string; version: number };
}
async function terminate(pair: { pairId: string; version: number }) {
  const res = await call(app, "POST", `/api/pairs/${pair.pairId}/terminate`, {
    token: curator,
    body: { reason: "Переезд", version: pair.version },
  });
  expect(res.status, res.text).toBe(200);
}

type Card = { pairId: string; status: string; members: { role: string; name: string }[] };
type Column = { status: string; total: number; items: Card[]; cursor: string | null };
async function board(token = curator) {
  const res = await call(app, "GET", "/api/pairs/board", { token });
  expect(res.status, res.text).toBe(200);
  return Object.fromEntries((res.json.columns as Column[]).map((column) => [column.status, column])) as Record<string, Column>;
}
async function page(query: string, token = curator) {
  const res = await call(app, "GET", `/api/pairs?${query}`, { token });
  expect(res.status, res.text).toBe(200);
  return res.json as { items: Card[]; cursor: string | null };
}

// One mentor with seven drafts (created in order: newest last), two of them terminated.
const mentor = await person("mentor");
const drafts: { pairId: string; version: number }[] = [];
for (let i = 0; i < 7; i++) drafts.push(await draft(mentor.participantId));
await terminate(drafts[1]!);
await terminate(drafts[4]!);
const forming = drafts.filter((_, i) => i !== 1 && i !== 4).map((d) => d.pairId);
const newestFirst = (ids: string[]) => [...ids].reverse();
// Another institution's pair, for the isolation checks.
const foreign = await draft((await person("mentor", otherCurator)).participantId, otherCurator);

describe("the pair board, a column at a time", () => {
  it("shows each status's newest pairs with its count, members named", async () => {
    const columns = await board();
    expect(Object.keys(columns)).toEqual(["forming", "active", "completed", "terminated"]);
    expect(columns.forming!.items.map((p) => p.pairId)).toEqual(newestFirst(forming));
    expect(columns.forming!.total).toBe(5);
    expect(columns.terminated!.items.map((p) => p.pairId)).toEqual([drafts[4]!.pairId, drafts[1]!.pairId]);
    expect(columns.terminated!.total).toBe(2);
    expect(columns.active).toMatchObject({ items: [], total: 0, cursor: null });
    expect(columns.forming!.cursor).toBeNull();
    expect(columns.forming!.items[0]!.members[0]).toEqual(
      expect.objectContaining({ role: "mentor", name: expect.stringMatching(/^Наставникова А\./) }),
    );
    expect(BOARD_PAGE).toBe(20);
  });

  it("reads four index Queries, the counters and only the members shown", async () => {
    const before: Record<string, number> = { ...storeMetrics.byOperation };
    const readBefore = storeMetrics.itemsRead;
    const columns = await board();
    const shown = Object.values(columns).flatMap((column) => column.items);
    const members = new Set(shown.flatMap((p) => p.members.map((m) => m.name)));
    expect((storeMetrics.byOperation.Query ?? 0) - (before.Query ?? 0)).toBe(4);
    expect((storeMetrics.byOperation.BatchGet ?? 0) - (before.BatchGet ?? 0)).toBe(1);
    expect((storeMetrics.byOperation.Get ?? 0) - (before.Get ?? 0)).toBe(1);
    // The pairs, their 1 + 7 members and the statistics item: not the whole registry.
    expect(members.size).toBe(8);
    expect(storeMetrics.itemsRead - readBefore).toBe(shown.length + members.size + 1);
  });

  it("pages one status, newest first; the pages add up to the column", async () => {
    const first = await page("status=forming&limit=2");
    const second = await page(`status=forming&limit=2&cursor=${first.cursor}`);
    const third = await page(`status=forming&limit=2&cursor=${second.cursor}`);
    expect([first, second, third].map((p) => p.items.length)).toEqual([2, 2, 1]);
    expect(third.cursor).toBeNull();
    expect([first, second, third].flatMap((p) => p.items.map((x) => x.pairId))).toEqual(newestFirst(forming));
    // A page that ends exactly at the last pair says there is nothing more.
    expect((await page("status=forming&limit=5")).cursor).toBeNull();
    // Without a limit: all of them (of one status, or of every status).
    expect((await page("status=terminated")).items).toHaveLength(2);
    expect((await page("")).items.map((p) => p.pairId).sort()).toEqual(drafts.map((d) => d.pairId).sort());
  });

  it("moves a pair to its new column when its status changes", async () => {
    const extra = await draft(mentor.participantId);
    expect((await board()).forming!.items[0]!.pairId).toBe(extra.pairId);
    await terminate(extra);
    const columns = await board();
    expect(columns.forming!.items.map((p) => p.pairId)).not.toContain(extra.pairId);
    expect(columns.terminated!.items[0]!.pairId).toBe(extra.pairId);
    expect([columns.forming!.total, columns.terminated!.total]).toEqual([5, 3]);
  });

  it("refuses a page without a status, a cursor without a page size and a malformed cursor", async () => {
    const noStatus = await call(app, "GET", "/api/pairs?limit=5", { token: curator });
    expect(noStatus.status).toBe(400);
    expect(noStatus.json.error.code).toBe("request.invalid");
    expect(noStatus.json.error.details.fields).toEqual([expect.objectContaining({ path: "status" })]);
    const noLimit = await call(app, "GET", `/api/pairs?status=forming&cursor=${drafts[0]!.pairId}`, { token: curator });
    expect(noLimit.status).toBe(400);
    expect(noLimit.json.error.details.fields).toEqual([expect.objectContaining({ path: "limit" })]);
    for (const query of [
      "status=forming&limit=0",
      "status=forming&limit=201",
      "status=forming&limit=2&cursor=abc",
      "status=done&limit=2",
    ]) {
      const res = await call(app, "GET", `/api/pairs?${query}`, { token: curator });
      expect(res.status, query).toBe(400);
      expect(res.json.error.code, query).toBe("request.invalid");
    }
  });

  it("keeps institutions apart: another school's board and pages never show these pairs", async () => {
    const theirs = await board(otherCurator);
    expect(theirs.forming!.items.map((p) => p.pairId)).toEqual([foreign.pairId]);
    expect(theirs.forming!.total).toBe(1);
    expect(theirs.terminated!.total).toBe(0);
    // A cursor only positions the read within one's own pairs: from after every id, or from this school's pair.
    for (const cursor of [`par_${"z".repeat(26)}`, drafts[0]!.pairId]) {
      const res = await call(app, "GET", `/api/pairs?status=forming&limit=50&cursor=${cursor}`, { token: otherCurator });
      expect(res.status, res.text).toBe(200);
      expect(res.text).not.toContain("Наставникова");
      expect(res.json.items.map((p: Card) => p.pairId)).toEqual(cursor === drafts[0]!.pairId ? [] : [foreign.pairId]);
    }
  });

  it("migrates a pair indexed before the board read by status into its column", async () => {
    const legacy = await draft(mentor.participantId);
    const { Key } = PairEntity.get({ tenantId: school.tenantId, pairId: legacy.pairId }).params() as { Key: Record<string, string> };
    const item = (await ddb.send(new GetCommand({ TableName: tableName(), Key }))).Item!;
    await ddb.send(new PutCommand({ TableName: tableName(), Item: { ...item, gsi1sk: `PAIR#${legacy.pairId}` } }));
    expect((await board()).forming!.items.map((p) => p.pairId)).not.toContain(legacy.pairId);
    expect(await reindexPairs(school.tenantId)).toBe(1);
    expect((await board()).forming!.items[0]!.pairId).toBe(legacy.pairId);
    expect(await reindexPairs(school.tenantId)).toBe(0);
  });
});
