/**
 * An institution's roadmaps as the product writes them: `Roadmap.fromTemplate` (the default template for its type,
 * deadlines read with the product's `schedule` against the academic year, positions, header counters), approval
 * (`Roadmap.update`), then the curator's item updates over the year (`Roadmap.updateItem`: an occurrence's status,
 * completion date and evidence; the item's status and due-index key derived as `withDerived` does; the header's
 * counters moved by each change). Last year's roadmap, where there is one, is archived or left approved.
 */
import { type Counters, type OccurrenceState, addCounters, countersOf, itemStatus, nextDue } from "@rnc/core/roadmap/progress";
import { type RoadmapStatus, schedule } from "@rnc/core/roadmap";
import { academicYearLabel, parsePeriod } from "@rnc/core/roadmap/period";
import { initialPositions } from "@rnc/core/roadmap/position";
import { noDue } from "@rnc/core/roadmap/roadmap.entity";
import { type TemplateKind, defaultTemplateTitle, defaultTemplates } from "@rnc/core/roadmap/template";
import type { RoadmapState } from "@rnc/core/stats/summary";
import { type Rng, addDays, at, idAt, maxDate, minDate } from "./random";

export type RoadmapRecords = {
  header: Record<string, unknown>;
  sections: Record<string, unknown>[];
  items: Record<string, unknown>[];
  roadmapId: string;
  /** The roadmap as the institution's summary carries it (`r#<roadmapId>`), dues that came back to zero included. */
  summary: RoadmapState;
};

/** `clean` of the roadmap module: no undefined or empty-string attributes. */
const clean = <T extends Record<string, unknown>>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== "")) as T;

const isIndexed = (status: RoadmapStatus) => status === "draft" || status === "approved";
const ddmmyyyy = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;

type Fate = "current" | "archived" | "stale";

/** What the curator did with one occurrence by `today`; undefined leaves it planned. */
function progress(r: Rng, o: { key: string; due?: string }, created: string, today: string, fate: Fate) {
  const old = fate !== "current";
  const doneBy = (from: string, to: string) => maxDate(created, minDate(today, addDays(from, r.int(0, Math.max(0, daysSpan(from, to))))));
  const roll = r();
  if (o.due && o.due < today) {
    if (roll < (old ? 0.7 : 0.62))
      return { status: "done" as const, completedAt: maxDate(created, minDate(today, addDays(o.due, -r.int(0, 20)))) };
    if (roll < (old ? 0.88 : 0.8)) return { status: "done" as const, completedAt: minDate(today, addDays(o.due, r.int(1, 30))) };
    if (roll < (old ? 0.92 : 0.85)) return { status: "cancelled" as const };
    return r.chance(0.5) ? { status: "in_progress" as const } : undefined;
  }
  if (o.due) {
    if (roll < 0.1) return { status: "done" as const, completedAt: doneBy(created, today) };
    return roll < 0.4 ? { status: "in_progress" as const } : undefined;
  }
  if (roll < (old ? 0.75 : 0.25)) return { status: "done" as const, completedAt: doneBy(created, today) };
  return roll < (old ? 0.9 : 0.75) ? { status: "in_progress" as const } : undefined;
}

/**
 * The next due dates an item had as its occurrences were closed (in due order, from all planned to the final state):
 * each moved the summary's dues, so each date is in the stored map (at 0 once no open item falls due on it).
 */
function nextDues(final: OccurrenceState[]): string[] {
  const closing = final
    .filter((o) => o.due && (o.status === "done" || o.status === "cancelled"))
    .sort((a, b) => (a.due as string).localeCompare(b.due as string));
  const states: OccurrenceState[][] = [final.map((o) => ({ ...o, status: "planned" }))];
  for (const o of closing) states.push((states.at(-1) as OccurrenceState[]).map((x) => (x.key === o.key ? { ...x, status: o.status } : x)));
  states.push(final);
  return states.flatMap((state) => nextDue(state) ?? []);
}

const daysSpan = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

