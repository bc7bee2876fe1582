import { submissionStatuses } from "../labels";
import { defineEntity } from "../lazy-entity";

export { submissionStatuses };
export const campaignKinds = ["monitoring", "federal_count"] as const;
export const campaignStatuses = ["draft", "published", "closed"] as const;

/**
 * A region's campaign. Published campaigns are also on gsi2 by deadline (`DUE#YYYY-MM-DD`), read by the reminder job;
 * `dueDate` is set only on publishing, so drafts stay out of that index.
 */
export const CampaignEntity = defineEntity({
  model: { entity: "campaign", version: "1", service: "rnc" },
  attributes: {
    regionId: { type: "string", required: true, readOnly: true },
    campaignId: { type: "string", required: true, readOnly: true },
    kind: { type: campaignKinds, required: true, readOnly: true },
    name: { type: "string", required: true },
    periodStart: { type: "string", required: true },
    periodEnd: { type: "string", required: true },
    deadline: { type: "string", required: true },
    /** The deadline, set when published: the gsi2 composite. */
    dueDate: { type: "string" },
    indicators: { type: "any", required: true },
    table: { type: "any" },
    status: { type: campaignStatuses, required: true },
    institutionsCount: { type: "number", required: true },
    publishedAt: { type: "string" },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["regionId"], template: "R#${regionId}", casing: "none" },
      sk: { field: "sk", composite: ["campaignId"], template: "CAMPAIGN#${campaignId}", casing: "none" },
    },
    byDueDate: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["dueDate"], template: "DUE#${dueDate}", casing: "none" },
      sk: {
        field: "gsi2sk",
        composite: ["regionId", "campaignId"],
        template: "R#${regionId}#CAMPAIGN#${campaignId}",
        casing: "none",
      },
    },
  },
});

/** An institution's answer to a campaign; the region's tracker reads all of a campaign's submissions from gsi1. */
export const SubmissionEntity = defineEntity({
  model: { entity: "submission", version: "1", service: "rnc" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    campaignId: { type: "string", required: true, readOnly: true },
    regionId: { type: "string", required: true, readOnly: true },
    institutionName: { type: "string", required: true },
    municipality: { type: "string", required: true },
    status: { type: submissionStatuses, required: true },
    /** Manual values (draft and submitted). */
    values: { type: "any", required: true },
    /** Computed values frozen when submitted. */
    snapshot: { type: "any" },
    submittedAt: { type: "string" },
    firstSubmittedAt: { type: "string" },
    late: { type: "boolean" },
    returnComment: { type: "string" },
    returnedAt: { type: "string" },
    acceptedAt: { type: "string" },
    updatedAt: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byInstitution: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}", casing: "none" },
      sk: { field: "sk", composite: ["campaignId"], template: "SUBMISSION#${campaignId}", casing: "none" },
    },
    byCampaign: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["campaignId"], template: "CAMPAIGN#${campaignId}", casing: "none" },
      sk: { field: "gsi1sk", composite: ["tenantId"], template: "T#${tenantId}", casing: "none" },
    },
  },
});

/** The history of a submission: one item per status change, never changed afterwards. */
export const SubmissionEventEntity = defineEntity({
  model: { entity: "submissionEvent", version: "1", service: "rnc" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    campaignId: { type: "string", required: true, readOnly: true },
    eventId: { type: "string", required: true, readOnly: true },
    at: { type: "string", required: true, readOnly: true },
    from: { type: submissionStatuses, required: true, readOnly: true },
    to: { type: submissionStatuses, required: true, readOnly: true },
    comment: { type: "string", readOnly: true },
    late: { type: "boolean", readOnly: true },
    actorId: { type: "string", required: true, readOnly: true },
    actorRole: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    bySubmission: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}", casing: "none" },
      sk: {
        field: "sk",
        composite: ["campaignId", "eventId"],
        template: "SUBMISSION#${campaignId}#EVENT#${eventId}",
        casing: "none",
      },
    },
  },
});
