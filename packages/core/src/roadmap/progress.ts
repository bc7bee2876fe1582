/**
 * Item status, overdue and progress arithmetic. Pure: "today" is always passed in (the region's calendar date), so the
 * same rules serve the editor, the region's view, the reminder job and table-driven tests.
 */
import type { itemStatuses } from "./roadmap.entity";

export type ItemStatus = (typeof itemStatuses)[number];
export type Evidence = { note?: string; documentNumber?: string; link?: string };
/** One due date of an item (or the single undated one, key `undated`), with its own status. */
export type OccurrenceState = { key: string; due?: string; status: ItemStatus; completedAt?: string; evidence?: Evidence };

export const undatedKey = "undated";
export const isOpen = (status: ItemStatus) => status === "planned" || status === "in_progress";

/** An item is done when every occurrence is closed and one is done, cancelled when all are, in progress when any work began. */
export function itemStatus(occurrences: OccurrenceState[]): ItemStatus {
  if (occurrences.length === 0) return "planned";
  if (occurrences.every((o) => o.status === "cancelled")) return "cancelled";
  if (occurrences.every((o) => !isOpen(o.status))) return "done";
  if (occurrences.some((o) => o.status === "in_progress" || o.status === "done")) return "in_progress";
  return "planned";
}

/** The earliest due date among open dated occurrences: what the due indexes hold and what makes an item overdue. */
export function nextDue(occurrences: OccurrenceState[]): string | undefined {
  return occurrences
    .filter((o) => o.due && isOpen(o.status))
    .map((o) => o.due as string)
    .sort()[0];
}

/** Done, and every done dated occurrence was completed on or before its due date. */
export function doneOnTime(occurrences: OccurrenceState[]): boolean {
  return (
    itemStatus(occurrences) === "done" &&
    occurrences.every((o) => o.status !== "done" || !o.due || (o.completedAt !== undefined && o.completedAt <= o.due))
  );
}

export const isOverdue = (due: string | undefined, today: string) => due !== undefined && due < today;
export const monthEnd = (today: string) => {
  const [y, m] = today.split("-").map(Number) as [number, number];
  return `${today.slice(0, 7)}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
};
/**
 * Still due this month: the next open due date lies between today and the end of the month (overdue ones are counted
 * as overdue). `end` is the month's end, for a caller that asks of many dates.
 */
export const isDueThisMonth = (due: string | undefined, today: string, end = monthEnd(today)) =>
  due !== undefined && due >= today && due <= end;

/** The counters kept on the roadmap header (changed in the same transaction as the item). */
export type Counters = { itemsTotal: number; itemsDone: number; itemsDoneOnTime: number; itemsCancelled: number };
export function countersOf(occurrences: OccurrenceState[] | undefined): Counters {
  if (!occurrences) return { itemsTotal: 0, itemsDone: 0, itemsDoneOnTime: 0, itemsCancelled: 0 };
  const status = itemStatus(occurrences);
  return {
    itemsTotal: 1,
    itemsDone: status === "done" ? 1 : 0,
    itemsDoneOnTime: doneOnTime(occurrences) ? 1 : 0,
    itemsCancelled: status === "cancelled" ? 1 : 0,
  };
}
export const addCounters = (a: Counters, b: Counters, sign = 1): Counters => ({
  itemsTotal: a.itemsTotal + sign * b.itemsTotal,
  itemsDone: a.itemsDone + sign * b.itemsDone,
  itemsDoneOnTime: a.itemsDoneOnTime + sign * b.itemsDoneOnTime,
  itemsCancelled: a.itemsCancelled + sign * b.itemsCancelled,
});

export type Progress = {
  /** Items in work: all items except cancelled ones; the shares are of these. */
  active: number;
  total: number;
  done: number;
  doneOnTime: number;
  overdue: number;
  dueThisMonth: number;
  cancelled: number;
  donePercent: number;
  doneOnTimePercent: number;
  overduePercent: number;
  dueThisMonthPercent: number;
};

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10);

/** Open items counted by their next due date (one without a due date is not counted), as the institution's summary keeps them. */
export type Dues = Readonly<Record<string, number>>;

export function duesOf(nextDues: readonly (string | undefined)[]): Record<string, number> {
  const dues: Record<string, number> = {};
  for (const due of nextDues) if (due !== undefined) dues[due] = (dues[due] ?? 0) + 1;
  return dues;
}

/**
 * Progress from the header counters plus the open items by their next due date: a count per date, so a region's
 * roll-up reads each institution's dues as they are stored, never one date per item.
 */
export function progressOf(counters: Counters, dues: Dues, today: string): Progress {
  const active = counters.itemsTotal - counters.itemsCancelled;
  const end = monthEnd(today);
  let overdue = 0;
  let dueThisMonth = 0;
  for (const due in dues) {
    const n = Math.max(dues[due] ?? 0, 0);
    if (isOverdue(due, today)) overdue += n;
    else if (isDueThisMonth(due, today, end)) dueThisMonth += n;
  }
  return {
    active,
    total: counters.itemsTotal,
    done: counters.itemsDone,
    doneOnTime: counters.itemsDoneOnTime,
    overdue,
    dueThisMonth,
    cancelled: counters.itemsCancelled,
    donePercent: percent(counters.itemsDone, active),
    doneOnTimePercent: percent(counters.itemsDoneOnTime, active),
    overduePercent: percent(overdue, active),
    dueThisMonthPercent: percent(dueThisMonth, active),
  };
}
