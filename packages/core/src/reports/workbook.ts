/**
 * The consolidated regional report (DOMAIN.md §7.3) as sheets, computed from the dashboard model (so the numbers are
 * the dashboard's), and the streaming XLSX writer. exceljs is imported lazily: the API entry never loads it.
 */
import { createWriteStream } from "node:fs";
import { kpiCatalogue, kpiCodes } from "../kpi/formulas";
import { submissionStatusLabels } from "../labels";
import { type IndicatorDef, type IndicatorValue, countedStatuses, indicatorHeader } from "../monitoring/indicators";
import { formatDate, lowerFirst } from "../ru";
import { type Cell, type Sheet, addCells, addHeader, dateCell, dateTimeCell, writeCsv } from "../tabular";
import type { DashboardModel, FederalTable, submissionStates } from "../regionstats/rollup";

import { type FormCode, formByCode } from "../forms/catalogue";
import { type PracticeStatus, practiceStatusLabels } from "../practice/labels";
import { type ActivityTally, type PartnerSource, activitySheet, partnersSheet } from "./activity";
import { type SheetCode, sheetNames } from "./sheets";

export { type SheetCode, sheetCodes, sheetNames } from "./sheets";

export type MonitoringSheetSource = {
  campaign: { name: string; indicators: IndicatorDef[] };
  timeZone: string;
  rows: {
    institutionName: string;
    municipality: string;
    status: (typeof submissionStates)[number];
    submittedAt?: string;
    late?: boolean;
    values: Record<string, IndicatorValue>;
  }[];
};

/** `generatedAt` is the instant of the export, shown as a date and time in the region's `timeZone`. */
export type ReportHeader = { regionName: string; generatedAt: string; timeZone: string; filters: string };

const pct = (value: number | null) => value;
const kpiShort = Object.fromEntries(kpiCatalogue.map((k) => [k.code, k.short]));

const kpiStatusNotes = { achieved: "достигнуто", behind: "ниже цели" } as const;

/**
 * The «Примечание» of a KPI row, in one lower-case style: «достигнуто», «ниже цели», «нет данных» (with why, if known); the
 * satisfaction rows also count the answers (the summary shows satisfaction once, in these rows).
 */
export function kpiNote(k: DashboardModel["kpis"][number], satisfaction: DashboardModel["satisfaction"]): string {
  const why = lowerFirst(k.missing ?? "нет данных");
  const status = k.status !== "unknown" ? kpiStatusNotes[k.status] : why.startsWith("нет ") ? why : `нет данных: ${why}`;
  const audience =
    k.code === "mentor_satisfaction" ? satisfaction.mentor : k.code === "mentee_satisfaction" ? satisfaction.mentee : undefined;
  return audience ? `${status}; ответов: ${audience.answers}` : status;
}

export function summarySheet(model: DashboardModel, header: ReportHeader): Sheet {
  const t = model.totals;
  const rows: Cell[][] = [
    ["Регион", header.regionName, null, null],
    ["Дата выгрузки", dateTimeCell(header.generatedAt, header.timeZone), null, null],
    ["Данные на дату", dateCell(model.asOf), null, null],
    ["Отчётный год", model.year, null, null],
    ["Отбор", header.filters, null, null],
    ["Организаций", t.institutions, null, null],
    ["Участников в базах", t.participants, null, null],
    ["Наставников", t.mentors, null, null],
    ["Наставляемых", t.mentees, null, null],
    ["Вошли в программы: наставники", t.engagedMentors, null, null],
    ["Вошли в программы: наставляемые", t.engagedMentees, null, null],
    ["Пар и групп формируется", t.pairs.forming, null, null],
    ["Пар и групп активных", t.pairs.active, null, null],
    ["Пар и групп завершённых", t.pairs.completed, null, null],
    ["Пар и групп прекращённых", t.pairs.terminated, null, null],
    ["Организаций-партнёров, предоставивших наставников", t.partnerOrganisations, null, null],
    ...model.kpis.map((k) => [`${k.label}`, pct(k.value), k.target, kpiNote(k, model.satisfaction)]),
    ["Мероприятий дорожных карт в работе", model.compliance.active, null, null],
    ["Выполнено мероприятий", model.compliance.done, null, null],
    ["Выполнено в срок, %", model.compliance.doneOnTimePercent, 100, null],
    ["Просрочено мероприятий", model.compliance.overdue, null, null],
  ];
  if (model.monitoring) {
    const s = model.monitoring.status;
    rows.push(
      ["Кампания мониторинга", model.monitoring.campaign.name, null, `срок ${formatDate(model.monitoring.campaign.deadline)}`],
      ["Отчётов отправлено", s.sent, null, `из ${s.total}`],
      ["Из них с опозданием", s.late, null, null],
      ["Не отправлено после срока", s.overdue, null, null],
    );
  }
  return {
    name: sheetNames.summary,
    columns: [
      { header: "Показатель", width: 70 },
      { header: "Значение", width: 22 },
      { header: "Цель", width: 10 },
      { header: "Примечание", width: 40 },
    ],
    rows,
  };
}

