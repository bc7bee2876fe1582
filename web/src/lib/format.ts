import { DEFAULT_TIME_ZONE, dateTimeFormat } from "@rnc/core/dates";

/** The formatters come from core's cache (one per time zone and layout), not built again on every call. */
const dateFormat = (timeZone: string) => dateTimeFormat("ru-RU", { timeZone, day: "2-digit", month: "2-digit", year: "numeric" });
const timeFormat = (timeZone: string) => dateTimeFormat("ru-RU", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** ДД.ММ.ГГГГ: a calendar date ("2026-09-01") as written, a timestamp in the given time zone. */
export function formatDate(value: string, timeZone = DEFAULT_TIME_ZONE): string {
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (dateOnly) return `${dateOnly[3]}.${dateOnly[2]}.${dateOnly[1]}`;
  return dateFormat(timeZone).format(new Date(value));
}

/** ДД.ММ.ГГГГ ЧЧ:ММ in the given time zone. */
export function formatDateTime(value: string, timeZone = DEFAULT_TIME_ZONE): string {
  const date = new Date(value);
  return `${dateFormat(timeZone).format(date)} ${timeFormat(timeZone).format(date)}`;
}

/** "Мария Сергеевна" from "Иванова Мария Сергеевна": the same helper the server's emails use. */
export { addressName } from "@rnc/core/ru";
