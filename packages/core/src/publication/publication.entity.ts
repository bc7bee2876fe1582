import { defineEntity } from "../lazy-entity";
import { publicationChannels, publicationFormats, publicationStatuses } from "./labels";

/**
 * A publication of the institution's media plan (медиаплан, DOMAIN §3.22), published or planned (`status`; one written
 * before statuses were kept has none and reads by its date, see statusOf). Read by the institution only (one Query of
 * its partition).
 */
export const PublicationEntity = defineEntity({
  model: { entity: "publication", version: "1", service: "rnc" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    regionId: { type: "string", required: true, readOnly: true },
    publicationId: { type: "string", required: true, readOnly: true },
    title: { type: "string", required: true },
    date: { type: "string", required: true },
    channel: { type: publicationChannels, required: true },
    format: { type: publicationFormats, required: true },
    status: { type: publicationStatuses },
    rubric: { type: "string" },
    url: { type: "string" },
    note: { type: "string" },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}", casing: "none" },
      sk: { field: "sk", composite: ["publicationId"], template: "PUBLICATION#${publicationId}", casing: "none" },
    },
  },
});
