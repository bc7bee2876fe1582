// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Role } from "../../api/types";
import { renderPage, signedInAs } from "../../test-signed-in";
import { STALE_VERSION_MESSAGE, fakeApi, invalidFieldsAnswer, staleVersionAnswer } from "../../test-support";
import PracticesPage from "./PracticesPage";
import type { Practice } from "./types";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const draft: Practice = {
  practiceId: "prc_1",
  title: "Нетворкинг «Твой результат — мои возможности»",
  description: "Цель: познакомить наставников и наставляемых.\nЭтапы: анкетирование, встреча, пост-анкетирование.",
  form: "student_pupil",
  authors: "Петрова А. И. и её наставляемые",
  sourceEvent: "Круглый стол",
  siteUrl: "https://school1.example.ru/practices/networking",
  status: "draft",
  createdAt: "2026-11-20T09:00:00.000Z",
  updatedAt: "2026-11-21T09:00:00.000Z",
  version: 2,
};
const returned: Practice = {
  practiceId: "prc_2",
  title: "Клуб молодых педагогов",
  description: "Ежемесячные встречи молодых педагогов с наставниками.",
  form: "teacher_teacher",
  status: "draft",
  institutionName: "МБОУ СОШ № 1",
  sentAt: "2026-12-01T09:00:00.000Z",
  returnComment: "Добавьте результаты анкетирования участников",
  returnedAt: "2026-12-05T09:00:00.000Z",
  createdAt: "2026-11-01T09:00:00.000Z",
  updatedAt: "2026-12-05T09:00:00.000Z",
  version: 4,
};
const sent: Practice = {
  practiceId: "prc_3",
  title: "Наставничество в проектной деятельности",
  description: "Проекты пар «ученик – ученик».",
  status: "sent",
  institutionName: "МБОУ СОШ № 1",
  sentAt: "2026-12-10T09:00:00.000Z",
  createdAt: "2026-10-01T09:00:00.000Z",
  updatedAt: "2026-12-10T09:00:00.000Z",
  version: 3,
};
const published: Practice = {
  practiceId: "prc_4",
  title: "Подготовка к олимпиадам в паре",
  description: "Старшеклассники готовят младших к олимпиадам.",
  form: "pupil_pupil",
  status: "published",
  institutionName: "МБОУ СОШ № 1",
  sentAt: "2026-12-02T09:00:00.000Z",
  publishedAt: "2026-12-18T09:00:00.000Z",
  platformUrl: "https://rnc.example.ru/practices/4",
  createdAt: "2026-09-15T09:00:00.000Z",
  updatedAt: "2026-12-18T09:00:00.000Z",
  version: 4,
};
const all = [draft, returned, sent, published];

function open(practices: Practice[], routes: Parameters<typeof fakeApi>[0] = {}, role: Role = "curator") {
  const calls = fakeApi({
    ...signedInAs(role),
    "GET /api/practices": () => ({ status: 200, body: { items: practices } }),
    ...routes,
  });
  renderPage(<PracticesPage />, { path: "/practices" });
  return calls;
}

/** The calls to the practices API (the sign-in's are left out). */
const practiceCalls = (calls: ReturnType<typeof fakeApi>) =>
  calls
    .filter((call) => call.path.startsWith("/api/practices") && call.method !== "GET")
    .map((call) => [call.method, call.path, call.body]);
const listLoads = (calls: ReturnType<typeof fakeApi>) =>
  calls.filter((call) => call.method === "GET" && call.path === "/api/practices").length;
const field = (dialog: HTMLElement, label: RegExp) => within(dialog).getByLabelText(label) as HTMLInputElement;
const row = (title: string) => screen.findByRole("row", { name: new RegExp(`^${title}`) });

async function buttonIn(title: string, action: string) {
  return within(await row(title)).getByRole("button", { name: `${action} практику «${title}»` });
}

