import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { withActor } from "../actor";
import { createTestRegion } from "../../../../scripts/test/fixtures";
import { ddb, loadCollection, tableName } from "../dynamo";
import { Participant } from "../participant";
import { readSummary, summaryKey } from "../stats/summary";
import { dropLinkCopies, foldLegacySatisfaction, markAnswered } from "./legacy";
import { SurveyLinkEntity } from "./survey.entity";

describe("foldLegacySatisfaction", () => {
  it("adds a tally stored in the old layout to the summary once, and deletes it", async () => {
    const { region, school } = await createTestRegion();
    const tenantId = school.tenantId;
    const tallyOf = async () =>
      readSummary(
        (await ddb.send(new GetCommand({ TableName: tableName(), Key: summaryKey(tenantId), ConsistentRead: true }))).Item!,
      ).satisfaction(2025);
    const before = await tallyOf();
    // As the previous version stored it: one item per institution and year.
    await ddb.send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          pk: `T#${tenantId}`,
          sk: "SATISFACTION#2025",
          __edb_e__: "satisfaction",
          __edb_v__: "1",
          tenantId,
          year: 2025,
          mentorSum: 27,
          mentorCount: 3,
          menteeSum: 40,
          menteeCount: 5,
        },
      }),
    );
    const runs = await Promise.all([foldLegacySatisfaction(tenantId, region.regionId), foldLegacySatisfaction(tenantId, region.regionId)]);
    expect(runs[0] + runs[1]).toBe(1);
    expect(await tallyOf()).toEqual({
      mentor: { sum: before.mentor.sum + 27, count: before.mentor.count + 3 },
      mentee: { sum: before.mentee.sum + 40, count: before.mentee.count + 5 },
    });
    const legacy = await ddb.send(new GetCommand({ TableName: tableName(), Key: { pk: `T#${tenantId}`, sk: "SATISFACTION#2025" } }));
    expect(legacy.Item).toBeUndefined();
    expect(await foldLegacySatisfaction(tenantId, region.regionId)).toBe(0);
  });
});

describe("dropLinkCopies", () => {
  it("removes the name and address copied onto old links of register participants, once", async () => {
    const { school } = await createTestRegion();
    const tenantId = school.tenantId;
    const person = await withActor({ type: "system", properties: { tenantId, regionId: school.regionId } }, () =>
      Participant.create({
        fullName: "Копиева Анна Сергеевна",
        birthDate: "1990-01-01",
        category: "teacher",
        isMentor: true,
        isMentee: false,
        email: "kopieva@example.org",
      }),
    );
    // As the previous version stored them: the request's name and address on each link.
    const oldLink = (linkId: string, participantId: string, name: string, email?: string) =>
      SurveyLinkEntity.create({
        tenantId,
        regionId: school.regionId,
        surveyId: "srv_legacy",
        linkId,
        tokenHash: `hash-${linkId}-${Date.now()}`,
        participantId,
        name,
        email,
        delivery: email ? "email" : "print",
        createdAt: "2025-01-01T00:00:00.000Z",
        expiresAt: "2025-01-15T00:00:00.000Z",
      }).go();
    await oldLink("lnk_1", person.participantId, "Копиева Анна Сергеевна", "kopieva@example.org");
    await oldLink("lnk_2", "line-1-Гость", "Гостев Гость");
    expect(await dropLinkCopies(tenantId)).toBe(1);
    const links = (await loadCollection(tenantId, "SURVEYLINK#srv_legacy#"))("surveyLink");
    const byId = new Map(links.map((link) => [link.linkId, link]));
    expect(byId.get("lnk_1")).not.toHaveProperty("name");
    expect(byId.get("lnk_1")).not.toHaveProperty("email");
    expect(byId.get("lnk_1")).toMatchObject({ participantId: person.participantId });
    expect(byId.get("lnk_2")).toMatchObject({ name: "Гостев Гость" });
    expect(await dropLinkCopies(tenantId)).toBe(0);
  });
});

describe("markAnswered", () => {
  it("marks the respondent of every used link once, a legacy second answer of the same round included", async () => {
    const { school } = await createTestRegion();
    const tenantId = school.tenantId;
    const usedLink = (linkId: string, participantId: string, usedAt?: string, phase?: "entry" | "exit") =>
      SurveyLinkEntity.create({
        tenantId,
        regionId: school.regionId,
        surveyId: "srv_answered",
        linkId,
        tokenHash: `hash-${linkId}-${Date.now()}`,
        participantId,
        delivery: "print",
        ...(phase ? { phase } : {}),
        createdAt: "2025-01-01T00:00:00.000Z",
        expiresAt: "2025-01-15T00:00:00.000Z",
        ...(usedAt ? { usedAt } : {}),
      }).go();
    await usedLink("lnk_a1", "ptc_a", "2025-01-02T10:00:00.000Z", "entry");
    await usedLink("lnk_a2", "ptc_a", "2025-01-03T10:00:00.000Z", "entry");
    await usedLink("lnk_a3", "ptc_a", "2025-05-03T10:00:00.000Z", "exit");
    await usedLink("lnk_b1", "ptc_b");
    expect(await markAnswered(tenantId)).toBe(2);
    const marks = (await loadCollection(tenantId, "SURVEYANSWERED#srv_answered#"))("surveyAnswered");
    expect(marks.map((mark) => [mark.participantId, mark.round]).sort()).toEqual([
      ["ptc_a", "entry"],
      ["ptc_a", "exit"],
    ]);
    expect(await markAnswered(tenantId)).toBe(0);
  });
});
