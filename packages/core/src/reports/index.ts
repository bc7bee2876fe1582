/**
 * Consolidated regional exports: a job item per export (status, progress, file), the work itself (run by the export
 * Lambda in AWS, in the background in-process locally), and the download (presigned S3 URL or a local file).
 */
import type { ReadStream } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useRegionID, useUser, withActor } from "../actor";
import { auditItem } from "../audit";
import { nowIso } from "../auth/secret";
import { VisibleError, notFound } from "../error";
import { todayIn } from "../dates";
import { createId } from "../id";
import { institutionTypeLabels } from "../institution";
import { log } from "../log";
import { CampaignEntity, SubmissionEntity } from "../monitoring/monitoring.entity";
import {
  type IndicatorDef,
  type IndicatorValue,
  type TableTemplate,
  countedStatuses,
  defaultFederalTable,
  tableIndicators,
} from "../monitoring/indicators";
import { assertCan } from "../permissions";
import { Practice } from "../practice";
import { transactWithSummaries } from "../stats/summary";
import {
  type Campaign,
  DashboardFilter,
  type FederalTable,
  liveFederalTable,
  loadRegionSource,
  reportedFederalTable,
  dashboardModel,
} from "../regionstats";
import { formatDate, outOf, ruCompare } from "../ru";
import * as z from "../zod";
import { activityTallies, partnerTallies } from "./activity";
import { readActivity } from "./activity-read";
import { ExportEntity, exportFormats, type exportStatuses } from "./reports.entity";
import { exportsBucket, fileKey, openLocalFile, presignedUrl, storeFile } from "./storage";
import {
  type MonitoringSheetSource,
  type PracticeSheetRow,
  type SheetCode,
  csvOf,
  reportSheets,
  sheetCodes,
  sheetNames,
  writeWorkbookFile,
} from "./workbook";
import { AuditEntity } from "../audit/audit.entity";

export { sheetCodes, sheetNames };
export type { SheetCode };
export type ExportStatus = (typeof exportStatuses)[number];

export const ExportInput = z
  .object({
    format: z.enum(exportFormats, { error: "Формат: xlsx или csv" }),
    /** For CSV: which sheet (one CSV per sheet). */
    sheet: z.optional(z.enum(sheetCodes, { error: `Лист: ${sheetCodes.map((code) => `${code} («${sheetNames[code]}»)`).join(", ")}` })),
    campaignId: DashboardFilter.shape.campaignId,
    municipality: DashboardFilter.shape.municipality,
    type: DashboardFilter.shape.type,
    period: DashboardFilter.shape.period,
  })
  .check(
    z.refine((value) => value.format !== "csv" || value.sheet !== undefined, {
      error: "Для CSV выберите лист: каждый лист выгружается отдельным файлом",
      path: ["sheet"],
    }),
  );
export type ExportInput = z.infer<typeof ExportInput>;

export type ExportInfo = {
  exportId: string;
  format: (typeof exportFormats)[number];
  sheet?: SheetCode;
  status: ExportStatus;
  progress: number;
  fileName?: string;
  error?: string;
  createdAt: string;
  updatedAt: string;
  /** When done: a presigned S3 URL in AWS, the API's file route locally. */
  downloadUrl?: string;
};

export type ExportFile =
  | { kind: "redirect"; url: string }
  | { kind: "local"; stream: ReadStream; size: number; fileName: string; contentType: string };

type ExportRow = NonNullable<Awaited<ReturnType<ReturnType<typeof ExportEntity.get>["go"]>>["data"]>;
type Options = Omit<ExportInput, "format" | "sheet">;

const RETENTION_SECONDS = 7 * 24 * 3600;
const contentTypes: Record<(typeof exportFormats)[number], string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};
const exportNotFound = () => notFound("reports.export_not_found", "Выгрузка не найдена");

async function toInfo(row: ExportRow): Promise<ExportInfo> {
  const done = row.status === "done" && row.fileKey && row.fileName;
  return {
    exportId: row.exportId,
    format: row.format,
    sheet: row.sheet as SheetCode | undefined,
    status: row.status,
    progress: row.progress,
    fileName: row.fileName,
    error: row.error,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    downloadUrl: done
      ? exportsBucket()
        ? await presignedUrl(row.fileKey as string, row.fileName as string)
        : `/api/reports/exports/${row.exportId}/file`
      : undefined,
  };
}