export function makeRoadmap(
  r: Rng,
  options: { tenantId: string; regionId: string; kind: TemplateKind; startYear: number; today: string; now: string; fate: Fate },
): RoadmapRecords {
  const { tenantId, regionId, today, fate } = options;
  const stampOn = (day: string) => minDate(at(day, r), options.now);
  const label = academicYearLabel(options.startYear);
  const period = parsePeriod(label) as { start: string; end: string };
  const createdDay = minDate(addDays(period.start, r.int(3, 25)), addDays(today, -1));
  const createdAt = stampOn(createdDay);
  const roadmapId = idAt("roadmap", createdAt);
  const content = defaultTemplates[options.kind];
  const sectionPositions = initialPositions(content.length);
  const sections = content.map((section, i) =>
    clean({
      tenantId,
      roadmapId,
      sectionId: idAt("roadmapSection", createdAt),
      number: section.number,
      title: section.title,
      position: sectionPositions[i] as string,
      createdAt,
      updatedAt: createdAt,
      version: 1,
    }),
  );
  const all = content.flatMap((section, s) => section.items.map((item) => ({ item, sectionId: sections[s]?.sectionId })));
  const itemPositions = initialPositions(all.length);

  // Approval (Roadmap.update): a new header version.
  const approvedDay = minDate(addDays(createdDay, r.int(0, 10)), today);
  const approvedAt = maxDate(createdAt, stampOn(approvedDay));
  const status: RoadmapStatus = fate === "archived" ? "archived" : "approved";
  let counters: Counters = countersOf(undefined);
  const dues: Record<string, number> = {};
  const items = all.map(({ item, sectionId }, i) => {
    const plan = schedule(item.deadlineText, period);
    let version = 1;
    let updatedAt = createdAt;
    const occurrences: OccurrenceState[] = plan.occurrences.map(({ key, due }) => {
      const state: OccurrenceState = { key, ...(due ? { due } : {}), status: "planned" };
      const change = progress(r, { key, due }, approvedDay, today, fate);
      if (!change) return state;
      // Each change is one updateItem: a new version, the moment it was recorded.
      const steps = change.status === "done" && r.chance(0.4) ? 2 : 1;
      version += steps;
      const recorded = maxDate(approvedAt, stampOn(change.completedAt ?? minDate(today, addDays(approvedDay, r.int(1, 60)))));
      updatedAt = maxDate(updatedAt, recorded);
      return clean({
        ...state,
        status: change.status,
        completedAt: change.completedAt,
        evidence:
          change.status === "done" && r.chance(0.5)
            ? r.chance(0.6)
              ? { documentNumber: `Приказ № ${r.int(10, 250)} от ${ddmmyyyy(change.completedAt ?? today)}` }
              : { note: "Протокол заседания рабочей группы", link: `https://school.example/docs/${r.int(100, 999)}` }
            : undefined,
      }) as OccurrenceState;
    });
    counters = addCounters(counters, countersOf(occurrences));
    for (const due of nextDues(occurrences)) dues[due] ??= 0;
    const open = nextDue(occurrences);
    if (open) dues[open] = (dues[open] ?? 0) + 1;
    const next = isIndexed(status) ? nextDue(occurrences) : undefined;
    return clean({
      tenantId,
      regionId,
      roadmapId,
      itemId: idAt("roadmapItem", createdAt),
      sectionId,
      position: itemPositions[i] as string,
      number: item.number,
      name: item.name,
      deadlineText: item.deadlineText,
      deadline: plan.stored,
      executors: item.executors,
      result: item.result,
      occurrences,
      status: itemStatus(occurrences),
      nextDue: next ?? noDue,
      createdAt,
      updatedAt,
      version,
    });
  });
  const archivedAt = fate === "archived" ? stampOn(minDate(today, addDays(period.end, r.int(1, 20)))) : undefined;
  const header = clean({
    tenantId,
    regionId,
    roadmapId,
    title: `${defaultTemplateTitle} на ${label}`,
    period: label,
    periodStart: period.start,
    periodEnd: period.end,
    approvedBy: r.pick(["Директор", "Директор образовательной организации", "Педагогический совет"]),
    approvedAt: approvedDay,
    approvalAct: `Приказ № ${r.int(1, 200)} от ${ddmmyyyy(approvedDay)}`,
    status,
    ...counters,
    createdAt,
    updatedAt: archivedAt ?? approvedAt,
    version: archivedAt ? 3 : 2,
  });
  const summary: RoadmapState = { status, periodStart: period.start, periodEnd: period.end, ...counters, dues };
  return { header, sections, items, roadmapId, summary };
}
