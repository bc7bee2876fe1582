import { describe, expect, it } from "vitest";
import { type Deadline, deadlineLabel, normalizeDeadlineText, occurrences, parseDeadline, type RoadmapPeriod } from "./deadline";

// Roadmap periods from the seeds (DOMAIN.md §3.6, §9.1).
const CMN_2020_2024: RoadmapPeriod = { start: "2020-01-01", end: "2024-12-31" }; // ГБПОУ НСТ, ПГТ: «2020 – 2024 гг.»
const PELYM: RoadmapPeriod = { start: "2020-09-01", end: "2025-08-31" }; // «на 2020 – 2025 учебный год»
const TASHTAGOL: RoadmapPeriod = { start: "2021-01-01", end: "2022-08-31" }; // «2021/2022 гг.», items from May 2021
const MTTK: RoadmapPeriod = { start: "2023-09-01", end: "2024-08-31" }; // «на 202_ – 202_ учебный год», filled in as 2023/2024
const ACADEMIC_2026: RoadmapPeriod = { start: "2026-09-01", end: "2027-08-31" };
const CALENDAR_2021: RoadmapPeriod = { start: "2021-01-01", end: "2021-12-31" };

const date = (iso: string): Deadline => ({ kind: "date", date: iso });
const months = (from: string, to: string): Deadline => ({ kind: "month", from, to });
const yearly = (from: number, to: number, day?: number): Deadline =>
  day === undefined ? { kind: "yearly", months: { from, to } } : { kind: "yearly", months: { from, to }, day };
const every = (e: "week" | "month" | "quarter" | "half_year" | "year", day?: number): Deadline =>
  day === undefined ? { kind: "periodic", every: e } : { kind: "periodic", every: e, day };
const fixedDates = (...dates: [month: number, day: number][]): Deadline => ({
  kind: "fixed_dates_yearly",
  dates: dates.map(([month, day]) => ({ month, day })),
});
const CONTINUOUS: Deadline = { kind: "continuous" };
const RELATIVE: Deadline = { kind: "no_date", reason: "relative" };
const UNKNOWN: Deadline = { kind: "no_date", reason: "unknown" };

type Row = [text: string, deadline: Deadline, label: string];

function expectParsed(text: string, period: RoadmapPeriod, deadline: Deadline, label: string) {
  const parsed = parseDeadline(text, period);
  expect(parsed).toEqual({ text, deadline, label });
  expect(parsed.warning).toBeUndefined();
  expect(parsed.text).toBe(text);
}

describe("parseDeadline: DOMAIN.md §3.6 deadline kinds (verbatim)", () => {
  it.each<Row>([
    ["до 30.09.2020", date("2020-09-30"), "до 30.09.2020"],
    ["до 10 января 2021 года", date("2021-01-10"), "до 10.01.2021"],
    ["До 25.12.2020", date("2020-12-25"), "до 25.12.2020"],
    ["До 20.02.2021 г.", date("2021-02-20"), "до 20.02.2021"],
    ["До 30.12.2021", date("2021-12-30"), "до 30.12.2021"],
    ["До 20.08.2021", date("2021-08-20"), "до 20.08.2021"],
    ["до 25.12.2021", date("2021-12-25"), "до 25.12.2021"],
  ])("exact date %j", (text, deadline, label) => expectParsed(text, CMN_2020_2024, deadline, label));

  it.each<Row>([
    ["Октябрь 2020", months("2020-10-01", "2020-10-31"), "октябрь 2020"],
    ["Май 2021 г.", months("2021-05-01", "2021-05-31"), "май 2021"],
    ["Сентябрь 2021 г.", months("2021-09-01", "2021-09-30"), "сентябрь 2021"],
    ["Октябрь 2021", months("2021-10-01", "2021-10-31"), "октябрь 2021"],
    ["Декабрь 2021", months("2021-12-01", "2021-12-31"), "декабрь 2021"],
    ["Май 2022 г.", months("2022-05-01", "2022-05-31"), "май 2022"],
  ])("month %j", (text, deadline, label) => expectParsed(text, CMN_2020_2024, deadline, label));

  it.each<Row>([
    ["Октябрь – ноябрь 2020", months("2020-10-01", "2020-11-30"), "октябрь – ноябрь 2020"],
    ["сентябрь-декабрь 2020", months("2020-09-01", "2020-12-31"), "сентябрь – декабрь 2020"],
  ])("month range %j", (text, deadline, label) => expectParsed(text, CMN_2020_2024, deadline, label));

  it.each<Row>([
    ["Сентябрь-октябрь 202_ г.", months("2023-09-01", "2023-10-31"), "сентябрь – октябрь 2023"],
    ["Октябрь-ноябрь 202_ г.", months("2023-10-01", "2023-11-30"), "октябрь – ноябрь 2023"],
  ])("month range template %j (МТТК 2023/2024)", (text, deadline, label) => expectParsed(text, MTTK, deadline, label));

  it.each<Row>([
    ["Август - сентябрь ежегодно", yearly(8, 9), "ежегодно, август – сентябрь"],
    ["Сентябрь ежегодно", yearly(9, 9), "ежегодно, сентябрь"],
    ["Октябрь - ноябрь ежегодно", yearly(10, 11), "ежегодно, октябрь – ноябрь"],
    ["Ноябрь ежегодно", yearly(11, 11), "ежегодно, ноябрь"],
    ["Июнь-сентябрь ежегодно", yearly(6, 9), "ежегодно, июнь – сентябрь"],
    ["Январь ежегодно", yearly(1, 1), "ежегодно, январь"],
    // Two separate months, not a window: each is due on its last day.
    ["Июнь, сентябрь ежегодно", fixedDates([6, 30], [9, 30]), "ежегодно, до 30 июня и 30 сентября"],
    ["В течение года ежегодно", CONTINUOUS, "весь период"],
  ])("yearly %j", (text, deadline, label) => expectParsed(text, CMN_2020_2024, deadline, label));

  it.each<Row>([
    ["ежеквартально", every("quarter"), "ежеквартально"],
    ["1 раз в квартал", every("quarter"), "ежеквартально"],
    ["Ежемесячно 25 числа", every("month", 25), "ежемесячно, 25 числа"],
  ])("periodic %j", (text, deadline, label) => expectParsed(text, CMN_2020_2024, deadline, label));

  it.each<Row>([
    ["в течение всего периода реализации ЦМН", CONTINUOUS, "весь период"],
    ["Весь период", CONTINUOUS, "весь период"],
    ["В течение года", CONTINUOUS, "весь период"],
    ["в течение всего периода", CONTINUOUS, "весь период"],
    ["В течение всего периода", CONTINUOUS, "весь период"],
  ])("continuous %j", (text, deadline, label) => expectParsed(text, CMN_2020_2024, deadline, label));

  it.each<Row>([
    ["В течение двух недель с даты определения модели", RELATIVE, "без срока (в течение двух недель с даты определения модели)"],
    [
      "в соответствии со сроками реализации программ наставничества",
      RELATIVE,
      "без срока (в соответствии со сроками реализации программ наставничества)",
    ],
    [
      "Согласно персонализированным программам наставничества",
      RELATIVE,
      "без срока (согласно персонализированным программам наставничества)",
    ],
    ["по отдельному графику", RELATIVE, "без срока (по отдельному графику)"],
    ["По мере реализации программы", RELATIVE, "без срока (по мере реализации программы)"],
  ])("relative %j", (text, deadline, label) => expectParsed(text, CMN_2020_2024, deadline, label));
});

