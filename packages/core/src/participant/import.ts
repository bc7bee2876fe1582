import { useTenantID } from "../actor";
import { VisibleError } from "../error";
import { type ParticipantCategory, categoryLabels } from "../forms/catalogue";
import { assertCan } from "../permissions";
import { outOf } from "../ru";
import { type Sheet, type UploadedFile, dateCell, mapColumns, readTable, writeCsv, writeXlsx } from "../tabular";
import { splitList } from "./fields";
import { Participant, ParticipantInput, participantIssues } from "./index";
import { nameKey } from "./names";
import { ParticipantEntity } from "./participant.entity";

export const MAX_IMPORT_ROWS = 2000;

export const importColumns = {
  fullName: "ФИО",
  birthDate: "Дата рождения",
  category: "Категория",
  group: "Класс или группа",
  role: "Роль",
  email: "Электронная почта",
  phone: "Телефон",
  requests: "Запросы",
  competences: "Компетенции",
  experience: "Опыт",
  capacity: "Число наставляемых",
  partnerOrg: "Организация-партнёр",
} as const;
type Column = keyof typeof importColumns;
/** Titles of older templates, still read. */
const columnAliases: Partial<Record<Column, readonly string[]>> = { email: ["Email", "E-mail"] };

/** Words people write in the «Категория» column (the more specific first). */
const categoryWords: [RegExp, ParticipantCategory][] = [
  [/^молод/i, "young_specialist"],
  [/^(ученик|учащ|школьник|обучающийся \(ученик)/i, "pupil"],
  [/^(студент|обучающийся \(студент)/i, "student"],
  [/^(педагог|учитель|преподаватель|воспитатель)/i, "teacher"],
  [/^(руководител|директор|заместитель)/i, "head"],
  [/^выпускник/i, "graduate"],
  [/^(работодател|представител|сотрудник|партн)/i, "employer"],
  [/^родител/i, "parent"],
];

const roleWords: [RegExp, { isMentor: boolean; isMentee: boolean }][] = [
  [/^(наставник и наставляемый|оба|наставляемый и наставник)$/i, { isMentor: true, isMentee: true }],
  [/^наставник$/i, { isMentor: true, isMentee: false }],
  [/^наставляем/i, { isMentor: false, isMentee: true }],
];

export type ImportError = { field: string; message: string };
export type ImportRow = {
  row: number;
  values: Record<Column, string>;
  input?: ParticipantInput;
  errors: ImportError[];
  /** The same person (name and birth date) earlier in the file or already in the registry. */
  duplicateOf?: { row: number } | { participantId: string };
};
export type ImportPreview = { rows: ImportRow[]; total: number; valid: number; invalid: number; duplicates: number };

/** ДД.ММ.ГГГГ, ГГГГ-ММ-ДД (also what XLSX dates become) or a bare year. */
function parseBirth(text: string): { birthDate?: string; birthYear?: number; error?: string } {
  const value = text.trim();
  if (!value) return {};
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  if (ru) return { birthDate: `${ru[3]}-${ru[2]?.padStart(2, "0")}-${ru[1]?.padStart(2, "0")}` };
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return { birthDate: value.slice(0, 10) };
  if (/^\d{4}$/.test(value)) return { birthYear: Number(value) };
  return { error: `Дата рождения «${value}»: укажите ДД.ММ.ГГГГ или год (ГГГГ)` };
}

const duplicateKey = (fullName: string, birth: { birthDate?: string; birthYear?: number }) =>
  `${nameKey(fullName)}|${birth.birthDate ?? birth.birthYear ?? ""}`;

function parseRow(cells: string[], index: Record<Column, number>, row: number): ImportRow {
  const values = Object.fromEntries((Object.keys(importColumns) as Column[]).map((key) => [key, cells[index[key]] ?? ""])) as Record<
    Column,
    string
  >;
  const errors: ImportError[] = [];
  const category = categoryWords.find(([pattern]) => pattern.test(values.category.trim()))?.[1];
  if (!category) {
    errors.push({
      field: "category",
      message: values.category
        ? `Неизвестная категория «${values.category}»: ученик, студент, педагог, молодой специалист, руководитель, выпускник, работодатель или родитель`
        : "Укажите категорию участника",
    });
  }
  const role = roleWords.find(([pattern]) => pattern.test(values.role.trim()))?.[1];
  if (!role) errors.push({ field: "role", message: "Роль: «наставник», «наставляемый» или «наставник и наставляемый»" });
  const birth = parseBirth(values.birthDate);
  if (birth.error) errors.push({ field: "birthDate", message: birth.error });
  const capacityText = values.capacity.replace(/\s/g, "");
  const capacity = capacityText === "" ? undefined : /^\d+$/.test(capacityText) ? Number(capacityText) : Number.NaN;
  const candidate = {
    fullName: values.fullName,
    birthDate: birth.birthDate,
    birthYear: birth.birthYear,
    category,
    group: values.group || undefined,
    email: values.email || undefined,
    phone: values.phone || undefined,
    isMentor: role?.isMentor ?? false,
    isMentee: role?.isMentee ?? false,
    requests: values.requests ? splitList(values.requests) : undefined,
    competences: values.competences ? splitList(values.competences) : undefined,
    experience: values.experience || undefined,
    capacity,
    partnerOrg: values.partnerOrg || undefined,
  };
  const parsed = ParticipantInput.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      if ((field === "category" && !category) || (field === "isMentor" && !role) || (field === "birthDate" && birth.error)) continue;
      if (field === "birthYear" && birth.error) continue;
      errors.push({ field, message: issue.message });
    }
  } else if (category && role) {
    for (const issue of participantIssues(parsed.data))
      if (!errors.some((e) => e.message === issue.message)) errors.push({ field: issue.path[0] ?? "", message: issue.message });
  }
  return { row, values, errors, input: parsed.success && errors.length === 0 ? parsed.data : undefined };
}