async function exportRow(regionId: string, exportId: string): Promise<ExportRow> {
  const row = (await ExportEntity.get({ regionId, exportId }).go({ consistent: true })).data;
  if (!row) throw exportNotFound();
  return row;
}

async function setState(
  regionId: string,
  exportId: string,
  changes: Partial<Pick<ExportRow, "status" | "progress" | "fileName" | "fileKey" | "error">>,
): Promise<void> {
  await ExportEntity.patch({ regionId, exportId })
    .set({ ...changes, updatedAt: nowIso() })
    .go();
}

/** Exports started in this process (local mode): awaited by tests and on shutdown. */
const running = new Set<Promise<void>>();

async function dispatch(regionId: string, exportId: string): Promise<void> {
  const functionName = process.env.EXPORT_FUNCTION_NAME;
  if (functionName) {
    const { LambdaClient, InvokeCommand } = await import("@aws-sdk/client-lambda");
    await new LambdaClient({}).send(
      new InvokeCommand({
        FunctionName: functionName,
        InvocationType: "Event",
        Payload: Buffer.from(JSON.stringify({ regionId, exportId })),
      }),
    );
    return;
  }
  const work = withActor({ type: "system", properties: { regionId } }, () => runExport(regionId, exportId)).finally(() =>
    running.delete(work),
  );
  running.add(work);
}