describe("parseDeadline: DOMAIN.md §5.8 recurring deadlines (Russian wording from the table and its seed sources)", () => {
  it.each<Row>([
    // R1 (000 order §10; regulation §3.4)
    ["1 раз в полгода", every("half_year"), "раз в полугодие"],
    ["до 20 декабря и 20 мая ежегодно", fixedDates([12, 20], [5, 20]), "ежегодно, до 20 декабря и 20 мая"],
    ["1 раз в полгода до 20 декабря и до 20 мая ежегодно", fixedDates([12, 20], [5, 20]), "ежегодно, до 20 декабря и 20 мая"],
    // R2, R2a
    ["ежегодно в срок не позднее 30 декабря", fixedDates([12, 30]), "ежегодно, до 30 декабря"],
    ["до 10 января 2021 года", date("2021-01-10"), "до 10.01.2021"],
    // R3
    ["по запросу РНЦ", RELATIVE, "без срока (по запросу РНЦ)"],
    // R4, R5, R6, R7
    ["1 раз в квартал", every("quarter"), "ежеквартально"],
    ["ежеквартально", every("quarter"), "ежеквартально"],
    ["Ежемесячно 25 числа", every("month", 25), "ежемесячно, 25 числа"],
    // R8
    ["не реже 1 раза в неделю", every("week"), "еженедельно"],
    ["по необходимости, но не реже 1 раза в неделю", every("week"), "еженедельно"],
    // R9, R10
    ["до 25.12.2020", date("2020-12-25"), "до 25.12.2020"],
    ["до 25.12.2021", date("2021-12-25"), "до 25.12.2021"],
    ["До 15.02.2021", date("2021-02-15"), "до 15.02.2021"],
    ["До 20.02.2021 г.", date("2021-02-20"), "до 20.02.2021"],
    // R11, R12
    ["Декабрь 2021", months("2021-12-01", "2021-12-31"), "декабрь 2021"],
    ["Май 2022 г.", months("2022-05-01", "2022-05-31"), "май 2022"],
    // R13, R14
    ["не менее одного раза в год", every("year"), "ежегодно"],
    ["один раз в год", every("year"), "ежегодно"],
    // R15–R21 (002 roadmap)
    ["Август - сентябрь ежегодно", yearly(8, 9), "ежегодно, август – сентябрь"],
    ["Август- сентябрь ежегодно", yearly(8, 9), "ежегодно, август – сентябрь"],
    ["Сентябрь ежегодно", yearly(9, 9), "ежегодно, сентябрь"],
    ["Октябрь - ноябрь ежегодно", yearly(10, 11), "ежегодно, октябрь – ноябрь"],
    ["Ноябрь ежегодно", yearly(11, 11), "ежегодно, ноябрь"],
    ["Июнь-сентябрь ежегодно", yearly(6, 9), "ежегодно, июнь – сентябрь"],
    ["Июнь, сентябрь ежегодно", fixedDates([6, 30], [9, 30]), "ежегодно, до 30 июня и 30 сентября"],
    ["Январь ежегодно", yearly(1, 1), "ежегодно, январь"],
    // E1–E4: event-relative or a duration, no due date of their own
    ["за 3-5 дней до события", RELATIVE, "без срока (за 3-5 дней до события)"],
    ["в течение 1 дня после организации события", RELATIVE, "без срока (в течение 1 дня после организации события)"],
    ["В течение двух недель с даты определения модели", RELATIVE, "без срока (в течение двух недель с даты определения модели)"],
    ["от 3 месяцев до 1 года", RELATIVE, "без срока (от 3 месяцев до 1 года)"],
  ])("%j", (text, deadline, label) => expectParsed(text, CMN_2020_2024, deadline, label));

  it.each<Row>([
    // R17, R22 (004 roadmap, year left blank)
    ["Октябрь-ноябрь 202_ г.", months("2023-10-01", "2023-11-30"), "октябрь – ноябрь 2023"],
    ["Сентябрь-октябрь 202_ г.", months("2023-09-01", "2023-10-31"), "сентябрь – октябрь 2023"],
  ])("%j (МТТК 2023/2024)", (text, deadline, label) => expectParsed(text, MTTK, deadline, label));
});

