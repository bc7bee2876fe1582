/**
 * Roadmap deadline parser (DOMAIN.md §3.6, §5.8, §5.9, §9.2).
 *
 * Schools write the «Срок реализации» column as free Russian text. This module turns that text into a structured
 * deadline, a short Russian label for the UI and, per roadmap period, the list of due dates (occurrences) that the
 * reminder and overdue jobs work with. Pure: no I/O, no clock, no local time zone (dates are calendar dates, ISO
 * `YYYY-MM-DD`, compared as strings and built with pure arithmetic or `Date.UTC`).
 *
 * Nothing here guesses: text that does not match a known shape becomes `no_date`/`unknown` with a warning, and the
 * original text is always kept.
 */

export type RoadmapPeriod = { start: string; end: string }; // ISO dates YYYY-MM-DD, inclusive

export type Deadline =
  | { kind: "date"; date: string } // one due date
  | { kind: "month"; from: string; to: string } // first day .. last day (due) of a month or a run of months
  | { kind: "yearly"; months: { from: number; to: number }; day?: number } // each year in that month window; due on `day` of `to`, else its last day
  | { kind: "periodic"; every: "week" | "month" | "quarter" | "half_year" | "year"; day?: number } // e.g. monthly on the 25th; quarterly (due last day of each quarter)
  | { kind: "fixed_dates_yearly"; dates: { month: number; day: number }[] } // «до 20 декабря и 20 мая ежегодно»
  | { kind: "continuous" } // whole period, no single due date
  | { kind: "no_date"; reason: "relative" | "unknown" }; // relative/free text or not understood

export type ParsedDeadline = { text: string; deadline: Deadline; warning?: string; label: string };

export type Occurrence = { key: string; due: string }; // key is stable, e.g. "2026-12-20" or "2026-Q4"; due is YYYY-MM-DD

export type PeriodicEvery = Extract<Deadline, { kind: "periodic" }>["every"];

// ---------------------------------------------------------------------------------------------------------------
// Calendar arithmetic: pure integer maths; only the weekly schedule uses Date, and only its UTC methods
// ---------------------------------------------------------------------------------------------------------------

type Ymd = { y: number; m: number; d: number };

const pad2 = (n: number) => String(n).padStart(2, "0");
const pad4 = (n: number) => String(n).padStart(4, "0");

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

