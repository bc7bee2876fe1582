/**
 * Concurrent edits (issue 9): many clients edit the same records at once through the API. Exactly one edit per
 * version wins, the others get 409 `record.stale_version` with the current state, and clients that retry with the
 * returned state eventually apply every change (no lost update). Counters stay equal to a recomputation.
 */
import { describe, expect, it } from "vitest";
import { withActor } from "@rnc/core";
import { Roadmap } from "@rnc/core/roadmap";
import { Stats } from "@rnc/core/stats";
import { call, createTestRegion, system, tokenFor } from "../../scripts/test/fixtures";
import { createParticipantFixtures } from "../../scripts/test/participant-fixtures";
import { app } from "./app";

const CLIENTS = 20;
const home = await createTestRegion("Регион конкурентных правок");
const people = await createParticipantFixtures(home.school, "Параллельных");
const roadmap = await withActor({ type: "system", properties: { tenantId: home.school.tenantId, regionId: home.region.regionId } }, () =>
  Roadmap.importTable({
    text: "№ п/п\tНаименование мероприятий\tСрок реализации\n1.\tРаздел\t\n1.1\tМероприятие для правок\tДо 01.10.2026",
    period: "2026/27",
    title: "Дорожная карта для правок",
  }),
);
const curator = await tokenFor(home.users.curator);
const regionAdmin = await tokenFor(home.users.region_admin);

type Record_ = Record<string, unknown> & { version: number };
type Outcome = { client: number; attempts: number; basedOn: number; wrote: number };

/**
 * One client's optimistic edit: send the change computed from the state it knows; on 409 take the current state from
 * the answer and try again. Returns which version its winning edit was based on.
 */
async function editUntilApplied(
  client: number,
  initial: Record_,
  send: (current: Record_) => Promise<{ status: number; json: Record<string, any>; text: string }>,
  versionOf: (answer: Record<string, any>) => number,
): Promise<Outcome & { conflicts: number }> {
  let current = initial;
  let conflicts = 0;
  for (let attempt = 1; attempt <= 200; attempt++) {
    const res = await send(current);
    if (res.status === 200) return { client, attempts: attempt, basedOn: current.version, wrote: versionOf(res.json), conflicts };
    expect(res.status, res.text).toBe(409);
    expect(res.json.error.code, res.text).toBe("record.stale_version");
    expect(res.json.error.message).toMatch(/[А-Яа-яЁё]/);
    const latest = res.json.error.details?.current as Record_ | undefined;
    expect(latest?.version, "409 carries the current state").toBeTypeOf("number");
    current = latest as Record_;
    conflicts += 1;
  }
  throw new Error(`client ${client} never applied its edit`);
}

/** Every client appends its marker; asserts one winner per version, all markers kept, version advanced by CLIENTS. */
async function raceOn(options: {
  initial: Record_;
  send: (current: Record_, marker: string) => Promise<{ status: number; json: Record<string, any>; text: string }>;
  versionOf: (answer: Record<string, any>) => number;
  reread: () => Promise<Record_>;
  text: (record: Record_) => string;
}) {
  const markers = Array.from({ length: CLIENTS }, (_, i) => ` k${String(i).padStart(2, "0")}`);
  const outcomes = await Promise.all(
    markers.map((marker, i) => editUntilApplied(i, options.initial, (current) => options.send(current, marker), options.versionOf)),
  );
  // Exactly one edit won on each version: the versions the winners were based on are all different and consecutive.
  const bases = outcomes.map((o) => o.basedOn).sort((a, b) => a - b);
  expect(new Set(bases).size).toBe(CLIENTS);
  expect(bases).toEqual(Array.from({ length: CLIENTS }, (_, i) => options.initial.version + i));
  for (const o of outcomes) expect(o.wrote).toBe(o.basedOn + 1);
  // The first round: exactly one client won on the initial version, every other got a 409.
  expect(outcomes.filter((o) => o.attempts === 1)).toHaveLength(1);
  expect(outcomes.reduce((n, o) => n + o.conflicts, 0)).toBeGreaterThanOrEqual(CLIENTS - 1);

  const final = await options.reread();
  expect(final.version).toBe(options.initial.version + CLIENTS);
  for (const marker of markers) expect(options.text(final), `lost update: ${marker}`).toContain(marker.trim());
}

