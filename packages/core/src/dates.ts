/** Calendar-date arithmetic on ISO dates (YYYY-MM-DD; a longer ISO timestamp is read by its date), in UTC. */

/** The time zone of a region that has none set, and of dates written with no region at hand. */
export const DEFAULT_TIME_ZONE = "Europe/Moscow";

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.slice(0, 10).split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date.slice(0, 10)}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * An Intl.DateTimeFormat, built once per locale and options: building one costs about 0.2 ms, formatting with it a
 * few microseconds (time zones and layouts are few, so the cache stays small).
 */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/** A region's calendar: its today (YYYY-MM-DD) and its time zone (for the calendar day of an instant). */
export type Calendar = { today: string; timeZone: string };

/** The last date worked out per time zone, with the UTC minute it holds for. */
const todays = new Map<string, { minute: number; today: string }>();

/**
 * Today's calendar date (YYYY-MM-DD) in a time zone. Every zone's offset today is a whole number of minutes, so its date
 * only changes on a UTC minute: the date worked out for an instant holds for the rest of its minute, and formatting
 * (about 30 µs, on most requests) runs once a minute per zone.
 */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  const known = todays.get(timeZone);
  if (known?.minute === minute) return known.today;
  const today = dateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  todays.set(timeZone, { minute, today });
  return today;
}

/**
 * Today's date in Russia's easternmost time zone (UTC+12): no later date has begun anywhere in the country. For "not in
 * the future" checks that have no region at hand (a shared form rule), so that no region's today is refused.
 */
export function latestTodayInRussia(now: Date = new Date()): string {
  return todayIn("Asia/Kamchatka", now);
}
