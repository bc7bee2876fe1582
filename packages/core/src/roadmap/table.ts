/**
 * Reading roadmap tables as schools have them: text copied from a Word table (tab-separated rows, or one cell per
 * line as some editors paste it), XLSX or CSV. The result is a neutral list of sections and items with the original
 * cell texts; deadlines are interpreted later against the roadmap's period. Pure: no storage, no actor.
 */
import type ExcelJS from "exceljs";
import { loadExcel } from "../tabular";

export type TableItem = { row: number; number?: string; name: string; deadlineText?: string; executors?: string; result?: string };
export type TableSection = { row?: number; number?: string; title: string; items: TableItem[] };
export type TableWarning = { row?: number; message: string };
export type ParsedTable = { sections: TableSection[]; warnings: TableWarning[] };

type Column = "number" | "name" | "deadline" | "executors" | "result" | "content";
type Row = { line: number; cells: string[]; afterBreak: boolean };

const columnPatterns: [Column, RegExp][] = [
  ["number", /^№|^n\s*п\/п|^номер/i],
  ["deadline", /срок|длительность|дата/i],
  ["executors", /ответствен|исполнител/i],
  ["content", /содержание/i],
  ["result", /результат|документ|вид документа/i],
  ["name", /наименование|мероприяти|этап/i],
];

const defaultColumns: Column[] = ["number", "name", "deadline", "executors", "result"];

/** Word and HTML leftovers: tags become line breaks, non-breaking spaces become spaces, runs of blanks collapse. */
export function cleanCell(value: string): string {
  return value
    .replace(/<\/(p|li|div)>|<br\s*\/?>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/\u00a0/g, " ")
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}

const isItemNumber = (value: string) => /^\d{1,2}(\.\d{1,2}){0,3}\.?$/.test(value);
const isTopNumber = (value: string) => /^\d{1,2}\.?$/.test(value);
const numberedHeading = /^(\d{1,2})\.\s+(\S[\s\S]*)$/;
const isColumnNumbering = (cells: string[]) => {
  const filled = cells.filter(Boolean);
  return filled.length >= 3 && filled.every((cell, i) => cell === String(i + 1));
};
const isSeparator = (cells: string[]) => cells.every((cell) => /^[-–—_=\s]*$/.test(cell)) && cells.some((cell) => /[-–—_=]{2,}/.test(cell));

function headerColumns(cells: string[]): Column[] | undefined {
  if (!cells.some((cell) => /наименование/i.test(cell))) return undefined;
  const used = new Set<Column>();
  return cells.map((cell) => {
    const found = columnPatterns.find(([column, pattern]) => !used.has(column) && pattern.test(cell))?.[0];
    const column = found ?? "result";
    used.add(column);
    return column;
  });
}

/** Splits pasted text into rows of cells, recognising the two shapes Word produces. */
export function textRows(text: string): Row[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const multiTab = lines.filter((line) => (line.match(/\t/g)?.length ?? 0) >= 2).length;
  const cellStarts = lines.filter((line) => /^\s?\t[^\t]*$/.test(line)).length;
  return multiTab >= cellStarts ? rowsFromTabLines(lines) : rowsFromCellLines(lines);
}

function rowsFromTabLines(lines: string[]): Row[] {
  const rows: Row[] = [];
  let afterBreak = false;
  lines.forEach((line, index) => {
    if (!line.trim()) {
      afterBreak = true;
      return;
    }
    const previous = rows.at(-1);
    if (!line.includes("\t") && previous && previous.cells.length > 1) {
      // A line break inside a cell: the text continues the last filled cell of the row above.
      const last = previous.cells.map((cell, i) => (cell ? i : -1)).reduce((a, b) => Math.max(a, b), 0);
      previous.cells[last] = `${previous.cells[last]}\n${cleanCell(line)}`;
    } else {
      rows.push({ line: index + 1, cells: line.split("\t").map(cleanCell), afterBreak });
    }
    afterBreak = false;
  });
  return rows;
}

