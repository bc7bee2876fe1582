import { defineEntity } from "../lazy-entity";
import { rewardLevels, rewardMeasures } from "./labels";

/**
 * A reward measure given to a mentor (поощрение наставника, DOMAIN §3.21). It names the person by id only: the
 * name is read from the registry, so the region's report, which counts rewards on gsi1 (`R#<region>#REWARDS`, by
 * date), never holds personal data.
 */
export const RewardEntity = defineEntity({
  model: { entity: "reward", version: "1", service: "rnc" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    regionId: { type: "string", required: true, readOnly: true },
    rewardId: { type: "string", required: true, readOnly: true },
    participantId: { type: "string", required: true, readOnly: true },
    measure: { type: rewardMeasures, required: true },
    level: { type: rewardLevels, required: true },
    date: { type: "string", required: true },
    /** The order or decision it was given by (основание: приказ № …). */
    basis: { type: "string" },
    note: { type: "string" },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}", casing: "none" },
      sk: { field: "sk", composite: ["rewardId"], template: "REWARD#${rewardId}", casing: "none" },
    },
    byRegion: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["regionId"], template: "R#${regionId}#REWARDS", casing: "none" },
      sk: { field: "gsi1sk", composite: ["date", "rewardId"], template: "${date}#${rewardId}", casing: "none" },
    },
  },
});
