// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Role } from "../../api/types";
import { formatDate, todayIso } from "../../lib/format";
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
import PublicationsPage from "./PublicationsPage";
import type { Cadence, Publication } from "./types";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const thisYear = Number(todayIso().slice(0, 4));

const news: Publication = {
  publicationId: "pub_1",
  title: "Наставник года: итоги конкурса",
  date: `${thisYear}-06-10`,
  channel: "site",
  format: "news",
  rubric: "Наставничество",
  url: "https://school.example.ru/news/mentor",
  note: "Фото — у завуча.\nПовторить во ВКонтакте.",
  status: "published",
  createdAt: `${thisYear}-06-10T09:00:00.000Z`,
  updatedAt: `${thisYear}-06-11T09:00:00.000Z`,
  version: 2,
};
const announcement: Publication = {
  publicationId: "pub_2",
  title: "Анонс: установочная сессия для наставников",
  date: `${thisYear}-06-20`,
  channel: "social",
  format: "press_release",
  status: "planned",
  createdAt: `${thisYear}-06-12T09:00:00.000Z`,
  updatedAt: `${thisYear}-06-12T09:00:00.000Z`,
  version: 1,
};
const album: Publication = {
  publicationId: "pub_3",
  title: "Фотоальбом «Встреча наставников»",
  date: `${thisYear}-05-02`,
  channel: "municipal_media",
  format: "photo_album",
  status: "published",
  createdAt: `${thisYear}-05-02T09:00:00.000Z`,
  updatedAt: `${thisYear}-05-02T09:00:00.000Z`,
  version: 1,
};
const all = [announcement, news, album];
/** The server's reading of the list above on 15 June: the last publication five days ago. */
const recent: Cadence = { today: `${thisYear}-06-15`, lastPublished: news.date, daysSinceLast: 5, overdue: false };

/** The page with a fake API answering the year asked for (the cadence as given); the list's queries are kept. */
function open(
  publications: Publication[],
  { cadence = recent, routes = {}, role = "curator" }: { cadence?: Cadence; routes?: Parameters<typeof fakeApi>[0]; role?: Role } = {},
) {
  const listed: Record<string, string>[] = [];
  const calls = fakeApi({
    ...signedInAs(role),
    "GET /api/publications": (_body, url) => {
      const query = Object.fromEntries(url.searchParams);
      listed.push(query);
      const items = publications.filter((publication) => !query.year || publication.date.startsWith(`${query.year}-`));
      return { status: 200, body: { items, cadence } };
    },
    ...routes,
  });
  renderPage(<PublicationsPage />, { path: "/publications" });
  return { calls, listed };
}

/** The calls that change the media plan (the sign-in's and the list's are left out). */
const publicationCalls = (calls: ReturnType<typeof fakeApi>) =>
  calls
    .filter((call) => call.path.startsWith("/api/publications") && call.method !== "GET")
    .map((call) => [call.method, call.path, call.body]);
const field = (scope: HTMLElement, label: RegExp) => within(scope).getByLabelText(label) as HTMLInputElement;
const options = (select: HTMLElement) =>
  within(select)
    .getAllByRole("option")
    .map((option) => option.textContent);
const row = (text: string) => screen.findByRole("row", { name: (name) => name.includes(text) });
const cells = (tableRow: HTMLElement) =>
  within(tableRow)
    .getAllByRole("cell")
    .map((cell) => cell.textContent);
const buttonIn = async (publication: Publication, action: string) =>
  within(await row(publication.title)).getByRole("button", { name: `${action} публикацию «${publication.title}»` });
/** The cadence line: the paragraph that tells when the last publication was. */
const cadenceLine = () =>
  screen.findByText(
    (_text, element) =>
      element?.tagName === "P" && /^(Последняя публикация|Опубликованных материалов ещё нет)/.test(element.textContent ?? ""),
  );