describe("parseDeadline: DOMAIN.md §5.9 one-off deadlines (verbatim)", () => {
  it.each<Row>([
    ["10.06.2020", date("2020-06-10"), "до 10.06.2020"],
    ["24.08.2020", date("2020-08-24"), "до 24.08.2020"],
    ["до 30.09.2020", date("2020-09-30"), "до 30.09.2020"],
    ["до 01.10.2020", date("2020-10-01"), "до 01.10.2020"],
    ["до 10.10.2020", date("2020-10-10"), "до 10.10.2020"],
    ["до 15.10.2020", date("2020-10-15"), "до 15.10.2020"],
    ["до 20.10.2020", date("2020-10-20"), "до 20.10.2020"],
    ["до 25.10.2020", date("2020-10-25"), "до 25.10.2020"],
    ["Октябрь 2020", months("2020-10-01", "2020-10-31"), "октябрь 2020"],
    ["Октябрь – ноябрь 2020", months("2020-10-01", "2020-11-30"), "октябрь – ноябрь 2020"],
    ["13.11.2020", date("2020-11-13"), "до 13.11.2020"],
    ["сентябрь – декабрь 2020", months("2020-09-01", "2020-12-31"), "сентябрь – декабрь 2020"],
    ["до 20.12.2020", date("2020-12-20"), "до 20.12.2020"],
    ["до 25.12.2020", date("2020-12-25"), "до 25.12.2020"],
    ["до 10.01.2021", date("2021-01-10"), "до 10.01.2021"],
    ["до 15.02.2021", date("2021-02-15"), "до 15.02.2021"],
    ["до 20.02.2021", date("2021-02-20"), "до 20.02.2021"],
    ["Май 2021", months("2021-05-01", "2021-05-31"), "май 2021"],
    ["до 20.08.2021", date("2021-08-20"), "до 20.08.2021"],
    ["Сентябрь 2021", months("2021-09-01", "2021-09-30"), "сентябрь 2021"],
    ["Октябрь 2021", months("2021-10-01", "2021-10-31"), "октябрь 2021"],
    ["Декабрь 2021", months("2021-12-01", "2021-12-31"), "декабрь 2021"],
    ["до 25.12.2021", date("2021-12-25"), "до 25.12.2021"],
    ["до 30.12.2021", date("2021-12-30"), "до 30.12.2021"],
    ["Май 2022", months("2022-05-01", "2022-05-31"), "май 2022"],
    ["14.03.2023", date("2023-03-14"), "до 14.03.2023"],
    ["15.03.2023", date("2023-03-15"), "до 15.03.2023"],
    ["2020–2024", months("2020-01-01", "2024-12-31"), "2020 – 2024 гг."],
    ["2020–2025", months("2020-01-01", "2025-12-31"), "2020 – 2025 гг."],
  ])("%j", (text, deadline, label) => expectParsed(text, CMN_2020_2024, deadline, label));
});

