import { defineEntity } from "../lazy-entity";

export const digestFrequencies = ["daily", "weekly", "off"] as const;

/** A user's reminder preferences (absent = defaults: daily, non-statutory reminders on). */
export const ReminderPreferencesEntity = defineEntity({
  model: { entity: "reminderprefs", version: "1", service: "rnc" },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    frequency: { type: digestFrequencies, required: true },
    nonStatutory: { type: "boolean", required: true },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byUser: {
      pk: { field: "pk", composite: ["userId"], template: "U#${userId}", casing: "none" },
      sk: { field: "sk", composite: [], template: "REMINDER_PREFS", casing: "none" },
    },
  },
});

/**
 * At-most-once marker: one per recipient, rule and occurrence, claimed with a conditional
 * write before the email is sent. TTL keeps the table small.
 */
export const ReminderMarkerEntity = defineEntity({
  model: { entity: "remindermarker", version: "1", service: "rnc" },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    key: { type: "string", required: true, readOnly: true },
    status: { type: ["claimed", "sent"] as const, required: true },
    at: { type: "string", required: true },
    expiresAt: { type: "number", required: true },
  },
  indexes: {
    byUser: {
      pk: { field: "pk", composite: ["userId"], template: "REMINDER#${userId}", casing: "none" },
      sk: { field: "sk", composite: ["key"], template: "${key}", casing: "none" },
    },
  },
});

/** Addresses SES reported as bounced or complained: never emailed again. */
export const SuppressionEntity = defineEntity({
  model: { entity: "suppression", version: "1", service: "rnc" },
  attributes: {
    email: { type: "string", required: true, readOnly: true },
    reason: { type: ["bounce", "complaint"] as const, required: true },
    at: { type: "string", required: true },
  },
  indexes: {
    byEmail: {
      pk: { field: "pk", composite: ["email"], template: "SUPPRESS#${email}", casing: "none" },
      sk: { field: "sk", composite: [], template: "SUPPRESS", casing: "none" },
    },
  },
});
