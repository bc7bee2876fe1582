// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Institution } from "../api/types";
import { STALE_VERSION_MESSAGE, fakeApi, staleVersionAnswer } from "../test-support";
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

  it("checks headcounts before sending and marks the fields", async () => {
    const calls = fakeApi({});
    render(<InstitutionForm onClose={() => {}} onSaved={() => {}} />);
    fireEvent.change(screen.getByLabelText(/Обучающихся всего/), { target: { value: "много" } });
    fireEvent.click(screen.getByRole("button", { name: "Добавить организацию" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Поле «Обучающихся всего»: укажите целое число, 0 или больше");
    expect(screen.getByLabelText(/Обучающихся всего/).getAttribute("aria-invalid")).toBe("true");
    expect(calls).toHaveLength(0);
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
