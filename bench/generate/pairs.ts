/**
 * Pairs and groups of one institution, each with the story the product's verbs would have written: created (forming,
 * empty plan, memberships), agreement, activation (engaged members, the mentor's active mentees, the quiet date),
 * the individual plan, meetings in the diary (stages in order, the last meeting on the pair), and completion or
 * termination. Last year's cohort has ended; this year's is forming, active (some gone quiet), completed or terminated.
 * Every activation is checked with the product's own rules (`activationProblems`) on the state at that moment.
 */
import type { EntityItem } from "electrodb";
import { addDays, daysBetween } from "@rnc/core/dates";
import { type FormCode, formByCode, formsFor } from "@rnc/core/forms/catalogue";
import type { MembershipEntity } from "@rnc/core/participant/participant.entity";
import { isMinor } from "@rnc/core/participant/age";
import type { MeetingEntity, PairEntity, PairQuietEntity, PlanEntity } from "@rnc/core/pair/pair.entity";
import { type Member, activationProblems, quietOn } from "@rnc/core/pair/rules";
import type { PairForStats, PairStatus } from "@rnc/core/stats/contribution";
import type { Person } from "./people";
import { type Rng, at, idAt, later, maxDate, minDate } from "./random";
import * as texts from "./texts";

export type PairRow = EntityItem<typeof PairEntity>;
export type PlanRow = EntityItem<typeof PlanEntity>;
export type MeetingRow = EntityItem<typeof MeetingEntity>;
export type MembershipRow = EntityItem<typeof MembershipEntity>;
export type QuietRow = EntityItem<typeof PairQuietEntity>;

export type PairStory = {
  mentor: Person;
  mentees: Person[];
  row: PairRow;
  plan: PlanRow;
  meetings: MeetingRow[];
  memberships: MembershipRow[];
  quiet?: QuietRow;
  /** The statuses it went through (the counters each touched). */
  states: PairForStats[];
  activatedAt?: string;
  endedAt?: string;
};

type Context = { tenantId: string; regionId: string; today: string; now: string; enabled: readonly FormCode[]; intakes: [string, string] };

type Match = { mentor: Person; mentees: Person[]; form: FormCode };

/** Mentors take mentees up to their capacity, sometimes as a group with one form; some mentees stay unmatched. */
function match(r: Rng, mentors: Person[], mentees: Person[], enabled: readonly FormCode[]): Match[] {
  const free = new Set(mentees);
  const fitting = new Map<string, FormCode[]>();
  const formsOf = (mentor: Person, mentee: Person) => {
    const key = `${mentor.row.category}>${mentee.row.category}`;
    const known = fitting.get(key);
    if (known) return known;
    const forms = formsFor(enabled, mentor.row.category, mentee.row.category);
    fitting.set(key, forms);
    return forms;
  };
  const matches: Match[] = [];
  for (const mentor of r.shuffle(mentors)) {
    let slots = mentor.row.capacity ?? 1;
    while (slots > 0) {
      const pool = [...free].filter((m) => m !== mentor && formsOf(mentor, m).length > 0);
      const first = pool.length ? r.pick(pool) : undefined;
      if (!first) break;
      const form = r.pick(formsOf(mentor, first));
      const size = slots >= 2 && r.chance(0.3) ? r.int(2, Math.min(slots, 5)) : 1;
      const fits = formByCode(form).menteeCategories;
      const others = r.some(
        pool.filter((m) => m !== first && fits.includes(m.row.category)),
        size - 1,
      );
      const group = [first, ...others];
      for (const m of group) free.delete(m);
      matches.push({ mentor, mentees: group, form });
      slots -= group.length;
      if (r.chance(0.2)) break;
    }
  }
  return matches;
}

type Plan = {
  status: PairStatus;
  created: string;
  agreement?: string;
  activated?: string;
  ended?: string;
  reason?: string;
  /** Active but with no meeting for more than 45 days. */
  quiet?: boolean;
  /** Ended by a member's consent withdrawal or erasure at this moment. */
  leftAt?: string;
};

const stageOrder = ["introduction", "trial", "planning"] as const;

