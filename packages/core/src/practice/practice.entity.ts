import { formCodes } from "../forms/catalogue";
import { defineEntity } from "../lazy-entity";
import { practiceStatuses } from "./labels";

/**
 * A best practice of mentoring (лучшая практика, DOMAIN §3.18): written up by the institution as a methodological
 * development and sent to the region, which publishes it on its online platform or returns it for rework. The region
 * reads its institutions' sent and published practices on gsi1 (`R#<region>#PRACTICES`, by status), never their drafts.
 */
export const PracticeEntity = defineEntity({
  model: { entity: "practice", version: "1", service: "rnc" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    regionId: { type: "string", required: true, readOnly: true },
    practiceId: { type: "string", required: true, readOnly: true },
    title: { type: "string", required: true },
    description: { type: "string", required: true },
    form: { type: formCodes },
    authors: { type: "string" },
    sourceEvent: { type: "string" },
    siteUrl: { type: "string" },
    status: { type: practiceStatuses, required: true },
    /** The institution's short name when it was sent, for the region's list. */
    institutionName: { type: "string" },
    sentAt: { type: "string" },
    returnComment: { type: "string" },
    returnedAt: { type: "string" },
    platformUrl: { type: "string" },
    publishedAt: { type: "string" },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}", casing: "none" },
      sk: { field: "sk", composite: ["practiceId"], template: "PRACTICE#${practiceId}", casing: "none" },
    },
    byRegion: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["regionId"], template: "R#${regionId}#PRACTICES", casing: "none" },
      sk: { field: "gsi1sk", composite: ["status", "practiceId"], template: "${status}#${practiceId}", casing: "none" },
    },
  },
});
