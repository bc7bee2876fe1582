import { defineEntity } from "../lazy-entity";
import { contractKinds, partnerKinds } from "./labels";

/**
 * A partner organisation of the institution (организация-партнёр, DOMAIN §3.19) with its contracts: the agreement on
 * the target model, dual-training, practice and cooperation contracts. The region's report reads its institutions'
 * partners on gsi1 (`R#<region>#PARTNERS`): organisations, not people, so no personal data.
 */
export const PartnerEntity = defineEntity({
  model: { entity: "partner", version: "1", service: "rnc" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    regionId: { type: "string", required: true, readOnly: true },
    partnerId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    kind: { type: partnerKinds, required: true },
    /** In the institution's approved list of partner organisations (перечень партнёрских организаций). */
    inList: { type: "boolean", required: true },
    /** Appoints a curator of mentoring on its side. */
    providesCurator: { type: "boolean", required: true },
    contracts: {
      type: "list",
      required: true,
      items: {
        type: "map",
        properties: {
          kind: { type: contractKinds, required: true },
          number: { type: "string" },
          date: { type: "string", required: true },
          validUntil: { type: "string" },
        },
      },
    },
    note: { type: "string" },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}", casing: "none" },
      sk: { field: "sk", composite: ["partnerId"], template: "PARTNER#${partnerId}", casing: "none" },
    },
    byRegion: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["regionId"], template: "R#${regionId}#PARTNERS", casing: "none" },
      sk: { field: "gsi1sk", composite: ["tenantId", "partnerId"], template: "T#${tenantId}#${partnerId}", casing: "none" },
    },
  },
});
