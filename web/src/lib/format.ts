/**
 * ДД.ММ.ГГГГ and ДД.ММ.ГГГГ ЧЧ:ММ (a calendar date as written, a timestamp in the given time zone), and "Мария
 * Сергеевна" from "Иванова Мария Сергеевна": the same helpers the server's emails and exports use.
 */
export { addressName, formatDate, formatDateTime } from "@rnc/core/ru";
