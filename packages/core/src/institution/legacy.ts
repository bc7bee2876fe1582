import { ignoreFailedCondition } from "../dynamo";
import { UniqueEntity } from "../region/region.entity";
import { shortNameClaim } from ".";
import { InstitutionEntity } from "./institution.entity";

/**
 * Migration (`npm run migrate`): an institution created before short names were unique in a region claims its short
 * name. `conflict` when another institution of the region holds it: nothing is written, and the region's admin is to
 * rename one of them (the claim is then moved by the edit). Idempotent: a held claim is left as it is.
 */
export async function claimShortName(tenantId: string): Promise<"claimed" | "held" | "conflict"> {
  const row = (await InstitutionEntity.get({ tenantId }).go({ consistent: true })).data;
  if (!row) return "held";
  const claim = shortNameClaim(row.regionId, row.shortName, tenantId);
  const created = await UniqueEntity.create(claim)
    .go()
    .then(() => true, ignoreFailedCondition);
  if (created) return "claimed";
  const holder = (await UniqueEntity.get({ scope: claim.scope, value: claim.value }).go({ consistent: true })).data;
  return holder?.ownerId === tenantId ? "held" : "conflict";
}
