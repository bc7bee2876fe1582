import { useRegionID } from "../actor";
import { VisibleError } from "../error";
import { assertCan } from "../permissions";
import { outOf } from "../ru";
import { type Sheet, type UploadedFile, mapColumns, readTable, writeCsv, writeXlsx } from "../tabular";
import { Institution, InstitutionInput, type InstitutionType, normalizeName } from ".";

export const MAX_IMPORT_ROWS = 2000;

const columns = {
  fullName: "Полное наименование",
  shortName: "Краткое наименование",
  type: "Тип",
  municipality: "Муниципалитет",
  studentsTotal: "Обучающихся всего",
  students10to19: "Из них 10–19 лет",
  students15to19: "Из них 15–19 лет",
  teachersTotal: "Педагогов всего",
  youngTeachers: "Из них молодых специалистов",
  contactEmail: "Электронная почта",
  contactPhone: "Телефон",
} as const;
type Column = keyof typeof columns;
const numericColumns: Column[] = ["studentsTotal", "students10to19", "students15to19", "teachersTotal", "youngTeachers"];
/** Columns a file may leave out (older templates). */
const optionalColumns: Column[] = ["students15to19"];
/** Titles of older templates, still read. */
const columnAliases: Partial<Record<Column, readonly string[]>> = { contactEmail: ["Email", "E-mail"] };

/** Words people write in the «Тип» column, mapped to the type. */
const typeWords: [RegExp, InstitutionType][] = [
  [/^(школа|оо|общеобразоват|сош|оош|лицей|гимназия)/i, "school"],
  [/^(спо|колледж|техникум|профессиональн)/i, "college"],
  // `\b` knows only Latin letters: «ДО» is a word when nothing Cyrillic follows it.
  [/^(доп|до(?![а-яё])|дополнительн)/i, "additional"],
  [/^(друг|иная|other)/i, "other"],
];

export type ImportRow = {
  row: number;
  input?: InstitutionInput;
  values: Record<Column, string>;
  errors: { field: string; message: string }[];
};
export type ImportPreview = { rows: ImportRow[]; total: number; valid: number; invalid: number };

function parseRow(cells: string[], index: Record<Column, number>, row: number): ImportRow {
  const values = Object.fromEntries((Object.keys(columns) as Column[]).map((key) => [key, cells[index[key]] ?? ""])) as Record<
    Column,
    string
  >;
  const errors: ImportRow["errors"] = [];
  const type = typeWords.find(([pattern]) => pattern.test(values.type.trim()))?.[1];
  if (!type) {
    const choices = "укажите одно из значений: «школа», «СПО», «доп. образование», «другая»";
    errors.push({
      field: "type",
      message: values.type.trim() ? `Неизвестный тип «${values.type}»: ${choices}` : `Тип не указан: ${choices}`,
    });
  }
  const candidate: Record<string, unknown> = {
    fullName: values.fullName,
    shortName: values.shortName,
    type,
    municipality: values.municipality,
    contactEmail: values.contactEmail || undefined,
    contactPhone: values.contactPhone || undefined,
  };
  for (const key of numericColumns) {
    // A number as people type it («-10», «10,5», «1 200»), so that the schema says what is wrong with it.
    const text = values[key].replace(/\s/g, "").replace("−", "-").replace(",", ".");
    candidate[key] = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text === "" ? undefined : Number.NaN;
  }
  const parsed = InstitutionInput.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      if (field === "type" && !type) continue;
      errors.push({ field, message: issue.message });
    }
  }
  return { row, values, errors, input: parsed.success && errors.length === 0 ? parsed.data : undefined };
}

