import { defineEntity } from "../lazy-entity";

export const exportStatuses = ["queued", "running", "done", "failed"] as const;
export const exportFormats = ["xlsx", "csv"] as const;

/**
 * A consolidated export of a region: the job's status and progress, and where its file is. Region-owned (like
 * campaigns), so the partition is the region's; expires with the file (TTL, 7 days like the bucket's lifecycle).
 */
export const ExportEntity = defineEntity({
  model: { entity: "export", version: "1", service: "rnc" },
  attributes: {
    regionId: { type: "string", required: true, readOnly: true },
    exportId: { type: "string", required: true, readOnly: true },
    format: { type: exportFormats, required: true, readOnly: true },
    sheet: { type: "string", readOnly: true },
    /** The dashboard filters and the chosen campaign the export was asked with. */
    options: { type: "any", required: true, readOnly: true },
    status: { type: exportStatuses, required: true },
    progress: { type: "number", required: true },
    fileName: { type: "string" },
    fileKey: { type: "string" },
    error: { type: "string" },
    createdBy: { type: "string", required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    expiresAt: { type: "number", required: true, readOnly: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["regionId"], template: "R#${regionId}", casing: "none" },
      sk: { field: "sk", composite: ["exportId"], template: "EXPORT#${exportId}", casing: "none" },
    },
  },
});
