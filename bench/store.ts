import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  TransactGetCommand,
} from "@aws-sdk/lib-dynamodb";
import { quietLogger } from "@rnc/core/sdk-logger";
import { closedLoop, summarize, timeSequential } from "./stats";

export type TracedCall = { command: string; input: Record<string, unknown>; start: number; end: number };

/** A raw document client on the same DynamoDB Local: the store's own floor, with nothing of ours on top. */
export function rawClient(endpoint: string) {
  return DynamoDBDocumentClient.from(
    // The same SDK logger setting as the product's client, so the floor is the store's and not SDK log formatting; and
    // no error lines either: a replayed audit put fails its condition on purpose (see `rewriteCommands`), which the
    // product's own put never does, so printing it would only slow the floor down.
    new DynamoDBClient({
      endpoint,
      region: "local",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
      logger: { ...quietLogger, error: () => {} } as typeof quietLogger,
    }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
}

const readCommands: Record<string, new (input: never) => object> = {
  GetItemCommand: GetCommand,
  QueryCommand: QueryCommand,
  ScanCommand: ScanCommand,
  BatchGetItemCommand: BatchGetCommand,
  TransactGetItemsCommand: TransactGetCommand,
};

/**
 * Puts that a read operation makes (the audit event of a read of personal data) replay as the same put: the same item
 * again, or, for a create, its condition failing on the item already there, at the same cost to the store.
 */
const rewriteCommands: Record<string, new (input: never) => object> = { PutItemCommand: PutCommand };

/** True when every traced call is a read, or a put that writes nothing new when replayed. */
export const replayable = (calls: TracedCall[]) =>
  calls.length > 0 && calls.every((c) => c.command in readCommands || c.command in rewriteCommands);

/** Replays the store calls an API operation made, keeping their parallelism (calls that overlapped in the trace run together). */
export function replayer(client: DynamoDBDocumentClient, calls: TracedCall[]): () => Promise<void> {
  const groups: TracedCall[][] = [];
  for (const call of [...calls].sort((a, b) => a.start - b.start)) {
    const group = groups.at(-1);
    if (group && call.start < Math.min(...group.map((g) => g.end))) group.push(call);
    else groups.push([call]);
  }
  return async () => {
    for (const group of groups) {
      await Promise.all(
        group.map((call) =>
          client
            .send(new ((readCommands[call.command] ?? rewriteCommands[call.command]) as new (input: unknown) => never)(call.input))
            .catch((error: { name?: string }) => {
              if (error.name !== "ConditionalCheckFailedException") throw error;
            }),
        ),
      );
    }
  };
}

export async function measureStoreFloor(client: DynamoDBDocumentClient, tableName: string, key: { pk: string; sk: string }, n: number) {
  const get = await timeSequential(n, () => client.send(new GetCommand({ TableName: tableName, Key: key })));
  const query = await timeSequential(n, () =>
    client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": key.pk },
        Limit: 10,
      }),
    ),
  );
  // The store alone under the load the curator reads get (20 clients, each sending its next call when the last one
  // returns): the floor under the "p95 at 20 clients" target on this machine.
  const concurrent = await closedLoop(20, 3000, () => client.send(new GetCommand({ TableName: tableName, Key: key })));
  return { getItem: get, query, getItemAt20Clients: summarize(concurrent.samples) };
}