/** One cell per line, each starting with a tab; lines without a leading tab continue the cell above. */
function rowsFromCellLines(lines: string[]): Row[] {
  const cells: { line: number; text: string }[] = [];
  let started = false;
  lines.forEach((line, index) => {
    if (/^\s?\t/.test(line)) {
      started = true;
      cells.push({ line: index + 1, text: line.replace(/^\s?\t/, "") });
    } else if (started && cells.length > 0) {
      const last = cells[cells.length - 1] as { text: string };
      last.text = `${last.text}\n${line}`;
    }
  });
  const cleaned = cells.map((cell) => ({ line: cell.line, text: cleanCell(cell.text) }));
  const headerStart = cleaned.findIndex((cell) => /^№/.test(cell.text));
  const rows: Row[] = [];
  let i = 0;
  let width = defaultColumns.length;
  if (headerStart >= 0) {
    let end = headerStart + 1;
    while (
      end < cleaned.length &&
      columnPatterns.some(([, pattern]) => pattern.test(cleaned[end]?.text ?? "")) &&
      !isItemNumber(cleaned[end]?.text ?? "")
    )
      end++;
    width = end - headerStart;
    rows.push({ line: cleaned[headerStart]?.line ?? 0, cells: cleaned.slice(headerStart, end).map((c) => c.text), afterBreak: false });
    i = end;
  }
  while (i < cleaned.length) {
    const cell = cleaned[i] as { line: number; text: string };
    if (isItemNumber(cell.text)) {
      const rowCells = [cell.text];
      let j = i + 1;
      while (j < cleaned.length && rowCells.length < width) {
        const next = cleaned[j]?.text ?? "";
        if (isItemNumber(next) || numberedHeading.test(next)) break;
        rowCells.push(next);
        j++;
      }
      rows.push({ line: cell.line, cells: rowCells, afterBreak: false });
      i = j;
    } else {
      const heading = numberedHeading.exec(cell.text);
      rows.push({ line: cell.line, cells: heading ? [`${heading[1]}.`, heading[2] ?? ""] : ["", cell.text], afterBreak: false });
      i++;
    }
  }
  return rows;
}

/** Interprets rows of cells (from text, XLSX or CSV) as sections and items. */
export function tableFromRows(rows: Row[]): ParsedTable {
  const warnings: TableWarning[] = [];
  const headerIndex = rows.findIndex((row) => headerColumns(row.cells));
  let columns = headerIndex >= 0 ? (headerColumns(rows[headerIndex]?.cells ?? []) as Column[]) : undefined;
  const body = headerIndex >= 0 ? rows.slice(headerIndex + 1) : rows;
  if (!columns) {
    const numbered = body.filter((row) => isItemNumber(row.cells[0] ?? "")).length;
    columns = numbered >= body.length / 3 ? defaultColumns : defaultColumns.slice(1);
    warnings.push({
      message: "Строка заголовков таблицы не найдена: столбцы прочитаны в порядке «№, наименование, срок, ответственный, результат»",
    });
  }
  const hasNumber = columns.includes("number");
  const sections: TableSection[] = [];
  let previous: { item?: TableItem; section?: TableSection; record: Record<Column, string> } | undefined;

  for (const row of body) {
    if (isColumnNumbering(row.cells) || isSeparator(row.cells)) continue;
    const record = { number: "", name: "", deadline: "", executors: "", result: "", content: "" } as Record<Column, string>;
    let cells = row.cells;
    // A tab-separated row with one cell too many and an empty first cell is shifted by a leading tab.
    if (cells.length > columns.length && cells[0] === "" && !hasNumber) cells = cells.slice(1);
    columns.forEach((column, i) => {
      const value = cells[i] ?? "";
      record[column] = record[column] ? [record[column], value].filter(Boolean).join("\n") : value;
    });
    for (const extra of cells.slice(columns.length)) if (extra) record.result = [record.result, extra].filter(Boolean).join("\n");
    const filled = (Object.keys(record) as Column[]).filter((column) => record[column]);
    if (filled.length === 0) continue;

    // A row broken by a page break continues the row above: its number cell (or first cell) is empty.
    const continues = previous && row.afterBreak && !record.number && (hasNumber || !record.name || filled.length < 2 || !record.deadline);
    const orphan = previous && !record.number && !record.name && filled.length > 0;
    if (continues || orphan) {
      const target = previous as NonNullable<typeof previous>;
      for (const column of filled) {
        target.record[column] = [target.record[column], record[column]].filter(Boolean).join(column === "name" ? "\n" : " ");
      }
      applyRecord(target);
      continue;
    }

    const onlyName = record.name && !record.deadline && !record.executors && !record.result && !record.content;
    const headingInName = !record.number ? numberedHeading.exec(record.name) : null;
    if (headingInName && onlyName) {
      record.number = `${headingInName[1]}.`;
      record.name = headingInName[2] ?? "";
    }
    if (onlyName && (isTopNumber(record.number) || (!record.number && !hasNumber) || headingInName)) {
      const section: TableSection = { row: row.line, number: stripDot(record.number), title: record.name, items: [] };
      sections.push(section);
      previous = { section, record };
      continue;
    }
    if (!record.name) {
      warnings.push({ row: row.line, message: `Строка ${row.line}: нет наименования мероприятия, строка пропущена` });
      continue;
    }
    const item: TableItem = { row: row.line, name: "" };
    if (sections.length === 0) sections.push({ title: "Без раздела", items: [] });
    (sections[sections.length - 1] as TableSection).items.push(item);
    previous = { item, record };
    applyRecord(previous);
  }
  if (sections.every((section) => section.items.length === 0)) {
    warnings.push({ message: "В таблице не найдено ни одного мероприятия" });
  }
  return { sections, warnings };
}

