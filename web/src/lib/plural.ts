export type PluralForms = readonly [one: string, few: string, many: string];

/**
 * The Russian plural form for n: plural(1, ["организация", "организации", "организаций"]) → "организация",
 * 3 → "организации", 5, 11 and 0 → "организаций", 21 → "организация", 22 → "организации".
 */
export function plural(n: number, forms: PluralForms): string {
  const whole = Math.abs(Math.trunc(n));
  if (!Number.isInteger(n)) return forms[1];
  const mod10 = whole % 10;
  const mod100 = whole % 100;
  if (mod10 === 1 && mod100 !== 11) return forms[0];
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return forms[1];
  return forms[2];
}

/** The number with its noun: countOf(5, […]) → "5 организаций" (thousands grouped the Russian way). */
export function countOf(n: number, forms: PluralForms): string {
  return `${n.toLocaleString("ru-RU")} ${plural(n, forms)}`;
}

/**
 * A number after «из» takes the genitive: outOf(21, ["ссылки", "ссылок"]) → "21 ссылки", outOf(5, …) → "5 ссылок".
 * Core's outOf (@rnc/core/ru) on the web's countOf, so thousands are grouped here too («из 1 000 ссылок»).
 */
export const outOf = (n: number, genitive: readonly [singular: string, plural: string]) =>
  countOf(n, [genitive[0], genitive[1], genitive[1]]);

/** The nouns the app counts, in one place. */
export const nouns = {
  institution: ["организация", "организации", "организаций"],
  region: ["регион", "региона", "регионов"],
  participant: ["участник", "участника", "участников"],
  user: ["пользователь", "пользователя", "пользователей"],
  invitation: ["приглашение", "приглашения", "приглашений"],
  student: ["обучающийся", "обучающихся", "обучающихся"],
  teacher: ["педагог", "педагога", "педагогов"],
  event: ["запись", "записи", "записей"],
  day: ["день", "дня", "дней"],
  practice: ["практика", "практики", "практик"],
  activity: ["мероприятие", "мероприятия", "мероприятий"],
  mentor: ["наставник", "наставника", "наставников"],
  contract: ["договор", "договора", "договоров"],
  reward: ["поощрение", "поощрения", "поощрений"],
  publication: ["публикация", "публикации", "публикаций"],
  measure: ["мера", "меры", "мер"],
} as const satisfies Record<string, PluralForms>;

/** The same nouns as objects of a verb (accusative): «Импортировать 1 организацию», «… 1 участника». */
export const objectNouns = {
  institution: ["организацию", "организации", "организаций"],
  participant: ["участника", "участника", "участников"],
} as const satisfies Record<string, PluralForms>;
