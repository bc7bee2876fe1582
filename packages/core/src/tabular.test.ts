import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { VisibleError } from "./error";
import { type Sheet, dateCell, dateTimeCell, mapColumns, readTable, writeCsv, writeXlsx } from "./tabular";

const columns = { fullName: "ФИО", email: "Электронная почта" } as const;
const aliases = { email: ["Email"] };

describe("mapColumns", () => {
  it("finds the columns by their titles, case and spacing ignored", () => {
    expect(mapColumns({ headers: ["электронная  почта", "ФИО"], rows: [] }, columns, [], aliases)).toEqual({ fullName: 1, email: 0 });
  });

  it("still reads a file with an older title (an alias)", () => {
    expect(mapColumns({ headers: ["ФИО", "Email"], rows: [] }, columns, [], aliases)).toEqual({ fullName: 0, email: 1 });
  });

  it("names a missing column by its current title", () => {
    try {
      mapColumns({ headers: ["ФИО", "Почта"], rows: [] }, columns, [], aliases);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(VisibleError);
      expect((error as VisibleError).message).toBe(
        "Не хватает столбцов: «Электронная почта». Неизвестные столбцы: «Почта». Скачайте шаблон и перенесите данные в него.",
      );
    }
  });
});

describe("writeCsv", () => {
  it("writes for Russian Excel: a BOM, «;», numbers with a decimal comma, text as it is, quoted where needed", () => {
    const csv = writeCsv({
      name: "Лист",
      columns: [{ header: "Показатель" }, { header: "Значение" }],
      rows: [
        ["Выполнено в срок, %", 10.5],
        ["Версия 1.2; черновик", 3],
        ["Пусто", null],
      ],
    });
    expect(csv).toBe('\uFEFFПоказатель;Значение\r\nВыполнено в срок, %;10,5\r\n"Версия 1.2; черновик";3\r\nПусто;\r\n');
  });
});

describe("dates in sheets", () => {
  const sheet: Sheet = {
    name: "Даты",
    columns: [{ header: "Событие" }, { header: "Дата" }],
    rows: [
      ["Календарная дата", dateCell("2026-11-22")],
      // 06:00 on 11 January in Vladivostok, still the 10th in UTC and in Moscow.
      ["День момента во Владивостоке", dateCell("2026-01-10T20:00:00.000Z", "Asia/Vladivostok")],
      ["Дата и время во Владивостоке", dateTimeCell("2026-01-10T20:05:00.000Z", "Asia/Vladivostok")],
      ["Нет даты", dateCell(undefined)],
    ],
  };

  it("writes real XLSX dates with a Russian format, on the same calendar day", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeXlsx([sheet])) as unknown as ArrayBuffer);
    const ws = workbook.getWorksheet("Даты");
    const cell = (row: number) => ws?.getRow(row).getCell(2);
    expect(cell(2)?.value).toBeInstanceOf(Date);
    expect(cell(2)?.value).toEqual(new Date("2026-11-22T00:00:00.000Z"));
    expect(cell(2)?.numFmt).toBe("dd.mm.yyyy");
    expect(cell(3)?.value).toEqual(new Date("2026-01-11T00:00:00.000Z"));
    expect(cell(4)?.value).toEqual(new Date("2026-01-11T06:05:00.000Z"));
    expect(cell(4)?.numFmt).toBe("dd.mm.yyyy hh:mm");
    expect(cell(5)?.value ?? null).toBeNull();
    // Read back by the import (whose dates are ГГГГ-ММ-ДД), the calendar date is the one written.
    const table = await readTable({ fileName: "d.xlsx", contentBase64: (await writeXlsx([sheet])).toString("base64") });
    expect(table.rows[0]).toEqual(["Календарная дата", "2026-11-22"]);
  });

  it("writes CSV and JSON dates as ДД.ММ.ГГГГ text", () => {
    expect(writeCsv(sheet).split("\r\n").slice(1, 5)).toEqual([
      "Календарная дата;22.11.2026",
      "День момента во Владивостоке;11.01.2026",
      "Дата и время во Владивостоке;11.01.2026 06:05",
      "Нет даты;",
    ]);
    expect(JSON.parse(JSON.stringify(sheet.rows[0]))).toEqual(["Календарная дата", "22.11.2026"]);
  });
});
