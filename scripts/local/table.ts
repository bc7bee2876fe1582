import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, UpdateTimeToLiveCommand } from "@aws-sdk/client-dynamodb";
import { tableKeys } from "@rnc/core/table";

/** Creates the table from the same key layout the SST stack uses (idempotent). */
/** Returns true when the table was created now (a fresh store). */
export async function ensureTable(endpoint: string, name: string): Promise<boolean> {
  const client = new DynamoDBClient({ endpoint, region: "local", credentials: { accessKeyId: "local", secretAccessKey: "local" } });
  try {
    await client.send(new DescribeTableCommand({ TableName: name }));
    client.destroy();
    return false;
  } catch (error) {
    if ((error as Error).name !== "ResourceNotFoundException") throw error;
  }
  const indexes = Object.entries(tableKeys.globalIndexes);
  const attributes = [tableKeys.partitionKey, tableKeys.sortKey, ...indexes.flatMap(([, keys]) => [keys.partitionKey, keys.sortKey])];
  await client.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: attributes.map((attribute) => ({ AttributeName: attribute, AttributeType: "S" })),
      KeySchema: [
        { AttributeName: tableKeys.partitionKey, KeyType: "HASH" },
        { AttributeName: tableKeys.sortKey, KeyType: "RANGE" },
      ],
      GlobalSecondaryIndexes: indexes.map(([indexName, keys]) => ({
        IndexName: indexName,
        KeySchema: [
          { AttributeName: keys.partitionKey, KeyType: "HASH" },
          { AttributeName: keys.sortKey, KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: "ALL" },
      })),
    }),
  );
  await client.send(
    new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { AttributeName: tableKeys.ttlAttribute, Enabled: true } }),
  );
  client.destroy();
  return true;
}