export const InstitutionImport = {
  /** Parses and validates the whole file; nothing is written. Duplicates within the file and against the region are errors. */
  async preview(file: UploadedFile): Promise<ImportPreview> {
    assertCan("institutions.manage");
    const table = await readTable(file);
    if (table.rows.length === 0) throw new VisibleError("input", "import.empty", "В файле нет строк с организациями");
    if (table.rows.length > MAX_IMPORT_ROWS) {
      throw new VisibleError("input", "import.too_many_rows", `В одном файле не более ${MAX_IMPORT_ROWS} организаций`);
    }
    const index = mapColumns(table, columns, optionalColumns, columnAliases);
    const institutions = await Institution.list();
    const existing = {
      fullName: new Set(institutions.map((i) => normalizeName(i.fullName))),
      shortName: new Set(institutions.map((i) => normalizeName(i.shortName))),
    };
    const seen = { fullName: new Map<string, number>(), shortName: new Map<string, number>() };
    const taken = {
      fullName: "Организация с таким названием уже есть в регионе",
      shortName: "Это краткое наименование уже у другой организации региона",
    };
    const rows = table.rows.map((cells, i) => {
      const row = parseRow(cells, index, i + 2);
      for (const field of ["fullName", "shortName"] as const) {
        const key = normalizeName(row.values[field]);
        if (!key) continue;
        if (existing[field].has(key)) row.errors.push({ field, message: taken[field] });
        const first = seen[field].get(key);
        if (first !== undefined) row.errors.push({ field, message: `Повтор строки ${first}` });
        else seen[field].set(key, row.row);
      }
      if (row.errors.length > 0) row.input = undefined;
      return row;
    });
    const valid = rows.filter((r) => r.input).length;
    return { rows, total: rows.length, valid, invalid: rows.length - valid };
  },

  /**
   * Creates the institutions only when every row is valid, or when the admin explicitly skips the bad rows.
   * Each institution is created with its name claim and audit event in one transaction.
   */
  async commit(file: UploadedFile, options: { skipInvalid: boolean }) {
    const preview = await InstitutionImport.preview(file);
    if (preview.invalid > 0 && !options.skipInvalid) {
      throw new VisibleError(
        "input",
        "import.has_errors",
        `В файле есть ошибки в ${preview.invalid} из ${outOf(preview.total, ["строки", "строк"])}. Исправьте их или пропустите ошибочные строки.`,
        {
          rows: preview.rows.filter((r) => r.errors.length > 0).map((r) => ({ row: r.row, errors: r.errors })),
        },
      );
    }
    const regionId = useRegionID();
    const created: { row: number; tenantId: string; shortName: string }[] = [];
    const failed: { row: number; errors: { field: string; message: string }[] }[] = [];
    for (const row of preview.rows) {
      if (!row.input) continue;
      try {
        const institution = await Institution.createInRegion(regionId, row.input);
        created.push({ row: row.row, tenantId: institution.tenantId, shortName: institution.shortName });
      } catch (error) {
        if (!(error instanceof VisibleError)) throw error;
        const field = error.code === "institution.short_name_taken" ? "shortName" : "fullName";
        failed.push({ row: row.row, errors: [{ field, message: error.message }] });
      }
    }
    return { created: created.length, skipped: preview.invalid, failed, institutions: created };
  },

  /** The template to fill in, with one example row. */
  async template(format: "xlsx" | "csv"): Promise<{ body: Buffer | string; contentType: string; fileName: string }> {
    const sheet: Sheet = {
      name: "Организации",
      columns: Object.values<string>(columns).map((header) => ({ header, width: Math.max(14, header.length + 4) })),
      rows: [
        [
          "Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 5»",
          "МБОУ СШ № 5",
          "школа",
          "Городской округ",
          640,
          420,
          230,
          45,
          7,
          "school5@example.ru",
          "+7 900 000-00-00",
        ],
      ],
    };
    return format === "xlsx"
      ? {
          body: await writeXlsx([sheet]),
          contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          fileName: "Шаблон списка организаций.xlsx",
        }
      : { body: writeCsv(sheet), contentType: "text/csv; charset=utf-8", fileName: "Шаблон списка организаций.csv" };
  },
};
