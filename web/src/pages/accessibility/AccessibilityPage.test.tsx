// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Role } from "../../api/types";
import { renderPage, signedInAs } from "../../test-signed-in";
import {
  STALE_VERSION_MESSAGE,
  fakeApi,
  fieldErrorOf,
  invalidFieldsAnswer,
  isIsoDate,
  staleVersionAnswer,
  summaryOf,
  validating,
  writes,
} from "../../test-support";
import AccessibilityPage from "./AccessibilityPage";
import type { AccessMeasure } from "./types";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const schedule: AccessMeasure = {
  measureId: "acm_1",
  category: "ovz",
  measure: "Индивидуальный график встреч.\nЗанятия на первом этаже.",
  act: "Приказ № 112 от 30.09.2026",
  responsible: "Петрова А. И., педагог-психолог",
  dueDate: "2026-10-31",
  done: true,
  createdAt: "2026-09-30T09:00:00.000Z",
  updatedAt: "2026-10-01T09:00:00.000Z",
  version: 2,
};
const online: AccessMeasure = {
  measureId: "acm_2",
  category: "remote_area",
  measure: "Встречи в дистанционном формате",
  done: false,
  createdAt: "2026-09-30T10:00:00.000Z",
  updatedAt: "2026-09-30T10:00:00.000Z",
  version: 1,
};
const all = [schedule, online];

function open(measures: AccessMeasure[], routes: Parameters<typeof fakeApi>[0] = {}, role: Role = "curator") {
  const calls = fakeApi({
    ...signedInAs(role),
    "GET /api/accessibility-measures": () => ({ status: 200, body: { items: measures } }),
    ...routes,
  });
  renderPage(<AccessibilityPage />, { path: "/accessibility" });
  return calls;
}

/** The calls that change the measures (the sign-in's and the list's are left out). */
const measureCalls = (calls: ReturnType<typeof fakeApi>) =>
  calls
    .filter((call) => call.path.startsWith("/api/accessibility-measures") && call.method !== "GET")
    .map((call) => [call.method, call.path, call.body]);
const listLoads = (calls: ReturnType<typeof fakeApi>) =>
  calls.filter((call) => call.method === "GET" && call.path === "/api/accessibility-measures").length;
const field = (scope: HTMLElement, label: RegExp) => within(scope).getByLabelText(label) as HTMLInputElement;
/** A text as read aloud: a line break is a space. */
const oneLine = (text: string) => text.replace(/\s+/g, " ");
const row = (text: string) => screen.findByRole("row", { name: (name) => oneLine(name).includes(oneLine(text)) });
const cells = (tableRow: HTMLElement) =>
  within(tableRow)
    .getAllByRole("cell")
    .map((cell) => cell.textContent);
/** A row's button, named by its measure. */
const buttonIn = async (measure: AccessMeasure, action: string) =>
  within(await row(measure.measure)).getByRole("button", {
    name: (name) => oneLine(name) === oneLine(`${action} меру «${measure.measure}»`),
  });
/** The field's error message, the last of the texts tied to it. */
const errorOf = (input: HTMLElement) =>
  document.getElementById(input.getAttribute("aria-describedby")?.split(" ").at(-1) ?? "")?.textContent;

