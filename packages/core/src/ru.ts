import { DEFAULT_TIME_ZONE, dateTimeFormat } from "./dates";

/** Russian plural form: plural(5, ["минута", "минуты", "минут"]) → "минут". */
export function plural(n: number, forms: readonly [one: string, few: string, many: string]): string {
  const mod10 = Math.abs(n) % 10;
  const mod100 = Math.abs(n) % 100;
  if (mod10 === 1 && mod100 !== 11) return forms[0];
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return forms[1];
  return forms[2];
}

/** "5 минут", "21 минута". */
export const countOf = (n: number, forms: readonly [string, string, string]) => `${n} ${plural(n, forms)}`;

/**
 * A number after «из» takes the genitive: "из 1 строки", "из 5 строк", "из 21 строки".
 * outOf(21, ["строки", "строк"]) → "21 строки".
 */
export const outOf = (n: number, genitive: readonly [singular: string, plural: string]) =>
  countOf(n, [genitive[0], genitive[1], genitive[1]]);

/** "Мария Сергеевна" from "Иванова Мария Сергеевна": the name and patronymic used in address (as the web app greets). */
export function addressName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  return parts.length >= 2 ? parts.slice(1).join(" ") : fullName.trim();
}

/** «куратор» from «Куратор», «администратор РНЦ» from «Администратор РНЦ»: a label inside a sentence. */
export const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** «Иван» from «Петров Иван Сергеевич»: how a child is addressed. */
export function firstName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  return parts.length >= 2 ? (parts[1] as string) : fullName.trim();
}

/**
 * The line every letter opens with: «Здравствуйте, Мария Сергеевна!», a minor by first name only («Здравствуйте, Иван!»).
 */
export function greeting(fullName: string, options: { minor?: boolean } = {}): string {
  return `Здравствуйте, ${options.minor ? firstName(fullName) : addressName(fullName)}!`;
}

/** Closing quotes and brackets that may follow a sentence's own final mark: «…опечатку.» */
const closing = /[»"')\]\s]*$/;

/** Ends a sentence with a full stop, unless it already ends with . ! ? or … (inside closing quotes or brackets too). */
export function endSentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.!?…]$/.test(trimmed.replace(closing, "")) ? trimmed : `${trimmed}.`;
}

/** A sentence without its own final full stop (not an ellipsis), so that something can follow it: «… родителей» (срок …). */
export const withoutFinalStop = (text: string) => text.trimEnd().replace(/(?<!\.)\.$/, "");

/** ДД.ММ.ГГГГ for an ISO date or timestamp (the calendar date as written, in the given time zone for timestamps). */
export function formatDate(value: string, timeZone = DEFAULT_TIME_ZONE): string {
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (dateOnly) return `${dateOnly[3]}.${dateOnly[2]}.${dateOnly[1]}`;
  return dateTimeFormat("ru-RU", { timeZone, day: "2-digit", month: "2-digit", year: "numeric" }).format(new Date(value));
}

/** ДД.ММ.ГГГГ ЧЧ:ММ in the given time zone. */
export function formatDateTime(value: string, timeZone = DEFAULT_TIME_ZONE): string {
  const parts = dateTimeFormat("ru-RU", {
    timeZone,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(value));
  return parts.replace(",", "");
}

let collator: Intl.Collator | undefined;

/**
 * Russian alphabetical order: what `a.localeCompare(b, "ru")` gives, through one Intl.Collator built on first use
 * (`localeCompare` with a locale finds its collator again on every comparison: about 3× slower when sorting).
 */
export function ruCompare(a: string, b: string): number {
  collator ??= new Intl.Collator("ru");
  return collator.compare(a, b);
}