/** The days of one pair's story (this year's pairs that cannot be activated before today stay forming). */
function timeline(r: Rng, ctx: Context, m: Match, cohort: "last" | "current"): Plan {
  const { today } = ctx;
  const joined = maxDate(...[m.mentor, ...m.mentees].map((p) => p.createdDay));
  const yesterday = addDays(today, -1);
  if (cohort === "last") {
    const created = minDate(addDays(maxDate(joined, ctx.intakes[0]), r.int(3, 30)), addDays(today, -120));
    const agreement = addDays(created, r.int(1, 5));
    const activated = addDays(agreement, r.int(0, 5));
    const completed = r.chance(0.85);
    // Ended before this year's intake, so last year's pairs never overlap this year's in a mentor's capacity.
    const ended = minDate(addDays(activated, completed ? r.int(150, 240) : r.int(20, 100)), addDays(ctx.intakes[1], -1));
    return completed
      ? { status: "completed", created, agreement, activated, ended }
      : { status: "terminated", created, agreement, activated, ended, reason: r.pick(texts.terminationReasons) };
  }
  const created = minDate(addDays(maxDate(joined, ctx.intakes[1]), r.int(3, 30)), addDays(today, -2));
  const roll = r();
  const agreement = minDate(addDays(created, r.int(1, 5)), yesterday);
  const activated = minDate(addDays(agreement, r.int(0, 5)), yesterday);
  const canActivate = created < agreement && agreement <= activated && activated < today;
  if (roll < 0.12 || !canActivate)
    return r.chance(0.5) && created < today
      ? { status: "forming", created, agreement: minDate(addDays(created, 1), today) }
      : { status: "forming", created };
  if (roll < 0.17) {
    return {
      status: "terminated",
      created,
      ended: minDate(addDays(created, r.int(5, 30)), today),
      reason: r.pick(texts.terminationReasons),
    };
  }
  const since = daysBetween(activated, today);
  if (roll < 0.24 && since > 20) {
    return {
      status: "terminated",
      created,
      agreement,
      activated,
      ended: addDays(activated, r.int(10, since - 1)),
      reason: r.pick(texts.terminationReasons),
    };
  }
  if (roll < 0.3 && since > 50)
    return { status: "completed", created, agreement, activated, ended: addDays(activated, r.int(45, since - 1)) };
  return { status: "active", created, agreement, activated, quiet: since > 60 && r.chance(0.12) };
}

/** Meeting dates by stage from the activation until `until` (in order, about every two weeks; the final one last). */
function meetingDays(r: Rng, activated: string, until: string, options: { final: boolean; max: number }) {
  const days: { date: string; stage: MeetingRow["stage"] }[] = [];
  let day = addDays(activated, r.int(0, 3));
  for (let i = 0; i < options.max && day < until; i++) {
    days.push({ date: day, stage: stageOrder[i] ?? "joint_work" });
    day = addDays(day, i < 2 ? r.int(5, 10) : r.int(10, 21));
  }
  const last = days.at(-1)?.date;
  if (options.final && days.length >= 3 && last && last < until)
    days.push({ date: minDate(until, addDays(last, r.int(7, 14))), stage: "final" });
  return days;
}

/** A moment on `date` that is not later than now (today's writes happened before the benchmark started). */
const stamp = (r: Rng, date: string, ctx: Context) => {
  const moment = at(date, r);
  return moment < ctx.now ? moment : new Date(Date.parse(ctx.now) - r.int(60, 3600) * 1000).toISOString();
};

/** The minors of a pair on a day: the agreement lists their legal representatives. */
const minorsOn = (people: Person[], day: string) => people.filter((p) => isMinor(p.initial, day));

