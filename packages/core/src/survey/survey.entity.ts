import { defineEntity } from "../lazy-entity";

export const surveyAudiences = ["mentor", "mentee", "any"] as const;
export const surveyPurposes = ["satisfaction", "growth", "custom"] as const;
export const surveyStatuses = ["draft", "open", "closed"] as const;
export const surveyPhases = ["entry", "exit"] as const;

/**
 * A questionnaire of an institution. Its questions are frozen once the first link is sent. `sendings` names the
 * sendings whose links were all written (see SurveyLinkEntity): only their links count.
 */
export const SurveyEntity = defineEntity({
  model: { entity: "survey", version: "1", service: "rnc" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    regionId: { type: "string", required: true, readOnly: true },
    surveyId: { type: "string", required: true, readOnly: true },
    title: { type: "string", required: true },
    description: { type: "string" },
    audience: { type: surveyAudiences, required: true },
    purpose: { type: surveyPurposes, required: true },
    template: { type: "string" },
    questions: { type: "any", required: true },
    status: { type: surveyStatuses, required: true },
    sentCount: { type: "number", required: true },
    responseCount: { type: "number", required: true },
    sendings: { type: "set", items: "string" },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}", casing: "none" },
      sk: { field: "sk", composite: ["surveyId"], template: "SURVEY#${surveyId}", casing: "none" },
    },
  },
});

/**
 * A one-time link for one respondent. Only the token's hash is stored; the link is found by it on gsi1.
 * Used once (usedAt is set in the same transaction as the response), expires at expiresAt.
 * The respondent is named by their register id only: the name and address are read from the register, so an erased
 * person leaves no copy here (`name` and `email` are on links written before that; `npm run migrate` removes them).
 * A sending's links are written in several transactions and count only once the survey names their `sendingId`
 * (links without one predate sendings and count).
 */
export const SurveyLinkEntity = defineEntity({
  model: { entity: "surveyLink", version: "1", service: "rnc" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    regionId: { type: "string", required: true, readOnly: true },
    surveyId: { type: "string", required: true, readOnly: true },
    linkId: { type: "string", required: true, readOnly: true },
    tokenHash: { type: "string", required: true, readOnly: true },
    participantId: { type: "string", required: true, readOnly: true },
    sendingId: { type: "string", readOnly: true },
    name: { type: "string" },
    email: { type: "string" },
    delivery: { type: ["email", "print"] as const, required: true, readOnly: true },
    phase: { type: surveyPhases, readOnly: true },
    programme: { type: "string", readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
    expiresAt: { type: "string", required: true, readOnly: true },
    usedAt: { type: "string" },
  },
  indexes: {
    bySurvey: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}", casing: "none" },
      sk: { field: "sk", composite: ["surveyId", "linkId"], template: "SURVEYLINK#${surveyId}#${linkId}", casing: "none" },
    },
    byToken: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["tokenHash"], template: "SURVEYLINK#${tokenHash}", casing: "none" },
      sk: { field: "gsi1sk", composite: [], template: "LINK", casing: "none" },
    },
  },
});

/**
 * That a participant has answered a survey (at a phase, for a growth survey): written with the answer, on the condition
 * that it is not there yet, so that a second link sent to the same person cannot count their answers twice. It names
 * the person, as their used link does, and nothing of the answers.
 */
export const SurveyAnsweredEntity = defineEntity({
  model: { entity: "surveyAnswered", version: "1", service: "rnc" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    surveyId: { type: "string", required: true, readOnly: true },
    participantId: { type: "string", required: true, readOnly: true },
    /** The growth survey's phase; `once` for the others. */
    round: { type: ["entry", "exit", "once"] as const, required: true, readOnly: true },
    answeredAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byParticipant: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}", casing: "none" },
      sk: {
        field: "sk",
        composite: ["surveyId", "participantId", "round"],
        template: "SURVEYANSWERED#${surveyId}#${participantId}#${round}",
        casing: "none",
      },
    },
  },
});

/** The round a link's answer belongs to: its growth survey's phase, or the survey's only one. */
export const roundOf = (link: { phase?: (typeof surveyPhases)[number] }) => link.phase ?? "once";

/** One set of answers. It names no respondent: the link it came through is not recorded on it. */
export const SurveyResponseEntity = defineEntity({
  model: { entity: "surveyResponse", version: "1", service: "rnc" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    surveyId: { type: "string", required: true, readOnly: true },
    responseId: { type: "string", required: true, readOnly: true },
    phase: { type: surveyPhases, readOnly: true },
    programme: { type: "string", readOnly: true },
    answers: { type: "any", required: true, readOnly: true },
    submittedAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    bySurvey: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}", casing: "none" },
      sk: { field: "sk", composite: ["surveyId", "responseId"], template: "SURVEYRESP#${surveyId}#${responseId}", casing: "none" },
    },
  },
});

/**
 * A sending's reminder date: three days before its links expire the curator is reminded of the answers still
 * missing. Written with the sending; the reminder job reads a region's dates from gsi1.
 */
export const SurveyDueEntity = defineEntity({
  model: { entity: "surveyDue", version: "1", service: "rnc" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    regionId: { type: "string", required: true, readOnly: true },
    surveyId: { type: "string", required: true, readOnly: true },
    expiresOn: { type: "string", required: true, readOnly: true },
    remindOn: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    bySending: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}", casing: "none" },
      sk: { field: "sk", composite: ["surveyId", "expiresOn"], template: "SURVEYDUE#${surveyId}#${expiresOn}", casing: "none" },
    },
    byRegionDate: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["regionId"], template: "R#${regionId}#SURVEYDUE", casing: "none" },
      sk: {
        field: "gsi1sk",
        composite: ["remindOn", "tenantId", "surveyId"],
        template: "${remindOn}#T#${tenantId}#${surveyId}",
        casing: "none",
      },
    },
  },
});
