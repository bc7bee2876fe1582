/**
 * Trusted read for the consolidated report's partners sheet: the region's partner organisations, one Query of their
 * region index (gsi1), only the fields the sheet counts (organisations, not people: no personal data).
 */
import { PartnerEntity } from "../partner/partner.entity";

export async function regionPartners(regionId: string) {
  return (
    await PartnerEntity.query
      .byRegion({ regionId })
      .go({ pages: "all", attributes: ["tenantId", "name", "inList", "providesCurator", "contracts"] })
  ).data;
}
