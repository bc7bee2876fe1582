import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { ddb, tableName } from "./dynamo";
import { VisibleError } from "./error";

/** Throws a 503 VisibleError unless the table answers. One DescribeTable call, no item reads. */
export async function checkStore(): Promise<void> {
  try {
    await ddb.send(new DescribeTableCommand({ TableName: tableName() }));
  } catch {
    throw new VisibleError("unavailable", "service.store_unavailable", "Хранилище данных недоступно");
  }
}
