import { defineEntity } from "../lazy-entity";

/** Audit events, partitioned by the tenant (or region, or platform) they belong to, newest last; TTL gives retention. */
export const AuditEntity = defineEntity({
  model: { entity: "audit", version: "1", service: "rnc" },
  attributes: {
    scope: { type: "string", required: true, readOnly: true },
    auditId: { type: "string", required: true, readOnly: true },
    at: { type: "string", required: true, readOnly: true },
    actorId: { type: "string", required: true, readOnly: true },
    actorRole: { type: "string", required: true, readOnly: true },
    tenantId: { type: "string", readOnly: true },
    regionId: { type: "string", readOnly: true },
    action: { type: "string", required: true, readOnly: true },
    target: { type: "string", required: true, readOnly: true },
    requestId: { type: "string", readOnly: true },
    expiresAt: { type: "number", required: true, readOnly: true },
  },
  indexes: {
    byScope: {
      pk: { field: "pk", composite: ["scope"], template: "${scope}#AUDIT", casing: "none" },
      sk: { field: "sk", composite: ["auditId"], template: "${auditId}", casing: "none" },
    },
  },
});