const stripDot = (value: string) => (value ? value.replace(/\.$/, "") : undefined);

function applyRecord(target: { item?: TableItem; section?: TableSection; record: Record<Column, string> }) {
  const { record } = target;
  if (target.section) {
    target.section.title = record.name;
    return;
  }
  const item = target.item as TableItem;
  item.number = stripDot(record.number);
  item.name = [record.name, record.content].filter(Boolean).join("\n");
  item.deadlineText = record.deadline || undefined;
  item.executors = record.executors || undefined;
  item.result = record.result || undefined;
}

export const parseTableText = (text: string): ParsedTable => tableFromRows(textRows(text));

/** RFC 4180 CSV with the delimiter guessed from the first line (Russian Excel writes «;»). */
export function csvRows(text: string): Row[] {
  const source = text.replace(/^\uFEFF/, "");
  const firstLine = source.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = [";", "\t", ","].reduce((best, candidate) =>
    firstLine.split(candidate).length > firstLine.split(best).length ? candidate : best,
  );
  const rows: Row[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        cell += ch;
      }
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      cells.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && source[i + 1] === "\n") i++;
      cells.push(cell);
      if (cells.some((c) => c.trim())) rows.push({ line: rowLine, cells: cells.map(cleanCell), afterBreak: false });
      cells = [];
      cell = "";
      line++;
      rowLine = line;
    } else cell += ch;
  }
  cells.push(cell);
  if (cells.some((c) => c.trim())) rows.push({ line: rowLine, cells: cells.map(cleanCell), afterBreak: false });
  return rows;
}

const pad = (n: number) => String(n).padStart(2, "0");

function cellText(cell: ExcelJS.Cell): string {
  if (cell.isMerged && cell.master !== cell) return "";
  const value = cell.value;
  if (value instanceof Date) return `${pad(value.getUTCDate())}.${pad(value.getUTCMonth() + 1)}.${value.getUTCFullYear()}`;
  return cleanCell(cell.text ?? "");
}

/** The first worksheet of an XLSX workbook as rows of cell texts (merged cells read once, dates as ДД.ММ.ГГГГ). */
export async function xlsxRows(content: Uint8Array): Promise<Row[]> {
  const workbook = new (await loadExcel()).Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: Row[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= Math.max(row.cellCount, 1); column++) cells.push(cellText(row.getCell(column)));
    if (cells.some(Boolean)) rows.push({ line: rowNumber, cells, afterBreak: false });
  });
  return rows;
}
