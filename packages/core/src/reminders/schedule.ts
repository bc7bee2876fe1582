/** Pure calendar helpers for the reminder job: everything is computed in each region's own time zone. */
import { dateTimeFormat } from "../dates";

export const DIGEST_HOUR = 9;
/** ISO weekday of the weekly digests (Monday). */
export const WEEKLY_DIGEST_WEEKDAY = 1;

export type LocalTime = { date: string; hour: number; weekday: number };

/** The local calendar date (YYYY-MM-DD), hour (0–23) and ISO weekday (1 = Monday) of an instant in a time zone. */
export function localTime(now: Date, timeZone: string): LocalTime {
  const parts = Object.fromEntries(
    dateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      hourCycle: "h23",
      weekday: "short",
    })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  const weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(parts.weekday ?? "") + 1;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour), weekday };
}
