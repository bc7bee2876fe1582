import { describe, expect, it, vi } from "vitest";
import { withActor } from "../actor";
import { createTestRegion } from "../../../../scripts/test/fixtures";
import { ddb, storeMetrics } from "../dynamo";
import { createId } from "../id";
import { Participant, type ParticipantInput } from ".";
import { readParticipantsById } from "./read";

const person = (i: number): ParticipantInput => ({
  fullName: `Участников ${i} Тестович`,
  birthDate: "1990-01-01",
  category: "teacher",
  isMentor: true,
  isMentee: false,
});

describe("readParticipantsById (one institution's participants by id, with a projection)", async () => {
  const { school, college } = await createTestRegion();
  const inSchool = { type: "system" as const, properties: { regionId: school.regionId, tenantId: school.tenantId } };
  const inCollege = { type: "system" as const, properties: { regionId: college.regionId, tenantId: college.tenantId } };
  const people = await withActor(inSchool, () => Participant.createMany(Array.from({ length: 130 }, (_, i) => person(i))));
  const [foreign] = await withActor(inCollege, () => Participant.createMany([person(999)]));
  const ids = people.map((p) => p.participantId);

  it("reads each id once, in one BatchGetItem per 100, only the attributes asked for, only this institution's people", async () => {
    const send = vi.spyOn(ddb, "send");
    const before = storeMetrics.byOperation.BatchGet ?? 0;
    try {
      const found = await readParticipantsById(
        school.tenantId,
        [...ids, ...ids, foreign?.participantId ?? "", createId("participant"), "not-an-id", `x${"#".repeat(600)}`],
        ["fullName"],
        { consistent: true },
      );
      // 130 people, the college's one and an unknown id: 132 keys, two batches; the malformed ids are never read.
      expect((storeMetrics.byOperation.BatchGet ?? 0) - before).toBe(2);
      const keys = send.mock.calls.flatMap(([command]) => {
        const input = command.input as { RequestItems?: Record<string, { Keys: { sk: string }[]; ConsistentRead?: boolean }> };
        return Object.values(input.RequestItems ?? {}).map((request) => {
          expect(request.ConsistentRead).toBe(true);
          return request.Keys.length;
        });
      });
      expect(keys.sort()).toEqual([100, 32]);
      expect(found.size).toBe(130);
      expect(found.get(ids[7] as string)).toEqual({ participantId: ids[7], fullName: "Участников 7 Тестович" });
      expect(found.has(foreign?.participantId ?? "")).toBe(false);
    } finally {
      send.mockRestore();
    }
  });

  it("reads nothing for no ids, and eventually consistently unless asked", async () => {
    const send = vi.spyOn(ddb, "send");
    try {
      expect(await readParticipantsById(school.tenantId, [], ["fullName"])).toEqual(new Map());
      expect(send).not.toHaveBeenCalled();
      const found = await readParticipantsById(school.tenantId, ids.slice(0, 2), ["status", "consentId"]);
      expect([...found.values()]).toEqual(ids.slice(0, 2).map((participantId) => ({ participantId, status: "active" })));
      const input = send.mock.calls[0]?.[0].input as { RequestItems: Record<string, { ConsistentRead?: boolean }> };
      expect(Object.values(input.RequestItems)[0]?.ConsistentRead).toBe(false);
    } finally {
      send.mockRestore();
    }
  });
});

describe("Participant.rows (pair members by id: only what the pair module reads)", async () => {
  const { school } = await createTestRegion();
  const inSchool = { type: "system" as const, properties: { regionId: school.regionId, tenantId: school.tenantId } };
  const people = await withActor(inSchool, () =>
    Participant.createMany([
      { ...person(1), email: "mentor@example.ru", phone: "+7 900 000-00-01", competences: ["математика"], sensitiveFlags: ["ovz"] },
      { ...person(2), isMentor: false, isMentee: true, needs: "подготовка к олимпиаде" },
    ]),
  );
  const ids = people.map((p) => p.participantId);
  const memberAttributes = [
    "participantId",
    "fullName",
    "status",
    "category",
    "birthDate",
    "birthYear",
    "isMentor",
    "isMentee",
    "capacity",
    "activeMentees",
    "partnerOrg",
    "consentId",
    "consentSigner",
    "engagedMentor",
    "engagedMentee",
    "version",
  ];

  it("reads the members in one consistent BatchGetItem, each once, only the attributes pairs use, in the order asked", async () => {
    const send = vi.spyOn(ddb, "send");
    const before = storeMetrics.byOperation.BatchGet ?? 0;
    try {
      const rows = await Participant.rows(school.tenantId, [ids[1] as string, ids[0] as string, ids[1] as string, createId("participant")]);
      expect((storeMetrics.byOperation.BatchGet ?? 0) - before).toBe(1);
      expect(send).toHaveBeenCalledTimes(1);
      const input = send.mock.calls[0]?.[0].input as {
        RequestItems: Record<
          string,
          { Keys: unknown[]; ConsistentRead?: boolean; ProjectionExpression: string; ExpressionAttributeNames: Record<string, string> }
        >;
      };
      const [request] = Object.values(input.RequestItems);
      expect(request?.ConsistentRead).toBe(true);
      expect(request?.Keys).toHaveLength(3);
      const read = request?.ProjectionExpression.split(", ").map((name) => request.ExpressionAttributeNames[name]);
      // The keys and ElectroDB's entity markers, so that the entity still parses the items; nothing else.
      expect(new Set(read)).toEqual(new Set(["pk", "sk", "__edb_e__", "__edb_v__", ...memberAttributes]));
      expect(rows.map((row) => row.participantId)).toEqual([ids[1], ids[0]]);
      for (const row of rows) expect(memberAttributes).toEqual(expect.arrayContaining(Object.keys(row)));
      expect(rows[1]).toMatchObject({ fullName: "Участников 1 Тестович", status: "active", isMentor: true, activeMentees: 0, version: 1 });
      expect(rows[1]).not.toHaveProperty("email");
      expect(rows[1]).not.toHaveProperty("sensitiveFlags");
    } finally {
      send.mockRestore();
    }
  });

  it("reads nothing for no ids", async () => {
    const send = vi.spyOn(ddb, "send");
    try {
      expect(await Participant.rows(school.tenantId, [])).toEqual([]);
      expect(send).not.toHaveBeenCalled();
    } finally {
      send.mockRestore();
    }
  });
});
