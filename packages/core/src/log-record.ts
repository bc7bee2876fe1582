/**
 * What the institution's simple registers share (the mentor-training log, partner organisations, rewards): a record
 * is created, replaced over the version read (an optional field left out is cleared) and deleted over the version
 * read, each write in one transaction with its audit entry. A write that finds the record changed meanwhile writes
 * nothing and answers 409 with the record as it is now.
 */
import { auditItem } from "./audit";
import type { AuditAction } from "./audit/actions";
import { nowIso } from "./auth/secret";
import { staleVersion } from "./institution";
import { replacement } from "./replacement";
import type { db } from "./service";
import { transactWithSummaries } from "./stats/summary";

type WriteBuilder = Parameters<typeof db.transaction.write>[0];
export type Entities = Parameters<WriteBuilder>[0];
type TransactItem = ReturnType<WriteBuilder>[number];
type Versioned = { tenantId: string; regionId: string; version: number; updatedAt: string };

export type LogRecord<Row extends Versioned, Info extends { version: number }, Optional extends keyof Row & string> = {
  /** The record of the signed-in institution by id, read consistently; throws the register's 404. */
  own(id: string): Promise<Row>;
  toInfo(row: Row): Info;
  /** Optional fields, cleared when an edit leaves them out. */
  optional: readonly Optional[];
  /** The register's writes inside the transaction, each conditional on `expected` (the version read). */
  patch(e: Entities, row: Row, set: Record<string, unknown>, cleared: Optional[], expected: number): TransactItem;
  remove(e: Entities, row: Row, expected: number): TransactItem;
  audit: { create: AuditAction; update: AuditAction; delete: AuditAction };
};

/** Writes a new record (`create`: the entity's create and any condition checks, in the transaction) with its audit entry. */
export async function createRecord(
  audit: AuditAction,
  row: { tenantId: string; regionId: string },
  id: string,
  create: (e: Entities) => TransactItem[],
): Promise<{ canceled: boolean }> {
  return transactWithSummaries(
    (e) => [...create(e), e.audit.create(auditItem(audit, id, { tenantId: row.tenantId, regionId: row.regionId })).commit()],
    [],
  );
}

/** Replaces the record's fields over the version given; answers the record as written. */
export async function replaceRecord<Row extends Versioned, Info extends { version: number }, Optional extends keyof Row & string>(
  spec: LogRecord<Row, Info, Optional>,
  id: string,
  input: Record<string, unknown> & { version: number },
): Promise<Info> {
  const row = await spec.own(id);
  const { version: expected, ...values } = input;
  if (row.version !== expected) throw staleVersion(spec.toInfo(row));
  const { set, cleared } = replacement(row, values, spec.optional);
  const next = { ...set, updatedAt: nowIso(), version: expected + 1 };
  const result = await transactWithSummaries(
    (e) => [
      spec.patch(e, row, next, cleared, expected),
      e.audit.create(auditItem(spec.audit.update, id, { tenantId: row.tenantId, regionId: row.regionId })).commit(),
    ],
    [],
  );
  if (result.canceled) throw staleVersion(spec.toInfo(await spec.own(id)));
  const written = { ...row, ...next } as Row;
  for (const key of cleared) delete written[key];
  return spec.toInfo(written);
}

/** Deletes the record over the version given. */
export async function deleteRecord<Row extends Versioned, Info extends { version: number }, Optional extends keyof Row & string>(
  spec: LogRecord<Row, Info, Optional>,
  id: string,
  expected: number,
): Promise<void> {
  const row = await spec.own(id);
  if (row.version !== expected) throw staleVersion(spec.toInfo(row));
  const result = await transactWithSummaries(
    (e) => [
      spec.remove(e, row, expected),
      e.audit.create(auditItem(spec.audit.delete, id, { tenantId: row.tenantId, regionId: row.regionId })).commit(),
    ],
    [],
  );
  if (result.canceled) throw staleVersion(spec.toInfo(await spec.own(id)));
}
