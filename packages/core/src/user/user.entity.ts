import { defineEntity } from "../lazy-entity";
import { roles } from "../actor";

export const userStatuses = ["active", "disabled"] as const;

export const UserEntity = defineEntity({
  model: { entity: "user", version: "1", service: "rnc" },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    email: { type: "string", required: true, readOnly: true },
    fullName: { type: "string", required: true },
    role: { type: roles, required: true },
    /** "platform", a region id or a tenant id: who the user belongs to. */
    scope: { type: "string", required: true, readOnly: true },
    regionId: { type: "string" },
    tenantId: { type: "string" },
    passwordHash: { type: "string" },
    status: { type: userStatuses, required: true },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["userId"], template: "U#${userId}", casing: "none" },
      sk: { field: "sk", composite: [], template: "USER", casing: "none" },
    },
    byEmail: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["email"], template: "EMAIL#${email}", casing: "none" },
      sk: { field: "gsi1sk", composite: [], template: "USER", casing: "none" },
    },
    byScope: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["scope"], template: "SCOPE#${scope}#USERS", casing: "none" },
      sk: { field: "gsi2sk", composite: ["userId"], template: "U#${userId}", casing: "none" },
    },
  },
});
