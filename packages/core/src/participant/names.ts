/** Name helpers for Russian full names (Фамилия Имя Отчество). Pure. */

const words = (fullName: string) => fullName.trim().split(/\s+/).filter(Boolean);

/** «Иванов Иван Иванович» → «Иванов И. И.» (the form used in messages and on boards). */
export function shortName(fullName: string): string {
  const [surname, ...rest] = words(fullName);
  if (!surname) return "";
  return [surname, ...rest.map((w) => `${w[0]?.toUpperCase()}.`)].join(" ");
}

/** «Иванов Иван Иванович» → «И. И. И.»: all that lists show of a person whose processing is restricted. */
export const initials = (fullName: string) =>
  words(fullName)
    .map((w) => `${w[0]?.toUpperCase()}.`)
    .join(" ");

/** Comparison key for names: case, ё/е and repeated spaces ignored. */
export const nameKey = (fullName: string) => words(fullName.toLowerCase().replace(/ё/g, "е")).join(" ");

/**
 * How lists and exports name a person: «Иванов И. И.», only the initials («И. И. И.») while processing is restricted
 * (consent withdrawn) or after erasure.
 */
export const listedName = (person: { fullName: string; status: string }) =>
  person.status === "active" ? shortName(person.fullName) : initials(person.fullName);
