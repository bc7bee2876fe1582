/**
 * The participants of the institution's mentoring programmes in a reporting period (DOMAIN §7.2: «количество
 * участников программы наставничества»): the people who were members of a pair or group that was running at some
 * time in the period, each counted once however many pairs they were in. Pure.
 *
 * A pair runs from the day it was activated to the day it ended (completed or terminated), both as days in the
 * region's calendar; a pair still active runs on. A pair ended while forming never ran. Unlike the registry counters
 * (contribution.ts), nothing here is cumulative: a person who left the programme two years ago is not in this year's
 * count, and a pair running across 1 January is in both years'.
 */
import { todayIn } from "../dates";
import type { FormCode, ParticipantCategory } from "../forms/catalogue";

export type PairSpan = {
  form: FormCode;
  mentorId: string;
  menteeIds: readonly string[];
  activatedAt?: string;
  endedAt?: string;
};

export type Period = { start: string; end: string };

/** Distinct people: mentors, mentees and all of them (a person who was both is one of `total`). */
export type ProgrammeFigures = { mentors: number; mentees: number; total: number };

export type ProgrammeCount = {
  all: ProgrammeFigures;
  byCategory: Partial<Record<ParticipantCategory, ProgrammeFigures>>;
  byForm: Partial<Record<FormCode, ProgrammeFigures>>;
};

/** Whether the pair ran on some day of the period (days in the region's time zone). */
export function ranIn(pair: PairSpan, period: Period, timeZone: string): boolean {
  if (!pair.activatedAt) return false;
  if (todayIn(timeZone, new Date(pair.activatedAt)) > period.end) return false;
  return !pair.endedAt || todayIn(timeZone, new Date(pair.endedAt)) >= period.start;
}

type People = { mentors: Set<string>; mentees: Set<string> };
const noPeople = (): People => ({ mentors: new Set(), mentees: new Set() });
const figuresOf = ({ mentors, mentees }: People): ProgrammeFigures => ({
  mentors: mentors.size,
  mentees: mentees.size,
  total: new Set([...mentors, ...mentees]).size,
});

/**
 * The programme's participants in the period, in all, by category (`categoryOf` each person; people it does not know,
 * e.g. deleted, count in all and in their form only) and by form of mentoring.
 */
export function programmeCount(
  pairs: readonly PairSpan[],
  categoryOf: (participantId: string) => ParticipantCategory | undefined,
  period: Period,
  timeZone: string,
): ProgrammeCount {
  const all = noPeople();
  const byForm = new Map<FormCode, People>();
  for (const pair of pairs) {
    if (!ranIn(pair, period, timeZone)) continue;
    const form = byForm.get(pair.form) ?? noPeople();
    byForm.set(pair.form, form);
    for (const people of [all, form]) {
      people.mentors.add(pair.mentorId);
      for (const id of pair.menteeIds) people.mentees.add(id);
    }
  }
  const byCategory = new Map<ParticipantCategory, People>();
  for (const role of ["mentors", "mentees"] as const) {
    for (const id of all[role]) {
      const category = categoryOf(id);
      if (!category) continue;
      const people = byCategory.get(category) ?? noPeople();
      byCategory.set(category, people);
      people[role].add(id);
    }
  }
  return {
    all: figuresOf(all),
    byCategory: Object.fromEntries([...byCategory].map(([category, people]) => [category, figuresOf(people)])),
    byForm: Object.fromEntries([...byForm].map(([form, people]) => [form, figuresOf(people)])),
  };
}
