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

/**
 * The KPI age bands (mentees 10–19, mentors 15–19) count full years on 1 January of the reporting year, as the
 * statistical forms (ОО-1, СПО-1) count the students these shares are divided by. That age is the year minus a
 * "cohort": the birth year, plus one unless the birthday is 1 January; with only a birth year known, the birth year
 * plus one. The statistics item counts engaged people per cohort, so a band is a sum over a few cohorts evaluated in
 * any year, and the item stays small (a cohort a year, not a counter per birth date).
 */
export const ADULT_COHORT = "adult";
/** Cohorts up to this year are 20 or older on 1 January of every year since the Target Model began (2020): never in a band. */
const LAST_ADULT_COHORT = 2000;

export function birthCohort(birth: Birth): string {
  const cohort = birth.birthDate
    ? Number(birth.birthDate.slice(0, 4)) + (birth.birthDate.slice(5) === "01-01" ? 0 : 1)
    : birth.birthYear
      ? birth.birthYear + 1
      : undefined;
  if (cohort === undefined) return "unknown";
  return cohort <= LAST_ADULT_COHORT ? ADULT_COHORT : String(cohort);
}

/** Full years on 1 January of `year` for a cohort (undefined for adults and unknown births). */
export function ageInYear(cohort: string, year: number): number | undefined {
  return /^\d{4}$/.test(cohort) ? year - Number(cohort) : undefined;
}

export const inBand = (age: number | undefined, from: number, to: number) => age !== undefined && age >= from && age <= to;
