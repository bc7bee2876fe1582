import { GetCommand, QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import { ddb, ignoreFailedCondition, tableName } from "../dynamo";
import { TrainingEntity } from "./training.entity";

/**
 * Migration (`npm run migrate`): events logged before the region's report counted them get their region index keys
 * (gsi1 `R#<region>#TRAININGS`, `<date>#<id>`): each is written again as it is, over its version. An edit does not
 * write `gsi1pk`, so an event edited between the read and the write is read again and written again. Idempotent: only
 * events without the keys are written.
 */
export async function indexTrainings(tenantId: string): Promise<number> {
  const query = TrainingEntity.query.byId({ tenantId }).params() as QueryCommandInput;
  let start: Record<string, unknown> | undefined;
  let indexed = 0;
  do {
    const page = await ddb.send(new QueryCommand({ ...query, ExclusiveStartKey: start }));
    for (const listed of page.Items ?? []) {
      let item: Record<string, unknown> | undefined = listed;
      while (item && item.gsi1pk === undefined) {
        const row = TrainingEntity.parse({ Item: item }).data;
        if (!row) break;
        const written = await TrainingEntity.put(row)
          .where((attr, op) => op.eq(attr.version, row.version))
          .go()
          .then(() => true, ignoreFailedCondition);
        if (written) {
          indexed += 1;
          break;
        }
        item = (await ddb.send(new GetCommand({ TableName: tableName(), Key: { pk: item.pk, sk: item.sk }, ConsistentRead: true }))).Item;
      }
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return indexed;
}
