import { defineEntity } from "../lazy-entity";
import { roles } from "../actor";

/** A refresh-token family: one sign-in. Only the hash of the current token is stored; it rotates on every use. */
export const SessionEntity = defineEntity({
  model: { entity: "session", version: "1", service: "rnc" },
  attributes: {
    sessionId: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    tokenHash: { type: "string", required: true },
    rotations: { type: "number", required: true },
    revokedAt: { type: "string" },
    revokedReason: { type: "string" },
    createdAt: { type: "string", required: true, readOnly: true },
    expiresAt: { type: "number", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["sessionId"], template: "SESSION#${sessionId}", casing: "none" },
      sk: { field: "sk", composite: [], template: "SESSION", casing: "none" },
    },
  },
});

/** Failed sign-in counters per account and per IP, with a lockout window (TTL removes them). */
export const ThrottleEntity = defineEntity({
  model: { entity: "throttle", version: "1", service: "rnc" },
  attributes: {
    key: { type: "string", required: true, readOnly: true },
    window: { type: "string", required: true, readOnly: true },
    failures: { type: "number", required: true },
    expiresAt: { type: "number", required: true },
  },
  indexes: {
    byKey: {
      pk: { field: "pk", composite: ["key"], template: "THROTTLE#${key}", casing: "none" },
      sk: { field: "sk", composite: ["window"], template: "${window}", casing: "none" },
    },
  },
});

/** One-time secrets sent by email: sign-in codes, password-reset links. Stored hashed, single use, expiring. */
export const OneTimeSecretEntity = defineEntity({
  model: { entity: "otsecret", version: "1", service: "rnc" },
  attributes: {
    purpose: { type: ["login_code", "password_reset"] as const, required: true, readOnly: true },
    /** The email for codes, the token hash for reset links. */
    lookup: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true },
    secretHash: { type: "string", required: true },
    attempts: { type: "number", required: true },
    expiresAt: { type: "number", required: true },
  },
  indexes: {
    byLookup: {
      pk: { field: "pk", composite: ["purpose", "lookup"], template: "OTS#${purpose}#${lookup}", casing: "none" },
      sk: { field: "sk", composite: [], template: "OTS", casing: "none" },
    },
  },
});

export const InvitationEntity = defineEntity({
  model: { entity: "invitation", version: "1", service: "rnc" },
  attributes: {
    invitationId: { type: "string", required: true, readOnly: true },
    tokenHash: { type: "string", required: true, readOnly: true },
    email: { type: "string", required: true, readOnly: true },
    role: { type: roles, required: true, readOnly: true },
    scope: { type: "string", required: true, readOnly: true },
    regionId: { type: "string", readOnly: true },
    tenantId: { type: "string", readOnly: true },
    invitedBy: { type: "string", required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
    expiresAt: { type: "string", required: true, readOnly: true },
    acceptedAt: { type: "string" },
    revokedAt: { type: "string" },
  },
  indexes: {
    byToken: {
      pk: { field: "pk", composite: ["tokenHash"], template: "INVITE#${tokenHash}", casing: "none" },
      sk: { field: "sk", composite: [], template: "INVITATION", casing: "none" },
    },
    byScope: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["scope"], template: "SCOPE#${scope}#INVITATIONS", casing: "none" },
      sk: { field: "gsi2sk", composite: ["invitationId"], template: "${invitationId}", casing: "none" },
    },
  },
});
