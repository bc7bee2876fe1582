import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { ddb, storeMetrics, tableName } from "@rnc/core/dynamo";
import { createId } from "@rnc/core";
import { backfillSortNames } from "@rnc/core/participant/legacy";
import { call, createTestRegion, tokenFor } from "../../../scripts/test/fixtures";
import { app } from "../app";

const { users, school } = await createTestRegion();
const curator = await tokenFor(users.curator);
const other = await createTestRegion();
const otherCurator = await tokenFor(other.users.curator);

const person = (fullName: string, role: "mentor" | "mentee") => ({
  fullName,
  birthDate: "1990-01-01",
  category: "teacher",
  isMentor: role === "mentor",
  isMentee: role === "mentee",
  ...(role === "mentor" ? { competences: ["математика"], capacity: 1 } : {}),
});
// Created out of order, with ё, capitals and a surname that prefixes another.
const names: [string, "mentor" | "mentee"][] = [
  ["Яковлева Ольга Ивановна", "mentee"],
  ["ёлкин Артём Сергеевич", "mentor"],
  ["Иванова Анна Петровна", "mentee"],
  ["Абрамов Борис Олегович", "mentor"],
  ["Иванов Иван Иванович", "mentee"],
  ["Егоров Глеб Ильич", "mentor"],
  ["Миронова Вера Павловна", "mentee"],
];
const ids = new Map<string, string>();
for (const [fullName, role] of names) {
  const res = await call(app, "POST", "/api/participants", { token: curator, body: person(fullName, role) });
  expect(res.status, res.text).toBe(201);
  ids.set(fullName, res.json.participantId);
}
const inRegistryOrder = (list: string[]) =>
  [...list].sort((a, b) => a.toLowerCase().replace(/ё/g, "е").localeCompare(b.toLowerCase().replace(/ё/g, "е"), "ru"));

type Page = { items: { fullName: string; isMentor: boolean }[]; cursor: string | null };
async function page(query: string, token = curator): Promise<Page> {
  const res = await call(app, "GET", `/api/participants?${query}`, { token });
  expect(res.status, res.text).toBe(200);
  return res.json as Page;
}
async function allPages(query: string) {
  const pages: Page[] = [];
  let cursor: string | null = null;
  do {
    pages.push(await page(`${query}${cursor ? `&cursor=${cursor}` : ""}`));
    cursor = pages.at(-1)!.cursor;
  } while (cursor && pages.length < 20);
  return pages;
}

describe("the registry in pages", () => {
  it("lists by name, ё as е and case ignored, a page at a time; the pages add up to the whole list", async () => {
    const whole = (await page("")).items.map((p) => p.fullName);
    expect(whole).toEqual(inRegistryOrder(names.map(([name]) => name)));
    const pages = await allPages("limit=3");
    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 1]);
    expect(pages.flatMap((p) => p.items.map((item) => item.fullName))).toEqual(whole);
    expect(pages.at(-1)!.cursor).toBeNull();
  });

  it("fills each page with rows that pass the filters, reading on as far as needed", async () => {
    const mentors = await allPages("role=mentor&limit=2");
    expect(mentors.map((p) => p.items.length)).toEqual([2, 1]);
    expect(mentors.flatMap((p) => p.items.map((item) => item.fullName))).toEqual(
      inRegistryOrder(names.filter(([, role]) => role === "mentor").map(([name]) => name)),
    );
    const search = await page("q=иванов&limit=5");
    // The patronymic counts too.
    expect(search.items.map((p) => p.fullName)).toEqual(["Иванов Иван Иванович", "Иванова Анна Петровна", "Яковлева Ольга Ивановна"]);
    expect(search.cursor).toBeNull();
  });

  it("reads an unfiltered page with one Query of the page's size", async () => {
    const before = { query: storeMetrics.byOperation.Query ?? 0, read: storeMetrics.itemsRead };
    await page("limit=3");
    expect((storeMetrics.byOperation.Query ?? 0) - before.query).toBe(1);
    // The page, the region's time zone at most, nothing more.
    expect(storeMetrics.itemsRead - before.read).toBeLessThanOrEqual(4);
  });

  it("moves a renamed person to their new place", async () => {
    const id = ids.get("Абрамов Борис Олегович")!;
    const card = await call(app, "GET", `/api/participants/${id}`, { token: curator });
    const renamed = await call(app, "PUT", `/api/participants/${id}`, {
      token: curator,
      body: { ...person("Ячменев Борис Олегович", "mentor"), version: card.json.participant.version },
    });
    expect(renamed.status, renamed.text).toBe(200);
    const order = (await allPages("limit=4")).flatMap((p) => p.items.map((item) => item.fullName));
    expect(order.at(-1)).toBe("Ячменев Борис Олегович");
    expect(order).not.toContain("Абрамов Борис Олегович");
  });

  it("refuses a bad page size, a malformed cursor, a cursor without a page size, and a cursor that is not this institution's participant", async () => {
    const { json: someone } = await call(app, "POST", "/api/participants", { token: curator, body: person("Некто Пётр Ильич", "mentee") });
    for (const query of ["limit=0", "limit=201", "limit=abc", "cursor=abc", `cursor=${someone.participantId}`]) {
      const res = await call(app, "GET", `/api/participants?${query}`, { token: curator });
      expect(res.status, query).toBe(400);
      expect(res.json.error.code).toBe("request.invalid");
    }
    const foreign = await call(app, "POST", "/api/participants", {
      token: otherCurator,
      body: person("Чужой Участник Тестович", "mentee"),
    });
    for (const cursor of [foreign.json.participantId, createId("participant")]) {
      const res = await call(app, "GET", `/api/participants?limit=2&cursor=${cursor}`, { token: curator });
      expect(res.status).toBe(400);
      expect(res.json.error).toMatchObject({
        code: "participant.invalid_cursor",
        message: "Ссылка на следующую страницу недействительна: обновите список",
      });
      expect(res.text).not.toContain("Чужой");
    }
  });

  it("`npm run migrate` gives a participant written before name order its place", async () => {
    const participantId = createId("participant");
    const now = new Date().toISOString();
    // As the previous version stored a participant: no sortName, and the index keyed by id only.
    await ddb.send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          pk: `T#${school.tenantId}`,
          sk: `PERSON#${participantId}`,
          gsi1pk: `T#${school.tenantId}#PERSONS`,
          gsi1sk: `PERSON#${participantId}`,
          __edb_e__: "participant",
          __edb_v__: "1",
          tenantId: school.tenantId,
          participantId,
          fullName: "Шубин Денис Андреевич",
          category: "teacher",
          status: "active",
          isMentor: false,
          isMentee: true,
          activeMentees: 0,
          engagedMentor: false,
          engagedMentee: false,
          createdAt: now,
          updatedAt: now,
          version: 1,
        },
      }),
    );
    const before = (await page("")).items.map((p) => p.fullName);
    expect(before).not.toEqual(inRegistryOrder(before));
    expect(await backfillSortNames(school.tenantId)).toBe(1);
    const after = (await page("")).items.map((p) => p.fullName);
    expect(after).toEqual(inRegistryOrder(after));
    expect(after).toContain("Шубин Денис Андреевич");
    expect(await backfillSortNames(school.tenantId)).toBe(0);
  });
});
