import { QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import { ddb, ignoreFailedCondition } from "../dynamo";
import { PairEntity } from "./pair.entity";

/**
 * Migration (`npm run migrate`): pairs written before the board was read a column at a time get their status into the
 * byTenant index key (`PAIR#<status>#<id>`). Idempotent; a pair whose status changes meanwhile gets its key from that write.
 */
export async function reindexPairs(tenantId: string): Promise<number> {
  const query = PairEntity.query.byTenant({ tenantId }).params() as QueryCommandInput;
  let start: Record<string, unknown> | undefined;
  let moved = 0;
  do {
    const page = await ddb.send(new QueryCommand({ ...query, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) {
      const row = PairEntity.parse({ Item: item }).data;
      if (!row || String(item.gsi1sk).startsWith(`PAIR#${row.status}#`)) continue;
      await PairEntity.patch({ tenantId, pairId: row.pairId })
        .set({ status: row.status })
        .where((attr, op) => op.eq(attr.status, row.status))
        .go()
        .then(() => (moved += 1), ignoreFailedCondition);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return moved;
}
