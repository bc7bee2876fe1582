import { defineEntity } from "../lazy-entity";

export const RegionEntity = defineEntity({
  model: { entity: "region", version: "1", service: "rnc" },
  attributes: {
    regionId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    code: { type: "string", required: true },
    timeZone: { type: "string", required: true },
    centreName: { type: "string" },
    contactEmail: { type: "string" },
    contactPhone: { type: "string" },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["regionId"], template: "R#${regionId}", casing: "none" },
      sk: { field: "sk", composite: [], template: "REGION", casing: "none" },
    },
    all: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: [], template: "REGIONS", casing: "none" },
      sk: { field: "gsi1sk", composite: ["regionId"], template: "R#${regionId}", casing: "none" },
    },
  },
});

/** A unique-value claim (region code, institution name in a region, user email), written in the same transaction as its owner. */
export const UniqueEntity = defineEntity({
  model: { entity: "unique", version: "1", service: "rnc" },
  attributes: {
    scope: { type: "string", required: true, readOnly: true },
    value: { type: "string", required: true, readOnly: true },
    ownerId: { type: "string", required: true },
  },
  indexes: {
    byValue: {
      pk: { field: "pk", composite: ["scope"], template: "UNIQUE#${scope}", casing: "none" },
      sk: { field: "sk", composite: ["value"], template: "${value}", casing: "none" },
    },
  },
});
