import { defineEntity } from "../lazy-entity";
import { trainingKinds } from "./labels";

/**
 * A mentor-training event the institution held or sent its mentors to (DOMAIN §3.20): the log monitoring counts
 * «Проведено мероприятий по обучению наставников» from. The region's report counts them on gsi1
 * (`R#<region>#TRAININGS`, by date).
 */
export const TrainingEntity = defineEntity({
  model: { entity: "training", version: "1", service: "rnc" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    regionId: { type: "string", required: true, readOnly: true },
    trainingId: { type: "string", required: true, readOnly: true },
    title: { type: "string", required: true },
    kind: { type: trainingKinds, required: true },
    date: { type: "string", required: true },
    organiser: { type: "string" },
    participants: { type: "number", required: true },
    certificates: { type: "boolean", required: true },
    note: { type: "string" },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}", casing: "none" },
      sk: { field: "sk", composite: ["trainingId"], template: "TRAINING#${trainingId}", casing: "none" },
    },
    byRegion: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["regionId"], template: "R#${regionId}#TRAININGS", casing: "none" },
      sk: { field: "gsi1sk", composite: ["date", "trainingId"], template: "${date}#${trainingId}", casing: "none" },
    },
  },
});
