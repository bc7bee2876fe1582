import { defineEntity } from "../lazy-entity";

/** The forms of mentoring an institution uses; absent until the curator first chooses (defaults by type apply). */
export const EnabledFormsEntity = defineEntity({
  model: { entity: "enabledForms", version: "1", service: "rnc" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    /** Form codes of the catalogue (validated by the schema). */
    enabled: { type: "list", items: { type: "string" }, required: true },
    updatedAt: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}", casing: "none" },
      sk: { field: "sk", composite: [], template: "FORMS", casing: "none" },
    },
  },
});
