// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Role } from "../../api/types";
import { formatDate, todayIso } from "../../lib/format";
import { renderPage, signedInAs } from "../../test-signed-in";
import { STALE_VERSION_MESSAGE, fakeApi, invalidFieldsAnswer, staleVersionAnswer } from "../../test-support";
import TrainingsPage from "./TrainingsPage";
import type { Training } from "./types";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const seminar: Training = {
  trainingId: "trn_1",
  title: "Установочная сессия для наставников",
  kind: "seminar",
  date: "2026-10-15",
  organiser: "РНЦ Нижегородской области",
  participants: 12,
  certificates: true,
  note: "Раздаточные материалы в папке куратора.\nЗапись вебинара на сайте РНЦ.",
  createdAt: "2026-10-15T09:00:00.000Z",
  updatedAt: "2026-10-16T09:00:00.000Z",
  version: 2,
};
const consultation: Training = {
  trainingId: "trn_2",
  title: "Консультация по составлению плана",
  kind: "consultation",
  date: "2026-09-20",
  participants: 1,
  certificates: false,
  createdAt: "2026-09-20T09:00:00.000Z",
  updatedAt: "2026-09-20T09:00:00.000Z",
  version: 1,
};
const course: Training = {
  trainingId: "trn_3",
  title: "Курсы повышения квалификации «Наставник»",
  kind: "course",
  date: "2026-03-02",
  organiser: "Институт развития образования",
  participants: 3,
  certificates: true,
  createdAt: "2026-03-02T09:00:00.000Z",
  updatedAt: "2026-03-02T09:00:00.000Z",
  version: 1,
};
const all = [seminar, consultation, course];

function open(trainings: Training[], routes: Parameters<typeof fakeApi>[0] = {}, role: Role = "curator") {
  const calls = fakeApi({
    ...signedInAs(role),
    "GET /api/trainings": () => ({ status: 200, body: { items: trainings } }),
    ...routes,
  });
  renderPage(<TrainingsPage />, { path: "/trainings" });
  return calls;
}

/** The calls that change the log (the sign-in's and the list's are left out). */
const trainingCalls = (calls: ReturnType<typeof fakeApi>) =>
  calls
    .filter((call) => call.path.startsWith("/api/trainings") && call.method !== "GET")
    .map((call) => [call.method, call.path, call.body]);
const listLoads = (calls: ReturnType<typeof fakeApi>) =>
  calls.filter((call) => call.method === "GET" && call.path === "/api/trainings").length;
const field = (dialog: HTMLElement, label: RegExp) => within(dialog).getByLabelText(label) as HTMLInputElement;
const row = (title: string) => screen.findByRole("row", { name: (name) => name.includes(title) });

async function buttonIn(title: string, action: string) {
  return within(await row(title)).getByRole("button", { name: `${action} мероприятие «${title}»` });
}

