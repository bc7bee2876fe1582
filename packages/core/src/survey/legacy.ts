import { TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { ddb, loadCollection, tableName } from "../dynamo";
import { summaryUpdate } from "../stats/summary";

const num = (value: unknown) => (typeof value === "number" ? value : 0);

/**
 * Migration (`npm run migrate`): satisfaction tallies stored before they moved onto the institution's summary item
 * (one `SATISFACTION#<year>` item per year) are added to the summary and deleted, each in one transaction whose delete
 * is conditional, so a tally is never counted twice, even by two runs at once. Returns how many were folded.
 */
export async function foldLegacySatisfaction(tenantId: string, regionId: string): Promise<number> {
  const legacy = (await loadCollection(tenantId, "SATISFACTION#"))("satisfaction");
  let folded = 0;
  for (const item of legacy) {
    const tally = {
      mentor: { sum: num(item.mentorSum), count: num(item.mentorCount) },
      mentee: { sum: num(item.menteeSum), count: num(item.menteeCount) },
    };
    const update = summaryUpdate({ tenantId, regionId, satisfaction: { year: Number(item.year), tally } });
    const remove = { Delete: { TableName: tableName(), Key: { pk: item.pk, sk: item.sk }, ConditionExpression: "attribute_exists(pk)" } };
    try {
      await ddb.send(new TransactWriteCommand({ TransactItems: [...(update ? [update] : []), remove] }));
      folded += 1;
    } catch (error) {
      // Another run folded it first.
      if ((error as { name?: string }).name !== "TransactionCanceledException") throw error;
    }
  }
  return folded;
}