describe("the institution's best practices", () => {
  it("lists each practice with its form, status, dates, the publication and the centre's comment on a return", async () => {
    open(all);
    const first = await row(draft.title);
    expect(within(first).getByText("Студент – ученик")).toBeTruthy();
    expect(within(first).getByText("Черновик")).toBeTruthy();
    expect(within(first).getByText("Авторы: Петрова А. И. и её наставляемые")).toBeTruthy();
    expect(within(first).getByText("Где представлена: Круглый стол")).toBeTruthy();
    expect(
      within(first)
        .getByRole("link", { name: `Страница на сайте организации — «${draft.title}»` })
        .getAttribute("href"),
    ).toBe(draft.siteUrl);

    const back = await row(returned.title);
    expect(within(back).getByText("Возвращена на доработку")).toBeTruthy();
    expect(within(back).getByText("Комментарий РНЦ от 05.12.2026:")).toBeTruthy();
    expect(within(back).getByText("Добавьте результаты анкетирования участников")).toBeTruthy();

    const waiting = await row(sent.title);
    expect(within(waiting).getByText("Отправлена в РНЦ")).toBeTruthy();
    expect(within(waiting).getByText("Отправлена 10.12.2026")).toBeTruthy();

    const done = await row(published.title);
    expect(within(done).getByText("Опубликована РНЦ")).toBeTruthy();
    expect(within(done).getByText("Опубликована 18.12.2026")).toBeTruthy();
    expect(
      within(done)
        .getByRole("link", { name: `Публикация на платформе РНЦ — «${published.title}»` })
        .getAttribute("href"),
    ).toBe(published.platformUrl);
    expect(screen.getByRole("table", { name: "Лучшие практики организации" })).toBeTruthy();
  });

  it("offers changes on drafts only: the curator may also send, staff may not, a viewer changes nothing", async () => {
    const names = (action: string) => screen.queryAllByRole("button", { name: new RegExp(`^${action}`) }).map((b) => b.textContent);
    open(all);
    await row(published.title);
    expect(screen.getByRole("button", { name: "Добавить практику" })).toBeTruthy();
    for (const action of ["Изменить", "Удалить", "Отправить в РНЦ"])
      expect(names(action)).toEqual([`${action} практику «${draft.title}»`, `${action} практику «${returned.title}»`]);
    cleanup();

    open(all, {}, "staff");
    await row(published.title);
    expect(screen.getByRole("button", { name: "Добавить практику" })).toBeTruthy();
    expect(names("Изменить")).toHaveLength(2);
    expect(names("Удалить")).toHaveLength(2);
    expect(names("Отправить в РНЦ")).toEqual([]);
    cleanup();

    open(all, {}, "institution_viewer");
    await row(published.title);
    expect(screen.queryByRole("button", { name: "Добавить практику" })).toBeNull();
    expect(screen.queryAllByRole("button")).toEqual([]);
    expect(screen.queryByRole("columnheader", { name: "Действия" })).toBeNull();
  });

  it("explains what a best practice is while there are none", async () => {
    open([]);
    await screen.findByText("Практик пока нет");
    expect(screen.getByText(/оформленный в методическую разработку/)).toBeTruthy();
    expect(
      screen.getByText(/публикует на своей онлайн-платформе. Обычно их отправляют до 20 декабря вместе с итоговым сборником/),
    ).toBeTruthy();
  });

  it("adds a practice in a dialog of labelled fields; the server's field errors are shown at their fields", async () => {
    let saves = 0;
    const calls = open([], {
      "POST /api/practices": (body) =>
        ++saves === 1
          ? invalidFieldsAnswer([{ path: "siteUrl", message: "Ссылка должна начинаться с http:// или https://" }])
          : { status: 201, body: { ...draft, ...(body as object), practiceId: "prc_5", version: 1 } },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Добавить практику" }));
    const dialog = await screen.findByRole("dialog", { name: "Новая практика" });
    expect(field(dialog, /^Название/).required).toBe(true);
    expect(field(dialog, /^Описание/).tagName).toBe("TEXTAREA");
    expect(field(dialog, /^Форма наставничества/).value).toBe("");
    expect(within(dialog).getByText("Наставник, пара или группа; указываются с их согласия на публикацию")).toBeTruthy();
    expect(within(dialog).getByText("Например: круглый стол, итоговая конференция")).toBeTruthy();

    fireEvent.change(field(dialog, /^Название/), { target: { value: "  Наставничество в проектах " } });
    fireEvent.change(field(dialog, /^Описание/), { target: { value: "Пары готовят проекты к конференции." } });
    fireEvent.change(field(dialog, /^Форма наставничества/), { target: { value: "pupil_pupil" } });
    fireEvent.change(field(dialog, /^Авторы/), { target: { value: "Сидорова А. И." } });
    fireEvent.change(field(dialog, /^Где представлена/), { target: { value: "Итоговая конференция" } });
    fireEvent.change(field(dialog, /^Ссылка на сайте организации/), { target: { value: "school1.example.ru" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Добавить практику" }));

    await within(dialog).findByRole("alert");
    expect(field(dialog, /^Ссылка на сайте организации/).getAttribute("aria-invalid")).toBe("true");
    expect(within(dialog).getAllByText("Ссылка должна начинаться с http:// или https://").length).toBe(2);

    fireEvent.change(field(dialog, /^Ссылка на сайте организации/), { target: { value: "" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Добавить практику" }));
    await screen.findByText("Практика «Наставничество в проектах» добавлена как черновик");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    const body = {
      title: "Наставничество в проектах",
      description: "Пары готовят проекты к конференции.",
      form: "pupil_pupil",
      authors: "Сидорова А. И.",
      sourceEvent: "Итоговая конференция",
    };
    expect(practiceCalls(calls)).toEqual([
      ["POST", "/api/practices", { ...body, siteUrl: "school1.example.ru" }],
      ["POST", "/api/practices", body],
    ]);
    await waitFor(() => expect(listLoads(calls)).toBe(2));
  });

  it("edits a draft: the form starts from it, and all its fields go with the version (a cleared one is left out)", async () => {
    const calls = open(all, {
      "PUT /api/practices/prc_1": (body) => ({ status: 200, body: { ...draft, ...(body as object), version: 3 } }),
    });
    fireEvent.click(await buttonIn(draft.title, "Изменить"));
    const dialog = await screen.findByRole("dialog", { name: "Изменить практику" });
    expect(field(dialog, /^Название/).value).toBe(draft.title);
    expect(field(dialog, /^Описание/).value).toBe(draft.description);
    expect(field(dialog, /^Форма наставничества/).value).toBe("student_pupil");
    expect(field(dialog, /^Авторы/).value).toBe(draft.authors);
    expect(field(dialog, /^Где представлена/).value).toBe("Круглый стол");
    expect(field(dialog, /^Ссылка на сайте организации/).value).toBe(draft.siteUrl);

    fireEvent.change(field(dialog, /^Название/), { target: { value: "Нетворкинг наставников и наставляемых" } });
    fireEvent.change(field(dialog, /^Форма наставничества/), { target: { value: "" } });
    fireEvent.change(field(dialog, /^Авторы/), { target: { value: " " } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить изменения" }));

    await screen.findByText("Практика «Нетворкинг наставников и наставляемых» сохранена");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(practiceCalls(calls)).toEqual([
      [
        "PUT",
        "/api/practices/prc_1",
        {
          title: "Нетворкинг наставников и наставляемых",
          description: draft.description,
          sourceEvent: "Круглый стол",
          siteUrl: draft.siteUrl,
          version: 2,
        },
      ],
    ]);
    await waitFor(() => expect(listLoads(calls)).toBe(2));
  });

  it("on a stale version shows the message and the current practice, and saves on top of it", async () => {
    const current: Practice = { ...draft, title: "Нетворкинг (уточнённый)", authors: "Петрова А. И.", version: 3 };
    let saves = 0;
    const calls = open([draft], {
      "PUT /api/practices/prc_1": (body) =>
        ++saves === 1 ? staleVersionAnswer(current) : { status: 200, body: { ...current, ...(body as object), version: 4 } },
    });
    fireEvent.click(await buttonIn(draft.title, "Изменить"));
    const dialog = await screen.findByRole("dialog", { name: "Изменить практику" });
    fireEvent.change(field(dialog, /^Где представлена/), { target: { value: "Педсовет" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить изменения" }));

    expect((await within(dialog).findByRole("alert")).textContent).toContain(STALE_VERSION_MESSAGE);
    expect(within(dialog).getByText("В форме — актуальная версия практики. Внесите изменения ещё раз и сохраните.")).toBeTruthy();
    expect(field(dialog, /^Название/).value).toBe("Нетворкинг (уточнённый)");
    expect(field(dialog, /^Где представлена/).value).toBe("Круглый стол");
    await waitFor(() => expect(listLoads(calls)).toBe(2));

    fireEvent.change(field(dialog, /^Где представлена/), { target: { value: "Педсовет" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить изменения" }));
    await screen.findByText("Практика «Нетворкинг (уточнённый)» сохранена");
    expect(practiceCalls(calls).map(([, , body]) => body)).toMatchObject([
      { title: draft.title, authors: draft.authors, sourceEvent: "Педсовет", version: 2 },
      { title: "Нетворкинг (уточнённый)", authors: "Петрова А. И.", sourceEvent: "Педсовет", version: 3 },
    ]);
  });

  it("deletes a draft after confirmation, naming its version", async () => {
    const versions: (string | null)[] = [];
    const calls = open(all, {
      "DELETE /api/practices/prc_1": (_body, url) => {
        versions.push(url.searchParams.get("version"));
        return { status: 200, body: { ok: true } };
      },
    });
    fireEvent.click(await buttonIn(draft.title, "Удалить"));
    const dialog = await screen.findByRole("dialog", { name: "Удалить практику?" });
    expect(within(dialog).getByText(`Черновик практики «${draft.title}» будет удалён без возможности восстановления.`)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Удалить" }));

    await screen.findByText(`Практика «${draft.title}» удалена`);
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(practiceCalls(calls)).toEqual([["DELETE", "/api/practices/prc_1", undefined]]);
    expect(versions).toEqual(["2"]);
    await waitFor(() => expect(listLoads(calls)).toBe(2));
  });

  it("the curator sends a draft to the centre after confirmation", async () => {
    const calls = open(all, {
      "POST /api/practices/prc_2/send": () => ({ status: 200, body: { ...returned, status: "sent", version: 5 } }),
    });
    fireEvent.click(await buttonIn(returned.title, "Отправить в РНЦ"));
    const dialog = await screen.findByRole("dialog", { name: "Отправить практику в РНЦ?" });
    expect(within(dialog).getByText(/Изменить её можно будет, только если РНЦ вернёт её на доработку/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Отправить в РНЦ" }));

    await screen.findByText(`Практика «${returned.title}» отправлена в РНЦ`);
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(practiceCalls(calls)).toEqual([["POST", "/api/practices/prc_2/send", { version: 4 }]]);
  });

  it("after a stale version the confirmation says so and acts on the current practice", async () => {
    let sends = 0;
    const calls = open([draft], {
      "POST /api/practices/prc_1/send": () =>
        ++sends === 1 ? staleVersionAnswer({ ...draft, version: 3 }) : { status: 200, body: { ...draft, status: "sent", version: 4 } },
    });
    fireEvent.click(await buttonIn(draft.title, "Отправить в РНЦ"));
    const dialog = await screen.findByRole("dialog", { name: "Отправить практику в РНЦ?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Отправить в РНЦ" }));

    expect((await within(dialog).findByRole("alert")).textContent).toContain(STALE_VERSION_MESSAGE);
    expect(within(dialog).getByText("Список обновлён. Подтвердите ещё раз, если решение в силе.")).toBeTruthy();
    await waitFor(() => expect(listLoads(calls)).toBe(2));
    fireEvent.click(within(dialog).getByRole("button", { name: "Отправить в РНЦ" }));
    await screen.findByText(`Практика «${draft.title}» отправлена в РНЦ`);
    expect(practiceCalls(calls).map(([, , body]) => body)).toEqual([{ version: 2 }, { version: 3 }]);
  });
});
