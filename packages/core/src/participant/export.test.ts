import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { participantExportFileName, participantExportXlsx } from "./export";

type Export = Parameters<typeof participantExportXlsx>[0];

/** A calendar date as exceljs reads an XLSX date cell back. */
const utc = (date: string) => new Date(`${date}T00:00:00.000Z`);

const data = {
  exportedAt: "2026-03-01T10:00:00.000Z",
  participant: {
    participantId: "prt_1",
    fullName: "Петров Пётр Петрович",
    birthDate: "2012-03-14",
    category: "pupil",
    email: "petrov@example.ru",
    isMentor: false,
    isMentee: true,
    sensitiveFlags: ["ovz", "orphan"],
    status: "restricted",
    // 06:00 on 11 January in Vladivostok, still the 10th in Moscow.
    createdAt: "2026-01-10T20:00:00.000Z",
    updatedAt: "2026-02-10T08:00:00.000Z",
  },
  consents: [],
  pairs: [
    {
      role: "mentee",
      mentor: "Сидорова А. В.",
      mentees: ["Петров П. П.", "Орлова О. О."],
      pair: { pairId: "pair_1", form: "pupil_pupil", status: "active", startDate: "2026-01-15", endDate: "2026-05-31" },
      plan: { goals: ["математика"], tasks: [] },
      meetings: [{ date: "2026-02-01", stage: "joint_work", durationMinutes: 45 }],
    },
  ],
  rewards: [{ rewardId: "rwd_1", date: "2026-05-20", measure: "parent_letter", level: "municipal", basis: "Приказ № 7" }],
} as unknown as Export;

async function sheets() {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await participantExportXlsx(data, "Asia/Vladivostok")) as unknown as ArrayBuffer);
  const rows = (name: string) =>
    (workbook.getWorksheet(name)?.getSheetValues() ?? []).filter(Boolean).map((row) => (row as unknown[]).slice(1));
  const cell = (name: string, row: number, column: number) => workbook.getWorksheet(name)?.getRow(row).getCell(column) as ExcelJS.Cell;
  return { rows, cell };
}

describe("the personal-data export workbook", () => {
  it("writes labels, not codes, and a Russian header for the e-mail", async () => {
    const { rows } = await sheets();
    const person = new Map(rows("Участник").map(([field, value]) => [field, value]));
    expect(person.get("Электронная почта")).toBe("petrov@example.ru");
    expect(person.has("Email")).toBe(false);
    expect(person.get("Категория")).toBe("Обучающийся (ученик)");
    expect(person.get("Статус")).toBe("Обработка ограничена (согласие отозвано)");
    expect(person.get("Отметки о мерах доступности")).toBe("ОВЗ; Дети-сироты, оставшиеся без попечения родителей");
    expect(person.get("Дата рождения")).toEqual(utc("2012-03-14"));
    // Dated in the region's calendar: the 11th in Vladivostok.
    expect(person.get("Создан")).toEqual(utc("2026-01-11"));
    const [, meeting] = rows("Встречи");
    expect(meeting?.slice(1, 3)).toEqual([utc("2026-02-01"), "Совместная работа"]);
    const [, reward] = rows("Поощрения");
    expect(reward).toEqual([
      utc("2026-05-20"),
      "Благодарственное письмо родителям наставника-обучающегося",
      "Муниципальный",
      "Приказ № 7",
      "",
    ]);
  });

  it("names a pair by its form and people, with its id in the last column", async () => {
    const { rows } = await sheets();
    const [header, pair] = rows("Пары");
    expect(header?.slice(0, 4)).toEqual(["Форма", "Наставник", "Наставляемые", "Роль"]);
    expect(header?.at(-1)).toBe("Идентификатор пары");
    expect(pair?.slice(0, 5)).toEqual(["Ученик – ученик", "Сидорова А. В.", "Петров П. П., Орлова О. О.", "наставляемый", "Активна"]);
    expect(pair?.at(-1)).toBe("pair_1");
    const [meetingHeader, meeting] = rows("Встречи");
    expect(meetingHeader?.[0]).toBe("Пара");
    expect(meeting?.[0]).toBe("Ученик – ученик: Сидорова А. В. — Петров П. П., Орлова О. О.");
    expect(meeting?.at(-1)).toBe("pair_1");
  });

  it("writes dates as Excel dates in the dd.mm.yyyy format", async () => {
    const { cell } = await sheets();
    expect(cell("Пары", 2, 6).value).toEqual(utc("2026-01-15"));
    expect(cell("Пары", 2, 6).numFmt).toBe("dd.mm.yyyy");
    expect(cell("Встречи", 2, 2).numFmt).toBe("dd.mm.yyyy");
  });

  it("is named by the person, not by the register's id", () => {
    expect(participantExportFileName({ participant: { fullName: "Иванова Мария Сергеевна" } } as Export, "xlsx")).toBe(
      "Данные участника Иванова М. С.xlsx",
    );
  });
});
