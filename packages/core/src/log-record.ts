/**
 * What the institution's simple registers share (the mentor-training log, partner organisations, rewards, the media
 * plan, accessibility measures): a record of the signed-in institution is read by id, created, replaced over the
 * version read (an optional field left out is cleared) and deleted over the version read, each write in one
 * transaction with its audit entry and the register's own guards (`alongside`). A write that finds the record changed
 * meanwhile writes nothing and answers 409 with the record as it is now; one cancelled by a guard is explained by the
 * register (`explain`).
 */
import { useRegionID, useTenantID } from "./actor";
import { auditItem } from "./audit";
import type { AuditAction } from "./audit/actions";
import { nowIso } from "./auth/secret";
import type { VisibleError } from "./error";
import { type IdKind, createId, isId } from "./id";
import { type Permission, assertCan } from "./permissions";
import { staleVersion } from "./institution";
import { replacement } from "./replacement";
import { AuditEntity } from "./audit/audit.entity";
import { ParticipantEntity } from "./participant/participant.entity";
import { UniqueEntity } from "./region/region.entity";
import { type TxEntities, transactWithSummaries, transactionConflict } from "./stats/summary";

/** What the registers' guards write besides the record (a name's claim, a check of the person), and the audit entry. */
const entities = { unique: UniqueEntity, participant: ParticipantEntity, audit: AuditEntity };
type Entities = TxEntities<typeof entities>;
type Versioned = { tenantId: string; regionId: string; version: number; updatedAt: string };

/** The part of an ElectroDB entity the registers' writes use (every register's entity has it). */
type Condition = (attr: { version: unknown }, op: { eq(attribute: unknown, value: unknown): string }) => string;
type Conditional = { where(condition: Condition): { commit(): unknown } };
type Writable = {
  create(row: object): { commit(): unknown };
  patch(key: object): { set(values: object): Conditional & { remove(names: readonly string[]): Conditional } };
  delete(key: object): Conditional;
};
type Readable = { get(key: object): { go(options: { consistent: true }): Promise<{ data: unknown }> } };

export type LogRecord<Row extends Versioned, Info extends { version: number }, Optional extends keyof Row & string> = {
  /** The register's entity: read by id with `get`, written in the transactions below. */
  entity: object;
  idKind: IdKind;
  key(tenantId: string, id: string): object;
  notFound(): VisibleError;
  toInfo(row: Row): Info;
  /** Optional fields, cleared when an edit leaves them out. */
  optional: readonly Optional[];
  audit: { create: AuditAction; update: AuditAction; delete: AuditAction };
  /** More writes of the same transaction (claims, condition checks), given the record before and after the write. */
  alongside?(e: Entities, before: Row | undefined, after: Row | undefined): unknown[];
  /** Throws the register's own error when a guard cancelled the write (`after` as it would have been written). */
  explain?(before: Row | undefined, after: Row | undefined): Promise<void>;
};

type Spec<Row extends Versioned> = LogRecord<Row, { version: number }, keyof Row & string>;

// ElectroDB's chains end in `commit()` whichever way an entity is reached; only its types reserve it for transactions.
const writable = (spec: { entity: object }) => spec.entity as Writable;
const audited = (e: Entities, action: AuditAction, id: string, row: Versioned) =>
  e.audit.create(auditItem(action, id, { tenantId: row.tenantId, regionId: row.regionId })).commit();
const ifVersion =
  (expected: number): Condition =>
  (attr, op) =>
    op.eq(attr.version, expected);

/** The record of the signed-in institution by id, read consistently; the register's 404 when there is none. */
export async function ownRecord<Row extends Versioned>(spec: Spec<Row>, id: string): Promise<Row> {
  if (!isId(spec.idKind, id)) throw spec.notFound();
  const row = (await (spec.entity as Readable).get(spec.key(useTenantID(), id)).go({ consistent: true })).data as Row | null;
  if (!row) throw spec.notFound();
  return row;
}