export const ParticipantImport = {
  /** Parses and checks the file; nothing is written. Errors are per row; duplicates (name + birth date) are errors too. */
  async preview(file: UploadedFile): Promise<ImportPreview> {
    assertCan("participants.write");
    const tenantId = useTenantID();
    const table = await readTable(file);
    if (table.rows.length === 0) throw new VisibleError("input", "import.empty", "В файле нет строк с участниками");
    if (table.rows.length > MAX_IMPORT_ROWS) {
      throw new VisibleError("input", "import.too_many_rows", `В одном файле не более ${MAX_IMPORT_ROWS} участников`);
    }
    const index = mapColumns(table, importColumns, [], columnAliases);
    const registry = new Map(
      (await ParticipantEntity.query.byTenant({ tenantId }).go({ pages: "all" })).data
        .filter((row) => row.status !== "anonymised")
        .map((row) => [duplicateKey(row.fullName, row), row.participantId]),
    );
    const seen = new Map<string, number>();
    let duplicates = 0;
    const rows = table.rows.map((cells, i) => {
      const row = parseRow(cells, index, i + 2);
      const birth = parseBirth(row.values.birthDate);
      const key = row.values.fullName.trim() ? duplicateKey(row.values.fullName, birth) : "";
      const existing = key ? registry.get(key) : undefined;
      const first = key ? seen.get(key) : undefined;
      if (existing) {
        row.duplicateOf = { participantId: existing };
        row.errors.push({ field: "fullName", message: "Участник с такими ФИО и датой рождения уже есть в базе участников" });
      } else if (first !== undefined) {
        row.duplicateOf = { row: first };
        row.errors.push({ field: "fullName", message: `Повтор строки ${first}: те же ФИО и дата рождения` });
      } else if (key) seen.set(key, row.row);
      if (row.duplicateOf) duplicates++;
      if (row.errors.length > 0) row.input = undefined;
      return row;
    });
    const valid = rows.filter((r) => r.input).length;
    return { rows, total: rows.length, valid, invalid: rows.length - valid, duplicates };
  },

  /** Creates the valid rows (in transactions of up to 98 people with their counters) when there are no errors or `skipInvalid`. */
  async commit(file: UploadedFile, options: { skipInvalid: boolean }) {
    const preview = await ParticipantImport.preview(file);
    if (preview.invalid > 0 && !options.skipInvalid) {
      throw new VisibleError(
        "input",
        "import.has_errors",
        `В файле есть ошибки в ${preview.invalid} из ${outOf(preview.total, ["строки", "строк"])}. Исправьте их или пропустите ошибочные строки.`,
        { rows: preview.rows.filter((r) => r.errors.length > 0).map((r) => ({ row: r.row, errors: r.errors })) },
      );
    }
    const inputs = preview.rows.flatMap((row) => (row.input ? [row.input] : []));
    const created = await Participant.createMany(inputs, "participant.import");
    return {
      created: created.length,
      skipped: preview.invalid,
      participants: created.map((p) => ({ participantId: p.participantId, fullName: p.fullName })),
    };
  },

  /** The template with Russian column headers and two example rows. */
  async template(format: "xlsx" | "csv"): Promise<{ body: Buffer | string; contentType: string; fileName: string }> {
    assertCan("participants.write");
    const sheet: Sheet = {
      name: "Участники",
      columns: Object.values<string>(importColumns).map((header) => ({ header, width: Math.max(14, header.length + 4) })),
      rows: [
        [
          "Петров Пётр Петрович",
          dateCell("2012-03-14"),
          "ученик",
          "7Б",
          "наставляемый",
          "",
          "",
          "математика; подготовка к олимпиаде",
          "",
          "",
          null,
          "",
        ],
        [
          "Сидорова Анна Викторовна",
          dateCell("1985-09-02"),
          categoryLabels.teacher,
          "",
          "наставник",
          "sidorova@school.ru",
          "+7 900 000-00-00",
          "",
          "математика; олимпиады",
          "Учитель математики, 15 лет",
          2,
          "",
        ],
      ],
    };
    return format === "xlsx"
      ? {
          body: await writeXlsx([sheet]),
          contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          fileName: "Шаблон реестра участников.xlsx",
        }
      : { body: writeCsv(sheet), contentType: "text/csv; charset=utf-8", fileName: "Шаблон реестра участников.csv" };
  },
};