function filtersText(options: Options): string {
  const parts = [
    options.municipality ? `муниципалитет «${options.municipality}»` : undefined,
    options.type ? `тип: ${institutionTypeLabels[options.type]}` : undefined,
    options.period ? `период: ${options.period} год` : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join("; ") : "все организации региона";
}

async function monitoringSource(
  regionId: string,
  campaign: Campaign | undefined,
  tenants: Map<string, { name: string; municipality: string }>,
  timeZone: string,
): Promise<MonitoringSheetSource | undefined> {
  if (!campaign) return undefined;
  const campaignId = campaign.campaignId;
  const indicators = campaign.indicators as IndicatorDef[];
  const rows = (await SubmissionEntity.query.byCampaign({ campaignId }).go({ pages: "all" })).data.filter(
    (row) => row.regionId === regionId && tenants.has(row.tenantId),
  );
  const valuesOf = (row: (typeof rows)[number]): Record<string, IndicatorValue> => {
    if (!row.submittedAt) return {};
    const snapshot = (row.snapshot ?? {}) as Record<string, IndicatorValue>;
    const values = (row.values ?? {}) as Record<string, IndicatorValue>;
    return Object.fromEntries(indicators.map((d) => [d.code, (d.source ? snapshot[d.code] : values[d.code]) ?? null]));
  };
  return {
    campaign: { name: campaign.name, indicators },
    timeZone,
    rows: rows
      .map((row) => ({
        institutionName: tenants.get(row.tenantId)?.name ?? row.institutionName,
        municipality: row.municipality,
        status: row.status,
        submittedAt: row.submittedAt,
        late: row.late,
        values: valuesOf(row),
      }))
      .sort((a, b) => ruCompare(a.institutionName, b.institutionName)),
  };
}

/**
 * The federal-count campaign the federal sheet reports: the published one with a table (of the period, if given) whose
 * period ends latest (a draft, e.g. next year's being prepared, has no reports yet).
 */
function federalCampaign(campaigns: readonly Campaign[], period?: string): Campaign | undefined {
  return campaigns
    .filter((c) => c.kind === "federal_count" && c.status !== "draft" && c.table && (!period || c.periodEnd.startsWith(period)))
    .sort((a, b) => b.periodEnd.localeCompare(a.periodEnd) || b.createdAt.localeCompare(a.createdAt))
    .find((c) => tableIndicators(c.table as TableTemplate).length > 0);
}

/**
 * The federal sheet: the sums of what the institutions sent in the latest federal-count campaign (the programmes'
 * participants in its period); where none was held, the live registry in the default layout, headed as such.
 */
function federalSource(
  campaign: Campaign | undefined,
  reported: MonitoringSheetSource | undefined,
  model: ReturnType<typeof dashboardModel>,
): FederalTable {
  if (!campaign || !reported)
    return liveFederalTable(
      defaultFederalTable(),
      model.totals,
      model.asOf,
      `Участники в базах наставников и наставляемых на ${formatDate(model.asOf)} (кампания о численности участников не проводилась)`,
    );
  const sent = reported.rows.filter((row) => countedStatuses.includes(row.status));
  // A campaign created before the count was of the programmes' participants counts the registry (its cells say which).
  const counted = (campaign.indicators as IndicatorDef[]).some((d) => d.source?.metric === "participants")
    ? "Участники в базах наставников и наставляемых"
    : `Численность участников программ наставничества с ${formatDate(campaign.periodStart)} по ${formatDate(campaign.periodEnd)}`;
  return reportedFederalTable(
    campaign.table as TableTemplate,
    sent.map((row) => row.values),
    `${counted}, по отчётам организаций («${campaign.name}»): учтено ${sent.length} из ${outOf(reported.rows.length, ["организации", "организаций"])} (отправленные и не возвращённые на доработку)`,
  );
}

/**
 * The practices the report's institutions sent to the region, of the period's year when one is chosen (by the day they
 * were sent, in the region's calendar). The export runs as the region's system actor.
 */
async function practiceRows(
  institutions: ReturnType<typeof dashboardModel>["institutions"],
  period: string | undefined,
  timeZone: string,
): Promise<PracticeSheetRow[]> {
  const shown = new Map(institutions.map((i) => [i.tenantId, i]));
  return (await Practice.regionList()).items.flatMap((practice) => {
    const institution = shown.get(practice.tenantId);
    if (!institution) return [];
    if (period && !todayIn(timeZone, new Date(practice.sentAt ?? 0)).startsWith(period)) return [];
    const { title, form, status, sentAt, publishedAt, platformUrl, siteUrl } = practice;
    return [
      {
        institutionName: institution.name,
        municipality: institution.municipality,
        title,
        form,
        status,
        sentAt,
        publishedAt,
        platformUrl,
        siteUrl,
      },
    ];
  });
}

/** The work of one export (system actor of the region): reads, builds the sheets, writes, stores. */
export async function runExport(regionId: string, exportId: string): Promise<void> {
  const job = await exportRow(regionId, exportId);
  if (job.status === "done") return;
  const options = job.options as Options;
  const folder = await mkdtemp(join(tmpdir(), "rnc-export-"));
  try {
    await setState(regionId, exportId, { status: "running", progress: 5 });
    const source = await loadRegionSource(regionId, options);
    const model = dashboardModel(source);
    await setState(regionId, exportId, { progress: 40 });
    const tenants = new Map(model.institutions.map((i) => [i.tenantId, { name: i.name, municipality: i.municipality }]));
    // The campaigns come with the source (one Query of the region's campaigns).
    const shown = options.campaignId ?? model.monitoring?.campaign.campaignId;
    const monitoring = await monitoringSource(
      regionId,
      source.campaigns.find((campaign) => campaign.campaignId === shown),
      tenants,
      source.timeZone,
    );
    const federal = federalCampaign(source.campaigns, options.period);
    const reported = federal?.campaignId === shown ? monitoring : await monitoringSource(regionId, federal, tenants, source.timeZone);
    const activity = await readActivity(regionId, model.year);
    const sheets = reportSheets({
      model,
      header: { regionName: source.regionName, generatedAt: nowIso(), timeZone: source.timeZone, filters: filtersText(options) },
      monitoring,
      federal: federalSource(federal, reported, model),
      practices: { rows: await practiceRows(model.institutions, options.period, source.timeZone), timeZone: source.timeZone },
      partners: partnerTallies(activity.partners, model.year),
      activity: activityTallies(activity.trainings, activity.rewards),
    });
    await setState(regionId, exportId, { progress: 50 });
    const date = formatDate(source.today);
    let fileName: string;
    let file: string;
    if (job.format === "csv") {
      const code = (job.sheet ?? "summary") as SheetCode;
      fileName = `${sheetNames[code]} ${date}.csv`;
      file = join(folder, "export.csv");
      await writeFile(file, csvOf(sheets[code]));
    } else {
      fileName = `Сводный отчёт ЦМН ${date}.xlsx`;
      file = join(folder, "export.xlsx");
      const ordered = sheetCodes.map((code) => sheets[code]);
      await writeWorkbookFile(ordered, file, (done) =>
        setState(regionId, exportId, { progress: 50 + Math.round((40 * done) / ordered.length) }),
      );
    }
    const key = fileKey(regionId, exportId, job.format);
    await storeFile(file, key, contentTypes[job.format as ExportInfo["format"]]);
    await setState(regionId, exportId, { status: "done", progress: 100, fileName, fileKey: key });
  } catch (error) {
    log.error("export failed", { exportId, error: error instanceof Error ? error.message : String(error) });
    await setState(regionId, exportId, {
      status: "failed",
      error: "Не удалось сформировать выгрузку. Повторите попытку; если ошибка повторится, сообщите администратору.",
    });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

export const Reports = {
  /** Creates the export job and starts it; answers at once with the queued job. */
  async start(input: ExportInput): Promise<ExportInfo> {
    assertCan("reports.export");
    const regionId = useRegionID();
    if (input.campaignId && !(await CampaignEntity.get({ regionId, campaignId: input.campaignId }).go()).data) {
      throw notFound("monitoring.campaign_not_found", "Кампания не найдена");
    }
    const now = nowIso();
    const { format, sheet, ...options } = input;
    const row = {
      regionId,
      exportId: createId("export"),
      format,
      sheet: format === "csv" ? sheet : undefined,
      options: Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined && v !== "")),
      status: "queued" as const,
      progress: 0,
      createdBy: useUser().userId,
      createdAt: now,
      updatedAt: now,
      expiresAt: Math.floor(Date.parse(now) / 1000) + RETENTION_SECONDS,
    };
    // The region's data is about to leave the platform: the job and its audit item are written together.
    const written = await transactWithSummaries(
      { export: ExportEntity, audit: AuditEntity },
      ({ export: job, audit }) => [
        job.create(row).commit(),
        audit.create(auditItem("reports.export", row.exportId, { regionId })).commit(),
      ],
      [],
    );
    if (written.canceled) throw new VisibleError("unavailable", "reports.start_failed", "Не удалось начать выгрузку, повторите попытку");
    await dispatch(regionId, row.exportId);
    return toInfo(row as ExportRow);
  },

  async get(exportId: string): Promise<ExportInfo> {
    assertCan("reports.export");
    return toInfo(await exportRow(useRegionID(), exportId));
  },

  /** The region's exports, newest first. */
  async list(): Promise<ExportInfo[]> {
    assertCan("reports.export");
    const rows = await ExportEntity.query.byId({ regionId: useRegionID() }).go({ pages: "all" });
    const infos = await Promise.all(rows.data.map(toInfo));
    return infos.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 50);
  },

  /** The finished file (local mode: the API streams it; in AWS the download goes to S3 directly). */
  async file(exportId: string): Promise<ExportFile> {
    assertCan("reports.export");
    const row = await exportRow(useRegionID(), exportId);
    if (row.status !== "done" || !row.fileKey || !row.fileName) {
      throw new VisibleError("conflict", "reports.export_not_ready", "Выгрузка ещё не готова");
    }
    if (exportsBucket()) return { kind: "redirect", url: await presignedUrl(row.fileKey, row.fileName) };
    const opened = await openLocalFile(row.fileKey);
    if (!opened) throw new VisibleError("not_found", "reports.file_expired", "Файл выгрузки больше не хранится: сформируйте его заново");
    return { kind: "local", ...opened, fileName: row.fileName, contentType: contentTypes[row.format as ExportInfo["format"]] };
  },

  /** Resolves when the exports started in this process have finished (tests; local shutdown). */
  async settled(): Promise<void> {
    while (running.size > 0) await Promise.allSettled([...running]);
  },
};
