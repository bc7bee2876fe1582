import { Readable } from "node:stream";
import type ExcelJS from "exceljs";
import { DEFAULT_TIME_ZONE, dateTimeFormat } from "./dates";
import { VisibleError } from "./error";
import * as z from "./zod";

/** An uploaded spreadsheet: JSON-friendly, so uploads go through the same body validation as everything else. */
export const UploadedFile = z.object({
  fileName: z.string({ error: "Укажите имя файла" }).check(z.minLength(1), z.maxLength(255)),
  contentBase64: z.string({ error: "Файл не передан" }).check(z.minLength(1, { error: "Файл пустой" })),
});
export type UploadedFile = z.infer<typeof UploadedFile>;

export type Table = { headers: string[]; rows: string[][] };

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("text" in value) return String(value.text);
    if ("result" in value) return String(value.result ?? "");
  }
  return String(value);
};

function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const counts = [";", ",", "\t"].map((d) => [d, firstLine.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]?.[0] ?? ";";
}

/** exceljs is large: loaded on first use so that it costs nothing on requests that do not touch spreadsheets. */
export const loadExcel = async () => (await import("exceljs")).default;

/** Reads the first sheet of an XLSX file, or a CSV (UTF-8, `;`, `,` or tab separated), into trimmed text cells. */
export async function readTable(file: UploadedFile): Promise<Table> {
  const buffer = Buffer.from(file.contentBase64, "base64");
  const workbook = new (await loadExcel()).Workbook();
  const name = file.fileName.toLowerCase();
  try {
    if (name.endsWith(".xlsx")) {
      await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    } else if (name.endsWith(".csv") || name.endsWith(".txt")) {
      const text = buffer.toString("utf8").replace(/^\uFEFF/, "");
      await workbook.csv.read(Readable.from([text]), { parserOptions: { delimiter: detectDelimiter(text) } });
    } else {
      throw new VisibleError("input", "import.unsupported_file", "Поддерживаются файлы XLSX и CSV");
    }
  } catch (error) {
    if (error instanceof VisibleError) throw error;
    throw new VisibleError(
      "input",
      "import.unreadable_file",
      "Не удалось прочитать файл: проверьте, что это XLSX или CSV в кодировке UTF-8",
    );
  }
  const sheet = workbook.worksheets[0];
  const matrix: string[][] = [];
  sheet?.eachRow({ includeEmpty: false }, (row) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    matrix.push(values.map((value) => cellText(value as ExcelJS.CellValue).trim()));
  });
  const [headers = [], ...rows] = matrix;
  return { headers, rows: rows.filter((row) => row.some((cell) => cell !== "")) };
}

/**
 * Checks a table's header row against the expected column titles (case and spacing ignored)
 * and returns, for each expected key, its column index. `aliases` are other titles a column may have (e.g. those of
 * older templates); messages and templates use the title in `columns`.
 */
export function mapColumns<K extends string>(
  table: Table,
  columns: Record<K, string>,
  optional: readonly K[] = [],
  aliases: Partial<Record<K, readonly string[]>> = {},
): Record<K, number> {
  const normalize = (s: string) => s.toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").trim();
  const index = new Map(table.headers.map((header, i) => [normalize(header), i]));
  const titlesOf = (key: K) => [columns[key], ...(aliases[key] ?? [])].map(normalize);
  const keys = Object.keys(columns) as K[];
  const columnOf = (key: K) =>
    titlesOf(key)
      .map((title) => index.get(title))
      .find((i) => i !== undefined);
  const missing = keys.filter((key) => !optional.includes(key) && columnOf(key) === undefined).map((key) => columns[key]);
  const known = new Set(keys.flatMap(titlesOf));
  const unknown = table.headers.filter((header) => header && !known.has(normalize(header)));
  if (missing.length > 0 || unknown.length > 0) {
    throw new VisibleError(
      "input",
      "import.wrong_columns",
      [
        missing.length ? `Не хватает столбцов: ${missing.map((c) => `«${c}»`).join(", ")}` : "",
        unknown.length ? `Неизвестные столбцы: ${unknown.map((c) => `«${c}»`).join(", ")}` : "",
      ]
        .filter(Boolean)
        .join(". ") + ". Скачайте шаблон и перенесите данные в него.",
      { missing, unknown },
    );
  }
  return Object.fromEntries(keys.map((key) => [key, columnOf(key) ?? -1])) as Record<K, number>;
}