describe("parseDeadline: DOMAIN.md §9.2 roadmap items (verbatim)", () => {
  it.each<Row>([
    // ГБПОУ НСТ, 2020 roadmap
    ["до 30.09.2020", date("2020-09-30"), "до 30.09.2020"],
    ["до 01.10.2020", date("2020-10-01"), "до 01.10.2020"],
    ["до 10.10.2020", date("2020-10-10"), "до 10.10.2020"],
    ["до 15.10.2020", date("2020-10-15"), "до 15.10.2020"],
    ["до 20.10.2020", date("2020-10-20"), "до 20.10.2020"],
    ["до 25.10.2020", date("2020-10-25"), "до 25.10.2020"],
    ["сентябрь-декабрь 2020", months("2020-09-01", "2020-12-31"), "сентябрь – декабрь 2020"],
    ["1 раз в квартал", every("quarter"), "ежеквартально"],
    ["до 20.12.2020", date("2020-12-20"), "до 20.12.2020"],
    ["до 25.12.2020", date("2020-12-25"), "до 25.12.2020"],
    ["до 10 января 2021 года", date("2021-01-10"), "до 10.01.2021"],
    // ГБПОУ НСТ, 2021 roadmap
    ["До 15.02.2021", date("2021-02-15"), "до 15.02.2021"],
    ["До 20.02.2021 г.", date("2021-02-20"), "до 20.02.2021"],
    ["В течение года", CONTINUOUS, "весь период"],
    ["До 30.12.2021", date("2021-12-30"), "до 30.12.2021"],
    ["Октябрь 2021", months("2021-10-01", "2021-10-31"), "октябрь 2021"],
    ["ежеквартально", every("quarter"), "ежеквартально"],
    ["До 20.08.2021", date("2021-08-20"), "до 20.08.2021"],
    ["Декабрь 2021", months("2021-12-01", "2021-12-31"), "декабрь 2021"],
    ["До 25.12.2021", date("2021-12-25"), "до 25.12.2021"],
  ])("НСТ %j", (text, deadline, label) => expectParsed(text, CMN_2020_2024, deadline, label));

  it.each<Row>([
    ["Октябрь 2020", months("2020-10-01", "2020-10-31"), "октябрь 2020"],
    ["Октябрь – ноябрь 2020", months("2020-10-01", "2020-11-30"), "октябрь – ноябрь 2020"],
    ["в течение всего периода", CONTINUOUS, "весь период"],
    ["в соответствии со сроками реализации программ", RELATIVE, "без срока (в соответствии со сроками реализации программ)"],
  ])("Пелым %j", (text, deadline, label) => expectParsed(text, PELYM, deadline, label));

  it.each<Row>([
    ["Май 2021 г.", months("2021-05-01", "2021-05-31"), "май 2021"],
    ["Сентябрь 2021 г.", months("2021-09-01", "2021-09-30"), "сентябрь 2021"],
    ["Октябрь 2021 г.", months("2021-10-01", "2021-10-31"), "октябрь 2021"],
    ["В течение двух недель с даты определения модели", RELATIVE, "без срока (в течение двух недель с даты определения модели)"],
    ["ежеквартально", every("quarter"), "ежеквартально"],
    ["Ежемесячно 25 числа", every("month", 25), "ежемесячно, 25 числа"],
    ["Май 2022 г.", months("2022-05-01", "2022-05-31"), "май 2022"],
  ])("Таштагол %j", (text, deadline, label) => expectParsed(text, TASHTAGOL, deadline, label));
});

describe("parseDeadline: other strings from the seed roadmaps", () => {
  it.each<Row>([
    ["в течение всего периода реализации ЦМН", CONTINUOUS, "весь период"],
    ["В течение всего периода реализации ЦМН", CONTINUOUS, "весь период"],
    [
      "В соответствии со сроками реализации программ наставничества в ОО",
      RELATIVE,
      "без срока (в соответствии со сроками реализации программ наставничества в ОО)",
    ],
    [
      "в соответствии со сроками реализации  программ наставничества",
      RELATIVE,
      "без срока (в соответствии со сроками реализации программ наставничества)",
    ],
    [
      "Согласно персонализированным программам наставничества.",
      RELATIVE,
      "без срока (согласно персонализированным программам наставничества)",
    ],
    ["- По мере реализации программы.", RELATIVE, "без срока (по мере реализации программы)"],
    ["до принятия нового", RELATIVE, "без срока (до принятия нового)"],
    ["15 марта 2023г.", date("2023-03-15"), "до 15.03.2023"],
    ["ежегодно", every("year"), "ежегодно"],
  ])("%j", (text, deadline, label) => expectParsed(text, CMN_2020_2024, deadline, label));

  it.each<Row>([
    // 004 writes the blank year as «202 г.» (the underscore is lost).
    ["Сентябрь-октябрь 202 г.", months("2023-09-01", "2023-10-31"), "сентябрь – октябрь 2023"],
    ["октябрь 202 г.", months("2023-10-01", "2023-10-31"), "октябрь 2023"],
    ["Октябрь-ноябрь 202 г.", months("2023-10-01", "2023-11-30"), "октябрь – ноябрь 2023"],
  ])("%j (МТТК 2023/2024)", (text, deadline, label) => expectParsed(text, MTTK, deadline, label));
});

