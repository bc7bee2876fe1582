// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi } from "../../test-support";
import { renderPage, signedInAs } from "../../test-signed-in";
import ImportPage, { birthDateText, importResult } from "./ImportPage";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const values = (fullName: string, birthDate: string) => ({
  fullName,
  birthDate,
  category: "ученик",
  group: "7Б",
  role: "наставляемый",
  email: "",
  phone: "",
  requests: "",
  competences: "",
  experience: "",
  capacity: "",
  partnerOrg: "",
});

describe("the participant import", () => {
  it("shows birth dates from XLSX date cells (ГГГГ-ММ-ДД) as ДД.ММ.ГГГГ, and the result with agreeing words", async () => {
    fakeApi({
      ...signedInAs("curator"),
      "POST /api/participants/import/preview": () => ({
        status: 200,
        body: {
          rows: [
            { row: 2, values: values("Петров Пётр Петрович", "2012-03-14"), errors: [], input: {} },
            { row: 3, values: values("Сидоров Иван", "14.03.2012"), errors: [{ field: "role", message: "Роль не указана" }] },
            { row: 4, values: values("Козлов Олег", "2012"), errors: [{ field: "group", message: "Класс не указан" }] },
          ],
          total: 3,
          valid: 1,
          invalid: 2,
          duplicates: 0,
        },
      }),
      "POST /api/participants/import": () => ({ status: 200, body: { created: 1, skipped: 2, participants: [] } }),
    });
    renderPage(<ImportPage />, { path: "/participants/import" });
    const file = new File(["ФИО;Дата рождения"], "uchastniki.xlsx");
    fireEvent.change(await screen.findByLabelText("Файл XLSX или CSV"), { target: { files: [file] } });
    const table = await screen.findByRole("table", { name: "Строки файла" });
    const birthCells = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((row) => row.querySelectorAll("td")[1]?.textContent);
    expect(birthCells).toEqual(["14.03.2012", "14.03.2012", "2012"]);

    fireEvent.click(screen.getByLabelText(/Пропустить строки с/));
    // The object of «импортировать» (accusative): «1 участника», not «1 участник».
    fireEvent.click(screen.getByRole("button", { name: "Импортировать 1 участника" }));
    expect((await screen.findByText(/^Импортировано/)).textContent).toBe("Импортировано: 1 участник, пропущены 2 строки с ошибками");
  });

  it.each([
    [3, 0, "Импортировано: 3 участника"],
    [1, 2, "Импортировано: 1 участник, пропущены 2 строки с ошибками"],
    [5, 5, "Импортировано: 5 участников, пропущено 5 строк с ошибками"],
    [5, 21, "Импортировано: 5 участников, пропущена 21 строка с ошибками"],
  ])("result: %i created, %i skipped", (created, skipped, text) => expect(importResult(created, skipped)).toBe(text));

  it.each([
    ["2012-03-14", "14.03.2012"],
    ["2012-03-14T00:00:00.000Z", "14.03.2012"],
    ["14.03.2012", "14.03.2012"],
    ["2012", "2012"],
    ["вчера", "вчера"],
  ])("birth date cell %s is shown as %s", (value, text) => expect(birthDateText(value)).toBe(text));
});
