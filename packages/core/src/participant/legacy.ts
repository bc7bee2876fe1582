import { ignoreFailedCondition, loadCollection } from "../dynamo";
import { nameKey } from "./names";
import { ParticipantEntity } from "./participant.entity";

/**
 * Migration (`npm run migrate`): gives participants written before the registry was ordered by name their sort key,
 * so they take their place in the byTenant index. Idempotent; a participant renamed meanwhile is left to its rename.
 */
export async function backfillSortNames(tenantId: string): Promise<number> {
  const of = await loadCollection(tenantId, "PERSON#");
  const missing = of("participant")
    .map((Item) => ParticipantEntity.parse({ Item }).data)
    .flatMap((row) => (row && !row.sortName ? [row] : []));
  for (const row of missing) {
    await ParticipantEntity.patch({ tenantId, participantId: row.participantId })
      .set({ sortName: nameKey(row.fullName) })
      .where((attr, op) => op.eq(attr.fullName, row.fullName))
      .go()
      .catch(ignoreFailedCondition);
  }
  return missing.length;
}
