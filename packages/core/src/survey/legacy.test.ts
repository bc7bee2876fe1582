import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { createTestRegion } from "../../../../scripts/test/fixtures";
import { ddb, tableName } from "../dynamo";
import { readSummary, summaryKey } from "../stats/summary";
import { foldLegacySatisfaction } from "./legacy";

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
