/**
 * Trusted reads for the consolidated report's partner and activity sheets: the region's partner organisations, and
 * its mentor-training events and rewards dated within the year, one Query each on their region indexes (gsi1). Only
 * the fields the sheets count are read; a reward names its mentor by id only, so no personal data is read.
 */
import { PartnerEntity } from "../partner/partner.entity";
import { RewardEntity } from "../reward/reward.entity";
import { TrainingEntity } from "../training/training.entity";

export async function readActivity(regionId: string, year: number) {
  const [from, to] = [{ date: `${year}-01-01` }, { date: `${year}-12-31\uffff` }];
  const [partners, trainings, rewards] = await Promise.all([
    PartnerEntity.query
      .byRegion({ regionId })
      .go({ pages: "all", attributes: ["tenantId", "name", "inList", "providesCurator", "contracts"] }),
    TrainingEntity.query
      .byRegion({ regionId })
      .between(from, to)
      .go({ pages: "all", attributes: ["tenantId", "participants", "certificates"] }),
    RewardEntity.query
      .byRegion({ regionId })
      .between(from, to)
      .go({ pages: "all", attributes: ["tenantId", "level"] }),
  ]);
  return { partners: partners.data, trainings: trainings.data, rewards: rewards.data };
}
