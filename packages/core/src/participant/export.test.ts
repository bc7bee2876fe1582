import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { participantExportXlsx } from "./export";

type Export = Parameters<typeof participantExportXlsx>[0];

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
  return { rows };
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
    expect(person.get("Дата рождения")).toBe("14.03.2012");
    expect(person.get("Создан")).toBe("11.01.2026");
    const [, pair] = rows("Пары");
    expect(pair?.slice(1, 4)).toEqual(["наставляемый", "Ученик – ученик", "Активна"]);
    const [, meeting] = rows("Встречи");
    expect(meeting?.slice(1, 3)).toEqual(["01.02.2026", "Совместная работа"]);
    const [, reward] = rows("Поощрения");
    expect(reward).toEqual(["20.05.2026", "Благодарственное письмо родителям наставника-обучающегося", "Муниципальный", "Приказ № 7", ""]);
  });
});