describe("the institution's media plan", () => {
  it("lists the current year's publications with date, title (a link), channel, form, rubric, status and note, and counts them", async () => {
    const { listed } = open(all);
    const first = await row(news.title);
    const link = within(first).getByRole("link", { name: `${news.title} (откроется в новой вкладке)` });
    expect(link.getAttribute("href")).toBe(news.url);
    expect(link.getAttribute("target")).toBe("_blank");
    expect(link.getAttribute("rel")).toBe("noopener noreferrer");
    expect(within(first).getByRole("rowheader").textContent).toContain(news.title);
    expect(cells(first)).toEqual([
      `10.06.${thisYear}`,
      "Официальный сайт организации",
      "Новость",
      "Наставничество",
      "Опубликована",
      "Фото — у завуча.\nПовторить во ВКонтакте.",
      expect.stringContaining("Изменить"),
    ]);
    const planned = await row(announcement.title);
    expect(within(planned).queryByRole("link")).toBeNull();
    expect(cells(planned)).toEqual([
      `20.06.${thisYear}`,
      "Социальные сети (ВКонтакте и др.)",
      "Пресс-релиз",
      "—",
      "Запланирована",
      "—",
      expect.stringContaining("Изменить"),
    ]);
    expect(cells(await row(album.title)).slice(0, 5)).toEqual([
      `02.05.${thisYear}`,
      "Муниципальные СМИ",
      "Фотоальбом",
      "—",
      "Опубликована",
    ]);
    // The status is the server's: one dated today is published or planned as it says (planned, it is not yet overdue).
    cleanup();
    open([
      { ...announcement, date: recent.today },
      { ...album, date: recent.today },
    ]);
    expect(cells(await row(announcement.title))[4]).toBe("Запланирована");
    expect(cells(await row(album.title))[4]).toBe("Опубликована");
    cleanup();

    open(all);
    expect(await screen.findByText(`За ${thisYear} год: 3 публикации, из них 1 запланирована`)).toBeTruthy();
    const table = screen.getByRole("table", { name: `Публикации медиаплана за ${thisYear} год` });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((header) => header.textContent),
    ).toEqual(["Дата", "Заголовок", "Канал", "Форма", "Рубрика", "Статус", "Примечание", "Действия"]);
    expect(listed).toEqual([{ year: String(thisYear) }]);
  });

  it("counts the year's publications, the planned ones and the unconfirmed ones in the right forms", async () => {
    const planned = (n: number) => ({ ...announcement, publicationId: `pub_p${n}`, date: `${thisYear}-07-0${n}` });
    const day = (n: number) => `${thisYear}-01-${String(n).padStart(2, "0")}`;
    const done = (n: number) => ({ ...album, publicationId: `pub_d${n}`, date: day(n) });
    /** Planned, dated before today (15 June): not marked as published. */
    const missed = (n: number) => ({ ...announcement, publicationId: `pub_m${n}`, date: day(n) });
    const several = (count: number, publication: (n: number) => Publication) => Array.from({ length: count }, (_, n) => publication(n + 1));
    for (const [publications, line] of [
      [[planned(1)], "1 публикация, из них 1 запланирована"],
      [[album], "1 публикация"],
      [[planned(1), planned(2), album], "3 публикации, из них 2 запланированы"],
      [[1, 2, 3, 4, 5].map(planned), "5 публикаций, из них 5 запланированы"],
      [several(21, done), "21 публикация"],
      [several(12, done), "12 публикаций"],
      [[missed(1), album], "2 публикации, из них 1 не отмечена как вышедшая"],
      [[planned(1), missed(1), missed(2), album], "4 публикации, из них 1 запланирована и 2 не отмечены как вышедшие"],
      [several(5, missed), "5 публикаций, из них 5 не отмечены как вышедшие"],
      [several(11, missed), "11 публикаций, из них 11 не отмечены как вышедшие"],
      [several(21, missed), "21 публикация, из них 21 не отмечена как вышедшая"],
      [[...several(22, missed), planned(1)], "23 публикации, из них 1 запланирована и 22 не отмечены как вышедшие"],
    ] as const) {
      open([...publications]);
      expect(await screen.findByText(`За ${thisYear} год: ${line}`)).toBeTruthy();
      cleanup();
    }
  });

  it.each<[string, Cadence, string]>([
    ["today", { ...recent, lastPublished: recent.today, daysSinceLast: 0 }, `Последняя публикация — 15.06.${thisYear}, сегодня.`],
    ["yesterday", { ...recent, lastPublished: `${thisYear}-06-14`, daysSinceLast: 1 }, `Последняя публикация — 14.06.${thisYear}, вчера.`],
    [
      "2 days ago",
      { ...recent, lastPublished: `${thisYear}-06-13`, daysSinceLast: 2 },
      `Последняя публикация — 13.06.${thisYear}, 2 дня назад.`,
    ],
    [
      "3 days ago",
      { ...recent, lastPublished: `${thisYear}-06-12`, daysSinceLast: 3 },
      `Последняя публикация — 12.06.${thisYear}, 3 дня назад.`,
    ],
    [
      "a week ago",
      { ...recent, lastPublished: `${thisYear}-06-08`, daysSinceLast: 7 },
      `Последняя публикация — 08.06.${thisYear}, 7 дней назад.`,
    ],
  ])("tells when the last publication was (%s), without a warning while the weekly rule is kept", async (_when, cadence, line) => {
    open(all, { cadence });
    const notice = await cadenceLine();
    expect(notice.textContent).toBe(line);
    expect(notice.getAttribute("role")).toBe("status");
    expect(notice.classList.contains("warning")).toBe(false);
    expect(screen.queryByText(/не реже раза в неделю/)).toBeNull();
  });

  it.each<[number, string]>([
    [8, "прошло 8 дней"],
    [12, "прошло 12 дней"],
    [21, "прошёл 21 день"],
    [22, "прошло 22 дня"],
  ])("warns, naming the weekly rule, when the last publication was %i days ago", async (days, since) => {
    open([album], { cadence: { ...recent, lastPublished: album.date, daysSinceLast: days, overdue: true } });
    const notice = await cadenceLine();
    expect(notice.getAttribute("role")).toBe("status");
    expect(notice.classList.contains("warning")).toBe(true);
    expect(notice.textContent).toBe(
      `Последняя публикация — 02.05.${thisYear}, ${since.replace(/^прош\S+ /, "")} назад. ` +
        `Сведения о наставничестве обновляются не реже раза в неделю: со дня последней публикации ${since}.`,
    );
  });

  it("warns when nothing is published yet, also when only planned publications are listed", async () => {
    open([], { cadence: { today: recent.today, overdue: true } });
    const notice = await cadenceLine();
    expect(notice.textContent).toBe("Опубликованных материалов ещё нет: сведения о наставничестве обновляются не реже раза в неделю.");
    expect(notice.classList.contains("warning")).toBe(true);
    expect(screen.getByText(`Публикаций за ${thisYear} год нет`)).toBeTruthy();
    expect(screen.getByText(/пресс-релиз за 3–5 дней до события, пост-релиз в течение дня после него/)).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
    cleanup();

    open([announcement], { cadence: { today: recent.today, overdue: true } });
    expect((await cadenceLine()).textContent).toMatch(/^Опубликованных материалов ещё нет/);
    expect(cells(await row(announcement.title))[4]).toBe("Запланирована");
  });

  it("shows another year's publications or all years' when the year is changed; the cadence stays over all of them", async () => {
    const lastYear = { ...album, publicationId: "pub_9", title: "Итоги прошлого года", date: `${thisYear - 1}-12-20` };
    const { listed } = open([...all, lastYear]);
    const year = (await screen.findByLabelText("Год")) as HTMLSelectElement;
    expect(year.value).toBe(String(thisYear));
    expect(options(year)).toEqual([...[0, 1, 2, 3, 4].map((back) => String(thisYear - back)), "Все годы"]);
    await row(news.title);
    expect(screen.queryByText(lastYear.title)).toBeNull();

    fireEvent.change(year, { target: { value: String(thisYear - 1) } });
    await row(lastYear.title);
    expect(screen.queryByText(news.title)).toBeNull();
    expect(screen.getByText(`За ${thisYear - 1} год: 1 публикация`)).toBeTruthy();
    expect((await cadenceLine()).textContent).toBe(`Последняя публикация — 10.06.${thisYear}, 5 дней назад.`);

    fireEvent.change(year, { target: { value: "" } });
    expect(await screen.findByText("За все годы: 4 публикации, из них 1 запланирована")).toBeTruthy();
    expect(screen.getByRole("table", { name: "Публикации медиаплана" })).toBeTruthy();

    fireEvent.change(year, { target: { value: String(thisYear - 2) } });
    expect(await screen.findByText(`Публикаций за ${thisYear - 2} год нет`)).toBeTruthy();
    expect(listed).toEqual([{ year: String(thisYear) }, { year: String(thisYear - 1) }, {}, { year: String(thisYear - 2) }]);
  });

  it("lets the curator and staff add, change and delete publications; a viewer changes nothing", async () => {
    for (const role of ["curator", "staff"] as const) {
      open(all, { role });
      await row(album.title);
      expect(screen.getByRole("button", { name: "Добавить публикацию" })).toBeTruthy();
      for (const action of ["Изменить", "Удалить"])
        expect(screen.getAllByRole("button", { name: new RegExp(`^${action}`) }).map((button) => button.textContent)).toEqual(
          all.map((publication) => `${action} публикацию «${publication.title}»`),
        );
      cleanup();
    }

    open(all, { role: "institution_viewer" });
    await row(album.title);
    expect(screen.queryAllByRole("button")).toEqual([]);
    expect(screen.queryByRole("columnheader", { name: "Действия" })).toBeNull();
  });

  it("shows a planned publication whose date has passed as not confirmed, and marks it published over its version", async () => {
    const missed: Publication = {
      ...news,
      publicationId: "pub_5",
      title: "Пост-релиз: встреча с выпускниками",
      date: `${thisYear}-06-12`,
      format: "post_release",
      status: "planned",
      version: 3,
    };
    const { calls, listed } = open([announcement, missed, album], {
      routes: { "PUT /api/publications/pub_5": (body) => ({ status: 200, body: { ...missed, ...(body as object), version: 4 } }) },
    });
    const overdue = await row(missed.title);
    expect(cells(overdue)[4]).toBe("Не отмечена как вышедшая");
    expect(within(overdue).getByText("Не отмечена как вышедшая").classList.contains("badge")).toBe(true);
    expect(screen.getByText(`За ${thisYear} год: 3 публикации, из них 1 запланирована и 1 не отмечена как вышедшая`)).toBeTruthy();
    // Only the planned publication whose date has come can be marked; the one ahead and the published one cannot.
    expect(screen.getAllByRole("button", { name: /^Отметить вышедшей/ }).map((button) => button.textContent)).toEqual([
      `Отметить вышедшей публикацию «${missed.title}»`,
    ]);

    fireEvent.click(await buttonIn(missed, "Отметить вышедшей"));
    const dialog = await screen.findByRole("dialog", { name: "Отметить публикацию вышедшей?" });
    expect(dialog.textContent).toContain(`Публикация «${missed.title}» от 12.06.${thisYear} будет отмечена как вышедшая`);
    fireEvent.click(within(dialog).getByRole("button", { name: "Отметить вышедшей" }));

    await screen.findByText(`Публикация «${missed.title}» отмечена как вышедшая`);
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(publicationCalls(calls)).toEqual([
      [
        "PUT",
        "/api/publications/pub_5",
        {
          title: missed.title,
          date: missed.date,
          channel: "site",
          format: "post_release",
          rubric: missed.rubric,
          url: missed.url,
          note: missed.note,
          status: "published",
          version: 3,
        },
      ],
    ]);
    await waitFor(() => expect(listed).toHaveLength(2));
    cleanup();

    // A planned publication dated today can be marked too; it is not overdue yet.
    open([{ ...missed, date: recent.today }]);
    expect(cells(await row(missed.title))[4]).toBe("Запланирована");
    expect(await buttonIn(missed, "Отметить вышедшей")).toBeTruthy();
    cleanup();

    open([missed], { role: "institution_viewer" });
    expect(cells(await row(missed.title))[4]).toBe("Не отмечена как вышедшая");
    expect(screen.queryAllByRole("button")).toEqual([]);
  });

  it("on a stale version while marking shows the message and marks the current publication, a field cleared meanwhile left out", async () => {
    const missed: Publication = { ...news, publicationId: "pub_5", date: `${thisYear}-06-12`, status: "planned", version: 3 };
    // As the server has it now: retitled, its note cleared, and (written before statuses were kept) without a status.
    const { status: _s, note: _n, ...stored } = { ...missed, title: "Пост-релиз (уточнено)", version: 4 };
    let saves = 0;
    const { calls, listed } = open([missed], {
      routes: {
        "PUT /api/publications/pub_5": (body) =>
          ++saves === 1 ? staleVersionAnswer(stored) : { status: 200, body: { ...stored, ...(body as object), version: 5 } },
      },
    });
    fireEvent.click(await buttonIn(missed, "Отметить вышедшей"));
    const dialog = await screen.findByRole("dialog", { name: "Отметить публикацию вышедшей?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Отметить вышедшей" }));

    expect((await within(dialog).findByRole("alert")).textContent).toContain(STALE_VERSION_MESSAGE);
    expect(within(dialog).getByText("Список обновлён. Подтвердите ещё раз, если решение в силе.")).toBeTruthy();
    expect(dialog.textContent).toContain("Публикация «Пост-релиз (уточнено)»");
    await waitFor(() => expect(listed).toHaveLength(2));
    fireEvent.click(within(dialog).getByRole("button", { name: "Отметить вышедшей" }));

    await screen.findByText("Публикация «Пост-релиз (уточнено)» отмечена как вышедшая");
    const bodies = publicationCalls(calls).map(([, , body]) => body);
    expect(bodies[0]).toMatchObject({ title: news.title, note: news.note, status: "published", version: 3 });
    expect(bodies[1]).toEqual({
      title: "Пост-релиз (уточнено)",
      date: missed.date,
      channel: "site",
      format: "news",
      rubric: news.rubric,
      url: news.url,
      status: "published",
      version: 4,
    });
  });

  it("says in the dialog whether the material came out, never for a date after today; the server's refusal is shown there", async () => {
    let saves = 0;
    const { calls } = open([], {
      routes: {
        "POST /api/publications": (body) =>
          ++saves === 1
            ? {
                status: 400,
                body: {
                  error: {
                    code: "publication.future_published",
                    message: "Публикация с будущей датой ещё не могла выйти: отметьте её как запланированную",
                  },
                },
              }
            : { status: 201, body: { ...news, ...(body as object), publicationId: "pub_6", version: 1 } },
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Добавить публикацию" }));
    const dialog = await screen.findByRole("dialog", { name: "Новая публикация" });
    const published = () => within(dialog).getByRole("checkbox", { name: "Материал вышел" }) as HTMLInputElement;
    fireEvent.change(field(dialog, /^Заголовок или тема/), { target: { value: "Итоги недели наставничества" } });
    fireEvent.change(field(dialog, /^Канал/), { target: { value: "site" } });
    fireEvent.change(field(dialog, /^Форма материала/), { target: { value: "digest" } });

    // Dated today or earlier (the region's today is 15 June): published unless unticked.
    fireEvent.change(field(dialog, /^Дата/), { target: { value: `15.06.${thisYear}` } });
    expect(published().disabled).toBe(false);
    expect(published().checked).toBe(true);
    fireEvent.click(published());
    expect(published().checked).toBe(false);
    // After today: planned only.
    fireEvent.change(field(dialog, /^Дата/), { target: { value: `16.06.${thisYear}` } });
    expect(published().disabled).toBe(true);
    expect(published().checked).toBe(false);
    expect(document.getElementById(published().getAttribute("aria-describedby") ?? "")?.textContent).toBe(
      "Дата ещё не наступила: публикация запланирована. Когда материал выйдет, отметьте это.",
    );
    fireEvent.change(field(dialog, /^Дата/), { target: { value: `10.06.${thisYear}` } });
    expect(published().disabled).toBe(false);
    expect(published().checked).toBe(false);
    fireEvent.click(published());
    fireEvent.click(within(dialog).getByRole("button", { name: "Добавить публикацию" }));

    await waitFor(() => expect(published().getAttribute("aria-invalid")).toBe("true"));
    expect(
      within(dialog).getAllByText("Публикация с будущей датой ещё не могла выйти: отметьте её как запланированную").length,
    ).toBeGreaterThan(0);
    fireEvent.click(published());
    fireEvent.click(within(dialog).getByRole("button", { name: "Добавить публикацию" }));
    await screen.findByText("Публикация «Итоги недели наставничества» добавлена");
    expect(publicationCalls(calls).map(([, , body]) => (body as { status: string }).status)).toEqual(["published", "planned"]);
    cleanup();

    // Editing: the box starts from the publication's status; one dated ahead cannot be ticked.
    open(all);
    fireEvent.click(await buttonIn(news, "Изменить"));
    let edit = await screen.findByRole("dialog", { name: "Изменить публикацию" });
    expect((within(edit).getByRole("checkbox", { name: "Материал вышел" }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(edit).getByRole("button", { name: "Отмена" }));
    fireEvent.click(await buttonIn(announcement, "Изменить"));
    edit = await screen.findByRole("dialog", { name: "Изменить публикацию" });
    const box = within(edit).getByRole("checkbox", { name: "Материал вышел" }) as HTMLInputElement;
    expect([box.checked, box.disabled]).toEqual([false, true]);
    cleanup();

    // A planned one whose date has passed starts unticked, and is saved planned unless ticked.
    const missed: Publication = { ...announcement, date: `${thisYear}-06-12` };
    const saved = open([missed], {
      routes: { "PUT /api/publications/pub_2": (body) => ({ status: 200, body: { ...missed, ...(body as object), version: 2 } }) },
    });
    fireEvent.click(await buttonIn(missed, "Изменить"));
    edit = await screen.findByRole("dialog", { name: "Изменить публикацию" });
    const unticked = within(edit).getByRole("checkbox", { name: "Материал вышел" }) as HTMLInputElement;
    expect([unticked.checked, unticked.disabled]).toEqual([false, false]);
    fireEvent.click(within(edit).getByRole("button", { name: "Сохранить изменения" }));
    await screen.findByText(`Публикация «${missed.title}» сохранена`);
    expect(publicationCalls(saved.calls).map(([, , body]) => body)).toMatchObject([{ status: "planned", version: 1 }]);
  });

  it("adds a publication in a dialog of labelled fields; the server's field errors are shown at their fields", async () => {
    let saves = 0;
    const { calls, listed } = open([], {
      routes: {
        "POST /api/publications": (body) =>
          ++saves === 1
            ? invalidFieldsAnswer([
                { path: "channel", message: "Выберите канал" },
                { path: "url", message: "Ссылка должна начинаться с http:// или https://" },
              ])
            : { status: 201, body: { ...news, ...(body as object), publicationId: "pub_4", version: 1 } },
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Добавить публикацию" }));
    const dialog = await screen.findByRole("dialog", { name: "Новая публикация" });
    expect(field(dialog, /^Заголовок или тема/).required).toBe(true);
    expect(field(dialog, /^Дата/).placeholder).toBe("ДД.ММ.ГГГГ");
    expect(field(dialog, /^Дата/).value).toBe(formatDate(todayIso()));
    expect(field(dialog, /^Канал/).value).toBe("");
    expect(options(field(dialog, /^Канал/))).toEqual([
      "Выберите канал",
      "Официальный сайт организации",
      "Социальные сети (ВКонтакте и др.)",
      "Муниципальные СМИ",
      "Региональные СМИ",
      "Другое",
    ]);
    expect(options(field(dialog, /^Форма материала/))).toEqual([
      "Выберите форму",
      "Пресс-релиз (анонс за 3–5 дней до события)",
      "Пост-релиз (в течение дня после события)",
      "Новость",
      "Дайджест",
      "Фотоальбом",
      "Плейлист (видео)",
      "Лонгрид (более 2000 знаков)",
      "Другое",
    ]);
    expect(field(dialog, /^Ссылка на публикацию/).type).toBe("url");
    expect(field(dialog, /^Примечание/).tagName).toBe("TEXTAREA");

    fireEvent.change(field(dialog, /^Заголовок или тема/), { target: { value: "  День наставника в школе " } });
    fireEvent.change(field(dialog, /^Дата/), { target: { value: `03.10.${thisYear}` } });
    fireEvent.change(field(dialog, /^Форма материала/), { target: { value: "post_release" } });
    fireEvent.change(field(dialog, /^Рубрика/), { target: { value: " " } });
    fireEvent.change(field(dialog, /^Ссылка на публикацию/), { target: { value: "vk.com/school" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Добавить публикацию" }));

    await waitFor(() => expect(field(dialog, /^Канал/).getAttribute("aria-invalid")).toBe("true"));
    expect(within(dialog).getAllByText("Выберите канал", { selector: ".field-error, li" })).toHaveLength(2);
    const url = field(dialog, /^Ссылка на публикацию/);
    expect(url.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(url.getAttribute("aria-describedby")?.split(" ").at(-1) ?? "")?.textContent).toBe(
      "Ссылка должна начинаться с http:// или https://",
    );
    expect(field(dialog, /^Заголовок или тема/).getAttribute("aria-invalid")).toBeNull();

    fireEvent.change(field(dialog, /^Канал/), { target: { value: "social" } });
    fireEvent.change(url, { target: { value: "https://vk.com/school?w=wall-1_2" } });
    fireEvent.change(field(dialog, /^Примечание/), { target: { value: "Фото от родителей" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Добавить публикацию" }));
    await screen.findByText("Публикация «День наставника в школе» добавлена");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    const body = { title: "День наставника в школе", date: `${thisYear}-10-03`, status: "planned", format: "post_release" };
    expect(publicationCalls(calls)).toEqual([
      ["POST", "/api/publications", { ...body, channel: "", url: "vk.com/school" }],
      ["POST", "/api/publications", { ...body, channel: "social", url: "https://vk.com/school?w=wall-1_2", note: "Фото от родителей" }],
    ]);
    await waitFor(() => expect(listed).toHaveLength(2));
  });

  it("shows every field's problem at once, the form's (a date that does not exist) with the server's, and saves nothing", async () => {
    const { calls } = open([], {
      routes: {
        "POST /api/publications": validating((sent) => [
          ...(sent.title ? [] : [{ path: "title", message: "Заполните поле «Заголовок или тема»" }]),
          ...(isIsoDate(sent.date) ? [] : [{ path: "date", message: "Поле «Дата»: укажите существующую дату в формате ДД.ММ.ГГГГ" }]),
          ...(sent.channel ? [] : [{ path: "channel", message: "Выберите канал" }]),
        ]),
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Добавить публикацию" }));
    const dialog = await screen.findByRole("dialog", { name: "Новая публикация" });
    fireEvent.change(field(dialog, /^Дата/), { target: { value: `31.02.${thisYear}` } });
    fireEvent.change(field(dialog, /^Форма материала/), { target: { value: "news" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Добавить публикацию" }));
    const dateMessage = "Дата: укажите существующую дату в формате ДД.ММ.ГГГГ";
    await waitFor(() => expect(summaryOf(dialog)).toEqual(["Заполните поле «Заголовок или тема»", dateMessage, "Выберите канал"]));
    expect(fieldErrorOf(dialog, /^Заголовок или тема/)).toBe("Заполните поле «Заголовок или тема»");
    expect(fieldErrorOf(dialog, /^Дата/)).toBe(dateMessage);
    expect(fieldErrorOf(dialog, /^Канал/)).toBe("Выберите канал");
    expect(calls.filter((call) => call.path === "/api/publications" && call.method === "POST")).toMatchObject([
      { validateOnly: true, body: { date: `31.02.${thisYear}`, channel: "" } },
    ]);
    expect(writes(calls)).toEqual([]);
  });

  it("edits a publication: the form starts from it, and all its fields go with the version (a cleared one is left out)", async () => {
    const { calls, listed } = open(all, {
      routes: { "PUT /api/publications/pub_1": (body) => ({ status: 200, body: { ...news, ...(body as object), version: 3 } }) },
    });
    fireEvent.click(await buttonIn(news, "Изменить"));
    const dialog = await screen.findByRole("dialog", { name: "Изменить публикацию" });
    expect(field(dialog, /^Заголовок или тема/).value).toBe(news.title);
    expect(field(dialog, /^Дата/).value).toBe(formatDate(news.date));
    expect(field(dialog, /^Канал/).value).toBe("site");
    expect(field(dialog, /^Форма материала/).value).toBe("news");
    expect(field(dialog, /^Рубрика/).value).toBe(news.rubric);
    expect(field(dialog, /^Ссылка на публикацию/).value).toBe(news.url);
    expect(field(dialog, /^Примечание/).value).toBe(news.note);

    fireEvent.change(field(dialog, /^Форма материала/), { target: { value: "longread" } });
    fireEvent.change(field(dialog, /^Ссылка на публикацию/), { target: { value: "" } });
    fireEvent.change(field(dialog, /^Рубрика/), { target: { value: " Наши наставники " } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить изменения" }));

    await screen.findByText(`Публикация «${news.title}» сохранена`);
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(publicationCalls(calls)).toEqual([
      [
        "PUT",
        "/api/publications/pub_1",
        {
          title: news.title,
          date: news.date,
          status: "published",
          channel: "site",
          format: "longread",
          rubric: "Наши наставники",
          note: news.note,
          version: 2,
        },
      ],
    ]);
    await waitFor(() => expect(listed).toHaveLength(2));
  });

  it("on a stale version shows the message and the current publication, and saves on top of it; a deleted one is said so", async () => {
    const current: Publication = { ...news, title: "Наставник года: итоги (обновлено)", channel: "regional_media", version: 3 };
    let saves = 0;
    const { calls, listed } = open([news], {
      routes: {
        "PUT /api/publications/pub_1": (body) =>
          ++saves === 1
            ? staleVersionAnswer(current)
            : saves === 2
              ? { status: 200, body: { ...current, ...(body as object), version: 4 } }
              : { status: 404, body: { error: { code: "publication.not_found", message: "Публикация не найдена" } } },
      },
    });
    fireEvent.click(await buttonIn(news, "Изменить"));
    let dialog = await screen.findByRole("dialog", { name: "Изменить публикацию" });
    fireEvent.change(field(dialog, /^Форма материала/), { target: { value: "digest" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить изменения" }));

    expect((await within(dialog).findByRole("alert")).textContent).toContain(STALE_VERSION_MESSAGE);
    expect(within(dialog).getByText("В форме — актуальная запись о публикации. Внесите изменения ещё раз и сохраните.")).toBeTruthy();
    expect(field(dialog, /^Заголовок или тема/).value).toBe(current.title);
    expect(field(dialog, /^Канал/).value).toBe("regional_media");
    expect(field(dialog, /^Форма материала/).value).toBe("news");
    await waitFor(() => expect(listed).toHaveLength(2));

    fireEvent.change(field(dialog, /^Форма материала/), { target: { value: "digest" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить изменения" }));
    await screen.findByText(`Публикация «${current.title}» сохранена`);
    expect(publicationCalls(calls).map(([, , body]) => body)).toMatchObject([
      { title: news.title, channel: "site", format: "digest", version: 2 },
      { title: current.title, channel: "regional_media", format: "digest", version: 3 },
    ]);

    fireEvent.click(await buttonIn(news, "Изменить"));
    dialog = await screen.findByRole("dialog", { name: "Изменить публикацию" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить изменения" }));
    expect((await within(dialog).findByRole("alert")).textContent).toContain("Публикация не найдена");
    await waitFor(() => expect(listed).toHaveLength(4));
  });

  it("deletes a publication after confirmation, naming its version; after a stale version it deletes the current one", async () => {
    const versions: (string | null)[] = [];
    const { calls, listed } = open(all, {
      routes: {
        "DELETE /api/publications/pub_1": (_body, url) => {
          versions.push(url.searchParams.get("version"));
          return versions.length === 1 ? staleVersionAnswer({ ...news, version: 3 }) : { status: 200, body: { ok: true } };
        },
      },
    });
    fireEvent.click(await buttonIn(news, "Удалить"));
    const dialog = await screen.findByRole("dialog", { name: "Удалить публикацию?" });
    expect(
      within(dialog).getByText(
        `Запись о публикации «${news.title}» от 10.06.${thisYear} будет удалена из медиаплана без возможности восстановления.`,
      ),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Удалить" }));

    expect((await within(dialog).findByRole("alert")).textContent).toContain(STALE_VERSION_MESSAGE);
    expect(within(dialog).getByText("Список обновлён. Подтвердите ещё раз, если решение в силе.")).toBeTruthy();
    await waitFor(() => expect(listed).toHaveLength(2));
    fireEvent.click(within(dialog).getByRole("button", { name: "Удалить" }));

    await screen.findByText(`Публикация «${news.title}» удалена`);
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(publicationCalls(calls)).toEqual([
      ["DELETE", "/api/publications/pub_1", undefined],
      ["DELETE", "/api/publications/pub_1", undefined],
    ]);
    expect(versions).toEqual(["2", "3"]);
    await waitFor(() => expect(listed).toHaveLength(3));
  });
});