/** After a cancelled write of a record read as `before`: stale if it changed (or 404 if gone), else the guard's reason. */
async function cancelled<Row extends Versioned>(spec: Spec<Row>, id: string, before: Row, after: Row | undefined): Promise<never> {
  const current = await ownRecord(spec, id);
  if (current.version !== before.version) throw staleVersion(spec.toInfo(current));
  await spec.explain?.(before, after);
  throw transactionConflict();
}

/**
 * Writes a new record of the signed-in institution from the register's fields, stamped with a new id (its key), the
 * institution and region, times and version 1, with its audit entry and guards; an empty optional field is not stored,
 * as an edit would clear it.
 */
export async function createRecord<Row extends Versioned>(spec: Spec<Row>, fields: object): Promise<Row> {
  const now = nowIso();
  const id = createId(spec.idKind);
  const stamped = { ...fields, ...spec.key(useTenantID(), id), regionId: useRegionID(), createdAt: now, updatedAt: now, version: 1 };
  const row = Object.fromEntries(Object.entries(stamped).filter(([, value]) => value !== "")) as Row;
  const result = await transactWithSummaries(
    entities,
    (e) => [writable(spec).create(row).commit(), ...(spec.alongside?.(e, undefined, row) ?? []), audited(e, spec.audit.create, id, row)],
    [],
  );
  if (result.canceled) {
    await spec.explain?.(undefined, row);
    throw transactionConflict();
  }
  return row;
}

/** Replaces the record's fields over the version given; answers the record as written. */
export async function replaceRecord<Row extends Versioned, Info extends { version: number }, Optional extends keyof Row & string>(
  spec: LogRecord<Row, Info, Optional>,
  id: string,
  input: Record<string, unknown> & { version: number },
): Promise<Info> {
  const row = await ownRecord(spec, id);
  const { version: expected, ...values } = input;
  if (row.version !== expected) throw staleVersion(spec.toInfo(row));
  const { set, cleared } = replacement(row, values, spec.optional);
  const next = { ...set, updatedAt: nowIso(), version: expected + 1 };
  const written = { ...row, ...next } as Row;
  for (const key of cleared) delete written[key];
  const result = await transactWithSummaries(
    entities,
    (e) => {
      const patch = writable(spec).patch(spec.key(row.tenantId, id)).set(next);
      return [
        (cleared.length > 0 ? patch.remove(cleared) : patch).where(ifVersion(expected)).commit(),
        ...(spec.alongside?.(e, row, written) ?? []),
        audited(e, spec.audit.update, id, row),
      ];
    },
    [],
  );
  if (result.canceled) return cancelled(spec, id, row, written);
  return spec.toInfo(written);
}

/** Deletes the record over the version given. */
export async function deleteRecord<Row extends Versioned>(spec: Spec<Row>, id: string, expected: number): Promise<void> {
  const row = await ownRecord(spec, id);
  if (row.version !== expected) throw staleVersion(spec.toInfo(row));
  const result = await transactWithSummaries(
    entities,
    (e) => [
      writable(spec).delete(spec.key(row.tenantId, id)).where(ifVersion(expected)).commit(),
      ...(spec.alongside?.(e, row, undefined) ?? []),
      audited(e, spec.audit.delete, id, row),
    ],
    [],
  );
  if (result.canceled) await cancelled(spec, id, row, undefined);
}

/** A register's edit and deletion as its routes call them, each allowed to the roles with `permission`. */
export function recordChanges<Row extends Versioned, Info extends { version: number }, Optional extends keyof Row & string>(
  spec: LogRecord<Row, Info, Optional>,
  permission: Permission,
) {
  return {
    /** Replaces the record's fields (an optional one left out or empty is cleared), over the version read. */
    async update(id: string, input: Record<string, unknown> & { version: number }): Promise<Info> {
      assertCan(permission);
      return replaceRecord(spec, id, input);
    },
    /** Deletes the record over the version read. */
    async remove(id: string, expected: number): Promise<void> {
      assertCan(permission);
      await deleteRecord(spec, id, expected);
    },
  };
}
