// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { STALE_VERSION_MESSAGE, fakeApi, fieldErrorOf, staleVersionAnswer, summaryOf, validating, writes } from "../../test-support";
import { renderPage, signedInAs } from "../../test-signed-in";
import RoadmapTemplatePage from "./RoadmapTemplatePage";
import type { Template } from "./types";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const standard: Template = {
  source: "default",
  title: "План мероприятий (дорожная карта) внедрения целевой модели наставничества",
  sections: [
    {
      number: "1",
      title: "Нормативное обеспечение",
      items: [{ number: "1.1", name: "Разработка дорожной карты", deadlineText: "Октябрь 202_", executors: "Куратор внедрения ЦМН" }],
    },
    { number: "2", title: "Информирование", items: [] },
  ],
};

/** The server's reading, as the fake answers it: October of the academic year's first year, or a warning. */
const readings = (body: unknown) => {
  const { texts } = body as { academicYear: string; texts: string[] };
  return {
    status: 200,
    body: {
      period: { start: "2026-09-01", end: "2027-08-31" },
      readings: texts.map((text) =>
        /октябрь/i.test(text)
          ? { deadlineKind: "month", deadlineLabel: "октябрь 2026", dueDates: ["2026-10-31"] }
          : /15 ноября/.test(text)
            ? { deadlineKind: "date", deadlineLabel: "до 15.11.2026", dueDates: ["2026-11-15"] }
            : { deadlineKind: "no_date", deadlineLabel: text, dueDates: [], warning: "Срок не распознан" },
      ),
    },
  };
};

function open(routes: Parameters<typeof fakeApi>[0]) {
  const calls = fakeApi({ ...signedInAs("region_admin"), "POST /api/roadmaps/template/deadlines": readings, ...routes });
  renderPage(<RoadmapTemplatePage />, { path: "/region/roadmap-template" });
  return calls;
}

