import { defineEntity } from "../lazy-entity";
import { formCodes } from "../forms/catalogue";
import { pairStatuses } from "../stats/contribution";

export const meetingStages = ["introduction", "trial", "planning", "joint_work", "final"] as const;
export const meetingFormats = ["in_person", "remote"] as const;
export const taskStatuses = ["planned", "in_progress", "done", "cancelled"] as const;

/** A mentor with one or more mentees. The pair, its plan and its meetings share `PAIR#<id>`: one Query. */
export const PairEntity = defineEntity({
  model: { entity: "pair", version: "1", service: "rnc" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    pairId: { type: "string", required: true, readOnly: true },
    form: { type: formCodes, required: true },
    mentorId: { type: "string", required: true, readOnly: true },
    menteeIds: { type: "list", items: { type: "string" }, required: true, readOnly: true },
    startDate: { type: "string", required: true },
    endDate: { type: "string", required: true },
    note: { type: "string" },
    status: { type: pairStatuses, required: true },
    agreement: {
      type: "map",
      properties: {
        signedAt: { type: "string", required: true },
        document: { type: "string", required: true },
        scanRef: { type: "string" },
        representatives: {
          type: "list",
          items: {
            type: "map",
            properties: {
              participantId: { type: "string", required: true },
              name: { type: "string", required: true },
              relation: { type: "string", required: true },
            },
          },
        },
      },
    },
    activatedAt: { type: "string" },
    endedAt: { type: "string" },
    terminationReason: { type: "string" },
    results: { type: "string" },
    reflection: { type: "string" },
    lastMeetingDate: { type: "string" },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}", casing: "none" },
      sk: { field: "sk", composite: ["pairId"], template: "PAIR#${pairId}", casing: "none" },
    },
    byTenant: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["tenantId"], template: "T#${tenantId}#PAIRS", casing: "none" },
      // By status, then id (time order): a board column is one Query, newest first.
      sk: { field: "gsi1sk", composite: ["status", "pairId"], template: "PAIR#${status}#${pairId}", casing: "none" },
    },
  },
});

/** The individual plan (индивидуальный план): goals and dated tasks, edited as one versioned item. */
export const PlanEntity = defineEntity({
  model: { entity: "plan", version: "1", service: "rnc" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    pairId: { type: "string", required: true, readOnly: true },
    goals: { type: "list", items: { type: "string" }, required: true },
    tasks: {
      type: "list",
      required: true,
      items: {
        type: "map",
        properties: {
          taskId: { type: "string", required: true },
          title: { type: "string", required: true },
          dueDate: { type: "string" },
          status: { type: taskStatuses, required: true },
        },
      },
    },
    updatedAt: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}", casing: "none" },
      sk: { field: "sk", composite: ["pairId"], template: "PAIR#${pairId}#PLAN", casing: "none" },
    },
  },
});

/** A diary entry: one meeting of the pair with both sides' feedback. */
export const MeetingEntity = defineEntity({
  model: { entity: "meeting", version: "1", service: "rnc" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    pairId: { type: "string", required: true, readOnly: true },
    meetingId: { type: "string", required: true, readOnly: true },
    date: { type: "string", required: true },
    stage: { type: meetingStages, required: true },
    durationMinutes: { type: "number", required: true },
    format: { type: meetingFormats },
    notes: { type: "string" },
    mentorFeedback: { type: "string" },
    menteeFeedback: { type: "string" },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}", casing: "none" },
      sk: { field: "sk", composite: ["pairId", "meetingId"], template: "PAIR#${pairId}#MEETING#${meetingId}", casing: "none" },
    },
  },
});

/**
 * The day an active pair becomes inactive if no meeting is recorded (last meeting or activation + 45 days).
 * Written in the same transactions that activate a pair or record a meeting, deleted when the pair ends;
 * the reminder job reads a region's pairs going quiet on a date from gsi1 without touching any other pair.
 */
export const PairQuietEntity = defineEntity({
  model: { entity: "pairQuiet", version: "1", service: "rnc" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    pairId: { type: "string", required: true, readOnly: true },
    regionId: { type: "string", required: true },
    quietOn: { type: "string", required: true },
  },
  indexes: {
    byPair: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}", casing: "none" },
      sk: { field: "sk", composite: ["pairId"], template: "PAIRQUIET#${pairId}", casing: "none" },
    },
    byRegionDate: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["regionId"], template: "R#${regionId}#QUIET", casing: "none" },
      sk: {
        field: "gsi1sk",
        composite: ["quietOn", "tenantId", "pairId"],
        template: "${quietOn}#T#${tenantId}#${pairId}",
        casing: "none",
      },
    },
  },
});
