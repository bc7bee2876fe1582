import { defineEntity } from "../lazy-entity";

/**
 * `importing` and `deleting` roadmaps are being written or deleted in several transactions: invisible, noted by a
 * RoadmapPendingEntity until the last transaction (or the recovery job) finishes them.
 */
export const roadmapStatuses = ["importing", "draft", "approved", "archived", "deleting"] as const;
/** The statuses of a roadmap that the views, and the institution's summary, show. */
export const visibleRoadmapStatuses: readonly (typeof roadmapStatuses)[number][] = ["draft", "approved", "archived"];
/** `nextDue` of an item with no open dated occurrence: the index condition keeps such items out of both due indexes. */
export const noDue = "none";
export const itemStatuses = ["planned", "in_progress", "done", "cancelled"] as const;

/**
 * A roadmap header. Its sections and items share the tenant partition under `ROADMAP#<roadmapId>…`, so one Query
 * (begins_with on the sort key) loads the whole roadmap. The counters are the per-roadmap progress summary the region
 * reads; they change in the same transaction as the items they count.
 */
export const RoadmapEntity = defineEntity({
  model: { entity: "roadmap", version: "1", service: "rnc" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    regionId: { type: "string", required: true, readOnly: true },
    roadmapId: { type: "string", required: true, readOnly: true },
    title: { type: "string", required: true },
    period: { type: "string", required: true },
    periodStart: { type: "string", required: true },
    periodEnd: { type: "string", required: true },
    approvedBy: { type: "string" },
    approvedAt: { type: "string" },
    approvalAct: { type: "string" },
    status: { type: roadmapStatuses, required: true },
    itemsTotal: { type: "number", required: true },
    itemsDone: { type: "number", required: true },
    itemsDoneOnTime: { type: "number", required: true },
    itemsCancelled: { type: "number", required: true },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}", casing: "none" },
      sk: { field: "sk", composite: ["roadmapId"], template: "ROADMAP#${roadmapId}", casing: "none" },
    },
    byRegion: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["regionId"], template: "R#${regionId}#ROADMAPS", casing: "none" },
      sk: { field: "gsi1sk", composite: ["tenantId", "roadmapId"], template: "T#${tenantId}#ROADMAP#${roadmapId}", casing: "none" },
    },
  },
});

/**
 * A roadmap being imported or deleted in several transactions: written in the transaction that makes its header
 * invisible (`importing`, `deleting`) and removed in the one that finishes. The hourly recovery job reads the notes
 * older than any request can run and finishes each: an import is discarded, a deletion completed. One partition for the
 * table: such operations are rare and short, so it holds a handful of notes at most.
 */
export const RoadmapPendingEntity = defineEntity({
  model: { entity: "roadmapPending", version: "1", service: "rnc" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    regionId: { type: "string", required: true, readOnly: true },
    roadmapId: { type: "string", required: true, readOnly: true },
    operation: { type: ["import", "delete"] as const, required: true, readOnly: true },
    startedAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byRoadmap: {
      pk: { field: "pk", composite: [], template: "ROADMAPS_PENDING", casing: "none" },
      sk: { field: "sk", composite: ["tenantId", "roadmapId"], template: "T#${tenantId}#ROADMAP#${roadmapId}", casing: "none" },
    },
  },
});

export const RoadmapSectionEntity = defineEntity({
  model: { entity: "roadmapSection", version: "1", service: "rnc" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    roadmapId: { type: "string", required: true, readOnly: true },
    sectionId: { type: "string", required: true, readOnly: true },
    number: { type: "string" },
    title: { type: "string", required: true },
    position: { type: "string", required: true },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}", casing: "none" },
      sk: {
        field: "sk",
        composite: ["roadmapId", "sectionId"],
        template: "ROADMAP#${roadmapId}#SECTION#${sectionId}",
        casing: "none",
      },
    },
  },
});

/**
 * A roadmap item with its occurrences (one for a one-off deadline, several for recurring ones, each with its own
 * status) kept inside the item: an item is one record, written whole (`put` with a version condition).
 *
 * `nextDue` is the due date of the item's earliest open (not done, not cancelled) dated occurrence; it is absent when
 * there is none it holds `noDue`, and the index condition leaves the item out of the sparse index:
 * gsi1 `R#<region>#OPEN` / `DUE#<date>#T#…`: the region's open items by due date — what the reminder job reads for a
 * region's dates (`Roadmap.dueBetween`), the overdue list and the counts.
 * Items of importing or archived roadmaps carry `noDue` too.
 */
export const RoadmapItemEntity = defineEntity({
  model: { entity: "roadmapItem", version: "1", service: "rnc" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    regionId: { type: "string", required: true, readOnly: true },
    roadmapId: { type: "string", required: true, readOnly: true },
    itemId: { type: "string", required: true, readOnly: true },
    sectionId: { type: "string" },
    position: { type: "string", required: true },
    number: { type: "string" },
    name: { type: "string", required: true },
    deadlineText: { type: "string" },
    deadline: { type: "any" },
    executors: { type: "string" },
    executorUserIds: { type: "list", items: { type: "string" } },
    result: { type: "string" },
    comments: { type: "string" },
    occurrences: { type: "any", required: true },
    status: { type: itemStatuses, required: true },
    nextDue: { type: "string", required: true },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}", casing: "none" },
      sk: { field: "sk", composite: ["roadmapId", "itemId"], template: "ROADMAP#${roadmapId}#ITEM#${itemId}", casing: "none" },
    },
    byRegionOpen: {
      index: "gsi1",
      condition: (attr) => attr.nextDue !== noDue,
      pk: { field: "gsi1pk", composite: ["regionId"], template: "R#${regionId}#OPEN", casing: "none" },
      sk: {
        field: "gsi1sk",
        composite: ["nextDue", "tenantId", "roadmapId", "itemId"],
        template: "DUE#${nextDue}#T#${tenantId}#ROADMAP#${roadmapId}#ITEM#${itemId}",
        casing: "none",
      },
    },
  },
});

/** A region's own roadmap template (sections with items, deadlines with «202_» blanks); one per region. */
export const RoadmapTemplateEntity = defineEntity({
  model: { entity: "roadmapTemplate", version: "1", service: "rnc" },
  attributes: {
    regionId: { type: "string", required: true, readOnly: true },
    title: { type: "string", required: true },
    sections: { type: "any", required: true },
    updatedAt: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byRegion: {
      pk: { field: "pk", composite: ["regionId"], template: "R#${regionId}", casing: "none" },
      sk: { field: "sk", composite: [], template: "ROADMAP_TEMPLATE", casing: "none" },
    },
  },
});

/** The institution's calendar feed link: only the SHA-256 of the secret is stored; regenerating replaces the item. */
export const RoadmapCalendarEntity = defineEntity({
  model: { entity: "roadmapCalendar", version: "1", service: "rnc" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    secretHash: { type: "string", required: true },
    createdAt: { type: "string", required: true },
  },
  indexes: {
    byTenant: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}", casing: "none" },
      sk: { field: "sk", composite: [], template: "CALENDAR", casing: "none" },
    },
    bySecret: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["secretHash"], template: "ICS#${secretHash}", casing: "none" },
      sk: { field: "gsi1sk", composite: [], template: "CALENDAR", casing: "none" },
    },
  },
});
