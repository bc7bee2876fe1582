import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { ddb, tableName } from "./dynamo";
import { VisibleError } from "./error";

/**
 * Throws a 503 VisibleError unless the table answers a read: one GetItem of a key no item has (half a read unit).
 * A data-plane read checks what requests need; DescribeTable would make DynamoDB Local count every item (seconds on
 * a large table).
 */
export async function checkStore(): Promise<void> {
  try {
    await ddb.send(new GetCommand({ TableName: tableName(), Key: { pk: "HEALTH", sk: "HEALTH" } }));
  } catch {
    throw new VisibleError("unavailable", "service.store_unavailable", "Хранилище данных недоступно");
  }
}