describe("parseDeadline: the kinds and wordings of the brief", () => {
  it.each<Row>([
    // exact dates
    ["30.09.2020", date("2020-09-30"), "до 30.09.2020"],
    ["к 1 сентября 2021 г.", date("2021-09-01"), "до 01.09.2021"],
    ["не позднее 30.12.2021", date("2021-12-30"), "до 30.12.2021"],
    ["по 30.09.2020", date("2020-09-30"), "до 30.09.2020"],
    ["до 30.09.20", date("2020-09-30"), "до 30.09.2020"],
    ["до 5.9.2020", date("2020-09-05"), "до 05.09.2020"],
    ["2020-09-30", date("2020-09-30"), "до 30.09.2020"],
    ["до конца октября 2021 г.", date("2021-10-31"), "до 31.10.2021"],
    ["до конца февраля 2024 года", date("2024-02-29"), "до 29.02.2024"],
    // months and ranges
    ["октябрь 2020 г.", months("2020-10-01", "2020-10-31"), "октябрь 2020"],
    ["в октябре 2020 года", months("2020-10-01", "2020-10-31"), "октябрь 2020"],
    ["декабрь 2020 – январь 2021", months("2020-12-01", "2021-01-31"), "декабрь 2020 – январь 2021"],
    ["декабрь 2020 г. - январь 2021 г.", months("2020-12-01", "2021-01-31"), "декабрь 2020 – январь 2021"],
    ["сентябрь 2020 – май", months("2020-09-01", "2021-05-31"), "сентябрь 2020 – май 2021"],
    ["с сентября по декабрь 2020 г.", months("2020-09-01", "2020-12-31"), "сентябрь – декабрь 2020"],
    ["2021 г.", months("2021-01-01", "2021-12-31"), "2021 год"],
    ["в течение 2021 года", months("2021-01-01", "2021-12-31"), "2021 год"],
    ["4 квартал 2020 г.", months("2020-10-01", "2020-12-31"), "октябрь – декабрь 2020"],
    ["IV квартал 2020", months("2020-10-01", "2020-12-31"), "октябрь – декабрь 2020"],
    ["1 полугодие 2021 г.", months("2021-01-01", "2021-06-30"), "январь – июнь 2021"],
    ["2021/2022 учебный год", months("2021-09-01", "2022-08-31"), "сентябрь 2021 – август 2022"],
    // yearly
    ["ежегодно в сентябре", yearly(9, 9), "ежегодно, сентябрь"],
    ["ежегодно с августа по сентябрь", yearly(8, 9), "ежегодно, август – сентябрь"],
    ["Декабрь - январь ежегодно", yearly(12, 1), "ежегодно, декабрь – январь"],
    ["ежегодно в сентябре, до 15 числа", yearly(9, 9, 15), "ежегодно, до 15 сентября"],
    ["до 25.12 ежегодно", fixedDates([12, 25]), "ежегодно, до 25 декабря"],
    ["Ежегодно до 20 декабря, 20 мая и 30 июня", fixedDates([12, 20], [5, 20], [6, 30]), "ежегодно, до 20 декабря, 20 мая и 30 июня"],
    ["1 раз в полгода до 20 декабря и до 20 мая", fixedDates([12, 20], [5, 20]), "ежегодно, до 20 декабря и 20 мая"],
    // periodic
    ["ежемесячно", every("month"), "ежемесячно"],
    ["Ежемесячно, до 25-го числа", every("month", 25), "ежемесячно, 25 числа"],
    ["25 числа каждого месяца", every("month", 25), "ежемесячно, 25 числа"],
    ["1 раз в месяц", every("month"), "ежемесячно"],
    ["2 раза в год", every("half_year"), "раз в полугодие"],
    ["1 раз в полугодие", every("half_year"), "раз в полугодие"],
    ["дважды в год", every("half_year"), "раз в полугодие"],
    ["поквартально", every("quarter"), "ежеквартально"],
    ["еженедельно", every("week"), "еженедельно"],
    ["1 раз в год", every("year"), "ежегодно"],
    // continuous
    ["постоянно", CONTINUOUS, "весь период"],
    ["в течение учебного года", CONTINUOUS, "весь период"],
    ["на протяжении всего периода реализации программы", CONTINUOUS, "весь период"],
    ["на постоянной основе", CONTINUOUS, "весь период"],
    // relative
    ["по мере необходимости", RELATIVE, "без срока (по мере необходимости)"],
    ["в соответствии со сроками реализации программ", RELATIVE, "без срока (в соответствии со сроками реализации программ)"],
    ["по утвержденному графику", RELATIVE, "без срока (по утвержденному графику)"],
    ["после проведения мероприятия", RELATIVE, "без срока (после проведения мероприятия)"],
  ])("%j", (text, deadline, label) => expectParsed(text, CMN_2020_2024, deadline, label));
});

describe("parseDeadline: templates and missing years are anchored to the roadmap period", () => {
  it.each<[text: string, period: RoadmapPeriod, deadline: Deadline, label: string]>([
    // academic year: Sept–Dec → first calendar year, Jan–Aug → second
    ["202_ г.", ACADEMIC_2026, months("2026-01-01", "2026-12-31"), "2026 год"],
    ["сентябрь 202_", ACADEMIC_2026, months("2026-09-01", "2026-09-30"), "сентябрь 2026"],
    ["май 202_ г.", ACADEMIC_2026, months("2027-05-01", "2027-05-31"), "май 2027"],
    ["до 01.09.202_", ACADEMIC_2026, date("2026-09-01"), "до 01.09.2026"],
    ["до 01.06.202_ г.", ACADEMIC_2026, date("2027-06-01"), "до 01.06.2027"],
    ["до 25 октября", ACADEMIC_2026, date("2026-10-25"), "до 25.10.2026"],
    ["до 25 февраля", ACADEMIC_2026, date("2027-02-25"), "до 25.02.2027"],
    ["Октябрь", ACADEMIC_2026, months("2026-10-01", "2026-10-31"), "октябрь 2026"],
    ["Январь", ACADEMIC_2026, months("2027-01-01", "2027-01-31"), "январь 2027"],
    ["декабрь – январь", ACADEMIC_2026, months("2026-12-01", "2027-01-31"), "декабрь 2026 – январь 2027"],
    ["ноябрь 202_ – февраль 202_", ACADEMIC_2026, months("2026-11-01", "2027-02-28"), "ноябрь 2026 – февраль 2027"],
    ["20__ г.", ACADEMIC_2026, months("2026-01-01", "2026-12-31"), "2026 год"],
    ["октябрь ____", ACADEMIC_2026, months("2026-10-01", "2026-10-31"), "октябрь 2026"],
    ["до конца мая", ACADEMIC_2026, date("2027-05-31"), "до 31.05.2027"],
    // calendar year
    ["Октябрь", CALENDAR_2021, months("2021-10-01", "2021-10-31"), "октябрь 2021"],
    ["до 25.12", CALENDAR_2021, date("2021-12-25"), "до 25.12.2021"],
    ["декабрь – январь", CALENDAR_2021, months("2020-12-01", "2021-01-31"), "декабрь 2020 – январь 2021"],
    // multi-year period: the first year that fits
    ["Сентябрь", CMN_2020_2024, months("2020-09-01", "2020-09-30"), "сентябрь 2020"],
    ["не позднее 30 декабря", CMN_2020_2024, date("2020-12-30"), "до 30.12.2020"],
    ["Сентябрь 202_ г.", PELYM, months("2020-09-01", "2020-09-30"), "сентябрь 2020"],
    ["Май 202_", PELYM, months("2021-05-01", "2021-05-31"), "май 2021"],
  ])("%j in %o", (text, period, deadline, label) => expectParsed(text, period, deadline, label));
});

