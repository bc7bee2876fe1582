import { defineEntity } from "../lazy-entity";

import { institutionStatuses, institutionTypes } from "../labels";

export { institutionStatuses, institutionTypes };

export const InstitutionEntity = defineEntity({
  model: { entity: "institution", version: "1", service: "rnc" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    regionId: { type: "string", required: true, readOnly: true },
    fullName: { type: "string", required: true },
    shortName: { type: "string", required: true },
    type: { type: institutionTypes, required: true },
    municipality: { type: "string", required: true },
    studentsTotal: { type: "number", required: true },
    students10to19: { type: "number", required: true },
    /** Optional: the denominator of the «mentors aged 15–19» KPI. */
    students15to19: { type: "number" },
    teachersTotal: { type: "number", required: true },
    youngTeachers: { type: "number", required: true },
    contactEmail: { type: "string" },
    contactPhone: { type: "string" },
    status: { type: institutionStatuses, required: true },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}", casing: "none" },
      sk: { field: "sk", composite: [], template: "INSTITUTION", casing: "none" },
    },
    byRegion: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["regionId"], template: "R#${regionId}#INSTITUTIONS", casing: "none" },
      sk: { field: "gsi1sk", composite: ["tenantId"], template: "T#${tenantId}", casing: "none" },
    },
  },
});
