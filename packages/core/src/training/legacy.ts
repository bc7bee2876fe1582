import { QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import { ddb, ignoreFailedCondition } from "../dynamo";
import { TrainingEntity } from "./training.entity";

/**
 * Migration (`npm run migrate`): events logged before the region's report counted them get their region index keys
 * (gsi1 `R#<region>#TRAININGS`, `<date>#<id>`): each is written again as it is, over its version. Idempotent; only
 * events without the keys are written, and an event edited meanwhile got its keys from that edit.
 */
export async function indexTrainings(tenantId: string): Promise<number> {
  const query = TrainingEntity.query.byId({ tenantId }).params() as QueryCommandInput;
  let start: Record<string, unknown> | undefined;
  let indexed = 0;
  do {
    const page = await ddb.send(new QueryCommand({ ...query, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) {
      const row = TrainingEntity.parse({ Item: item }).data;
      if (!row || item.gsi1pk !== undefined) continue;
      await TrainingEntity.put(row)
        .where((attr, op) => op.eq(attr.version, row.version))
        .go()
        .then(() => (indexed += 1), ignoreFailedCondition);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return indexed;
}