export function makePairs(r: Rng, ctx: Context, people: Person[]): PairStory[] {
  const mentors = people.filter((p) => p.row.isMentor);
  const mentees = people.filter((p) => p.row.isMentee);
  const lastYear = (p: Person) => p.createdDay < ctx.intakes[1];
  const last = match(
    r,
    mentors.filter(lastYear),
    mentees.filter((p) => lastYear(p) && r.chance(0.35)),
    ctx.enabled,
  ).map((m) => ({ m, plan: timeline(r, ctx, m, "last") }));
  const current = match(
    r,
    mentors,
    mentees.filter(() => r.chance(0.8)),
    ctx.enabled,
  ).map((m) => ({ m, plan: timeline(r, ctx, m, "current") }));

  // A few people withdraw their consent or have their data erased; their open pairs end then («отзыв согласия»).
  for (const person of people) {
    const roll = r();
    if (roll < 0.016) {
      person.leaving = { kind: roll < 0.004 ? "anonymised" : "restricted", at: stamp(r, addDays(ctx.today, -r.int(1, 20)), ctx) };
    }
  }
  // Someone who leaves before their pair's last planned step does not leave (the generated story stays possible).
  for (const { m, plan } of current) {
    const lastEvent = plan.activated ?? plan.agreement ?? plan.created;
    for (const p of [m.mentor, ...m.mentees]) if (p.leaving && p.leaving.at.slice(0, 10) <= addDays(lastEvent, 2)) p.leaving = undefined;
  }
  for (const { m, plan } of current) {
    const first = [m.mentor, ...m.mentees].flatMap((p) => (p.leaving ? [p.leaving] : [])).sort((a, b) => a.at.localeCompare(b.at))[0];
    if (!first) continue;
    const day = first.at.slice(0, 10);
    if (plan.status === "forming" || plan.status === "active" || (plan.ended && plan.ended > day)) {
      plan.status = "terminated";
      plan.ended = day;
      plan.reason = first.kind === "restricted" ? "отзыв согласия" : "удаление персональных данных";
      plan.leftAt = first.at;
      plan.quiet = false;
    }
  }
  return [...last, ...current].map(({ m, plan }) => story(r, ctx, m, plan));
}

function story(r: Rng, ctx: Context, m: Match, plan: Plan): PairStory {
  const { tenantId } = ctx;
  const createdAt = stamp(r, plan.created, ctx);
  const pairId = idAt("pair", createdAt);
  const startDate = maxDate(plan.created, addDays(plan.created, r.int(0, 7)));
  const row: PairRow = {
    tenantId,
    pairId,
    form: m.form,
    mentorId: m.mentor.row.participantId,
    menteeIds: m.mentees.map((p) => p.row.participantId),
    startDate,
    endDate: addDays(startDate, r.pick([90, 120, 180, 240, 270])),
    ...(r.chance(0.2) ? { note: "Встречи по вторникам после уроков" } : {}),
    status: "forming",
    createdAt,
    updatedAt: createdAt,
    version: 1,
  };
  const states: PairForStats[] = [{ ...row }];
  const planRow: PlanRow = { tenantId, pairId, goals: [], tasks: [], updatedAt: createdAt, version: 1 };
  const result: PairStory = { mentor: m.mentor, mentees: m.mentees, row, plan: planRow, meetings: [], memberships: [], states };
  let last = createdAt;
  /** The moment of the next write: on `day`, after the previous one, never after now. */
  const step = (day: string, minutes = 240) => {
    last = minDate(maxDate(later(last, r, minutes), stamp(r, day, ctx)), ctx.now);
    return last;
  };
  const members = [m.mentor, ...m.mentees];
  if (plan.agreement) {
    const minors = minorsOn(members, plan.activated ?? plan.agreement);
    Object.assign(row, {
      updatedAt: step(plan.agreement),
      version: row.version + 1,
      agreement: {
        signedAt: plan.agreement,
        document: `Соглашение № ${r.int(1, 300)}`,
        ...(r.chance(0.3) ? { scanRef: `https://disk.example/agreements/${pairId}.pdf` } : {}),
        representatives: minors.flatMap((p) => (p.parent ? [{ participantId: p.row.participantId, ...p.parent }] : [])),
      },
    });
  }
  if (plan.activated) {
    const activatedAt = step(plan.activated);
    Object.assign(row, { status: "active", activatedAt, updatedAt: activatedAt, version: row.version + 1 });
    result.activatedAt = activatedAt;
    states.push({ ...row });
    const until = plan.leftAt ? addDays(plan.leftAt, -2) : (plan.ended ?? (plan.quiet ? addDays(ctx.today, -r.int(46, 60)) : ctx.today));
    const days = meetingDays(r, plan.activated, until, {
      final: plan.status === "completed",
      max: plan.status === "completed" ? r.int(5, 8) : plan.status === "terminated" ? r.int(0, 3) : r.int(3, 7),
    });
    for (const { date, stage } of days) {
      const created = step(minDate(addDays(date, r.int(0, 1)), ctx.today), 30);
      const joint = stage === "joint_work";
      result.meetings.push({
        tenantId,
        pairId,
        meetingId: idAt("meeting", created),
        date,
        stage,
        durationMinutes: r.pick([30, 40, 45, 60, 90]),
        ...(r.chance(0.95) ? { format: r.chance(0.8) ? ("in_person" as const) : ("remote" as const) } : {}),
        ...(r.chance(0.7) ? { notes: r.pick(texts.meetingNotes) } : {}),
        ...(r.chance(joint ? 0.8 : 0.3) ? { mentorFeedback: r.pick(texts.feedbacks) } : {}),
        ...(r.chance(joint ? 0.6 : 0.2) ? { menteeFeedback: r.pick(texts.feedbacks) } : {}),
        createdAt: created,
        updatedAt: created,
        version: 1,
      });
      row.lastMeetingDate = date;
      // The individual plan is written after the planning meeting.
      if (stage === "planning") savePlan(r, ctx, result, plan, step(date, 120));
    }
  }
  if (plan.ended) {
    const ending: Partial<PairRow> =
      plan.status === "completed"
        ? { status: "completed", results: r.pick(texts.results), reflection: r.pick(texts.reflections) }
        : { status: "terminated", terminationReason: plan.reason ?? r.pick(texts.terminationReasons) };
    const endedAt = plan.leftAt ?? step(plan.ended);
    Object.assign(row, ending, { endedAt, updatedAt: endedAt, version: row.version + 1 });
    result.endedAt = endedAt;
    states.push({ ...row });
  }
  if (row.status === "active") {
    result.quiet = { tenantId, pairId, regionId: ctx.regionId, quietOn: quietOn(row.lastMeetingDate ?? (plan.activated as string)) };
  }
  result.memberships = members.map((p, i) => ({
    tenantId,
    participantId: p.row.participantId,
    pairId,
    role: i === 0 ? "mentor" : "mentee",
    form: m.form,
    status: row.status,
  }));
  return result;
}