describe("the region's roadmap template", () => {
  it("shows how each deadline will be read, adds an item and publishes the template", async () => {
    const calls = open({
      "GET /api/roadmaps/template": () => ({ status: 200, body: standard }),
      "PUT /api/roadmaps/template": (body) => ({ status: 200, body: { ...(body as object), source: "region", version: 1 } }),
    });
    const row = await screen.findByRole("row", { name: /^1\.1 Разработка дорожной карты/ });
    await vi.waitFor(() => expect(row.textContent).toContain("октябрь 2026"), { timeout: 3000 });
    expect(row.textContent).toContain("31.10.2026");
    expect(screen.getByText(/Регион пока не опубликовал свой шаблон/)).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "+ мероприятие в раздел 1" }));
    const dialog = await screen.findByRole("dialog", { name: "Новое мероприятие шаблона" });
    expect((within(dialog).getByLabelText("№ п/п") as HTMLInputElement).value).toBe("1.2");
    fireEvent.change(within(dialog).getByLabelText(/Наименование мероприятия/), { target: { value: "Семинар для кураторов" } });
    fireEvent.change(within(dialog).getByLabelText("Срок реализации"), { target: { value: "до 15 ноября 202_" } });
    // The reading appears under the field as it is typed.
    await within(dialog).findByText("Как будет прочитан на 2026/27 учебный год: до 15.11.2026: 15.11.2026", {}, { timeout: 3000 });
    fireEvent.change(within(dialog).getByLabelText("Ответственный исполнитель"), { target: { value: "Методист РНЦ" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Добавить" }));

    const added = await screen.findByRole("row", { name: /^1\.2 Семинар для кураторов/ });
    await vi.waitFor(() => expect(added.textContent).toContain("15.11.2026"), { timeout: 3000 });
    expect(screen.getByText(/есть неопубликованные изменения/)).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Опубликовать шаблон" }));
    await vi.waitFor(() => expect(screen.getByRole("status").textContent).toContain("Шаблон опубликован"));
    const put = calls.find((c) => c.method === "PUT");
    expect(put?.body).toEqual({
      title: standard.title,
      sections: [
        {
          number: "1",
          title: "Нормативное обеспечение",
          items: [
            { number: "1.1", name: "Разработка дорожной карты", deadlineText: "Октябрь 202_", executors: "Куратор внедрения ЦМН" },
            { number: "1.2", name: "Семинар для кураторов", deadlineText: "до 15 ноября 202_", executors: "Методист РНЦ" },
          ],
        },
        { number: "2", title: "Информирование", items: [] },
      ],
    });
    expect(await screen.findByRole("button", { name: "Вернуть типовой шаблон" })).toBeTruthy();
  });

  it("asks before removing a section, in words that agree with what goes: the section alone, or it and its items", async () => {
    open({ "GET /api/roadmaps/template": () => ({ status: 200, body: standard }) });
    fireEvent.click(await screen.findByRole("button", { name: "Удалить раздел 2" }));
    let dialog = await screen.findByRole("dialog", { name: "Удалить раздел из шаблона?" });
    expect(dialog.textContent).toContain("Раздел 2 «Информирование» будет убран из шаблона.");
    fireEvent.click(within(dialog).getByRole("button", { name: "Отмена" }));

    fireEvent.click(await screen.findByRole("button", { name: "Удалить раздел 1" }));
    dialog = await screen.findByRole("dialog", { name: "Удалить раздел из шаблона?" });
    expect(dialog.textContent).toContain("Раздел 1 «Нормативное обеспечение» и 1 мероприятие в нём будут убраны из шаблона.");
  });

  it("moves a section up with the keyboard-operable buttons, keeping the focus on it", async () => {
    open({ "GET /api/roadmaps/template": () => ({ status: 200, body: standard }) });
    fireEvent.click(await screen.findByRole("button", { name: "Переместить раздел 2 выше" }));
    await vi.waitFor(() => expect(document.activeElement?.getAttribute("aria-label")).toBe("Переместить раздел 2 ниже"));
    const headings = screen.getAllByRole("columnheader").filter((cell) => cell.getAttribute("scope") === "colgroup");
    expect(headings.map((cell) => cell.textContent?.slice(0, 4))).toEqual(["2. И", "1. Н"]);
  });

  it("on a stale version shows the message and the template another admin published", async () => {
    const theirs: Template = {
      source: "region",
      version: 4,
      title: "Дорожная карта региона",
      sections: [{ number: "1", title: "Раздел коллеги", items: [{ number: "1.1", name: "Мероприятие коллеги" }] }],
    };
    const calls = open({
      "GET /api/roadmaps/template": () => ({ status: 200, body: { ...theirs, version: 3, sections: standard.sections } }),
      "PUT /api/roadmaps/template": () => staleVersionAnswer(theirs),
    });
    fireEvent.change(await screen.findByLabelText(/Название шаблона/), { target: { value: "Новое название" } });
    fireEvent.click(screen.getByRole("button", { name: "Опубликовать шаблон" }));
    expect((await screen.findByRole("alert")).textContent).toContain(STALE_VERSION_MESSAGE);
    expect(await screen.findByRole("row", { name: /^1\.1 Мероприятие коллеги/ })).toBeTruthy();
    expect((screen.getByLabelText(/Название шаблона/) as HTMLInputElement).value).toBe("Дорожная карта региона");
    expect(calls.find((c) => c.method === "PUT")?.body).toMatchObject({ version: 3, title: "Новое название" });
  });

  it("checks the sections before publishing", async () => {
    const calls = open({ "GET /api/roadmaps/template": () => ({ status: 200, body: standard }) });
    fireEvent.change(await screen.findByLabelText(/Название шаблона/), { target: { value: " " } });
    fireEvent.click(screen.getByRole("button", { name: "Опубликовать шаблон" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Заполните поле «Название шаблона»");
    expect(writes(calls)).toEqual([]);
  });

  it("shows every problem of the template at once, the form's (no title) with the server's (a section's), and publishes nothing", async () => {
    const long = {
      ...standard,
      sections: [standard.sections[0], { number: "2", title: "Информирование ".repeat(70), items: [] }],
    } as Template;
    const calls = open({
      "GET /api/roadmaps/template": () => ({ status: 200, body: long }),
      "PUT /api/roadmaps/template": validating((sent) => [
        ...(sent.title ? [] : [{ path: "title", message: "Заполните поле «Название шаблона»" }]),
        ...(sent.sections as { title: string }[]).flatMap((section, s) =>
          section.title.length > 1000 ? [{ path: `sections.${s}.title`, message: "Поле «Название раздела» длиннее 1000 символов" }] : [],
        ),
      ]),
    });
    fireEvent.change(await screen.findByLabelText(/Название шаблона/), { target: { value: " " } });
    fireEvent.click(screen.getByRole("button", { name: "Опубликовать шаблон" }));
    await waitFor(() =>
      expect(summaryOf(document.body)).toEqual(["Заполните поле «Название шаблона»", "Поле «Название раздела» длиннее 1000 символов"]),
    );
    expect(fieldErrorOf(document.body, /Название шаблона/)).toBe("Заполните поле «Название шаблона»");
    const heading = screen.getAllByRole("columnheader").find((cell) => cell.textContent?.startsWith("2. Информирование"));
    expect(heading?.querySelector(".field-error")?.textContent).toBe("Поле «Название раздела» длиннее 1000 символов");
    expect(calls.filter((c) => c.method === "PUT")).toMatchObject([{ validateOnly: true }]);
    expect(writes(calls)).toEqual([]);
  });
});
