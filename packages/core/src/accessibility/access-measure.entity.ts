import { defineEntity } from "../lazy-entity";
import { accessibilityCategories } from "./labels";

/**
 * A measure making the mentoring programmes accessible to a category of learners (DOMAIN §3.23), as the
 * institution's administrative act lists them. It names a category, never a person.
 */
export const AccessMeasureEntity = defineEntity({
  model: { entity: "accessMeasure", version: "1", service: "rnc" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    regionId: { type: "string", required: true, readOnly: true },
    measureId: { type: "string", required: true, readOnly: true },
    category: { type: accessibilityCategories, required: true },
    measure: { type: "string", required: true },
    act: { type: "string" },
    responsible: { type: "string" },
    dueDate: { type: "string" },
    done: { type: "boolean", required: true },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}", casing: "none" },
      sk: { field: "sk", composite: ["measureId"], template: "ACCESS#${measureId}", casing: "none" },
    },
  },
});
