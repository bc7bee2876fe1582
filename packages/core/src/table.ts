/**
 * The single-table layout, shared by the SST stack (infra/table.ts) and the local
 * runtime (scripts/local), so both create exactly the same keys and indexes.
 *
 * - pk/sk: every tenant-owned partition key begins with the tenant id (`T#<tenantId>`); the one exception is the
 *   roadmaps' pending notes (`ROADMAPS_PENDING`), read only by the recovery job.
 * - gsi1: alternative lookups (user by email, institutions by region, ...).
 * - gsi2: items by due date, read by the reminder job (no scans).
 * - expiresAt: TTL attribute (epoch seconds) for tokens, markers and audit retention.
 */
export const tableKeys = {
  partitionKey: "pk",
  sortKey: "sk",
  ttlAttribute: "expiresAt",
  globalIndexes: {
    gsi1: { partitionKey: "gsi1pk", sortKey: "gsi1sk" },
    gsi2: { partitionKey: "gsi2pk", sortKey: "gsi2sk" },
  },
} as const;

export type GlobalIndexName = keyof typeof tableKeys.globalIndexes;
