import type { RoadmapPeriod } from "./deadline";

/**
 * The period a roadmap covers, from the text schools write in its title: a year («2021 год»), an academic year
 * («2026/27 учебный год», «2026-2027 уч. г.») or a range («2020 – 2024 гг.», «2020 – 2025 учебный год»).
 * An academic year runs from 1 September to 31 August.
 */
export function parsePeriod(text: string): RoadmapPeriod | undefined {
  const value = text.toLowerCase().replace(/\s+/g, " ").trim();
  const academic = /уч/.test(value);
  const pair = /(\d{4})\s*[/\-–—]\s*(\d{2}|\d{4})(?!\d)/.exec(value);
  if (pair) {
    const from = Number(pair[1]);
    const second = pair[2] as string;
    const to = second.length === 2 ? Math.floor(from / 100) * 100 + Number(second) : Number(second);
    if (to < from || to - from > 10) return undefined;
    // «2026/27» (one step, a slash or short second year) is an academic year even without the word.
    const isAcademic = academic || (to === from + 1 && (value.includes("/") || second.length === 2));
    return isAcademic ? { start: `${from}-09-01`, end: `${to}-08-31` } : { start: `${from}-01-01`, end: `${to}-12-31` };
  }
  const single = /(?<!\d)(\d{4})(?!\d)/.exec(value);
  if (single) {
    const year = Number(single[1]);
    if (year < 2000 || year > 2100) return undefined;
    return academic ? { start: `${year}-09-01`, end: `${year + 1}-08-31` } : { start: `${year}-01-01`, end: `${year}-12-31` };
  }
  return undefined;
}

/** «2026/27» → «2026/27 учебный год»; the form the template roadmaps are titled with. */
export function academicYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, "0")} учебный год`;
}
