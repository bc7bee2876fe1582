/** Roadmap shapes, derived from the API's own types through the typed client. */
import type { Input, Ok, api } from "../../api/client";
import { type PluralForms, nouns } from "../../lib/plural";

export type RoadmapSummary = Ok<typeof api.roadmaps.$get>["items"][number];
export type RoadmapDetail = Ok<(typeof api.roadmaps)[":roadmapId"]["$get"]>;
export type RoadmapSection = RoadmapDetail["sections"][number];
export type RoadmapItem = RoadmapSection["items"][number];
export type ItemStatus = RoadmapItem["status"];
export type ItemUpdate = Input<(typeof api.roadmaps)[":roadmapId"]["items"][":itemId"]["$patch"]>;
export type ImportPreview = Ok<typeof api.roadmaps.import.preview.$post>;
export type Progress = RoadmapSummary["progress"];
export type RegionProgress = Ok<typeof api.roadmaps.region.progress.$get>;
export type RegionOverdue = Ok<typeof api.roadmaps.region.overdue.$get>;
export type SectionInput = Input<(typeof api.roadmaps)[":roadmapId"]["sections"]["$post"]>;
export type Template = Ok<typeof api.roadmaps.template.$get>;
export type TemplateInput = Input<typeof api.roadmaps.template.$put>;
export type DeadlineReading = Ok<typeof api.roadmaps.template.deadlines.$post>["readings"][number];

export const roadmapNouns = {
  item: nouns.activity,
  roadmap: ["дорожная карта", "дорожные карты", "дорожных карт"],
  section: ["раздел", "раздела", "разделов"],
  warning: ["предупреждение", "предупреждения", "предупреждений"],
} as const satisfies Record<string, PluralForms>;

/** The academic year that starts this calendar year from September (or started last September): «2026/27». */
const academicYearOf = (start: number) => `${start}/${String((start + 1) % 100).padStart(2, "0")}`;

export function currentAcademicYear(now = new Date()): string {
  return academicYearOf(now.getMonth() >= 7 ? now.getFullYear() : now.getFullYear() - 1);
}

/**
 * The academic year a new roadmap from the template is offered for: the current one, or the first after it without a
 * roadmap in force (draft or approved), since the API refuses a second one for a year.
 */
export function freeAcademicYear(roadmaps: readonly { status: string; periodStart: string }[], now = new Date()): string {
  const taken = new Set(roadmaps.filter((r) => r.status === "draft" || r.status === "approved").map((r) => r.periodStart));
  let start = Number(currentAcademicYear(now).slice(0, 4));
  while (taken.has(`${start}-09-01`)) start += 1;
  return academicYearOf(start);
}

/**
 * How labels name one item: its number («1.1»), or for an item without one, the start of its name in quotes, so that
 * unnumbered items do not all get the same label.
 */
export const itemRef = (item: { number?: string; name: string }) =>
  item.number?.trim() || `«${item.name.trim().split("\n")[0]?.slice(0, 60)}»`;

/**
 * A roadmap's title with its period in brackets, unless the title already names it: «План на 2026/27 учебный год»
 * stays as it is, «План мероприятий» becomes «План мероприятий (2026/27 учебный год)». The title names the period
 * when it holds the period's text, or its years as written («2026/27», «2026–2027»).
 */
export function titleWithPeriod(title: string, period: string): string {
  const squeeze = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();
  const years = /^\d{4}\s*[/–—-]\s*\d{2,4}/.exec(period.trim())?.[0];
  const named = squeeze(title).includes(squeeze(period)) || (years !== undefined && squeeze(title).includes(squeeze(years)));
  return named || !period.trim() ? title : `${title} (${period})`;
}
