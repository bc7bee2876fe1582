import { tableKeys } from "@rnc/core/table";
import { RemovalPolicy } from "aws-cdk-lib/core";
import { type StackContext, Table } from "sst/constructs";
import { isDevStage } from "./stage";

const { partitionKey, sortKey, ttlAttribute, globalIndexes } = tableKeys;
const indexes = Object.entries(globalIndexes);
const keyAttributes = [partitionKey, sortKey, ...indexes.flatMap(([, keys]) => [keys.partitionKey, keys.sortKey])];

/** The single DynamoDB table; its key layout is the one the local runtime creates (packages/core/src/table.ts). */
export function TableStack({ app, stack }: StackContext) {
  const retain = !isDevStage(app.stage);
  const table = new Table(stack, "Table", {
    fields: Object.fromEntries(keyAttributes.map((attribute) => [attribute, "string" as const])),
    primaryIndex: { partitionKey, sortKey },
    globalIndexes: Object.fromEntries(
      indexes.map(([name, keys]) => [name, { partitionKey: keys.partitionKey, sortKey: keys.sortKey, projection: "all" as const }]),
    ),
    timeToLiveAttribute: ttlAttribute,
    cdk: {
      table: {
        // On-demand billing is the Table construct's default; PITR is stated here so it cannot silently go away.
        pointInTimeRecovery: true,
        deletionProtection: retain,
        removalPolicy: retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      },
    },
  });
  stack.addOutputs({ TableName: table.tableName });
  return { table };
}
