import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/**
 * The one DynamoDB client. `DDB_ENDPOINT` is set only by the local runtime and tests
 * (DynamoDB Local); in AWS the SDK defaults apply.
 */
function createClient(): DynamoDBDocumentClient {
  const endpoint = process.env.DDB_ENDPOINT;
  const client = new DynamoDBClient({
    ...(endpoint
      ? { endpoint, region: process.env.AWS_REGION ?? "local", credentials: { accessKeyId: "local", secretAccessKey: "local" } }
      : {}),
    maxAttempts: 4,
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

export const ddb = createClient();

export function tableName(): string {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error("TABLE_NAME is not set");
  return name;
}

/** Entity configuration shared by every ElectroDB entity. */
export const entityConfig = () => ({ client: ddb, table: tableName() });