describe("concurrent edits of the same record", () => {
  it("an institution (PUT with version): no lost update", async () => {
    const path = `/api/institutions/${home.school.tenantId}`;
    const get = async () => (await call(app, "GET", path, { token: regionAdmin })).json as Record_;
    const fields = ["fullName", "shortName", "type", "municipality", "studentsTotal", "students10to19", "teachersTotal", "youngTeachers"];
    await raceOn({
      initial: await get(),
      send: (current, marker) =>
        call(app, "PUT", path, {
          token: regionAdmin,
          body: {
            ...Object.fromEntries(fields.map((key) => [key, current[key]])),
            municipality: `${current.municipality}${marker}`,
            version: current.version,
          },
        }),
      versionOf: (answer) => answer.version,
      reread: get,
      text: (record) => String(record.municipality),
    });
  });

  it("a participant (PUT with version): no lost update", async () => {
    const path = `/api/participants/${people.ids.participantId}`;
    const get = async () => ((await call(app, "GET", path, { token: curator })).json as { participant: Record_ }).participant;
    const editable = [
      "fullName",
      "birthDate",
      "birthYear",
      "category",
      "group",
      "email",
      "phone",
      "isMentor",
      "isMentee",
      "requests",
      "needs",
      "competences",
      "experience",
      "capacity",
      "partnerOrg",
      "sensitiveFlags",
    ];
    await raceOn({
      initial: await get(),
      send: (current, marker) =>
        call(app, "PUT", path, {
          token: curator,
          body: {
            ...Object.fromEntries(editable.filter((key) => current[key] !== undefined).map((key) => [key, current[key]])),
            needs: `${current.needs ?? ""}${marker}`,
            version: current.version,
          },
        }),
      versionOf: (answer) => answer.version,
      reread: get,
      text: (record) => String(record.needs),
    });
  });

  it("a pair (PUT with version): no lost update", async () => {
    const path = `/api/pairs/${people.ids.pairId}`;
    const get = async () => ((await call(app, "GET", path, { token: curator })).json as { pair: Record_ }).pair;
    await raceOn({
      initial: await get(),
      send: (current, marker) =>
        call(app, "PUT", path, {
          token: curator,
          body: {
            form: current.form,
            startDate: current.startDate,
            endDate: current.endDate,
            note: `${current.note ?? ""}${marker}`,
            version: current.version,
          },
        }),
      versionOf: (answer) => answer.pair.version,
      reread: get,
      text: (record) => String(record.note),
    });
  });

  it("a roadmap item (PATCH with version): no lost update", async () => {
    const itemId = roadmap.sections[0]?.items[0]?.itemId ?? "";
    const path = `/api/roadmaps/${roadmap.roadmapId}/items/${itemId}`;
    const get = async () => {
      const detail = (await call(app, "GET", `/api/roadmaps/${roadmap.roadmapId}`, { token: curator })).json as {
        sections: { items: Record_[] }[];
      };
      return detail.sections.flatMap((s) => s.items).find((item) => item.itemId === itemId) as Record_;
    };
    await raceOn({
      initial: await get(),
      send: (current, marker) =>
        call(app, "PATCH", path, { token: curator, body: { comments: `${current.comments ?? ""}${marker}`, version: current.version } }),
      versionOf: (answer) => answer.version,
      reread: get,
      text: (record) => String(record.comments),
    });
  });
});

describe("counters under concurrency", () => {
  it(`${CLIENTS} participants created at once in one institution: the counters equal a recomputation`, async () => {
    const before = await system(() => Stats.counts(home.school.tenantId));
    const answers = await Promise.all(
      Array.from({ length: CLIENTS }, (_, i) =>
        call(app, "POST", "/api/participants", {
          token: curator,
          body: {
            fullName: `Одновременный Участник ${i}`,
            birthDate: "1990-01-01",
            category: i % 2 ? "teacher" : "young_specialist",
            isMentor: i % 2 === 1,
            isMentee: i % 2 === 0,
          },
        }),
      ),
    );
    for (const res of answers) expect(res.status, res.text).toBe(201);
    const { differences } = await system(() => Stats.check(home.school.tenantId));
    expect(differences).toEqual([]);
    const after = await system(() => Stats.counts(home.school.tenantId));
    const total = (counts: Record<string, number>) => Object.values(counts).reduce((n, v) => n + v, 0);
    expect(total(after)).toBeGreaterThan(total(before));
  });

  it("concurrent edits that change counted fields keep the counters equal to a recomputation", async () => {
    const created = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call(app, "POST", "/api/participants", {
          token: curator,
          body: { fullName: `Переключаемый Участник ${i}`, birthDate: "1991-01-01", category: "teacher", isMentor: true, isMentee: false },
        }),
      ),
    );
    // Each participant is flipped mentor → mentee by three clients at once: one wins, the rest see a stale version.
    await Promise.all(
      created.flatMap((res) =>
        [0, 1, 2].map(() =>
          call(app, "PUT", `/api/participants/${res.json.participantId}`, {
            token: curator,
            body: {
              fullName: res.json.fullName,
              birthDate: "1991-01-01",
              category: "young_specialist",
              isMentor: false,
              isMentee: true,
              version: 1,
            },
          }).then((answer) => expect([200, 409], answer.text).toContain(answer.status)),
        ),
      ),
    );
    const { differences } = await system(() => Stats.check(home.school.tenantId));
    expect(differences).toEqual([]);
  });
});
