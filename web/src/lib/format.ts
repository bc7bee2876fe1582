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