const toIso = (y: number, m: number, d: number) => `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
const lastDayIso = (y: number, m: number) => toIso(y, m, daysInMonth(y, m));

function validYmd(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function parseIso(value: string): Ymd | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  return validYmd(y, m, d) ? { y, m, d } : null;
}

/** ISO `YYYY-MM-DD` → `ДД.ММ.ГГГГ` (the input is returned unchanged when it is not an ISO date). */
export function formatRuDate(iso: string): string {
  const date = parseIso(iso);
  return date ? `${pad2(date.d)}.${pad2(date.m)}.${pad4(date.y)}` : iso;
}

type Period = { start: string; end: string; startYear: number; endYear: number };

function checkPeriod(period: RoadmapPeriod | null | undefined): Period | null {
  if (!period || typeof period.start !== "string" || typeof period.end !== "string") return null;
  const start = parseIso(period.start);
  const end = parseIso(period.end);
  if (!start || !end || period.start > period.end) return null;
  return { start: period.start, end: period.end, startYear: start.y, endYear: end.y };
}

const DAY_MS = 86_400_000;

/** ISO-8601 week key, e.g. "2026-W37", of a UTC midnight timestamp. */
function isoWeekKey(ms: number): string {
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday = 0
  const thursday = ms + (3 - weekday) * DAY_MS;
  const weekYear = new Date(thursday).getUTCFullYear();
  const jan4 = Date.UTC(weekYear, 0, 4);
  const week1Monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  const week = Math.floor((thursday - week1Monday) / (7 * DAY_MS)) + 1;
  return `${pad4(weekYear)}-W${pad2(week)}`;
}

function isoOfUtc(ms: number): string {
  const date = new Date(ms);
  return toIso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

// ---------------------------------------------------------------------------------------------------------------
// Russian words
// ---------------------------------------------------------------------------------------------------------------

const MONTH_NOMINATIVE = [
  "январь",
  "февраль",
  "март",
  "апрель",
  "май",
  "июнь",
  "июль",
  "август",
  "сентябрь",
  "октябрь",
  "ноябрь",
  "декабрь",
] as const;

const MONTH_GENITIVE = [
  "января",
  "февраля",
  "марта",
  "апреля",
  "мая",
  "июня",
  "июля",
  "августа",
  "сентября",
  "октября",
  "ноября",
  "декабря",
] as const;

/** Nominative, genitive and prepositional forms plus the usual abbreviations, all lower case with «е» for «ё». */
const MONTH_FORMS: readonly (readonly string[])[] = [
  ["январь", "января", "январе", "янв"],
  ["февраль", "февраля", "феврале", "февр", "фев"],
  ["март", "марта", "марте", "мар"],
  ["апрель", "апреля", "апреле", "апр"],
  ["май", "мая", "мае"],
  ["июнь", "июня", "июне", "июн"],
  ["июль", "июля", "июле", "июл"],
  ["август", "августа", "августе", "авг"],
  ["сентябрь", "сентября", "сентябре", "сент", "сен"],
  ["октябрь", "октября", "октябре", "окт"],
  ["ноябрь", "ноября", "ноябре", "нояб", "ноя"],
  ["декабрь", "декабря", "декабре", "дек"],
];

const MONTH_BY_WORD = new Map<string, number>(MONTH_FORMS.flatMap((forms, index) => forms.map((form) => [form, index + 1] as const)));

const monthName = (m: number) => MONTH_NOMINATIVE[m - 1] ?? String(m);
const monthGenitive = (m: number) => MONTH_GENITIVE[m - 1] ?? String(m);

function monthOf(word: string | undefined): number | null {
  if (word === undefined) return null;
  return MONTH_BY_WORD.get(word.replace(/\.$/, "")) ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------------------------------------------

/**
 * Lower case, «ё» → «е», every kind of space collapsed, every dash/minus → " - ", commas as ", ", list bullets and
 * trailing punctuation dropped, «г.», «гг.», «года», «год» after a year removed, «25-го» → «25».
 */
export function normalizeDeadlineText(text: string): string {
  let s = text.normalize("NFC").toLowerCase().replace(/ё/g, "е");
  s = s.replace(/[\s\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/g, " ");
  s = s.replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, "-");
  s = s.trim();
  s = s.replace(/^(?:[-•*·]\s*)+/, "");
  s = s.replace(/[\s.;,]+$/, "");
  s = s.replace(/(\d)\s*-\s*(?:ого|го|ое|е|ый|ий|й|ом|ем|м|ая|я)(?![а-я])/g, "$1");
  s = s.replace(/((?<![\d_])(?:\d{4}|\d{0,3}_+|20\d))\s*(?:гг|г|годов|годы|года|году|год)(?![а-я])\.?/g, "$1");
  s = s.replace(/\s*-\s*/g, " - ");
  s = s.replace(/\s*,\s*/g, ", ");
  s = s.replace(/\s*\/\s*/g, "/");
  return s.replace(/ +/g, " ").trim();
}

// ---------------------------------------------------------------------------------------------------------------
// Regular-expression building blocks (applied to normalised text)
// ---------------------------------------------------------------------------------------------------------------

const MONTH_RE = `((?:${[...MONTH_BY_WORD.keys()].sort((a, b) => b.length - a.length).join("|")})\\.?)(?![а-я])`;
/** A year: four digits, or a template blank such as «202_», «20__», «____», or «202» (the blank left empty). */
const YEAR_RE = `(\\d{4}|\\d{0,3}_+|20\\d)(?![\\d_])`;
/** «до», «к», «по», «не позднее», «в срок до» … (a due date). */
const BY_RE = `(?:(?:в срок |срок )?(?:до|не позднее|не позже|к|по) )?`;
const IN_RE = `(?:(?:в течение|на протяжении|в период|в|во) )?`;

const re = (source: string) => new RegExp(`^(?:${source})$`);

const DATE_NUMERIC = re(`${BY_RE}(\\d{1,2})[./](\\d{1,2})(?:[./](\\d{4}|\\d{0,3}_+|20\\d|\\d{2}))?`);
const DATE_WORDS = re(`${BY_RE}(\\d{1,2}) ${MONTH_RE}(?: ${YEAR_RE})?`);
const END_OF_MONTH = re(`(?:до )?(?:конца|окончания) ${MONTH_RE}(?: ${YEAR_RE})?`);
const END_OF_YEAR = re(`(?:до )?(?:конца|окончания) ${YEAR_RE}`);
const MONTH_SINGLE = re(`${IN_RE}${MONTH_RE}(?: ${YEAR_RE})?`);
const MONTH_RANGE = re(`${IN_RE}${MONTH_RE}(?: ${YEAR_RE})? - ${MONTH_RE}(?: ${YEAR_RE})?`);
const MONTH_FROM_TO = re(`(?:в период )?с ${MONTH_RE}(?: ${YEAR_RE})? по ${MONTH_RE}(?: ${YEAR_RE})?`);
const YEAR_ONLY = re(`${IN_RE}${YEAR_RE}`);
const YEAR_SPAN = re(`(?:(?:в|на|в течение) )?(\\d{4})( - |/)(\\d{4})( учебн(?:ый|ого|ом|ые|ых) (?:год|года|году|годы|годов))?`);
const QUARTER = re(
  `(?:в |во )?(1|2|3|4|i|ii|iii|iv|первый|первом|второй|втором|третий|третьем|четвертый|четвертом) квартал[а-я]*(?: ${YEAR_RE})?`,
);
const HALF = re(`(?:в |во )?(1|2|i|ii|первое|первом|второе|втором) полугоди[а-я]*(?: ${YEAR_RE})?`);

const ONCE = `(?:не реже |не менее )?(?:1|один|одного) раза? в`;
const TWICE = `(?:не реже |не менее )?(?:2|два|двух) раза? в`;
const HALF_YEAR_WORDS = `(?:полугодие|полгода|пол года)`;

const PERIODIC_WORDS: readonly (readonly [RegExp, PeriodicEvery])[] = [
  [re(`еженедельно|каждую неделю|раз в неделю|${ONCE} неделю`), "week"],
  [re(`ежемесячно|каждый месяц|раз в месяц|${ONCE} месяц`), "month"],
  [re(`ежеквартально|поквартально|каждый квартал|раз в квартал|${ONCE} квартал|(?:4|четыре|четырех) раза? в год`), "quarter"],
  [re(`каждое полугодие|раз в ${HALF_YEAR_WORDS}|${ONCE} ${HALF_YEAR_WORDS}|${TWICE} год|дважды в год`), "half_year"],
  [re(`раз в год|${ONCE} год`), "year"],
];

const MONTHLY_WORDS = `(?:ежемесячно|каждый месяц|раз в месяц|${ONCE} месяц)`;
const MONTHLY_ON_DAY = [
  re(`${MONTHLY_WORDS},? (?:до )?(\\d{1,2}) (?:числа|число)(?: каждого месяца)?`),
  re(`(?:до )?(\\d{1,2}) (?:числа|число),? (?:ежемесячно|каждого месяца)`),
];

/** «по необходимости, но не реже 1 раза в неделю» → the periodic part. */
const AS_NEEDED_PREFIX = /^по (?:мере )?необходимости,? (?:но )?/;

/** «1 раз в полгода до 20 декабря и до 20 мая» → the dates. */
const HALF_YEAR_PREFIX = new RegExp(`^(?:раз в ${HALF_YEAR_WORDS}|${ONCE} ${HALF_YEAR_WORDS}|${TWICE} год|дважды в год),? `);

const YEARLY_WORD = /(?:^|(?<=[ ,]))(?:ежегодно|каждый год)(?=$|[ ,])/;

const CONTINUOUS: readonly RegExp[] = [
  /^(?:в течение|на протяжении) (?:всего )?(?:периода|срока)(?: (?:реализации|внедрения|действия)(?: [^,;]+)?)?$/,
  /^(?:весь|за весь) (?:период|срок)(?: (?:реализации|внедрения|действия)(?: [^,;]+)?)?$/,
  /^(?:в течение|на протяжении) (?:всего )?(?:учебного |календарного )?года$/,
  /^(?:постоянно|в постоянном режиме|на постоянной основе|систематически)$/,
];

const RELATIVE: readonly RegExp[] = [
  /^по (?:отдельному|утвержденному|индивидуальному|согласованному)? ?(?:графику|плану)/,
  /^(?:согласно|в соответствии|по мере|по необходимости|по запросу|по требованию|по согласованию|по окончании|по завершении|по итогам)(?![а-я])/,
  /^(?:после|перед|с момента|с даты|со дня|до принятия|до начала|до окончания|при)(?![а-я])/,
  /^в течение \S+(?: - \S+)? (?:дн|день|недел|месяц|рабоч|календарн|час|суток)[а-я]* (?:с|со|после|от|до|с момента|с даты)(?![а-я])/,
  /^(?:за|не позднее(?: чем за)?) \S+(?: - \S+)? (?:дн|день|недел|месяц|рабоч|календарн|час|суток)[а-я]* (?:до|после|с|со|от)(?![а-я])/,
  /^от \S+ (?:дн|день|недел|месяц|год|лет)[а-я]* до \S+ (?:дн|день|недел|месяц|год|лет)[а-я]*$/,
];

// ---------------------------------------------------------------------------------------------------------------
// Years: explicit, blank («202_») or missing, anchored to the roadmap period
// ---------------------------------------------------------------------------------------------------------------

/** `prefix` is what the template kept of the year: "" for a missing year or «____», "202" for «202_». */
type YearSpec = { fixed: number } | { prefix: string };

function yearSpec(token: string | undefined): YearSpec {
  if (token === undefined) return { prefix: "" };
  if (/^\d{4}$/.test(token)) return { fixed: Number(token) };
  if (/^\d{2}$/.test(token)) return { fixed: 2000 + Number(token) };
  return { prefix: token.replace(/_+$/, "").replace(/_/g, "") };
}

const isFixed = (spec: YearSpec): spec is { fixed: number } => "fixed" in spec;
const yearFits = (spec: YearSpec, y: number) => (isFixed(spec) ? spec.fixed === y : String(y).startsWith(spec.prefix));

type Outcome = { deadline: Deadline; warning?: string };
/** A deadline built for one concrete year: `from` .. `due` is what must fall inside the period. */
type Candidate = { from: string; due: string; deadline: Deadline };

const UNKNOWN: Deadline = { kind: "no_date", reason: "unknown" };

const quoted = (text: string) => `"${text.replace(/\s+/g, " ").trim()}"`;
const unknownWarning = (text: string) => `Не удалось распознать срок: ${quoted(text)}. Срок сохранён как текст.`;

/**
 * Chooses the year for a deadline written without a year or with a blank: the first year (from the year before the
 * period starts, so that a December–January window can begin before it) whose due date falls inside the period; failing
 * that, the first whose span overlaps the period. For an academic year this puts Sept–Dec in the first calendar year and
 * Jan–Aug in the second.
 */
function anchor(text: string, period: Period | null, make: (y: number) => Candidate | null): Outcome {
  if (!period) {
    return {
      deadline: UNKNOWN,
      warning: `Не удалось привязать срок ${quoted(text)} к периоду дорожной карты: период задан неверно. Срок сохранён как текст.`,
    };
  }
  let overlap: Candidate | null = null;
  for (let y = period.startYear - 1; y <= period.endYear; y++) {
    const candidate = make(y);
    if (!candidate) continue;
    if (candidate.due >= period.start && candidate.due <= period.end) return { deadline: candidate.deadline };
    if (!overlap && candidate.from <= period.end && candidate.due >= period.start) overlap = candidate;
  }
  if (overlap) return { deadline: overlap.deadline };
  return {
    deadline: UNKNOWN,
    warning:
      `Срок ${quoted(text)} не попадает в период дорожной карты ` +
      `(${formatRuDate(period.start)} – ${formatRuDate(period.end)}). Срок сохранён как текст.`,
  };
}

/** One date (or one month/quarter/year) whose year is written, blank or missing. */
function resolveSingle(text: string, period: Period | null, spec: YearSpec, build: (y: number) => Candidate | null): Outcome {
  if (isFixed(spec)) {
    const candidate = build(spec.fixed);
    return candidate ? { deadline: candidate.deadline } : { deadline: UNKNOWN, warning: unknownWarning(text) };
  }
  return anchor(text, period, (y) => (yearFits(spec, y) ? build(y) : null));
}

function dateCandidate(y: number, m: number, d: number): Candidate | null {
  if (!validYmd(y, m, d)) return null;
  const date = toIso(y, m, d);
  return { from: date, due: date, deadline: { kind: "date", date } };
}

function monthsCandidate(y1: number, m1: number, y2: number, m2: number): Candidate | null {
  if (!validYmd(y1, m1, 1) || !validYmd(y2, m2, 1)) return null;
  const from = toIso(y1, m1, 1);
  const to = lastDayIso(y2, m2);
  if (from > to) return null;
  return { from, due: to, deadline: { kind: "month", from, to } };
}

/** «октябрь – ноябрь 2020», «декабрь 2020 – январь 2021», «сентябрь – октябрь 202_», «декабрь – январь». */
function resolveMonthRange(text: string, period: Period | null, m1: number, y1: YearSpec, m2: number, y2: YearSpec): Outcome {
  const crosses = m2 < m1;
  if (isFixed(y1) && isFixed(y2)) {
    const candidate = monthsCandidate(y1.fixed, m1, y2.fixed, m2);
    return candidate ? { deadline: candidate.deadline } : { deadline: UNKNOWN, warning: unknownWarning(text) };
  }
  if (isFixed(y1)) {
    const endYear = crosses ? y1.fixed + 1 : y1.fixed;
    if (!yearFits(y2, endYear)) return { deadline: UNKNOWN, warning: unknownWarning(text) };
    const candidate = monthsCandidate(y1.fixed, m1, endYear, m2);
    return candidate ? { deadline: candidate.deadline } : { deadline: UNKNOWN, warning: unknownWarning(text) };
  }
  if (isFixed(y2)) {
    // «декабрь – январь 2021»: whether 2021 is the year of both ends or of January only is a guess; refuse it.
    if (crosses) return { deadline: UNKNOWN, warning: unknownWarning(text) };
    const candidate = monthsCandidate(y2.fixed, m1, y2.fixed, m2);
    return candidate ? { deadline: candidate.deadline } : { deadline: UNKNOWN, warning: unknownWarning(text) };
  }
  return anchor(text, period, (y) => {
    const endYear = crosses ? y + 1 : y;
    return yearFits(y1, y) && yearFits(y2, endYear) ? monthsCandidate(y, m1, endYear, m2) : null;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Matchers: each returns null when the text is not of its shape
// ---------------------------------------------------------------------------------------------------------------

function matchExactDate(text: string, s: string, period: Period | null): Outcome | null {
  let match = DATE_NUMERIC.exec(s);
  if (match) {
    const d = Number(match[1]);
    const m = Number(match[2]);
    return resolveSingle(text, period, yearSpec(match[3]), (y) => dateCandidate(y, m, d));
  }
  match = DATE_WORDS.exec(s);
  if (match) {
    const d = Number(match[1]);
    const m = monthOf(match[2]);
    if (m === null) return null;
    return resolveSingle(text, period, yearSpec(match[3]), (y) => dateCandidate(y, m, d));
  }
  match = END_OF_MONTH.exec(s);
  if (match) {
    const m = monthOf(match[1]);
    if (m === null) return null;
    return resolveSingle(text, period, yearSpec(match[2]), (y) => dateCandidate(y, m, daysInMonth(y, m)));
  }
  match = END_OF_YEAR.exec(s);
  if (match) return resolveSingle(text, period, yearSpec(match[1]), (y) => dateCandidate(y, 12, 31));
  return null;
}

const QUARTER_NUMBER: Record<string, number> = {
  "1": 1,
  i: 1,
  первый: 1,
  первом: 1,
  "2": 2,
  ii: 2,
  второй: 2,
  втором: 2,
  "3": 3,
  iii: 3,
  третий: 3,
  третьем: 3,
  "4": 4,
  iv: 4,
  четвертый: 4,
  четвертом: 4,
};
const HALF_NUMBER: Record<string, number> = { "1": 1, i: 1, первое: 1, первом: 1, "2": 2, ii: 2, второе: 2, втором: 2 };

function matchMonths(text: string, s: string, period: Period | null): Outcome | null {
  let match = MONTH_SINGLE.exec(s);
  if (match) {
    const m = monthOf(match[1]);
    if (m === null) return null;
    return resolveSingle(text, period, yearSpec(match[2]), (y) => monthsCandidate(y, m, y, m));
  }
  match = MONTH_RANGE.exec(s) ?? MONTH_FROM_TO.exec(s);
  if (match) {
    const m1 = monthOf(match[1]);
    const m2 = monthOf(match[3]);
    if (m1 === null || m2 === null) return null;
    return resolveMonthRange(text, period, m1, yearSpec(match[2]), m2, yearSpec(match[4]));
  }
  match = YEAR_ONLY.exec(s);
  if (match) return resolveSingle(text, period, yearSpec(match[1]), (y) => monthsCandidate(y, 1, y, 12));
  match = YEAR_SPAN.exec(s);
  if (match) {
    const y1 = Number(match[1]);
    const y2 = Number(match[3]);
    const academic = match[2] === "/" || match[4] !== undefined;
    const candidate = academic ? monthsCandidate(y1, 9, y2, 8) : monthsCandidate(y1, 1, y2, 12);
    return candidate && y2 > y1 ? { deadline: candidate.deadline } : { deadline: UNKNOWN, warning: unknownWarning(text) };
  }
  match = QUARTER.exec(s);
  if (match) {
    const q = QUARTER_NUMBER[match[1] ?? ""];
    if (q === undefined) return null;
    return resolveSingle(text, period, yearSpec(match[2]), (y) => monthsCandidate(y, q * 3 - 2, y, q * 3));
  }
  match = HALF.exec(s);
  if (match) {
    const h = HALF_NUMBER[match[1] ?? ""];
    if (h === undefined) return null;
    return resolveSingle(text, period, yearSpec(match[2]), (y) => monthsCandidate(y, h * 6 - 5, y, h * 6));
  }
  return null;
}

function matchPeriodic(s: string): Deadline | null {
  const core = AS_NEEDED_PREFIX.test(s) ? s.replace(AS_NEEDED_PREFIX, "") : s;
  for (const [pattern, every] of PERIODIC_WORDS) {
    if (pattern.test(core)) return { kind: "periodic", every };
  }
  for (const pattern of MONTHLY_ON_DAY) {
    const match = pattern.exec(core);
    if (match) {
      const day = Number(match[1]);
      return day >= 1 && day <= 31 ? { kind: "periodic", every: "month", day } : null;
    }
  }
  return null;
}

const LIST_SEPARATOR = /, и |, | и /;

/** «до 20 декабря и до 20 мая», «не позднее 30 декабря», «до 25.12» → month/day pairs; null when any part is not one. */
function parseDayMonthList(s: string): { month: number; day: number }[] | null {
  const dayMonth = re(`${BY_RE}(\\d{1,2}) ${MONTH_RE}`);
  const numeric = re(`${BY_RE}(\\d{1,2})\\.(\\d{1,2})`);
  const dates: { month: number; day: number }[] = [];
  for (const part of s.split(LIST_SEPARATOR)) {
    const words = dayMonth.exec(part);
    const digits = words ? null : numeric.exec(part);
    const day = Number(words?.[1] ?? digits?.[1]);
    const month = words ? monthOf(words[2]) : digits ? Number(digits[2]) : null;
    // 2000 is a leap year, so 29 February is accepted and clamped to the 28th in the other years.
    if (month === null || !validYmd(2000, month, day)) return null;
    dates.push({ month, day });
  }
  return dates.length > 0 ? dates : null;
}

const YEARLY_WINDOW = [
  re(`(?:(?:в течение|в период|в|во) )?${MONTH_RE}(?: - ${MONTH_RE})?`),
  re(`(?:в период )?с ${MONTH_RE} по ${MONTH_RE}`),
];
const WINDOW_DAY = /^(.+?),? (?:до )?(\d{1,2}) (?:числа|число)$/;

/** The remainder of a text that said «ежегодно». */
function matchYearly(rest: string): Deadline | null {
  if (rest === "") return { kind: "periodic", every: "year" };
  if (CONTINUOUS.some((pattern) => pattern.test(rest))) return { kind: "continuous" };

  const dayMatch = WINDOW_DAY.exec(rest);
  const windowText = dayMatch?.[1] ?? rest;
  for (const pattern of YEARLY_WINDOW) {
    const match = pattern.exec(windowText);
    if (!match) continue;
    const from = monthOf(match[1]);
    const to = match[2] === undefined ? from : monthOf(match[2]);
    if (from === null || to === null) return null;
    if (!dayMatch) return { kind: "yearly", months: { from, to } };
    const day = Number(dayMatch[2]);
    return validYmd(2000, to, day) ? { kind: "yearly", months: { from, to }, day } : null;
  }

  // «Июнь, сентябрь ежегодно»: separate months, each due on its last day (29 February is clamped in occurrences).
  const parts = rest.split(LIST_SEPARATOR);
  if (parts.length > 1) {
    const months = parts.map((part) => (re(`(?:(?:в|во) )?${MONTH_RE}`).test(part) ? monthOf(part.replace(/^(?:в|во) /, "")) : null));
    if (months.every((m): m is number => m !== null)) {
      return { kind: "fixed_dates_yearly", dates: months.map((month) => ({ month, day: daysInMonth(2000, month) })) };
    }
  }

  const dates = parseDayMonthList(rest.replace(HALF_YEAR_PREFIX, ""));
  return dates ? { kind: "fixed_dates_yearly", dates } : null;
}

function interpret(text: string, period: Period | null): Outcome {
  const isoInput = parseIso(text.trim());
  if (isoInput) return { deadline: { kind: "date", date: text.trim() } };

  const s = normalizeDeadlineText(text);
  if (s === "") return { deadline: UNKNOWN, warning: "Срок не указан." };

  if (CONTINUOUS.some((pattern) => pattern.test(s))) return { deadline: { kind: "continuous" } };

  if (YEARLY_WORD.test(s)) {
    const rest = s
      .replace(YEARLY_WORD, " ")
      .replace(/ ,/g, ",")
      .replace(/^[ ,]+|[ ,]+$/g, "")
      .replace(/ +/g, " ");
    const yearly = matchYearly(rest);
    if (yearly) return { deadline: yearly };
  } else {
    const periodic = matchPeriodic(s);
    if (periodic) return { deadline: periodic };
    if (HALF_YEAR_PREFIX.test(s)) {
      const dates = parseDayMonthList(s.replace(HALF_YEAR_PREFIX, ""));
      if (dates) return { deadline: { kind: "fixed_dates_yearly", dates } };
    }
    const dated = matchExactDate(text, s, period) ?? matchMonths(text, s, period);
    if (dated) return dated;
  }

  if (RELATIVE.some((pattern) => pattern.test(s))) return { deadline: { kind: "no_date", reason: "relative" } };
  return { deadline: UNKNOWN, warning: unknownWarning(text) };
}

// ---------------------------------------------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------------------------------------------

function joinRu(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} и ${items[items.length - 1]}`;
}

