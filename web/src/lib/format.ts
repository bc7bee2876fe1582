/**
 * ДД.ММ.ГГГГ and ДД.ММ.ГГГГ ЧЧ:ММ (a calendar date as written, a timestamp in a time zone), and "Мария Сергеевна" from
 * "Иванова Мария Сергеевна": the same helpers the server's emails and exports use. Timestamps are shown in the
 * signed-in user's region's time zone (the one its deadlines and lateness are judged in), Moscow before sign-in.
 */
import { DEFAULT_TIME_ZONE, todayIn } from "@rnc/core/dates";
import { formatDate as formatDateIn, formatDateTime as formatDateTimeIn } from "@rnc/core/ru";

export { addressName } from "@rnc/core/ru";

let shownTimeZone = DEFAULT_TIME_ZONE;

/** Set on sign-in from the user's region (a platform administrator has none: Moscow). */
export function showTimesIn(timeZone: string | undefined): void {
  shownTimeZone = timeZone ?? DEFAULT_TIME_ZONE;
}

export const formatDate = (value: string, timeZone: string = shownTimeZone) => formatDateIn(value, timeZone);
export const formatDateTime = (value: string, timeZone: string = shownTimeZone) => formatDateTimeIn(value, timeZone);

/** Today's date (YYYY-MM-DD) in the user's region's calendar: the day the server dates and checks entries against. */
export const todayIso = () => todayIn(shownTimeZone);

/** True for a date that exists in the calendar (not 31.02 or 29.02 of a common year). */
const exists = (year: number, month: number, day: number) => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** ДД.ММ.ГГГГ typed by a person → ГГГГ-ММ-ДД for the API (an ISO date passes through); undefined unless the date exists. */
export function parseRuDate(value: string): string | undefined {
  const text = value.trim();
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [year, month, day] = ru ? [ru[3], ru[2], ru[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!year || !month || !day || !exists(Number(year), Number(month), Number(day))) return undefined;
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

/** The message for a date field whose text parseRuDate refused. */
export const dateProblem = (label: string, several = false) =>
  `${label}: укажите ${several ? "существующие даты" : "существующую дату"} в формате ДД.ММ.ГГГГ`;

/** A number as a person types it («12,5», «12.5», «3 080»); undefined for anything else (letters, «1e2», two commas). */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(/\s/g, "");
  return /^-?\d+(?:[.,]\d+)?$/.test(trimmed) ? Number(trimmed.replace(",", ".")) : undefined;
}
