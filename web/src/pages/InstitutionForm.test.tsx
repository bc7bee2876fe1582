// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Institution } from "../api/types";
import { STALE_VERSION_MESSAGE, fakeApi, fieldErrorOf, staleVersionAnswer, summaryOf, validating, writes } from "../test-support";
import { InstitutionForm } from "./InstitutionForm";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const school: Institution = {
  tenantId: "inst_1",
  regionId: "reg_1",
  fullName: "Муниципальное бюджетное общеобразовательное учреждение «Школа № 5»",
  shortName: "МБОУ Школа № 5",
  type: "school",
  municipality: "Городской округ",
  studentsTotal: 500,
  students10to19: 300,
  teachersTotal: 40,
  youngTeachers: 5,
  status: "active",
  createdAt: "2026-01-10T09:00:00.000Z",
  updatedAt: "2026-01-10T09:00:00.000Z",
  version: 2,
};

describe("the institution form", () => {
  it("on a stale version shows the message, loads the current record and saves on top of it", async () => {
    const current = { ...school, municipality: "Новый район", version: 3 };
    let saves = 0;
    const calls = fakeApi({
      "PUT /api/institutions/inst_1": (body) =>
        ++saves === 1 ? staleVersionAnswer(current) : { status: 200, body: { ...current, ...(body as object), version: 4 } },
    });
    const onStale = vi.fn();
    const onSaved = vi.fn();
    render(<InstitutionForm institution={school} onClose={() => {}} onSaved={onSaved} onStale={onStale} />);

    fireEvent.change(screen.getByLabelText(/Краткое наименование/), { target: { value: "МБОУ СОШ № 5" } });
    fireEvent.click(screen.getByRole("button", { name: "Сохранить изменения" }));

    expect((await screen.findByRole("alert")).textContent).toContain(STALE_VERSION_MESSAGE);
    expect((screen.getByLabelText(/Муниципалитет/) as HTMLInputElement).value).toBe("Новый район");
    expect(onStale).toHaveBeenCalledTimes(1);
    expect(calls[0]?.body).toMatchObject({ shortName: "МБОУ СОШ № 5", version: 2, studentsTotal: 500 });

    fireEvent.click(screen.getByRole("button", { name: "Сохранить изменения" }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls[1]?.body).toMatchObject({ municipality: "Новый район", version: 3 });
  });

  it("checks headcounts before sending and marks the fields, with the server's problems, saving nothing", async () => {
    const calls = fakeApi({
      "POST /api/institutions": validating((body) =>
        String(body.contactEmail ?? "").includes("@")
          ? []
          : [{ path: "contactEmail", message: "Укажите корректный адрес электронной почты" }],
      ),
    });
    render(<InstitutionForm onClose={() => {}} onSaved={() => {}} />);
    fireEvent.change(screen.getByLabelText(/Обучающихся всего/), { target: { value: "много" } });
    fireEvent.change(screen.getByLabelText(/^Электронная почта/), { target: { value: "школа" } });
    fireEvent.click(screen.getByRole("button", { name: "Добавить организацию" }));
    const form = document.body;
    await waitFor(() => expect(summaryOf(form)).toContain("Укажите корректный адрес электронной почты"));
    const messages = summaryOf(form);
    expect(messages).toContain("Поле «Обучающихся всего»: укажите целое число, 0 или больше");
    // An empty required headcount is asked for, as a required text is.
    expect(messages).toContain("Заполните поле «Педагогов всего»");
    expect(messages).toContain("Заполните поле «Полное наименование»");
    expect(fieldErrorOf(form, /^Обучающихся всего/)).toBe("Поле «Обучающихся всего»: укажите целое число, 0 или больше");
    expect(fieldErrorOf(form, /^Педагогов всего/)).toBe("Заполните поле «Педагогов всего»");
    expect(calls).toMatchObject([{ method: "POST", validateOnly: true }]);
    expect(writes(calls)).toEqual([]);
  });

  it("marks only the required fields as required", () => {
    fakeApi({});
    render(<InstitutionForm onClose={() => {}} onSaved={() => {}} />);
    const optional = screen.getByLabelText(/15–19 лет/) as HTMLInputElement;
    expect(optional.required).toBe(false);
    expect(optional.labels?.[0]?.textContent).toBe("Из них в возрасте 15–19 лет (на 1 января, необязательно)");
    for (const label of [/^Электронная почта/, /^Телефон/]) {
      const input = screen.getByLabelText(label) as HTMLInputElement;
      expect(input.required).toBe(false);
      expect(input.labels?.[0]?.textContent).not.toContain("обязательно");
    }
    for (const label of [/^Полное наименование/, /^Обучающихся всего/, /^Из них в возрасте 10–19 лет/, /^Педагогов всего/]) {
      const input = screen.getByLabelText(label) as HTMLInputElement;
      expect(input.required).toBe(true);
      expect(input.labels?.[0]?.textContent).toContain("(обязательно)");
    }
  });
});