describe("parseDeadline: spelling variants", () => {
  const october2020 = months("2020-10-01", "2020-11-30");
  it.each<string>([
    "Октябрь – ноябрь 2020", // en dash
    "Октябрь — ноябрь 2020", // em dash
    "Октябрь - ноябрь 2020", // hyphen
    "Октябрь − ноябрь 2020", // minus
    "Октябрь‑ноябрь 2020", // non-breaking hyphen
    "Октябрь-ноябрь 2020",
    "Октябрь–ноябрь 2020",
    "Октябрь -ноябрь 2020",
    "Октябрь- ноябрь 2020",
    "октябрь – ноябрь 2020 г.",
    "октябрь – ноябрь 2020 г",
    "октябрь – ноябрь 2020г.",
    "октябрь – ноябрь 2020 гг.",
    "октябрь – ноябрь 2020 года",
    "октябрь – ноябрь 2020 год",
    "ОКТЯБРЬ – НОЯБРЬ 2020",
    "оКтЯбРь – нОяБрЬ 2020",
    "   Октябрь   –   ноябрь   2020   ",
    "\u00a0Октябрь\u00a0–\u00a0ноябрь\u00a02020\u00a0г.\u00a0",
    "\tОктябрь –\nноябрь 2020",
    "в октябре – ноябре 2020 года",
    "Октябрь – ноябрь 2020.",
  ])("%j", (text) => expectParsed(text, CMN_2020_2024, october2020, "октябрь – ноябрь 2020"));

  it.each<string>([
    "до 30.09.2020",
    "До 30.09.2020",
    "ДО 30.09.2020 Г.",
    "до 30.09.2020г",
    "до 30.09.2020 года",
    "  до\u00a030.09.2020\u202f ",
    "до 30 сентября 2020 г.",
    "до 30 сентября 2020 года",
    "До 30 СЕНТЯБРЯ 2020",
    "до 30 сент. 2020",
    "в срок до 30.09.2020",
    "не позднее 30 сентября 2020 г.",
    "к 30.09.2020",
  ])("date %j", (text) => expectParsed(text, CMN_2020_2024, date("2020-09-30"), "до 30.09.2020"));

  it.each<string>([
    "Сентябрь ежегодно",
    "сентябрь ежегодно",
    "СЕНТЯБРЬ ЕЖЕГОДНО",
    " Сентябрь  ежегодно ",
    "Сентябрь, ежегодно",
    "Ежегодно, сентябрь",
    "ежегодно в сентябре",
    "каждый год в сентябре",
  ])("yearly %j", (text) => expectParsed(text, CMN_2020_2024, yearly(9, 9), "ежегодно, сентябрь"));

  it.each<string>(["в течение всего периода реализации ЦМН", "В ТЕЧЕНИЕ ВСЕГО ПЕРИОДА", "в течение\u00a0всего периода.", "Весь  период"])(
    "continuous %j",
    (text) => expectParsed(text, CMN_2020_2024, CONTINUOUS, "весь период"),
  );

  it("treats «ё» as «е» and ignores case", () => {
    expect(normalizeDeadlineText("По утверждённому графику")).toBe("по утвержденному графику");
    expectParsed("По утверждённому графику", CMN_2020_2024, RELATIVE, "без срока (по утверждённому графику)");
    expectParsed("ЕЖЕГОДНО, СЕНТЯБРЬ", CMN_2020_2024, yearly(9, 9), "ежегодно, сентябрь");
    expectParsed("Ежемесячно, 25-го числа", CMN_2020_2024, every("month", 25), "ежемесячно, 25 числа");
  });
});

