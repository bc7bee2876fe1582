/**
 * The institution's summary item `T#<tenant>/STATS`: everything the region sees of one institution, none of it
 * personal, changed in the same transaction as each change it reflects. It is on gsi1 (`R#<region>#STATS#<shard>` /
 * `T#<tenant>`), so the regional roll-up reads one item per institution in a few parallel Queries (never a Scan).
 *
 * Attributes (prefixes keep them apart from the keys and from each other):
 * - `c#<counter>`: the registry and pair counters (ADD; see contribution.ts);
 * - `inst`: the institution's descriptors and headcounts (SET on every institution write);
 * - `s#<year>#<mentor|mentee>#<sum|count>`: that year's satisfaction scores from survey answers (ADD);
 * - `m#<campaignId>`: the institution's submission state in a monitoring campaign (SET on every submission write);
 * - `r#<roadmapId>`: a roadmap's status, period, item counters and `dues` (how many open items fall due on each date,
 *   so "overdue" is evaluated on the day of reading): SET whole when the roadmap is written, its counters and dues
 *   moved in the same transaction as each item change, REMOVEd with the roadmap.
 */
import { GetCommand, QueryCommand, TransactWriteCommand, type TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import { createWriteTransaction } from "electrodb";
import { ddb, tableName } from "../dynamo";
import { VisibleError } from "../error";
import type { InstitutionType } from "../labels";
import type { SatisfactionTally, SubmissionSource } from "../regionstats/rollup";
import type { Counts } from "./contribution";

export const COUNTER = "c#";
const INSTITUTION = "inst";
const SATISFACTION = "s#";
const SUBMISSION = "m#";
const ROADMAP = "r#";

export const summaryKey = (tenantId: string) => ({ pk: `T#${tenantId}`, sk: "STATS" });
/**
 * A region's summaries are spread over a few index partitions (by a hash of the tenant id) that are read in parallel:
 * a large region's roll-up is a handful of concurrent Queries instead of one long paginated one.
 */
export const SUMMARY_SHARDS = 4;
const shardOf = (tenantId: string) => {
  let hash = 0;
  for (const char of tenantId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % SUMMARY_SHARDS;
};
const shardKey = (regionId: string, shard: number) => `R#${regionId}#STATS#${shard}`;
export const regionSummaryKeys = (regionId: string, tenantId: string) => ({
  gsi1pk: shardKey(regionId, shardOf(tenantId)),
  gsi1sk: `T#${tenantId}`,
});

/** What the region knows of an institution itself (no contacts). */
export type InstitutionDescriptor = {
  shortName: string;
  fullName: string;
  type: InstitutionType;
  municipality: string;
  status: string;
  studentsTotal: number;
  students10to19: number;
  students15to19?: number;
  teachersTotal: number;
  youngTeachers: number;
};

export const descriptorOf = (row: InstitutionDescriptor): InstitutionDescriptor => ({
  shortName: row.shortName,
  fullName: row.fullName,
  type: row.type,
  municipality: row.municipality,
  status: row.status,
  studentsTotal: row.studentsTotal,
  students10to19: row.students10to19,
  ...(row.students15to19 === undefined ? {} : { students15to19: row.students15to19 }),
  teachersTotal: row.teachersTotal,
  youngTeachers: row.youngTeachers,
});

/** A roadmap as its institution's summary carries it. */
export type RoadmapState = {
  status: string;
  periodStart: string;
  periodEnd: string;
  itemsTotal: number;
  itemsDone: number;
  itemsDoneOnTime: number;
  itemsCancelled: number;
  /** Open items by their next due date. */
  dues: Record<string, number>;
};
export const roadmapCounters = ["itemsTotal", "itemsDone", "itemsDoneOnTime", "itemsCancelled"] as const;
export type RoadmapCounter = (typeof roadmapCounters)[number];

export type RoadmapChange = { roadmapId: string } & (
  | { put: RoadmapState }
  | { add: { counters: Record<RoadmapCounter, number>; dues: Record<string, number> } }
  | { status: string }
  | { remove: true }
);

export type SummaryChange = {
  tenantId: string;
  regionId: string;
  /** Added to the counters. */
  counts?: Counts;
  /** Replaces the descriptors. */
  institution?: InstitutionDescriptor;
  /** Added to the year's satisfaction tallies. */
  satisfaction?: { year: number; tally: SatisfactionTally };
  /** Replaces the institution's state in the campaign. */
  submission?: { campaignId: string } & SubmissionSource;
  roadmap?: RoadmapChange;
};

/** A submission's state as the summary carries it (`m#<campaignId>`): its status, and when and whether late it was submitted. */
export const submissionState = (row: { status: SubmissionSource["status"]; submittedAt?: string; late?: boolean }): SubmissionSource => ({
  status: row.status,
  ...(row.submittedAt === undefined ? {} : { submittedAt: row.submittedAt }),
  ...(row.late === undefined ? {} : { late: row.late }),
});

/**
 * The summary attributes a change touches, by how it touches them: numbers ADDed to top-level attributes (`c#…`,
 * `s#…`), values SET at a path (`inst`, `m#…`, `r#…` or a field of it), numbers added inside a map at a path (a
 * roadmap's counters and dues; zeros left out) and paths REMOVEd. Every count is kept, zeros too (an ADD of 0 still
 * creates the attribute); `summaryUpdate` leaves zero counts out.
 */
export type SummaryAttributes = {
  adds: [string, number][];
  sets: [string[], unknown][];
  increments: [string[], number][];
  removes: string[][];
};

export function summaryAttributes(change: Omit<SummaryChange, "tenantId" | "regionId">): SummaryAttributes {
  const adds: [string, number][] = Object.entries(change.counts ?? {}).map(([key, n]) => [`${COUNTER}${key}`, n]);
  if (change.satisfaction) {
    const { year, tally } = change.satisfaction;
    for (const side of ["mentor", "mentee"] as const) {
      if (tally[side].count === 0) continue;
      adds.push([`${SATISFACTION}${year}#${side}#sum`, tally[side].sum], [`${SATISFACTION}${year}#${side}#count`, tally[side].count]);
    }
  }
  const sets: [string[], unknown][] = [];
  const increments: [string[], number][] = [];
  const removes: string[][] = [];
  if (change.institution) sets.push([[INSTITUTION], descriptorOf(change.institution)]);
  if (change.submission) {
    const { campaignId, ...state } = change.submission;
    sets.push([[`${SUBMISSION}${campaignId}`], Object.fromEntries(Object.entries(state).filter(([, value]) => value !== undefined))]);
  }
  if (change.roadmap) {
    const path = `${ROADMAP}${change.roadmap.roadmapId}`;
    if ("put" in change.roadmap) sets.push([[path], change.roadmap.put]);
    if ("status" in change.roadmap) sets.push([[path, "status"], change.roadmap.status]);
    if ("remove" in change.roadmap) removes.push([path]);
    if ("add" in change.roadmap) {
      const { counters, dues } = change.roadmap.add;
      for (const [key, n] of Object.entries(counters)) if (n !== 0) increments.push([[path, key], n]);
      for (const [due, n] of Object.entries(dues)) if (n !== 0) increments.push([[path, "dues", due], n]);
    }
  }
  return { adds, sets, increments, removes };
}

/** A summary change as one transaction element; undefined when it changes nothing. */
export function summaryUpdate(change: SummaryChange): NonNullable<TransactWriteCommandInput["TransactItems"]>[number] | undefined {
  const counts = change.counts && Object.fromEntries(Object.entries(change.counts).filter(([, n]) => n !== 0));
  const { adds, sets, increments, removes } = summaryAttributes({ ...change, counts });
  if (adds.length === 0 && sets.length === 0 && increments.length === 0 && removes.length === 0) return undefined;

  const keys = regionSummaryKeys(change.regionId, change.tenantId);
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ":updatedAt": new Date().toISOString(), ":g1pk": keys.gsi1pk, ":g1sk": keys.gsi1sk };
  const placeholders = new Map<string, string>();
  const nameOf = (attribute: string) => {
    let placeholder = placeholders.get(attribute);
    if (!placeholder) {
      placeholder = `#n${placeholders.size}`;
      placeholders.set(attribute, placeholder);
      names[placeholder] = attribute;
    }
    return placeholder;
  };
  const pathOf = (path: string[]) => path.map(nameOf).join(".");
  const setClauses = [`${nameOf("updatedAt")} = :updatedAt`, `${nameOf("gsi1pk")} = :g1pk`, `${nameOf("gsi1sk")} = :g1sk`];
  sets.forEach(([path, value], i) => {
    values[`:s${i}`] = value;
    setClauses.push(`${pathOf(path)} = :s${i}`);
  });
  if (increments.length) values[":zero"] = 0;
  increments.forEach(([path, n], i) => {
    values[`:i${i}`] = n;
    setClauses.push(`${pathOf(path)} = if_not_exists(${pathOf(path)}, :zero) + :i${i}`);
  });
  const add = adds.map(([attribute], i) => {
    values[`:a${i}`] = adds[i]?.[1];
    return `${nameOf(attribute)} :a${i}`;
  });
  const expression = [
    `SET ${setClauses.join(", ")}`,
    ...(add.length ? [`ADD ${add.join(", ")}`] : []),
    ...(removes.length ? [`REMOVE ${removes.map(pathOf).join(", ")}`] : []),
  ].join(" ");
  // A change to a roadmap's entry needs the entry: one removed by a concurrent delete cancels the transaction (the
  // caller re-reads and answers 404), where an update of its missing path would be refused as invalid.
  const { roadmap } = change;
  const changesEntry = roadmap !== undefined && ("add" in roadmap || "status" in roadmap);
  return {
    Update: {
      TableName: tableName(),
      Key: summaryKey(change.tenantId),
      UpdateExpression: expression,
      ...(changesEntry ? { ConditionExpression: `attribute_exists(${nameOf(`${ROADMAP}${roadmap.roadmapId}`)})` } : {}),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/** The entities a transaction writes, by the names its builder takes them by: `{ participant: ParticipantEntity }`. */
export type TxEntitySet = Parameters<typeof createWriteTransaction>[0];
/** ElectroDB's transaction view of those entities, whose chains end in `commit()`. */
export type TxEntities<E extends TxEntitySet> = Parameters<Parameters<typeof createWriteTransaction<E, unknown, never[]>>[1]>[0];
/** Builds a transaction's ElectroDB writes (each chain's `commit()`) from the entities it names. */
export type WriteBuilder<E extends TxEntitySet> = (entities: TxEntities<E>) => readonly unknown[];
export type TransactionResult = { canceled: false } | { canceled: true; reasons: string[] };

/**
 * One DynamoDB transaction: the ElectroDB writes plus the changes of the institutions' summary items, so a summary
 * never changes without the change it reflects (and never the other way round). Returns `canceled` with the per-item
 * reasons (`reasons[i]` is item i's code, `"None"` where it was not the cause) when a condition failed or another
 * transaction interfered. At most one change per institution (a transaction touches an item once).
 *
 * Every transaction goes through here, with `[]` when it changes no summary (never ElectroDB's own `createWriteTransaction(...).go()`,
 * which answers a cancellation as invalid with `canceled` too): an item over the 400 KB limit is thrown, a 413.
 */
export async function transactWithSummaries<E extends TxEntitySet>(
  entities: E,
  build: WriteBuilder<E>,
  changes: readonly SummaryChange[],
): Promise<TransactionResult> {
  const params = createWriteTransaction(entities, build as never).params() as TransactWriteCommandInput;
  const updates = changes.flatMap((change) => summaryUpdate(change) ?? []);
  const items = [...(params.TransactItems ?? []), ...updates];
  if (items.length > 100) {
    throw new VisibleError("conflict", "transaction.too_large", "Слишком много изменений за одну операцию: разделите её на части");
  }
  if (items.length === 0) return { canceled: false };
  try {
    await ddb.send(new TransactWriteCommand({ TransactItems: items as TransactWriteCommandInput["TransactItems"] }));
    return { canceled: false };
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === "TransactionCanceledException" || name === "TransactionConflictException") {
      const reasons = ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map((r) => r.Code ?? "None");
      // An invalid item (one over the 400 KB limit) is no conflict: the caller's retry or 409 would not help.
      if (reasons.includes("ValidationError")) throw error;
      return { canceled: true, reasons };
    }
    throw error;
  }
}

/** A write another user's write got in the way of: nothing was saved, and trying again will do. */
export const transactionConflict = () =>
  new VisibleError(
    "conflict",
    "transaction.conflict",
    "Изменение не сохранено: эти данные одновременно изменил другой пользователь. Повторите попытку.",
  );

/** transactWithSummaries for writes no condition should stop: a cancellation is a conflict to retry. */
export async function transactOrFail<E extends TxEntitySet>(
  entities: E,
  build: WriteBuilder<E>,
  changes: readonly SummaryChange[],
): Promise<void> {
  const result = await transactWithSummaries(entities, build, changes);
  if (result.canceled) throw transactionConflict();
}

/** The institution's summary item as stored (one consistent GetItem). */
export async function readStored(tenantId: string): Promise<Record<string, unknown> | undefined> {
  return (await ddb.send(new GetCommand({ TableName: tableName(), Key: summaryKey(tenantId), ConsistentRead: true }))).Item;
}

/** The institution's counters (one consistent GetItem). */
export async function readCounts(tenantId: string): Promise<Counts> {
  const item = await readStored(tenantId);
  return item ? readSummary(item).counts : {};
}

/** A raw summary item, read. */
export type Summary = {
  tenantId: string;
  regionId: string;
  counts: Counts;
  institution?: InstitutionDescriptor;
  satisfaction(year: number): SatisfactionTally;
  submission(campaignId: string): SubmissionSource | undefined;
  roadmaps: ({ roadmapId: string } & RoadmapState)[];
};

/**
 * A counter attribute's name without its prefix, the same string object each time: a region's summaries share a few
 * hundred counter names, and reusing one (its hash already computed) instead of slicing a new string per attribute
 * saves about a quarter of readSummary's time over a thousand summaries. Bounded, in case names keep coming.
 */
const counterNames = new Map<string, string>();
function counterName(attribute: string): string {
  let name = counterNames.get(attribute);
  if (name === undefined) {
    if (counterNames.size >= 10_000) counterNames.clear();
    name = attribute.slice(COUNTER.length);
    counterNames.set(attribute, name);
  }
  return name;
}

const numberOrZero = (value: unknown) => (typeof value === "number" ? value : 0);

/**
 * A summary item, read: its counters and roadmaps in one pass over the attributes (the roll-up reads a thousand of
 * these per request), its satisfaction tallies and submission states when asked. The methods are the class's, not
 * closures made for each item.
 */
class StoredSummary implements Summary {
  readonly tenantId: string;
  readonly regionId: string;
  readonly counts: Counts = {};
  readonly institution?: InstitutionDescriptor;
  readonly roadmaps: Summary["roadmaps"] = [];
  readonly #item: Record<string, unknown>;

  constructor(item: Record<string, unknown>) {
    this.#item = item;
    this.tenantId = String(item.pk).slice(2);
    this.regionId = String(item.gsi1pk ?? "").replace(/^R#|#STATS#\d+$/g, "");
    this.institution = item[INSTITUTION] as InstitutionDescriptor | undefined;
    for (const key in item) {
      const value = item[key];
      if (key.startsWith(COUNTER)) {
        if (typeof value === "number") this.counts[counterName(key)] = value;
      } else if (key.startsWith(ROADMAP)) this.roadmaps.push({ roadmapId: key.slice(ROADMAP.length), ...(value as RoadmapState) });
    }
  }

  satisfaction(year: number): SatisfactionTally {
    return { mentor: this.#tally(year, "mentor"), mentee: this.#tally(year, "mentee") };
  }

  submission(campaignId: string): SubmissionSource | undefined {
    return this.#item[`${SUBMISSION}${campaignId}`] as SubmissionSource | undefined;
  }

  #tally(year: number, side: "mentor" | "mentee") {
    return {
      sum: numberOrZero(this.#item[`${SATISFACTION}${year}#${side}#sum`]),
      count: numberOrZero(this.#item[`${SATISFACTION}${year}#${side}#count`]),
    };
  }
}

export const readSummary = (item: Record<string, unknown>): Summary => new StoredSummary(item);

/** Every summary of a region: one paginated Query per shard of gsi1 `R#<region>#STATS#<n>`, in parallel; one item per institution. */
export async function regionSummaries(regionId: string): Promise<Summary[]> {
  const shards = await Promise.all(
    Array.from({ length: SUMMARY_SHARDS }, async (_, shard) => {
      const summaries: Summary[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await ddb.send(
          new QueryCommand({
            TableName: tableName(),
            IndexName: "gsi1",
            KeyConditionExpression: "gsi1pk = :pk",
            ExpressionAttributeValues: { ":pk": shardKey(regionId, shard) },
            ExclusiveStartKey: start,
          }),
        );
        for (const item of page.Items ?? []) summaries.push(readSummary(item));
        start = page.LastEvaluatedKey;
      } while (start);
      return summaries;
    }),
  );
  return shards.flat();
}
