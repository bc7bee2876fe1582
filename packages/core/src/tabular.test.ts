import { describe, expect, it } from "vitest";
import { VisibleError } from "./error";
import { mapColumns, writeCsv } from "./tabular";

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