describe("parseDeadline: anything not understood is kept as text with a warning", () => {
  it.each<[text: string, period: RoadmapPeriod]>([
    ["Сентябрь-", MTTK], // 004: a cell split across two table rows
    ["31.02.2021", CMN_2020_2024], // no such date
    ["до 32 декабря 2021", CMN_2020_2024],
    ["до 20 декабря и 20 мая", CMN_2020_2024], // two one-off dates: not one deadline
    ["декабрь – январь 2021", CMN_2020_2024], // is 2021 the year of both months or of January only? Not guessed.
    ["ноябрь 2021 – октябрь 2021", CMN_2020_2024], // ends before it starts
    ["скоро", CMN_2020_2024],
    ["до октября", CMN_2020_2024], // «by October»: the 1st or the 31st? Not guessed.
    ["Q4", CMN_2020_2024],
    ["ежегодно в 2021 году", CMN_2020_2024],
    ["до конца года", CMN_2020_2024],
  ])("%j", (text, period) => {
    const parsed = parseDeadline(text, period);
    expect(parsed).toEqual({
      text,
      deadline: UNKNOWN,
      label: "срок не распознан",
      warning: `Не удалось распознать срок: "${text}". Срок сохранён как текст.`,
    });
  });

  it("an empty text", () => {
    expect(parseDeadline("   ", CMN_2020_2024)).toEqual({
      text: "   ",
      deadline: UNKNOWN,
      label: "срок не распознан",
      warning: "Срок не указан.",
    });
  });

  it("a template that cannot fall inside the period", () => {
    expect(parseDeadline("октябрь 201_", ACADEMIC_2026)).toEqual({
      text: "октябрь 201_",
      deadline: UNKNOWN,
      label: "срок не распознан",
      warning: 'Срок "октябрь 201_" не попадает в период дорожной карты (01.09.2026 – 31.08.2027). Срок сохранён как текст.',
    });
  });

  it("a yearless deadline with a broken period", () => {
    const parsed = parseDeadline("до 25 октября", { start: "2027-08-31", end: "2026-09-01" });
    expect(parsed.deadline).toEqual(UNKNOWN);
    expect(parsed.warning).toBe(
      'Не удалось привязать срок "до 25 октября" к периоду дорожной карты: период задан неверно. Срок сохранён как текст.',
    );
    // An explicit date needs no period.
    expect(parseDeadline("до 30.09.2020", { start: "", end: "" }).deadline).toEqual(date("2020-09-30"));
  });

  it("never throws on odd input", () => {
    const odd = ["\u0000", "(((", "[a-z]+", "до ..2020", "__.__.____", "202_ - 202_", "-", "—", "г.", "1".repeat(500)];
    for (const text of odd) {
      const parsed = parseDeadline(text, ACADEMIC_2026);
      expect(parsed.text).toBe(text);
      expect(parsed.deadline).toEqual(UNKNOWN);
    }
    expect(parseDeadline(undefined as unknown as string, ACADEMIC_2026).deadline).toEqual(UNKNOWN);
    expect(parseDeadline("до 30.09.2020", undefined as unknown as RoadmapPeriod).deadline).toEqual(date("2020-09-30"));
  });
});