export function institutionsSheet(model: DashboardModel): Sheet {
  const row = (
    name: string,
    fullName: string,
    type: string,
    municipality: string,
    f: DashboardModel["totals"],
    kpis: Record<string, number | null>,
    c: DashboardModel["compliance"],
    submission: string,
  ) => [
    name,
    fullName,
    type,
    municipality,
    f.participants,
    f.mentors,
    f.mentees,
    f.engagedMentors,
    f.engagedMentees,
    f.pairs.forming,
    f.pairs.active,
    f.pairs.completed,
    f.pairs.terminated,
    f.mentees10to19,
    f.mentors15to19,
    f.youngSpecialistsMentored,
    f.partnerOrganisations,
    ...kpiCodes.map((code) => kpis[code] ?? null),
    c.active,
    c.done,
    c.doneOnTimePercent,
    c.overdue,
    submission,
  ];
  return {
    name: sheetNames.institutions,
    columns: [
      { header: "Организация", width: 30 },
      { header: "Полное наименование", width: 50 },
      { header: "Тип", width: 30 },
      { header: "Муниципалитет", width: 24 },
      { header: "Участников" },
      { header: "Наставников" },
      { header: "Наставляемых" },
      { header: "Вошли: наставники" },
      { header: "Вошли: наставляемые" },
      { header: "Пар формируется" },
      { header: "Пар активных" },
      { header: "Пар завершённых" },
      { header: "Пар прекращённых" },
      { header: "Наставляемых 10–19 лет" },
      { header: "Наставников 15–19 лет" },
      { header: "Молодых специалистов в программах" },
      { header: "Организаций-партнёров" },
      ...kpiCodes.map((code) => ({ header: `${kpiShort[code]}, %` })),
      { header: "Мероприятий в работе" },
      { header: "Выполнено" },
      { header: "Выполнено в срок, %" },
      { header: "Просрочено" },
      { header: "Отчёт по мониторингу", width: 24 },
    ],
    rows: [
      ...model.institutions.map((i) =>
        row(
          i.name,
          i.fullName,
          i.typeLabel,
          i.municipality,
          i.figures,
          Object.fromEntries(kpiCodes.map((code) => [code, i.kpis[code].value])),
          i.compliance,
          i.submission ? submissionStatusLabels[i.submission.status] : "",
        ),
      ),
      row(
        "Итого",
        "",
        "",
        "",
        model.totals,
        Object.fromEntries(model.kpis.map((k) => [k.code, k.value])),
        model.compliance,
        model.monitoring ? `${model.monitoring.status.sent} из ${model.monitoring.status.total}` : "",
      ),
    ],
  };
}

export function formsSheet(model: DashboardModel): Sheet {
  return {
    name: sheetNames.forms,
    columns: [
      { header: "№", width: 6 },
      { header: "Форма наставничества", width: 40 },
      { header: "Наставников" },
      { header: "Наставляемых" },
      { header: "Организаций, применяющих форму" },
    ],
    rows: [
      ...model.byForm.map((f, i) => [i + 1, f.label, f.mentors, f.mentees, f.institutions]),
      [
        null,
        "Итого",
        model.byForm.reduce((n, f) => n + f.mentors, 0),
        model.byForm.reduce((n, f) => n + f.mentees, 0),
        model.institutions.filter((i) => Object.values(i.figures.byForm).some((f) => f.mentors + f.mentees > 0)).length,
      ],
    ],
  };
}

export function roadmapsSheet(model: DashboardModel): Sheet {
  const row = (name: string, municipality: string, c: DashboardModel["compliance"]) => [
    name,
    municipality,
    c.roadmaps,
    c.active,
    c.done,
    c.doneOnTime,
    c.overdue,
    c.donePercent,
    c.doneOnTimePercent,
    c.overduePercent,
  ];
  return {
    name: sheetNames.roadmaps,
    columns: [
      { header: "Организация", width: 30 },
      { header: "Муниципалитет", width: 24 },
      { header: "Дорожных карт" },
      { header: "Мероприятий в работе" },
      { header: "Выполнено" },
      { header: "Выполнено в срок" },
      { header: "Просрочено" },
      { header: "Выполнено, %" },
      { header: "Выполнено в срок, %" },
      { header: "Просрочено, %" },
    ],
    rows: [...model.institutions.map((i) => row(i.name, i.municipality, i.compliance)), row("Итого", "", model.compliance)],
  };
}

