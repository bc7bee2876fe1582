/**
 * An institution's roadmaps as the product writes them, with the product's own functions: `Roadmap.fromTemplate` (the
 * records of the default template for its type as `draftRoadmap` builds them: deadlines scheduled against the academic
 * year, positions, header counters), approval (`Roadmap.update`), then the curator's item updates over the year
 * (`Roadmap.updateItem`: an occurrence's status, completion date and evidence by `applyOccurrenceChange`; the item's
 * status and due-index key by `withDerived`; the header's counters moved by each change). Last year's roadmap, where
 * there is one, is archived or left approved.
 */
import { addDays, daysBetween } from "@rnc/core/dates";
import { type RoadmapStatus, applyOccurrenceChange, countersOfItems, draftRoadmap, roadmapState, withDerived } from "@rnc/core/roadmap";
import { academicYearLabel, parsePeriod } from "@rnc/core/roadmap/period";
import { type OccurrenceState, nextDue } from "@rnc/core/roadmap/progress";
import { type TemplateKind, defaultTemplateTitle, defaultTemplates } from "@rnc/core/roadmap/template";
import { formatDate } from "@rnc/core/ru";
import type { RoadmapState } from "@rnc/core/stats/summary";
import { type Rng, at, idAt, maxDate, minDate } from "./random";

export type RoadmapRecords = {
  header: Record<string, unknown>;
  sections: Record<string, unknown>[];
  items: Record<string, unknown>[];
  roadmapId: string;
  /** The roadmap as the institution's summary carries it (`r#<roadmapId>`), dues that came back to zero included. */
  summary: RoadmapState;
};

type Fate = "current" | "archived" | "stale";

/** What the curator did with one occurrence by `today`; undefined leaves it planned. */
function progress(r: Rng, o: { key: string; due?: string }, created: string, today: string, fate: Fate) {
  const old = fate !== "current";
  const doneBy = (from: string, to: string) =>
    maxDate(created, minDate(today, addDays(from, r.int(0, Math.max(0, daysBetween(from, to))))));
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

export function makeRoadmap(
  r: Rng,
  options: { tenantId: string; regionId: string; kind: TemplateKind; startYear: number; today: string; now: string; fate: Fate },
): RoadmapRecords {
  const { tenantId, regionId, today, fate } = options;
  const stampOn = (day: string) => minDate(at(day, r), options.now);
  const label = academicYearLabel(options.startYear);
  const period = parsePeriod(label) as { start: string; end: string };
  // Roadmap.fromTemplate: the default template for the institution's type, anchored to the academic year.
  const createdDay = minDate(addDays(period.start, r.int(3, 25)), addDays(today, -1));
  const createdAt = stampOn(createdDay);
  const draft = draftRoadmap({
    tenantId,
    regionId,
    header: { title: `${defaultTemplateTitle} на ${label}`, period: label },
    content: defaultTemplates[options.kind],
    now: createdAt,
    newId: (kind) => idAt(kind, createdAt),
  });

  // Approval (Roadmap.update): a new header version.
  const approvedDay = minDate(addDays(createdDay, r.int(0, 10)), today);
  const approvedAt = maxDate(createdAt, stampOn(approvedDay));
  const status: RoadmapStatus = fate === "archived" ? "archived" : "approved";
  const zeroDues: Record<string, number> = {};
  // Roadmap.updateItem, once per occurrence the curator marked (archiving then re-derives the items' due keys).
  const items = draft.items.map((planned) => {
    let version = planned.version;
    let updatedAt = planned.updatedAt;
    let occurrences = planned.occurrences;
    for (const { key, due } of planned.occurrences) {
      const change = progress(r, { key, due }, approvedDay, today, fate);
      if (!change) continue;
      // Each change is one updateItem: a new version, the moment it was recorded.
      const steps = change.status === "done" && r.chance(0.4) ? 2 : 1;
      version += steps;
      const recorded = maxDate(approvedAt, stampOn(change.completedAt ?? minDate(today, addDays(approvedDay, r.int(1, 60)))));
      updatedAt = maxDate(updatedAt, recorded);
      const evidence =
        change.status === "done" && r.chance(0.5)
          ? r.chance(0.6)
            ? { documentNumber: `Приказ № ${r.int(10, 250)} от ${formatDate(change.completedAt ?? today)}` }
            : { note: "Протокол заседания рабочей группы", link: `https://school.example/docs/${r.int(100, 999)}` }
          : undefined;
      occurrences = applyOccurrenceChange(occurrences, { occurrenceKey: key, ...change, evidence }, today);
    }
    for (const due of nextDues(occurrences)) zeroDues[due] = 0;
    return withDerived({ ...planned, occurrences, updatedAt, version }, status);
  });
  const counters = countersOfItems(items);
  const archivedAt = fate === "archived" ? stampOn(minDate(today, addDays(period.end, r.int(1, 20)))) : undefined;
  const header = {
    ...draft.header,
    approvedBy: r.pick(["Директор", "Директор образовательной организации", "Педагогический совет"]),
    approvedAt: approvedDay,
    approvalAct: `Приказ № ${r.int(1, 200)} от ${formatDate(approvedDay)}`,
    status,
    ...counters,
    updatedAt: archivedAt ?? approvedAt,
    version: archivedAt ? 3 : 2,
  };
  const state = roadmapState(
    { status, periodStart: period.start, periodEnd: period.end, ...counters },
    items.map((item) => item.occurrences),
  );
  const summary: RoadmapState = { ...state, dues: { ...zeroDues, ...state.dues } };
  return { header, sections: draft.sections, items, roadmapId: draft.roadmapId, summary };
}
