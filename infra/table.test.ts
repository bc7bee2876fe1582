import { Match } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, test } from "vitest";
import { resourcesOf, type Synthesized, synthesize } from "./testing";

const keySchema = [
  { AttributeName: "pk", KeyType: "HASH" },
  { AttributeName: "sk", KeyType: "RANGE" },
];

describe("the table in a prod-like stage", () => {
  let app: Synthesized;
  beforeAll(async () => {
    app = await synthesize("prod");
  }, 60_000);

  test("is the only table in the app", () => {
    const tables = Object.values(app.json).flatMap((template) => resourcesOf(template, "AWS::DynamoDB::Table"));
    expect(tables).toHaveLength(1);
    expect(resourcesOf(app.json.TableStack, "AWS::DynamoDB::Table")).toHaveLength(1);
  });

  test("has the key schema and indexes of packages/core/src/table.ts, all string keys", () => {
    const [, table] = resourcesOf(app.json.TableStack, "AWS::DynamoDB::Table")[0]!;
    expect(table.Properties!.KeySchema).toEqual(keySchema);
    expect(table.Properties!.GlobalSecondaryIndexes).toEqual([
      {
        IndexName: "gsi1",
        KeySchema: [
          { AttributeName: "gsi1pk", KeyType: "HASH" },
          { AttributeName: "gsi1sk", KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: "ALL" },
      },
      {
        IndexName: "gsi2",
        KeySchema: [
          { AttributeName: "gsi2pk", KeyType: "HASH" },
          { AttributeName: "gsi2sk", KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: "ALL" },
      },
    ]);
    const attributes = table.Properties!.AttributeDefinitions as { AttributeName: string; AttributeType: string }[];
    expect(attributes.map((a) => a.AttributeName).sort()).toEqual(["gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk", "pk", "sk"]);
    expect(new Set(attributes.map((a) => a.AttributeType))).toEqual(new Set(["S"]));
    expect(table.Properties!.LocalSecondaryIndexes).toBeUndefined();
  });

  test("is on-demand, with point-in-time recovery and TTL on expiresAt", () => {
    app.templates.TableStack.hasResourceProperties("AWS::DynamoDB::Table", {
      BillingMode: "PAY_PER_REQUEST",
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: "expiresAt", Enabled: true },
      ProvisionedThroughput: Match.absent(),
    });
  });

  test("is deletion-protected and retained when its stack goes", () => {
    app.templates.TableStack.hasResource("AWS::DynamoDB::Table", {
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
      DeletionPolicy: "Retain",
      UpdateReplacePolicy: "Retain",
    });
  });
});

describe("the table in a dev stage", () => {
  let app: Synthesized;
  beforeAll(async () => {
    app = await synthesize("dev");
  }, 60_000);

  test("has the same keys, but no deletion protection and is deleted with its stack", () => {
    const [, table] = resourcesOf(app.json.TableStack, "AWS::DynamoDB::Table")[0]!;
    expect(table.Properties!.KeySchema).toEqual(keySchema);
    expect(table.Properties!.DeletionProtectionEnabled).not.toBe(true);
    expect(table.DeletionPolicy).toBe("Delete");
    expect(table.UpdateReplacePolicy).toBe("Delete");
  });
});