/** The original text tidied for a label: spaces collapsed, bullet and final full stop dropped, first letter lower case. */
function tidyText(text: string): string {
  const s = text
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim()
    .replace(/^(?:[-–—•*·]\s*)+/, "")
    .replace(/[\s.;,]+$/, "");
  const first = s.charAt(0);
  const second = s.charAt(1);
  return second !== "" && second === second.toLowerCase() ? first.toLowerCase() + s.slice(1) : s;
}

function monthSpanLabel(fromIso: string, toIso: string): string {
  const from = parseIso(fromIso);
  const to = parseIso(toIso);
  if (!from || !to) return `${fromIso} – ${toIso}`;
  if (from.d !== 1 || to.d !== daysInMonth(to.y, to.m)) return `${formatRuDate(fromIso)} – ${formatRuDate(toIso)}`;
  if (from.m === 1 && to.m === 12) return from.y === to.y ? `${from.y} год` : `${from.y} – ${to.y} гг.`;
  if (from.y === to.y) return from.m === to.m ? `${monthName(from.m)} ${from.y}` : `${monthName(from.m)} – ${monthName(to.m)} ${from.y}`;
  return `${monthName(from.m)} ${from.y} – ${monthName(to.m)} ${to.y}`;
}

const PERIODIC_LABEL: Record<PeriodicEvery, string> = {
  week: "еженедельно",
  month: "ежемесячно",
  quarter: "ежеквартально",
  half_year: "раз в полугодие",
  year: "ежегодно",
};