describe("the institution's mentor-training log", () => {
  it("lists each event with its date, kind, organiser, participants, documents and note, and counts them", async () => {
    open(all);
    const first = await row(seminar.title);
    expect(within(first).getByText("15.10.2026")).toBeTruthy();
    expect(within(first).getByRole("rowheader", { name: seminar.title })).toBeTruthy();
    expect(within(first).getByText("Семинар, вебинар, установочная сессия")).toBeTruthy();
    expect(within(first).getByText("РНЦ Нижегородской области")).toBeTruthy();
    expect(within(first).getByText("12 участников")).toBeTruthy();
    expect(within(first).getByText("Выданы")).toBeTruthy();
    expect(within(first).getByText(/Раздаточные материалы в папке куратора\.\s+Запись вебинара на сайте РНЦ\./)).toBeTruthy();

    const second = await row(consultation.title);
    expect(within(second).getByText("20.09.2026")).toBeTruthy();
    expect(within(second).getByText("Консультация")).toBeTruthy();
    expect(within(second).getByText("1 участник")).toBeTruthy();
    expect(within(second).getByText("Нет")).toBeTruthy();
    expect(within(second).getAllByText("—")).toHaveLength(2);

    const third = await row(course.title);
    expect(within(third).getByText("Обучение: курсы, тренинг")).toBeTruthy();
    expect(within(third).getByText("3 участника")).toBeTruthy();

    expect(screen.getByText("3 мероприятия, 16 участников")).toBeTruthy();
    const table = screen.getByRole("table", { name: "Мероприятия по обучению наставников" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((header) => header.textContent),
    ).toEqual(["Дата", "Мероприятие", "Вид", "Организатор", "Участники", "Документы об обучении", "Примечание", "Действия"]);
  });

  it("counts one event and its participants in the singular", async () => {
    open([{ ...consultation, participants: 21 }]);
    expect(await screen.findByText("1 мероприятие, 21 участник")).toBeTruthy();
  });

  it("lets the curator and staff add, change and delete events; a viewer changes nothing", async () => {
    const names = (action: string) => screen.queryAllByRole("button", { name: new RegExp(`^${action}`) }).map((b) => b.textContent);
    for (const role of ["curator", "staff"] as const) {
      open(all, {}, role);
      await row(course.title);
      expect(screen.getByRole("button", { name: "Добавить мероприятие" })).toBeTruthy();
      for (const action of ["Изменить", "Удалить"])
        expect(names(action)).toEqual(all.map((training) => `${action} мероприятие «${training.title}»`));
      cleanup();
    }

    open(all, {}, "institution_viewer");
    await row(course.title);
    expect(screen.queryAllByRole("button")).toEqual([]);
    expect(screen.queryByRole("columnheader", { name: "Действия" })).toBeNull();
  });

  it("explains while there are none that the monitoring form counts its period's events from this log", async () => {
    open([]);
    await screen.findByText("Мероприятий пока нет");
    expect(
      screen.getByText(
        /«Проведено мероприятий по обучению наставников» .* считает мероприятия из этого журнала, даты которых входят в её отчётный период/,
      ),
    ).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("adds an event in a dialog of labelled fields; every field's problem, the form's and the server's, is shown at once", async () => {
    // The server refuses what it refuses (as the API does, every field at once) and adds the rest.
    const calls = open([], {
      "POST /api/trainings": (body) => {
        const sent = body as Record<string, unknown>;
        const fields = [
          ...(sent.title ? [] : [{ path: "title", message: "Заполните поле «Название мероприятия»" }]),
          ...(sent.kind ? [] : [{ path: "kind", message: "Выберите вид мероприятия" }]),
          ...(/^\d{4}-\d{2}-\d{2}$/.test(String(sent.date))
            ? []
            : [{ path: "date", message: "Поле «Дата»: укажите существующую дату в формате ДД.ММ.ГГГГ" }]),
          ...(sent.participants === undefined ? [{ path: "participants", message: "Заполните поле «Участников»" }] : []),
        ];
        return fields.length > 0
          ? invalidFieldsAnswer(fields)
          : { status: 201, body: { ...seminar, ...(body as object), trainingId: "trn_4", version: 1 } };
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Добавить мероприятие" }));
    const dialog = await screen.findByRole("dialog", { name: "Новое мероприятие" });
    expect(field(dialog, /^Название/).required).toBe(true);
    expect(field(dialog, /^Дата/).placeholder).toBe("ДД.ММ.ГГГГ");
    expect(field(dialog, /^Дата/).value).toBe(formatDate(todayIso()));
    expect(field(dialog, /^Вид/).value).toBe("");
    expect(
      within(field(dialog, /^Вид/))
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual([
      "Выберите вид",
      "Обучение: курсы, тренинг",
      "Семинар, вебинар, установочная сессия",
      "Консультация",
      "Обмен опытом: конференция, круглый стол",
      "Другое",
    ]);
    expect(field(dialog, /^Участников/).type).toBe("number");
    expect(field(dialog, /^Выданы документы об обучении/).checked).toBe(false);
    expect(field(dialog, /^Примечание/).tagName).toBe("TEXTAREA");

    const errorOf = (label: RegExp) => {
      const input = field(dialog, label);
      expect(input.getAttribute("aria-invalid")).toBe("true");
      return document.getElementById(
        input
          .getAttribute("aria-describedby")
          ?.split(" ")
          .find((id) => id.endsWith("error")) ?? "",
      )?.textContent;
    };
    const summary = () => [...within(within(dialog).getByRole("alert")).getAllByRole("listitem")].map((item) => item.textContent);

    // Sent empty: the required title and kind are refused by the server, the missing number of participants by the
    // form, all at once (the number left out of the request, which the server refuses too).
    fireEvent.click(within(dialog).getByRole("button", { name: "Добавить мероприятие" }));
    await within(dialog).findByRole("alert");
    await waitFor(() =>
      expect(summary()).toEqual(["Заполните поле «Название мероприятия»", "Выберите вид мероприятия", "Укажите число участников"]),
    );
    expect(errorOf(/^Участников/)).toBe("Укажите число участников");
    expect(errorOf(/^Название/)).toBe("Заполните поле «Название мероприятия»");
    expect(errorOf(/^Вид/)).toBe("Выберите вид мероприятия");

    fireEvent.change(field(dialog, /^Название/), { target: { value: "  Круглый стол наставников " } });
    fireEvent.change(field(dialog, /^Организатор/), { target: { value: " " } });
    fireEvent.change(field(dialog, /^Примечание/), { target: { value: "Итоги первого полугодия" } });
    fireEvent.change(field(dialog, /^Участников/), { target: { value: "8" } });
    // A date typed as ДД.ММ.ГГГГ that does not exist is refused at its field with the form's message, together with
    // the server's for the kind still unchosen.
    fireEvent.change(field(dialog, /^Дата/), { target: { value: "31.11.2026" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Добавить мероприятие" }));
    await waitFor(() => expect(summary()).toEqual(["Выберите вид мероприятия", "Дата: укажите существующую дату в формате ДД.ММ.ГГГГ"]));
    expect(errorOf(/^Дата/)).toBe("Дата: укажите существующую дату в формате ДД.ММ.ГГГГ");
    expect(errorOf(/^Вид/)).toBe("Выберите вид мероприятия");
    expect(field(dialog, /^Участников/).getAttribute("aria-invalid")).toBeNull();

    fireEvent.change(field(dialog, /^Дата/), { target: { value: "20.11.2026" } });
    fireEvent.change(field(dialog, /^Вид/), { target: { value: "exchange" } });
    fireEvent.click(field(dialog, /^Выданы документы об обучении/));
    fireEvent.click(within(dialog).getByRole("button", { name: "Добавить мероприятие" }));
    await screen.findByText("Мероприятие «Круглый стол наставников» добавлено");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    const body = { title: "Круглый стол наставников", note: "Итоги первого полугодия" };
    expect(trainingCalls(calls)).toEqual([
      ["POST", "/api/trainings", { title: "", kind: "", date: todayIso(), certificates: false }],
      ["POST", "/api/trainings", { ...body, kind: "", date: "31.11.2026", participants: 8, certificates: false }],
      ["POST", "/api/trainings", { ...body, kind: "exchange", date: "2026-11-20", participants: 8, certificates: true }],
    ]);
    await waitFor(() => expect(listLoads(calls)).toBe(2));
  });

  it("edits an event: the form starts from it, and all its fields go with the version (a cleared one is left out)", async () => {
    const calls = open(all, {
      "PUT /api/trainings/trn_1": (body) => ({ status: 200, body: { ...seminar, ...(body as object), version: 3 } }),
    });
    fireEvent.click(await buttonIn(seminar.title, "Изменить"));
    const dialog = await screen.findByRole("dialog", { name: "Изменить мероприятие" });
    expect(field(dialog, /^Название/).value).toBe(seminar.title);
    expect(field(dialog, /^Вид/).value).toBe("seminar");
    expect(field(dialog, /^Дата/).value).toBe("15.10.2026");
    expect(field(dialog, /^Организатор/).value).toBe(seminar.organiser);
    expect(field(dialog, /^Участников/).value).toBe("12");
    expect(field(dialog, /^Выданы документы об обучении/).checked).toBe(true);
    expect(field(dialog, /^Примечание/).value).toBe(seminar.note);

    fireEvent.change(field(dialog, /^Участников/), { target: { value: "15" } });
    fireEvent.change(field(dialog, /^Организатор/), { target: { value: "  " } });
    fireEvent.click(field(dialog, /^Выданы документы об обучении/));
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить изменения" }));

    await screen.findByText(`Мероприятие «${seminar.title}» сохранено`);
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(trainingCalls(calls)).toEqual([
      [
        "PUT",
        "/api/trainings/trn_1",
        {
          title: seminar.title,
          kind: "seminar",
          date: "2026-10-15",
          participants: 15,
          certificates: false,
          note: seminar.note,
          version: 2,
        },
      ],
    ]);
    await waitFor(() => expect(listLoads(calls)).toBe(2));
  });

  it("on a stale version shows the message and the current event, and saves on top of it", async () => {
    const current: Training = { ...seminar, title: "Установочная сессия (перенесена)", date: "2026-10-22", version: 3 };
    let saves = 0;
    const calls = open([seminar], {
      "PUT /api/trainings/trn_1": (body) =>
        ++saves === 1 ? staleVersionAnswer(current) : { status: 200, body: { ...current, ...(body as object), version: 4 } },
    });
    fireEvent.click(await buttonIn(seminar.title, "Изменить"));
    const dialog = await screen.findByRole("dialog", { name: "Изменить мероприятие" });
    fireEvent.change(field(dialog, /^Участников/), { target: { value: "14" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить изменения" }));

    expect((await within(dialog).findByRole("alert")).textContent).toContain(STALE_VERSION_MESSAGE);
    expect(within(dialog).getByText("В форме — актуальная запись о мероприятии. Внесите изменения ещё раз и сохраните.")).toBeTruthy();
    expect(field(dialog, /^Название/).value).toBe("Установочная сессия (перенесена)");
    expect(field(dialog, /^Дата/).value).toBe("22.10.2026");
    expect(field(dialog, /^Участников/).value).toBe("12");
    await waitFor(() => expect(listLoads(calls)).toBe(2));

    fireEvent.change(field(dialog, /^Участников/), { target: { value: "14" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить изменения" }));
    await screen.findByText("Мероприятие «Установочная сессия (перенесена)» сохранено");
    expect(trainingCalls(calls).map(([, , body]) => body)).toMatchObject([
      { title: seminar.title, date: "2026-10-15", participants: 14, version: 2 },
      { title: "Установочная сессия (перенесена)", date: "2026-10-22", participants: 14, version: 3 },
    ]);
  });

  it("when the event was deleted meanwhile, says so and reloads the list", async () => {
    const calls = open([seminar], {
      "PUT /api/trainings/trn_1": () => ({
        status: 404,
        body: { error: { code: "training.not_found", message: "Мероприятие не найдено" } },
      }),
    });
    fireEvent.click(await buttonIn(seminar.title, "Изменить"));
    const dialog = await screen.findByRole("dialog", { name: "Изменить мероприятие" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить изменения" }));

    expect((await within(dialog).findByRole("alert")).textContent).toContain("Мероприятие не найдено");
    await waitFor(() => expect(listLoads(calls)).toBe(2));
  });

  it("deletes an event after confirmation, naming its version", async () => {
    const versions: (string | null)[] = [];
    const calls = open(all, {
      "DELETE /api/trainings/trn_1": (_body, url) => {
        versions.push(url.searchParams.get("version"));
        return { status: 200, body: { ok: true } };
      },
    });
    fireEvent.click(await buttonIn(seminar.title, "Удалить"));
    const dialog = await screen.findByRole("dialog", { name: "Удалить мероприятие?" });
    expect(
      within(dialog).getByText(/Запись о мероприятии «Установочная сессия для наставников» от 15\.10\.2026 будет удалена/),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Удалить" }));

    await screen.findByText(`Мероприятие «${seminar.title}» удалено`);
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(trainingCalls(calls)).toEqual([["DELETE", "/api/trainings/trn_1", undefined]]);
    expect(versions).toEqual(["2"]);
    await waitFor(() => expect(listLoads(calls)).toBe(2));
  });

  it("after a stale version the confirmation says so and deletes the current event", async () => {
    const versions: (string | null)[] = [];
    const calls = open([seminar], {
      "DELETE /api/trainings/trn_1": (_body, url) => {
        versions.push(url.searchParams.get("version"));
        return versions.length === 1 ? staleVersionAnswer({ ...seminar, version: 3 }) : { status: 200, body: { ok: true } };
      },
    });
    fireEvent.click(await buttonIn(seminar.title, "Удалить"));
    const dialog = await screen.findByRole("dialog", { name: "Удалить мероприятие?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Удалить" }));

    expect((await within(dialog).findByRole("alert")).textContent).toContain(STALE_VERSION_MESSAGE);
    expect(within(dialog).getByText("Список обновлён. Подтвердите ещё раз, если решение в силе.")).toBeTruthy();
    await waitFor(() => expect(listLoads(calls)).toBe(2));
    fireEvent.click(within(dialog).getByRole("button", { name: "Удалить" }));
    await screen.findByText(`Мероприятие «${seminar.title}» удалено`);
    expect(versions).toEqual(["2", "3"]);
  });
});