describe("the institution's accessibility measures", () => {
  it("lists each measure with its category, act, responsible, due date and whether it is done, and counts them", async () => {
    open(all);
    const first = await row("Индивидуальный график встреч.");
    expect(within(first).getByRole("rowheader").textContent).toBe(schedule.measure);
    expect(cells(first)).toEqual([
      "ОВЗ",
      "Приказ № 112 от 30.09.2026",
      "Петрова А. И., педагог-психолог",
      "31.10.2026",
      "Да",
      expect.stringContaining("Изменить"),
    ]);
    expect(cells(await row(online.measure))).toEqual([
      "Сельская местность, труднодоступные и отдалённые территории",
      "—",
      "—",
      "—",
      "Нет",
      expect.stringContaining("Изменить"),
    ]);

    expect(screen.getByText("2 меры, из них 1 выполнена")).toBeTruthy();
    const table = screen.getByRole("table", { name: "Меры по обеспечению доступности программ наставничества" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((header) => header.textContent),
    ).toEqual(["Категория", "Мера", "Распорядительный акт", "Ответственный", "Срок", "Выполнена", "Действия"]);
  });

  it("counts the measures and the done ones in the right forms", async () => {
    const measure = (n: number, done: boolean): AccessMeasure => ({ ...online, measureId: `acm_${n}`, measure: `Мера ${n}`, done });
    for (const [measures, line] of [
      [[measure(1, true)], "1 мера, из них 1 выполнена"],
      [[measure(1, false)], "1 мера, пока не выполнена"],
      [[measure(1, false), measure(2, false)], "2 меры, ни одна ещё не выполнена"],
      [[1, 2, 3, 4, 5].map((n) => measure(n, n < 3)), "5 мер, из них 2 выполнены"],
      [Array.from({ length: 21 }, (_, n) => measure(n, true)), "21 мера, из них 21 выполнена"],
    ] as const) {
      open([...measures]);
      expect(await screen.findByText(line)).toBeTruthy();
      cleanup();
    }
  });

  it("explains while there are none what to record: the administrative act's measures for each category", async () => {
    open([]);
    await screen.findByText("Мер пока нет");
    expect(screen.getByText(/меры из распорядительного акта организации о доступности программ наставничества/)).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("lets the curator and staff add, change and delete measures; a viewer changes nothing", async () => {
    for (const role of ["curator", "staff"] as const) {
      open(all, {}, role);
      await row(online.measure);
      expect(screen.getByRole("button", { name: "Добавить меру" })).toBeTruthy();
      for (const action of ["Изменить", "Удалить"])
        expect(screen.getAllByRole("button", { name: new RegExp(`^${action}`) }).map((button) => button.textContent)).toEqual(
          all.map((measure) => `${action} меру «${measure.measure}»`),
        );
      cleanup();
    }

    open(all, {}, "institution_viewer");
    await row(online.measure);
    expect(screen.queryAllByRole("button")).toEqual([]);
    expect(screen.queryByRole("columnheader", { name: "Действия" })).toBeNull();
  });

  it("names a long measure by its beginning in its buttons", async () => {
    const long = { ...online, measure: `${"Обеспечение доступа к цифровым ресурсам ".repeat(4)}для всех` };
    open([long]);
    const tableRow = await row("Обеспечение доступа");
    const shown = "Обеспечение доступа к цифровым ресурсам Обеспечение доступа к цифровым ресурсам…";
    expect(within(tableRow).getByRole("button", { name: `Изменить меру «${shown}»` })).toBeTruthy();
    expect(within(tableRow).getByRole("button", { name: `Удалить меру «${shown}»` })).toBeTruthy();
    expect(within(tableRow).getByRole("rowheader").textContent).toBe(long.measure);
  });

  it("adds a measure in a dialog of labelled fields; an empty due date is not sent; the server's field errors are shown at their fields", async () => {
    let saves = 0;
    const calls = open([], {
      "POST /api/accessibility-measures": (body) =>
        ++saves === 1
          ? invalidFieldsAnswer([
              { path: "category", message: "Выберите категорию обучающихся" },
              { path: "measure", message: "Заполните поле «Мера»" },
            ])
          : { status: 201, body: { ...online, ...(body as object), measureId: "acm_3", version: 1 } },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Добавить меру" }));
    const dialog = await screen.findByRole("dialog", { name: "Новая мера доступности" });
    const category = field(dialog, /^Категория обучающихся/);
    expect(category.value).toBe("");
    expect(
      within(category)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual([
      "Выберите категорию",
      "Все категории обучающихся",
      "ОВЗ",
      "Инвалидность",
      "Особые образовательные потребности",
      "Проявившие выдающиеся способности",
      "Трудная жизненная ситуация",
      "Малоимущая семья",
      "Дети-сироты, оставшиеся без попечения родителей",
      "Сельская местность, труднодоступные и отдалённые территории",
    ]);
    expect(field(dialog, /^Мера \(/).tagName).toBe("TEXTAREA");
    expect(field(dialog, /^Мера \(/).required).toBe(true);
    expect(field(dialog, /^Срок/).placeholder).toBe("ДД.ММ.ГГГГ");
    expect(field(dialog, /^Срок/).value).toBe("");
    expect(field(dialog, /^Мера выполнена/).type).toBe("checkbox");
    expect(field(dialog, /^Мера выполнена/).checked).toBe(false);

    fireEvent.change(field(dialog, /^Распорядительный акт/), { target: { value: " Приказ № 5 " } });
    fireEvent.change(field(dialog, /^Ответственный/), { target: { value: "  " } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Добавить меру" }));

    await waitFor(() => expect(category.getAttribute("aria-invalid")).toBe("true"));
    expect(errorOf(category)).toBe("Выберите категорию обучающихся");
    expect(field(dialog, /^Мера \(/).getAttribute("aria-invalid")).toBe("true");
    expect(errorOf(field(dialog, /^Мера \(/))).toBe("Заполните поле «Мера»");
    expect(field(dialog, /^Распорядительный акт/).getAttribute("aria-invalid")).toBeNull();

    fireEvent.change(category, { target: { value: "all" } });
    fireEvent.change(field(dialog, /^Мера \(/), { target: { value: " Встречи в дистанционном формате " } });
    fireEvent.click(field(dialog, /^Мера выполнена/));
    fireEvent.click(within(dialog).getByRole("button", { name: "Добавить меру" }));
    await screen.findByText("Мера «Встречи в дистанционном формате» добавлена");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

    fireEvent.click(await screen.findByRole("button", { name: "Добавить меру" }));
    const again = await screen.findByRole("dialog", { name: "Новая мера доступности" });
    fireEvent.change(field(again, /^Категория обучающихся/), { target: { value: "orphan" } });
    fireEvent.change(field(again, /^Мера \(/), { target: { value: "Сопровождение социальным педагогом" } });
    fireEvent.change(field(again, /^Срок/), { target: { value: "25.12.2026" } });
    fireEvent.click(within(again).getByRole("button", { name: "Добавить меру" }));
    await screen.findByText("Мера «Сопровождение социальным педагогом» добавлена");

    expect(measureCalls(calls)).toEqual([
      ["POST", "/api/accessibility-measures", { category: "", measure: "", act: "Приказ № 5", done: false }],
      [
        "POST",
        "/api/accessibility-measures",
        { category: "all", measure: "Встречи в дистанционном формате", act: "Приказ № 5", done: true },
      ],
      [
        "POST",
        "/api/accessibility-measures",
        { category: "orphan", measure: "Сопровождение социальным педагогом", dueDate: "2026-12-25", done: false },
      ],
    ]);
    await waitFor(() => expect(listLoads(calls)).toBe(3));
  });

  it("edits a measure: the form starts from it, and all its fields go with the version (a cleared one is left out)", async () => {
    const calls = open(all, {
      "PUT /api/accessibility-measures/acm_1": (body) => ({ status: 200, body: { ...schedule, ...(body as object), version: 3 } }),
    });
    fireEvent.click(await buttonIn(schedule, "Изменить"));
    const dialog = await screen.findByRole("dialog", { name: "Изменить меру доступности" });
    expect(field(dialog, /^Категория обучающихся/).value).toBe("ovz");
    expect(field(dialog, /^Мера \(/).value).toBe(schedule.measure);
    expect(field(dialog, /^Распорядительный акт/).value).toBe(schedule.act);
    expect(field(dialog, /^Ответственный/).value).toBe(schedule.responsible);
    expect(field(dialog, /^Срок/).value).toBe("31.10.2026");
    expect(field(dialog, /^Мера выполнена/).checked).toBe(true);

    fireEvent.change(field(dialog, /^Категория обучающихся/), { target: { value: "disability" } });
    fireEvent.change(field(dialog, /^Распорядительный акт/), { target: { value: " " } });
    fireEvent.change(field(dialog, /^Срок/), { target: { value: "" } });
    fireEvent.click(field(dialog, /^Мера выполнена/));
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить изменения" }));

    await screen.findByText("Мера «Индивидуальный график встреч. Занятия на первом этаже.» сохранена");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(measureCalls(calls)).toEqual([
      [
        "PUT",
        "/api/accessibility-measures/acm_1",
        { category: "disability", measure: schedule.measure, responsible: schedule.responsible, done: false, version: 2 },
      ],
    ]);
    await waitFor(() => expect(listLoads(calls)).toBe(2));
  });

  it("shows every field's problem of an edit at once, the form's (a due date that does not exist) with the server's, and saves nothing", async () => {
    const calls = open(all, {
      "PUT /api/accessibility-measures/acm_1": validating((sent) => [
        ...(sent.measure ? [] : [{ path: "measure", message: "Заполните поле «Мера»" }]),
        ...(sent.dueDate === undefined || isIsoDate(sent.dueDate)
          ? []
          : [{ path: "dueDate", message: "Поле «Срок»: укажите существующую дату в формате ДД.ММ.ГГГГ" }]),
      ]),
    });
    fireEvent.click(await buttonIn(schedule, "Изменить"));
    const dialog = await screen.findByRole("dialog", { name: "Изменить меру доступности" });
    fireEvent.change(field(dialog, /^Мера \(/), { target: { value: " " } });
    fireEvent.change(field(dialog, /^Срок/), { target: { value: "31.11.2026" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить изменения" }));
    const dateMessage = "Срок: укажите существующую дату в формате ДД.ММ.ГГГГ";
    await waitFor(() => expect(summaryOf(dialog)).toEqual(["Заполните поле «Мера»", dateMessage]));
    expect(fieldErrorOf(dialog, /^Мера \(/)).toBe("Заполните поле «Мера»");
    expect(fieldErrorOf(dialog, /^Срок/)).toBe(dateMessage);
    expect(calls.filter((call) => call.method === "PUT")).toMatchObject([{ validateOnly: true, body: { dueDate: "31.11.2026" } }]);
    expect(writes(calls)).toEqual([]);
  });

  it("on a stale version shows the message and the current measure, and saves on top of it; a deleted one is said so", async () => {
    const current: AccessMeasure = { ...online, measure: "Встречи онлайн и по телефону", done: true, version: 2 };
    let saves = 0;
    const calls = open([online], {
      "PUT /api/accessibility-measures/acm_2": (body) =>
        ++saves === 1
          ? staleVersionAnswer(current)
          : saves === 2
            ? { status: 200, body: { ...current, ...(body as object), version: 3 } }
            : { status: 404, body: { error: { code: "access_measure.not_found", message: "Мера не найдена" } } },
    });
    fireEvent.click(await buttonIn(online, "Изменить"));
    let dialog = await screen.findByRole("dialog", { name: "Изменить меру доступности" });
    fireEvent.change(field(dialog, /^Ответственный/), { target: { value: "Иванов И. И." } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить изменения" }));

    expect((await within(dialog).findByRole("alert")).textContent).toContain(STALE_VERSION_MESSAGE);
    expect(within(dialog).getByText("В форме — актуальная запись о мере. Внесите изменения ещё раз и сохраните.")).toBeTruthy();
    expect(field(dialog, /^Мера \(/).value).toBe(current.measure);
    expect(field(dialog, /^Мера выполнена/).checked).toBe(true);
    expect(field(dialog, /^Ответственный/).value).toBe("");
    await waitFor(() => expect(listLoads(calls)).toBe(2));

    fireEvent.change(field(dialog, /^Ответственный/), { target: { value: "Иванов И. И." } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить изменения" }));
    await screen.findByText(`Мера «${current.measure}» сохранена`);
    expect(measureCalls(calls).map(([, , body]) => body)).toEqual([
      { category: "remote_area", measure: online.measure, responsible: "Иванов И. И.", done: false, version: 1 },
      { category: "remote_area", measure: current.measure, responsible: "Иванов И. И.", done: true, version: 2 },
    ]);

    fireEvent.click(await buttonIn(online, "Изменить"));
    dialog = await screen.findByRole("dialog", { name: "Изменить меру доступности" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить изменения" }));
    expect((await within(dialog).findByRole("alert")).textContent).toContain("Мера не найдена");
    await waitFor(() => expect(listLoads(calls)).toBe(4));
  });

  it("deletes a measure after confirmation, naming its version; after a stale version it deletes the current one", async () => {
    const versions: (string | null)[] = [];
    const calls = open(all, {
      "DELETE /api/accessibility-measures/acm_2": (_body, url) => {
        versions.push(url.searchParams.get("version"));
        return versions.length === 1 ? staleVersionAnswer({ ...online, version: 2 }) : { status: 200, body: { ok: true } };
      },
    });
    fireEvent.click(await buttonIn(online, "Удалить"));
    const dialog = await screen.findByRole("dialog", { name: "Удалить меру?" });
    expect(
      within(dialog).getByText(
        "Мера «Встречи в дистанционном формате» (Сельская местность, труднодоступные и отдалённые территории) будет удалена без возможности восстановления.",
      ),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Удалить" }));

    expect((await within(dialog).findByRole("alert")).textContent).toContain(STALE_VERSION_MESSAGE);
    expect(within(dialog).getByText("Список обновлён. Подтвердите ещё раз, если решение в силе.")).toBeTruthy();
    await waitFor(() => expect(listLoads(calls)).toBe(2));
    fireEvent.click(within(dialog).getByRole("button", { name: "Удалить" }));

    await screen.findByText("Мера «Встречи в дистанционном формате» удалена");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(measureCalls(calls)).toEqual([
      ["DELETE", "/api/accessibility-measures/acm_2", undefined],
      ["DELETE", "/api/accessibility-measures/acm_2", undefined],
    ]);
    expect(versions).toEqual(["1", "2"]);
  });
});