describe("occurrences", () => {
  it("date: its own day when inside the period, nothing otherwise", () => {
    expect(occurrences(date("2020-09-30"), CMN_2020_2024)).toEqual([{ key: "2020-09-30", due: "2020-09-30" }]);
    expect(occurrences(date("2020-09-30"), ACADEMIC_2026)).toEqual([]);
    expect(occurrences(date("2026-09-01"), ACADEMIC_2026)).toEqual([{ key: "2026-09-01", due: "2026-09-01" }]);
    expect(occurrences(date("2027-08-31"), ACADEMIC_2026)).toEqual([{ key: "2027-08-31", due: "2027-08-31" }]);
  });

  it("month: due on the last day of the (last) month", () => {
    const parsed = parseDeadline("Октябрь – ноябрь 2020", PELYM);
    expect(occurrences(parsed.deadline, PELYM)).toEqual([{ key: "2020-11-30", due: "2020-11-30" }]);
    expect(occurrences(parseDeadline("февраль 2024", CMN_2020_2024).deadline, CMN_2020_2024)).toEqual([
      { key: "2024-02-29", due: "2024-02-29" },
    ]);
    expect(occurrences(parseDeadline("Май 2021 г.", TASHTAGOL).deadline, { start: "2021-09-01", end: "2022-08-31" })).toEqual([]);
  });

  it("quarterly across an academic year: four quarter ends", () => {
    expect(occurrences(parseDeadline("ежеквартально", ACADEMIC_2026).deadline, ACADEMIC_2026)).toEqual([
      { key: "2026-Q3", due: "2026-09-30" },
      { key: "2026-Q4", due: "2026-12-31" },
      { key: "2027-Q1", due: "2027-03-31" },
      { key: "2027-Q2", due: "2027-06-30" },
    ]);
  });

  it("«Ежемесячно 25 числа» over Sept 2026 – May 2027: nine dates", () => {
    const period = { start: "2026-09-01", end: "2027-05-31" };
    expect(occurrences(parseDeadline("Ежемесячно 25 числа", period).deadline, period)).toEqual([
      { key: "2026-09", due: "2026-09-25" },
      { key: "2026-10", due: "2026-10-25" },
      { key: "2026-11", due: "2026-11-25" },
      { key: "2026-12", due: "2026-12-25" },
      { key: "2027-01", due: "2027-01-25" },
      { key: "2027-02", due: "2027-02-25" },
      { key: "2027-03", due: "2027-03-25" },
      { key: "2027-04", due: "2027-04-25" },
      { key: "2027-05", due: "2027-05-25" },
    ]);
  });

  it("monthly without a day is due on the last day; a day past the month's end is clamped", () => {
    const period = { start: "2027-01-15", end: "2027-03-31" };
    expect(occurrences(every("month"), period)).toEqual([
      { key: "2027-01", due: "2027-01-31" },
      { key: "2027-02", due: "2027-02-28" },
      { key: "2027-03", due: "2027-03-31" },
    ]);
    expect(occurrences(every("month", 31), period).map((o) => o.due)).toEqual(["2027-01-31", "2027-02-28", "2027-03-31"]);
    expect(occurrences(every("month", 10), period).map((o) => o.due)).toEqual(["2027-02-10", "2027-03-10"]);
  });

  it("«до 20 декабря и 20 мая ежегодно» over 2020–2024: ten dates in order", () => {
    const deadline = parseDeadline("до 20 декабря и 20 мая ежегодно", CMN_2020_2024).deadline;
    expect(occurrences(deadline, CMN_2020_2024)).toEqual(
      [
        "2020-05-20",
        "2020-12-20",
        "2021-05-20",
        "2021-12-20",
        "2022-05-20",
        "2022-12-20",
        "2023-05-20",
        "2023-12-20",
        "2024-05-20",
        "2024-12-20",
      ].map((due) => ({ key: due, due })),
    );
    // From the order of 24.08.2020 (000) the May 2020 round is already past.
    expect(occurrences(deadline, { start: "2020-08-24", end: "2024-12-31" })).toHaveLength(9);
  });

  it("«Июнь, сентябрь ежегодно»: the end of each month, each year", () => {
    const deadline = parseDeadline("Июнь, сентябрь ежегодно", CMN_2020_2024).deadline;
    expect(occurrences(deadline, { start: "2021-01-01", end: "2022-07-01" }).map((o) => o.due)).toEqual([
      "2021-06-30",
      "2021-09-30",
      "2022-06-30",
    ]);
  });

  it("yearly window: due on the last day of the window each year", () => {
    expect(occurrences(parseDeadline("Август - сентябрь ежегодно", CMN_2020_2024).deadline, CMN_2020_2024)).toEqual(
      ["2020-09-30", "2021-09-30", "2022-09-30", "2023-09-30", "2024-09-30"].map((due) => ({ key: due, due })),
    );
    expect(occurrences(yearly(12, 1), ACADEMIC_2026)).toEqual([{ key: "2027-01-31", due: "2027-01-31" }]);
    expect(occurrences(yearly(12, 1), { start: "2026-01-01", end: "2027-12-31" }).map((o) => o.due)).toEqual(["2026-01-31", "2027-01-31"]);
    expect(occurrences(yearly(9, 9, 15), ACADEMIC_2026)).toEqual([{ key: "2026-09-15", due: "2026-09-15" }]);
    expect(occurrences(yearly(2, 2, 29), { start: "2027-01-01", end: "2028-12-31" }).map((o) => o.due)).toEqual([
      "2027-02-28",
      "2028-02-29",
    ]);
  });

  it("half-yearly, yearly and weekly periods", () => {
    expect(occurrences(every("half_year"), ACADEMIC_2026)).toEqual([
      { key: "2026-H2", due: "2026-12-31" },
      { key: "2027-H1", due: "2027-06-30" },
    ]);
    expect(occurrences(every("year"), CMN_2020_2024).map((o) => o.key)).toEqual(["2020", "2021", "2022", "2023", "2024"]);
    expect(occurrences(every("year"), ACADEMIC_2026)).toEqual([{ key: "2026", due: "2026-12-31" }]);
    expect(occurrences(every("week"), { start: "2026-09-01", end: "2026-09-30" })).toEqual([
      { key: "2026-W36", due: "2026-09-06" },
      { key: "2026-W37", due: "2026-09-13" },
      { key: "2026-W38", due: "2026-09-20" },
      { key: "2026-W39", due: "2026-09-27" },
    ]);
    // ISO week-year differs from the calendar year around New Year.
    expect(occurrences(every("week"), { start: "2026-12-28", end: "2027-01-10" })).toEqual([
      { key: "2026-W53", due: "2027-01-03" },
      { key: "2027-W01", due: "2027-01-10" },
    ]);
    expect(occurrences(every("week"), ACADEMIC_2026)).toHaveLength(52);
  });

  it("continuous and no_date have no due dates", () => {
    expect(occurrences(CONTINUOUS, ACADEMIC_2026)).toEqual([]);
    expect(occurrences(RELATIVE, ACADEMIC_2026)).toEqual([]);
    expect(occurrences(UNKNOWN, ACADEMIC_2026)).toEqual([]);
    expect(occurrences(parseDeadline("в течение всего периода реализации ЦМН", PELYM).deadline, PELYM)).toEqual([]);
    expect(occurrences(parseDeadline("по отдельному графику", PELYM).deadline, PELYM)).toEqual([]);
  });

  it("a broken period gives no occurrences", () => {
    expect(occurrences(every("quarter"), { start: "2027-01-01", end: "2026-01-01" })).toEqual([]);
    expect(occurrences(every("quarter"), { start: "2026-02-30", end: "2027-01-01" })).toEqual([]);
  });
});

describe("deadlineLabel", () => {
  it.each<[deadline: Deadline, label: string]>([
    [date("2020-09-30"), "до 30.09.2020"],
    [months("2020-10-01", "2020-10-31"), "октябрь 2020"],
    [months("2020-10-01", "2020-11-30"), "октябрь – ноябрь 2020"],
    [months("2020-12-01", "2021-01-31"), "декабрь 2020 – январь 2021"],
    [months("2020-01-01", "2020-12-31"), "2020 год"],
    [yearly(8, 9), "ежегодно, август – сентябрь"],
    [yearly(8, 9, 15), "ежегодно, август – сентябрь, до 15 числа"],
    [every("month", 25), "ежемесячно, 25 числа"],
    [every("quarter"), "ежеквартально"],
    [fixedDates([12, 20], [5, 20]), "ежегодно, до 20 декабря и 20 мая"],
    [CONTINUOUS, "весь период"],
    [UNKNOWN, "срок не распознан"],
  ])("%o → %j", (deadline, label) => expect(deadlineLabel(deadline)).toBe(label));

  it("relative deadlines quote the tidied original", () => {
    expect(deadlineLabel(RELATIVE, "  По отдельному графику. ")).toBe("без срока (по отдельному графику)");
    expect(deadlineLabel(RELATIVE, "ЦМН по графику")).toBe("без срока (ЦМН по графику)");
    expect(deadlineLabel(RELATIVE)).toBe("без срока");
  });
});
