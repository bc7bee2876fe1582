/**
 * Deterministic randomness, calendar dates and ids for the synthetic region: the same seed gives the same region
 * (except the random part of the ids), so runs stay comparable.
 */
import { type IdKind, idPrefixes } from "@rnc/core";
import { ulid } from "ulid";

export type Rng = {
  (): number;
  /** An integer in [from, to]. */
  int(from: number, to: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
  shuffle<T>(list: readonly T[]): T[];
  /** Up to `n` distinct elements. */
  some<T>(list: readonly T[], n: number): T[];
};

/** mulberry32: small, fast and good enough for test data. */
export function rng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = next as Rng;
  r.int = (from, to) => from + Math.floor(next() * (to - from + 1));
  r.pick = (list) => list[Math.floor(next() * list.length)] as (typeof list)[number];
  r.chance = (p) => next() < p;
  r.shuffle = (list) => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as (typeof copy)[number], copy[i] as (typeof copy)[number]];
    }
    return copy;
  };
  r.some = (list, n) => r.shuffle(list).slice(0, Math.max(0, n));
  return r;
}

// Timestamps and calendar dates (ГГГГ-ММ-ДД; the arithmetic is the product's, @rnc/core/dates).

/** The earliest / latest of ISO dates or timestamps (compared as strings). */
export function minDate(...dates: string[]): string {
  let min = dates[0] as string;
  for (const date of dates) if (date < min) min = date;
  return min;
}
export function maxDate(...dates: string[]): string {
  let max = dates[0] as string;
  for (const date of dates) if (date > max) max = date;
  return max;
}

/** A moment of a working day in Moscow (08:00–17:59 local) on `date`, as the product's `nowIso()` would record it. */
export function at(date: string, r: Rng): string {
  const ms = Date.parse(`${date}T05:00:00.000Z`) + r.int(0, 10 * 3600 - 1) * 1000 + r.int(0, 999);
  return new Date(ms).toISOString();
}

/** A timestamp strictly after `after` (a few minutes to a few hours later), for writes that follow one another. */
export const later = (after: string, r: Rng, maxMinutes = 240) =>
  new Date(Date.parse(after) + r.int(1, maxMinutes) * 60_000 + r.int(0, 59_999)).toISOString();

/**
 * The product's id format (`createId`), with the ULID's time part at the moment the record was made. The random part
 * comes from Math.random: the default (one crypto call per character) was a quarter of the loader's CPU time.
 */
export const idAt = (kind: IdKind, iso: string) => `${idPrefixes[kind]}_${ulid(Date.parse(iso), Math.random).toLowerCase()}`;

/** The start year of the academic year `today` falls in (from 1 September). */
export const academicStartYear = (today: string) =>
  Number(today.slice(5, 7)) >= 9 ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1;

/** `count` split over weighted groups by the largest remainder (the parts always add up to `count`). */
export function apportion(count: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / total) * count);
  const parts = exact.map(Math.floor);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest);
  const missing = count - parts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) {
    const slot = order[k % order.length]?.i ?? 0;
    parts[slot] = (parts[slot] ?? 0) + 1;
  }
  return parts;
}
