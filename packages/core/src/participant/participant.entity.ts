import { defineEntity } from "../lazy-entity";
import { formCodes, participantCategories } from "../forms/catalogue";

export const participantStatuses = ["active", "restricted", "anonymised"] as const;
export const sensitiveFlags = [
  "ovz",
  "disability",
  "special_needs",
  "gifted",
  "difficult_life",
  "low_income",
  "orphan",
  "remote_area",
  "registered",
] as const;
export const signerKinds = ["self", "legal_representative"] as const;
export const memberRoles = ["mentor", "mentee"] as const;
export const membershipStatuses = ["forming", "active", "completed", "terminated"] as const;

/**
 * A person in the bases of mentors and mentees. The card (the person, their consents and their pair
 * memberships) shares the sort-key prefix `PERSON#<id>`, so it is one Query. The registry reads the byTenant index,
 * ordered by name, a page at a time.
 */
export const ParticipantEntity = defineEntity({
  model: { entity: "participant", version: "1", service: "rnc" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    participantId: { type: "string", required: true, readOnly: true },
    fullName: { type: "string", required: true },
    /** The name as the registry sorts it (`nameKey`: lower case, ё as е): the byTenant index is ordered by it. */
    sortName: { type: "string", required: true },
    birthDate: { type: "string" },
    birthYear: { type: "number" },
    category: { type: participantCategories, required: true },
    group: { type: "string" },
    email: { type: "string" },
    phone: { type: "string" },
    status: { type: participantStatuses, required: true },
    isMentor: { type: "boolean", required: true },
    isMentee: { type: "boolean", required: true },
    requests: { type: "list", items: { type: "string" } },
    needs: { type: "string" },
    competences: { type: "list", items: { type: "string" } },
    experience: { type: "string" },
    capacity: { type: "number" },
    partnerOrg: { type: "string" },
    /** Values of `sensitiveFlags` (validated by the schema). */
    sensitiveFlags: { type: "list", items: { type: "string" } },
    /** The consent currently in force and who signed it; absent when there is none. */
    consentId: { type: "string" },
    consentSigner: { type: signerKinds },
    /** As a mentor: mentees in active pairs (the capacity condition in activation reads it). */
    activeMentees: { type: "number", required: true, default: 0 },
    /** Entered a programme (was a member of a pair when it became active); counted by the KPIs. */
    engagedMentor: { type: "boolean", required: true, default: false },
    engagedMentee: { type: "boolean", required: true, default: false },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}", casing: "none" },
      sk: { field: "sk", composite: ["participantId"], template: "PERSON#${participantId}", casing: "none" },
    },
    byTenant: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["tenantId"], template: "T#${tenantId}#PERSONS", casing: "none" },
      sk: {
        field: "gsi1sk",
        composite: ["sortName", "participantId"],
        template: "PERSON#${sortName}#${participantId}",
        casing: "none",
      },
    },
  },
});

/** Consent to personal-data processing (DOMAIN.md §3.13), kept for the record after withdrawal. */
export const ConsentEntity = defineEntity({
  model: { entity: "consent", version: "1", service: "rnc" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    participantId: { type: "string", required: true, readOnly: true },
    consentId: { type: "string", required: true, readOnly: true },
    signerKind: { type: signerKinds, required: true },
    representativeName: { type: "string" },
    representativeRelation: { type: "string" },
    signedAt: { type: "string", required: true },
    document: { type: "string", required: true },
    scanRef: { type: "string" },
    withdrawnAt: { type: "string" },
    createdAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}", casing: "none" },
      sk: {
        field: "sk",
        composite: ["participantId", "consentId"],
        template: "PERSON#${participantId}#CONSENT#${consentId}",
        casing: "none",
      },
    },
  },
});

/** A person's place in a pair or group, kept in the person's card so their pairs are found without a scan. */
export const MembershipEntity = defineEntity({
  model: { entity: "membership", version: "1", service: "rnc" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    participantId: { type: "string", required: true, readOnly: true },
    pairId: { type: "string", required: true, readOnly: true },
    role: { type: memberRoles, required: true, readOnly: true },
    form: { type: formCodes, required: true },
    status: { type: membershipStatuses, required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}", casing: "none" },
      sk: { field: "sk", composite: ["participantId", "pairId"], template: "PERSON#${participantId}#PAIR#${pairId}", casing: "none" },
    },
  },
});