/** The parts of an instant's wall-clock time in a time zone, as numbers. */
function wallClock(instant: Date, timeZone: string) {
  const parts = dateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: part("year"), month: part("month"), day: part("day"), hour: part("hour"), minute: part("minute") };
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A date in a sheet: a real date in XLSX (Excel can sort and filter the column), ДД.ММ.ГГГГ text in CSV and JSON.
 * It holds the wall-clock date (and time) as a UTC instant, as Excel dates have no time zone: 22 November stays the 22nd
 * whatever zone the server or the reader is in.
 */
export class DateCell {
  private constructor(
    readonly at: Date,
    readonly withTime: boolean,
  ) {}

  /** A calendar date («2026-11-22»), or the day of an instant («2026-11-21T22:30:00Z») in the time zone. */
  static date(value: string, timeZone = DEFAULT_TIME_ZONE): DateCell {
    const calendar = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (calendar) return new DateCell(new Date(Date.UTC(Number(calendar[1]), Number(calendar[2]) - 1, Number(calendar[3]))), false);
    const t = wallClock(new Date(value), timeZone);
    return new DateCell(new Date(Date.UTC(t.year, t.month - 1, t.day)), false);
  }

  /** An instant's date and time (to the minute) in the time zone. */
  static dateTime(value: string, timeZone = DEFAULT_TIME_ZONE): DateCell {
    const t = wallClock(new Date(value), timeZone);
    return new DateCell(new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute)), true);
  }

  /** The Excel number format of the cell. */
  get numFmt(): string {
    return this.withTime ? "dd.mm.yyyy hh:mm" : "dd.mm.yyyy";
  }

  /** ДД.ММ.ГГГГ (ЧЧ:ММ): what CSV and JSON carry. */
  get text(): string {
    const a = this.at;
    const date = `${pad(a.getUTCDate())}.${pad(a.getUTCMonth() + 1)}.${a.getUTCFullYear()}`;
    return this.withTime ? `${date} ${pad(a.getUTCHours())}:${pad(a.getUTCMinutes())}` : date;
  }

  toJSON(): string {
    return this.text;
  }
}

/** A date cell for an optional ISO date or timestamp: null (an empty cell) when there is none. */
export const dateCell = (value: string | undefined | null, timeZone?: string): DateCell | null =>
  value ? DateCell.date(value, timeZone) : null;

/** A date-and-time cell for an optional ISO timestamp: null when there is none. */
export const dateTimeCell = (value: string | undefined | null, timeZone?: string): DateCell | null =>
  value ? DateCell.dateTime(value, timeZone) : null;

export type Cell = string | number | null | DateCell;
export type Sheet = { name: string; columns: { header: string; width?: number }[]; rows: Cell[][] };

/** Adds the sheet's header row (bold) and column widths to a worksheet, plain or streamed. */
export function addHeader(ws: ExcelJS.Worksheet, sheet: Sheet): void {
  ws.columns = sheet.columns.map((column) => ({ header: column.header, width: column.width ?? Math.max(12, column.header.length + 2) }));
  ws.getRow(1).font = { bold: true };
}

/** Adds one row of cells to a worksheet, plain or streamed: every XLSX writer goes through here, dates included. */
export function addCells(ws: ExcelJS.Worksheet, cells: readonly Cell[]): ExcelJS.Row {
  const row = ws.addRow(cells.map((cell) => (cell instanceof DateCell ? cell.at : cell)));
  cells.forEach((cell, i) => {
    if (cell instanceof DateCell) row.getCell(i + 1).numFmt = cell.numFmt;
  });
  return row;
}

/** An XLSX workbook with bold, frozen header rows. */
export async function writeXlsx(sheets: Sheet[]): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
    addHeader(ws, sheet);
    for (const row of sheet.rows) addCells(ws, row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * CSV for Russian Excel: UTF-8 with BOM, `;` separated, quoted where needed, numbers with a decimal comma (Excel in a
 * Russian locale reads «10.5» as a date or text), dates as ДД.ММ.ГГГГ.
 */
export function writeCsv(sheet: Sheet): string {
  const quote = (value: Cell) => {
    const text =
      value === null ? "" : typeof value === "number" ? String(value).replace(".", ",") : value instanceof DateCell ? value.text : value;
    return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [sheet.columns.map((c) => quote(c.header)), ...sheet.rows.map((row) => row.map(quote))];
  return `\uFEFF${lines.map((line) => line.join(";")).join("\r\n")}\r\n`;
}
