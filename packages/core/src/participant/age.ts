/**
 * Age and the minor flag, computed against "today" in the region's calendar (ages change at local midnight).
 * Pure: every function takes today's date as an ISO calendar date (ГГГГ-ММ-ДД).
 */

export const AGE_OF_MAJORITY = 18;

const parts = (isoDate: string) => isoDate.split("-").map(Number) as [number, number, number];
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Full years between a birth date and today. A person born on 29 February has their birthday on
 * 28 February in other years (a term that falls on a missing day ends on the month's last day, ГК РФ ст. 192).
 */
export function fullYears(birthDate: string, today: string): number {
  const [by, bm, bd] = parts(birthDate);
  const [ty, tm, td] = parts(today);
  const birthdayThisYear = Math.min(bd, daysInMonth(ty, bm));
  const hadBirthday = tm > bm || (tm === bm && td >= birthdayThisYear);
  return ty - by - (hadBirthday ? 0 : 1);
}

export type Birth = { birthDate?: string; birthYear?: number };

/**
 * The age used for the minor flag. With only a birth year the person may not have had this year's birthday
 * yet, so the lower bound is used: someone who turns 18 this year is treated as a minor until the year ends.
 */
export function ageForMinor(birth: Birth, today: string): number | undefined {
  if (birth.birthDate) return fullYears(birth.birthDate, today);
  if (birth.birthYear) return parts(today)[0] - birth.birthYear - 1;
  return undefined;
}

export function isMinor(birth: Birth, today: string): boolean {
  const age = ageForMinor(birth, today);
  return age !== undefined && age < AGE_OF_MAJORITY;
}

/** The key a person's birth is counted under in the statistics item: the date, or the year when only it is known. */
export const birthKey = (birth: Birth): string => birth.birthDate ?? (birth.birthYear ? String(birth.birthYear) : "unknown");

/**
 * The age for the KPI bands (10–19 mentees, 15–19 mentors): full years on `today` for a known date;
 * for a birth year only, the age reached in the current calendar year (as statistical forms count by year of birth).
 */
export function ageForStats(key: string, today: string): number | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(key)) return fullYears(key, today);
  if (/^\d{4}$/.test(key)) return parts(today)[0] - Number(key);
  return undefined;
}

export const inBand = (age: number | undefined, from: number, to: number) => age !== undefined && age >= from && age <= to;
