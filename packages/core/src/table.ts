/**
 * The single-table layout, shared by the SST stack (infra/table.ts) and the local
 * runtime (scripts/local), so both create exactly the same keys and indexes.
 *
 * - pk/sk: every partition key of an institution's records begins with the tenant id (`T#<tenantId>`); users,
 *   invitations, sessions, throttles, reminder markers, regions and the roadmaps' pending notes are keyed outside it.
 * - gsi1: alternative lookups (user by email, institutions by region, ...), the region's summary items and the
 *   region's due dates the reminder job reads (open roadmap items, survey sendings, quiet pairs).
 * - gsi2: campaign deadlines by date (the reminder job; no scans), and scoped lists of users and invitations.
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