/** Short Russian reading of a deadline for the UI; `text` (the original) is used only for relative deadlines. */
export function deadlineLabel(deadline: Deadline, text = ""): string {
  switch (deadline.kind) {
    case "date":
      return `до ${formatRuDate(deadline.date)}`;
    case "month":
      return monthSpanLabel(deadline.from, deadline.to);
    case "yearly": {
      const { from, to } = deadline.months;
      const window = from === to ? monthName(from) : `${monthName(from)} – ${monthName(to)}`;
      if (deadline.day === undefined) return `ежегодно, ${window}`;
      return from === to ? `ежегодно, до ${deadline.day} ${monthGenitive(to)}` : `ежегодно, ${window}, до ${deadline.day} числа`;
    }
    case "periodic":
      return deadline.every === "month" && deadline.day !== undefined
        ? `ежемесячно, ${deadline.day} числа`
        : PERIODIC_LABEL[deadline.every];
    case "fixed_dates_yearly":
      return `ежегодно, до ${joinRu(deadline.dates.map(({ month, day }) => `${day} ${monthGenitive(month)}`))}`;
    case "continuous":
      return "весь период";
    case "no_date": {
      if (deadline.reason === "unknown") return "срок не распознан";
      const tidy = tidyText(text);
      return tidy === "" ? "без срока" : `без срока (${tidy})`;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------------------------

/**
 * Reads a roadmap deadline written in Russian. A year that is missing or left blank («202_») is anchored to `period`.
 * Never throws: text that is not understood gives `no_date`/`unknown` with a Russian warning.
 */
export function parseDeadline(text: string, period: RoadmapPeriod): ParsedDeadline {
  const original = typeof text === "string" ? text : "";
  const { deadline, warning } = interpret(original, checkPeriod(period));
  const parsed: ParsedDeadline = { text: original, deadline, label: deadlineLabel(deadline, original) };
  if (warning !== undefined) parsed.warning = warning;
  return parsed;
}

/** All due dates of a deadline that fall inside the period (one for date/month, many for yearly/periodic; none for continuous/no_date). */
export function occurrences(deadline: Deadline, period: RoadmapPeriod): Occurrence[] {
  const p = checkPeriod(period);
  if (!p) return [];
  const inside = (iso: string) => iso >= p.start && iso <= p.end;
  const single = (iso: string): Occurrence[] => (parseIso(iso) && inside(iso) ? [{ key: iso, due: iso }] : []);
  const validMonth = (m: number) => Number.isInteger(m) && m >= 1 && m <= 12;
  const clampedDay = (y: number, m: number, day: number | undefined) =>
    day === undefined ? daysInMonth(y, m) : Math.min(Math.max(1, Math.trunc(day)), daysInMonth(y, m));
  const result: Occurrence[] = [];

  switch (deadline.kind) {
    case "date":
      return single(deadline.date);
    case "month":
      return parseIso(deadline.from) ? single(deadline.to) : [];
    case "yearly": {
      const { from, to } = deadline.months;
      if (!validMonth(from) || !validMonth(to)) return [];
      for (let y = p.startYear - 1; y <= p.endYear; y++) {
        const dueYear = to < from ? y + 1 : y;
        const due = toIso(dueYear, to, clampedDay(dueYear, to, deadline.day));
        if (inside(due)) result.push({ key: due, due });
      }
      return result;
    }
    case "fixed_dates_yearly": {
      const seen = new Set<string>();
      for (let y = p.startYear; y <= p.endYear; y++) {
        for (const { month, day } of deadline.dates) {
          if (!validMonth(month)) continue;
          const due = toIso(y, month, clampedDay(y, month, day));
          if (inside(due) && !seen.has(due)) {
            seen.add(due);
            result.push({ key: due, due });
          }
        }
      }
      return result.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
    }
    case "periodic":
      return periodicOccurrences(deadline.every, deadline.day, p, inside, clampedDay);
    case "continuous":
    case "no_date":
      return [];
  }
}

function periodicOccurrences(
  every: PeriodicEvery,
  day: number | undefined,
  p: Period,
  inside: (iso: string) => boolean,
  clampedDay: (y: number, m: number, day: number | undefined) => number,
): Occurrence[] {
  const result: Occurrence[] = [];
  const push = (key: string, due: string) => {
    if (inside(due)) result.push({ key, due });
  };
  switch (every) {
    case "week": {
      const start = parseIso(p.start);
      const end = parseIso(p.end);
      if (!start || !end) return result;
      const startMs = Date.UTC(start.y, start.m - 1, start.d);
      const endMs = Date.UTC(end.y, end.m - 1, end.d);
      // Each ISO week is due on its Sunday.
      const firstSunday = startMs + ((7 - new Date(startMs).getUTCDay()) % 7) * DAY_MS;
      for (let ms = firstSunday; ms <= endMs; ms += 7 * DAY_MS) push(isoWeekKey(ms), isoOfUtc(ms));
      return result;
    }
    case "month":
      for (let y = p.startYear; y <= p.endYear; y++) {
        for (let m = 1; m <= 12; m++) push(`${pad4(y)}-${pad2(m)}`, toIso(y, m, clampedDay(y, m, day)));
      }
      return result;
    case "quarter":
      for (let y = p.startYear; y <= p.endYear; y++) {
        for (let q = 1; q <= 4; q++) push(`${pad4(y)}-Q${q}`, lastDayIso(y, q * 3));
      }
      return result;
    case "half_year":
      for (let y = p.startYear; y <= p.endYear; y++) {
        for (let h = 1; h <= 2; h++) push(`${pad4(y)}-H${h}`, lastDayIso(y, h * 6));
      }
      return result;
    case "year":
      for (let y = p.startYear; y <= p.endYear; y++) push(pad4(y), toIso(y, 12, 31));
      return result;
  }
}
