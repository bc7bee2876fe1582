import { defineEntity } from "../lazy-entity";

/** A region's KPI settings: the programme's first year, yearly overrides of the default targets, the regional denominator. */
export const KpiTargetsEntity = defineEntity({
  model: { entity: "kpiTargets", version: "1", service: "rnc" },
  attributes: {
    regionId: { type: "string", required: true, readOnly: true },
    programmeStartYear: { type: "number", required: true },
    enterprisesInRegion: { type: "number" },
    /** year → indicator code → target, %. Only the values that differ from the defaults' source are kept. */
    overrides: { type: "any", required: true },
    updatedAt: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byRegion: {
      pk: { field: "pk", composite: ["regionId"], template: "R#${regionId}", casing: "none" },
      sk: { field: "sk", composite: [], template: "KPI#TARGETS", casing: "none" },
    },
  },
});