export function monitoringSheet(source: MonitoringSheetSource | undefined): Sheet {
  if (!source) {
    return {
      name: sheetNames.monitoring,
      columns: [{ header: "Кампания", width: 60 }],
      rows: [["В регионе нет разосланных кампаний мониторинга"]],
    };
  }
  const numeric = source.campaign.indicators.filter((d) => d.kind === "number");
  const counted = source.rows.filter((row) => countedStatuses.includes(row.status));
  return {
    name: sheetNames.monitoring,
    columns: [
      { header: "Организация", width: 30 },
      { header: "Муниципалитет", width: 24 },
      { header: "Статус", width: 22 },
      { header: "Отправлен", width: 14 },
      { header: "С опозданием", width: 14 },
      ...source.campaign.indicators.map((d) => ({ header: indicatorHeader(d), width: 18 })),
    ],
    rows: [
      ...source.rows.map((row) => [
        row.institutionName,
        row.municipality,
        submissionStatusLabels[row.status],
        dateCell(row.submittedAt, source.timeZone),
        row.submittedAt ? (row.late ? "да" : "нет") : null,
        ...source.campaign.indicators.map((d) => row.values[d.code] ?? null),
      ]),
      [
        `Итого по отправленным, кроме возвращённых на доработку (${source.campaign.name})`,
        null,
        null,
        null,
        null,
        ...source.campaign.indicators.map((d) =>
          numeric.includes(d) ? counted.reduce((sum, row) => sum + (Number(row.values[d.code]) || 0), 0) : null,
        ),
      ],
    ],
  };
}

export function federalSheet(table: FederalTable): Sheet {
  const columns = table.rows[0]?.cells ?? [];
  return {
    name: sheetNames.federal,
    columns: [{ header: table.heading, width: 60 }, ...columns.map((c) => ({ header: c.label, width: 16 }))],
    rows: table.rows.map((row) => [row.label, ...row.cells.map((cell) => cell.value)]),
  };
}

/** A best practice sent to the region, as the report lists it. */
export type PracticeSheetRow = {
  institutionName: string;
  municipality: string;
  title: string;
  form?: FormCode;
  status: PracticeStatus;
  sentAt?: string;
  publishedAt?: string;
  platformUrl?: string;
  siteUrl?: string;
};

/** The practices the institutions sent (DOMAIN §7.3, item 7), with the platform's links to the published ones. */
export function practicesSheet(rows: readonly PracticeSheetRow[], timeZone: string): Sheet {
  const date = (value?: string) => dateCell(value, timeZone);
  return {
    name: sheetNames.practices,
    columns: [
      { header: "Организация", width: 40 },
      { header: "Муниципалитет", width: 24 },
      { header: "Практика", width: 50 },
      { header: "Форма наставничества", width: 28 },
      { header: "Статус", width: 20 },
      { header: "Отправлена", width: 14 },
      { header: "Опубликована", width: 14 },
      { header: "Ссылка на платформе РНЦ", width: 40 },
      { header: "Ссылка на сайте организации", width: 40 },
    ],
    rows: rows.map((row) => [
      row.institutionName,
      row.municipality,
      row.title,
      row.form ? formByCode(row.form).label : null,
      practiceStatusLabels[row.status],
      date(row.sentAt),
      date(row.publishedAt),
      row.platformUrl ?? null,
      row.siteUrl ?? null,
    ]),
  };
}

export type ReportSources = {
  model: DashboardModel;
  header: ReportHeader;
  monitoring?: MonitoringSheetSource;
  federal: FederalTable;
  practices: { rows: PracticeSheetRow[]; timeZone: string };
  partners: PartnerSource;
  activity: Map<string, ActivityTally>;
};

export function reportSheets(sources: ReportSources): Record<SheetCode, Sheet> {
  return {
    summary: summarySheet(sources.model, sources.header),
    institutions: institutionsSheet(sources.model),
    forms: formsSheet(sources.model),
    roadmaps: roadmapsSheet(sources.model),
    monitoring: monitoringSheet(sources.monitoring),
    federal: federalSheet(sources.federal),
    practices: practicesSheet(sources.practices.rows, sources.practices.timeZone),
    partners: partnersSheet(sources.model.institutions, sources.partners, sources.model.year, sources.model.totals.partnerOrganisations),
    activity: activitySheet(sources.model.institutions, sources.activity, sources.model.year),
  };
}

/** Writes the sheets with exceljs's streaming writer: rows are committed as they go, so memory stays flat. */
export async function writeWorkbookFile(sheets: Sheet[], file: string, onSheet?: (done: number) => Promise<void>): Promise<void> {
  const ExcelJS = (await import("exceljs")).default;
  const stream = createWriteStream(file);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = "ЦМН";
  let done = 0;
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
    addHeader(ws, sheet);
    ws.getRow(1).commit();
    for (const row of sheet.rows) addCells(ws, row).commit();
    ws.commit();
    done += 1;
    await onSheet?.(done);
  }
  await workbook.commit();
}

export const csvOf = (sheet: Sheet) => writeCsv(sheet);
