import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { BatchGetCommand, DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { quietLogger } from "./sdk-logger";

/**
 * Items read and written through the client since start: the cost of an operation is the
 * difference across it (benchmarks, and tests that assert an operation reads only what it must).
 */
export const storeMetrics = { calls: 0, itemsRead: 0, itemsWritten: 0, byOperation: {} as Record<string, number> };

/** Keyed by operation (`PutItemCommand` and lib-dynamodb's `PutCommand` are both `Put`). */
const writeCounts: Record<string, (input: Record<string, unknown>) => number> = {
  Put: () => 1,
  Update: () => 1,
  Delete: () => 1,
  TransactWrite: (input) => (input.TransactItems as unknown[] | undefined)?.length ?? 0,
  BatchWrite: (input) =>
    Object.values((input.RequestItems as Record<string, unknown[]> | undefined) ?? {}).reduce((n, list) => n + list.length, 0),
};

function countItems(commandName: string, input: Record<string, unknown>, output: Record<string, unknown>): void {
  storeMetrics.calls += 1;
  const operation = commandName.replace(/(Items?)?Command$/, "");
  storeMetrics.byOperation[operation] = (storeMetrics.byOperation[operation] ?? 0) + 1;
  storeMetrics.itemsWritten += writeCounts[operation]?.(input) ?? 0;
  if (Array.isArray(output.Items))
    storeMetrics.itemsRead += typeof output.ScannedCount === "number" ? output.ScannedCount : output.Items.length;
  else if (output.Item) storeMetrics.itemsRead += 1;
  else if (Array.isArray(output.Responses)) storeMetrics.itemsRead += output.Responses.length;
  else if (output.Responses && typeof output.Responses === "object") {
    storeMetrics.itemsRead += Object.values(output.Responses as Record<string, unknown[]>).reduce((n, list) => n + list.length, 0);
  }
}

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
    // A logger without `info`: the SDK's default no-op logger has one, so its logger middleware builds a redacted copy
    // of every response for a log line nobody reads (~20 ms for a 1 MB Query page). Warnings and errors still pass.
    logger: quietLogger,
  });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      countItems(context.commandName ?? "", args.input as Record<string, unknown>, result.output as unknown as Record<string, unknown>);
      return result;
    },
    { step: "initialize", name: "countItems" },
  );
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

export const ddb = createClient();

/** When enabled (local benchmarks only), every call through the document client with its input and timing. */
export const storeTrace = { enabled: false, calls: [] as { command: string; input: unknown; start: number; end: number }[] };
ddb.middlewareStack.add(
  (next, context) => async (args) => {
    if (!storeTrace.enabled) return next(args);
    const start = performance.now();
    const result = await next(args);
    storeTrace.calls.push({ command: context.commandName ?? "", input: structuredClone(args.input), start, end: performance.now() });
    return result;
  },
  { step: "initialize", name: "traceCalls" },
);

export function tableName(): string {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error("TABLE_NAME is not set");
  return name;
}

/** Entity configuration shared by every ElectroDB entity. */
export const entityConfig = () => ({ client: ddb, table: tableName() });

/**
 * Every item of a tenant whose sort key starts with `prefix` (a record and its children, e.g. a pair with its plan
 * and meetings): one strongly consistent Query, paginated, grouped by ElectroDB entity name.
 */
export async function loadCollection(tenantId: string, prefix: string): Promise<(entity: string) => Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await ddb.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :sk)",
        ExpressionAttributeValues: { ":pk": `T#${tenantId}`, ":sk": prefix },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return (entity) => items.filter((item) => item.__edb_e__ === entity);
}

/**
 * The catch of a conditional ElectroDB write whose failed condition means that someone else got there first (a
 * migration step another run or a newer write already did): anything else is thrown again.
 */
export function ignoreFailedCondition(error: unknown): void {
  if ((error as { cause?: { name?: string } }).cause?.name !== "ConditionalCheckFailedException") throw error;
}

/** The table key an ElectroDB get names (`Entity.get({...})`), for reading it together with others in `getItems`. */
export const itemKey = (request: { params: () => unknown }) => (request.params() as { Key: { pk: string; sk: string } }).Key;

/** BatchGetItems in flight at once for one `getItems` call. */
const BATCH_READS_AT_ONCE = 8;

/**
 * Items by key, in one BatchGetItem per 100 keys, up to 8 of them at once (one round trip instead of one per item);
 * unprocessed keys are retried with backoff. With `attributes` (stored field names other than the keys), only those
 * are read, with the keys and ElectroDB's entity markers so that `Entity.parse` still owns the items. The answer
 * follows the keys' order, `undefined` where an item does not exist.
 */
export async function getItems(
  keys: readonly { pk: string; sk: string }[],
  options: { consistent?: boolean; attributes?: readonly string[] } = {},
): Promise<(Record<string, unknown> | undefined)[]> {
  const found = new Map<string, Record<string, unknown>>();
  const id = (key: { pk: unknown; sk: unknown }) => `${key.pk}\u0000${key.sk}`;
  const names = options.attributes && [...new Set(["pk", "sk", "__edb_e__", "__edb_v__", ...options.attributes])];
  const projection = names && {
    ProjectionExpression: names.map((_, i) => `#a${i}`).join(", "),
    ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#a${i}`, name])),
  };
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < keys.length; i += 100) chunks.push(keys.slice(i, i + 100).map(({ pk, sk }) => ({ pk, sk })));
  const read = async (chunk: Record<string, unknown>[]) => {
    let pending = chunk;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt === 8) throw new Error("BatchGetItem left unprocessed keys");
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
      const answer = await ddb.send(
        new BatchGetCommand({
          RequestItems: { [tableName()]: { Keys: pending, ConsistentRead: options.consistent === true, ...projection } },
        }),
      );
      for (const item of answer.Responses?.[tableName()] ?? []) found.set(id(item as { pk: unknown; sk: unknown }), item);
      pending = (answer.UnprocessedKeys?.[tableName()]?.Keys as Record<string, unknown>[] | undefined) ?? [];
    }
  };
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(BATCH_READS_AT_ONCE, chunks.length) }, async () => {
      while (next < chunks.length) await read(chunks[next++] as Record<string, unknown>[]);
    }),
  );
  return keys.map((key) => found.get(id(key)));
}