function savePlan(r: Rng, ctx: Context, pair: PairStory, plan: Plan, updatedAt: string) {
  const until = pair.row.endDate;
  const tasks = r.some(texts.tasks, r.int(3, 7)).map((title, i) => {
    const dueDate = addDays(plan.activated as string, 14 * (i + 1) + r.int(0, 7));
    const past = dueDate < ctx.today;
    const status: PlanRow["tasks"][number]["status"] =
      plan.status === "completed" || plan.ended
        ? r.chance(0.9)
          ? "done"
          : "cancelled"
        : past
          ? r.chance(0.75)
            ? "done"
            : "in_progress"
          : r.chance(0.3)
            ? "in_progress"
            : "planned";
    return { taskId: idAt("task", updatedAt), title, ...(dueDate <= until ? { dueDate } : {}), status };
  });
  Object.assign(pair.plan, { goals: r.some(texts.goals, r.int(1, 3)), tasks, updatedAt, version: pair.plan.version + 1 });
}

/**
 * Checks each activation against the product's rules on the state at that moment: the form is enabled and fits,
 * members are active with a valid consent, minors are represented in the agreement, the mentor has capacity.
 */
export function checkActivations(stories: PairStory[], ctx: { enabled: readonly FormCode[] }) {
  const byMentor = new Map<string, PairStory[]>();
  for (const s of stories) byMentor.set(s.row.mentorId, [...(byMentor.get(s.row.mentorId) ?? []), s]);
  const memberAt = (p: Person, moment: string, activeMentees = 0): Member => {
    const consent = p.consents.find((c) => c.createdAt < moment);
    return {
      participantId: p.row.participantId,
      fullName: p.input.fullName,
      category: p.row.category,
      status: p.leaving && p.leaving.at <= moment ? p.leaving.kind : "active",
      birthDate: p.initial.birthDate,
      birthYear: p.initial.birthYear,
      consentId: consent?.consentId,
      consentSigner: consent?.signerKind,
      capacity: p.row.capacity,
      activeMentees,
      isMentor: p.row.isMentor,
    };
  };
  for (const s of stories) {
    const moment = s.activatedAt;
    if (!moment) continue;
    const busy = (byMentor.get(s.row.mentorId) ?? [])
      .filter((o) => o !== s && o.activatedAt && o.activatedAt < moment && (!o.endedAt || o.endedAt > moment))
      .reduce((n, o) => n + o.row.menteeIds.length, 0);
    const problems = activationProblems({
      form: s.row.form,
      enabledForms: ctx.enabled,
      mentor: memberAt(s.mentor, moment, busy),
      mentees: s.mentees.map((p) => memberAt(p, moment)),
      agreement: s.row.agreement,
      today: moment.slice(0, 10),
    });
    if (problems.length) throw new Error(`generated pair ${s.row.pairId} could not have been activated: ${JSON.stringify(problems)}`);
  }
}
