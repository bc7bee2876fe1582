// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderPage, signedInAs } from "../../test-signed-in";
import { fakeApi, fieldErrorOf, isIsoDate, summaryOf, validating, writes } from "../../test-support";
import type { BoardColumn, Pair, PairStatus } from "./model";
import PairsPage from "./PairsPage";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const pair = (n: number, status: PairStatus = "forming"): Pair =>
  ({
    pairId: `pair_${String(n).padStart(3, "0")}`,
    form: "teacher_teacher",
    mentorId: "prt_mentor",
    menteeIds: [`prt_${n}`],
    startDate: "2026-09-01",
    endDate: "2027-05-31",
    status,
    createdAt: "2026-09-01T09:00:00.000Z",
    updatedAt: "2026-09-01T09:00:00.000Z",
    version: 1,
    kind: "pair",
    members: [
      { participantId: "prt_mentor", role: "mentor", name: "Петрова А. А.", minor: false, consent: "signed" },
      { participantId: `prt_${n}`, role: "mentee", name: `Наставляемый ${n}`, minor: false, consent: "signed" },
    ],
    inactive: false,
    problems: [],
  }) as Pair;

const range = (from: number, to: number, status?: PairStatus) => Array.from({ length: to - from + 1 }, (_, i) => pair(from + i, status));

const board = (forming: Partial<BoardColumn>): { columns: BoardColumn[] } => ({
  columns: [
    { status: "forming", total: 0, items: [], cursor: null, ...forming },
    { status: "active", total: 0, items: [], cursor: null },
    { status: "completed", total: 0, items: [], cursor: null },
    { status: "terminated", total: 1, items: [pair(900, "terminated")], cursor: null },
  ],
});

type Answer = { status: number; body: unknown };

/** The board, then the pages of `/api/pairs` the test lists in order; returns the pages' URLs as asked for. */
function fakeBoard(first: { columns: BoardColumn[] }, pages: (() => Answer)[]) {
  const urls: URL[] = [];
  fakeApi({
    ...signedInAs("curator"),
    "GET /api/pairs/board": () => ({ status: 200, body: first }),
    "GET /api/pairs": (_body, url) => {
      urls.push(url);
      return (pages[urls.length - 1] as () => Answer)();
    },
  });
  return urls;
}

const forming = () => screen.getByRole("region", { name: /Формируется/ });
const cards = (column: HTMLElement) => within(column).queryAllByRole("listitem");

describe("the pair board", () => {
  it("shows each column's total and newest pairs; «Показать ещё» appends the next pages of that status", async () => {
    const urls = fakeBoard(board({ total: 45, items: range(1, 20), cursor: "pair_020" }), [
      () => ({ status: 200, body: { items: range(21, 40), cursor: "pair_040" } }),
      () => ({ status: 200, body: { items: range(41, 45), cursor: null } }),
    ]);
    renderPage(<PairsPage />, { path: "/pairs" });
    await screen.findByRole("heading", { name: "Формируется 45 пар", level: 2 });
    expect(screen.getByRole("heading", { name: "Прекращена 1 пара", level: 2 })).toBeTruthy();
    expect(cards(forming())).toHaveLength(20);
    expect(within(forming()).getByText("Показано 20 пар из 45")).toBeTruthy();
    // Only the column with more pairs has the button; it says which column it continues.
    const more = screen.getByRole("button", { name: "Показать ещё" });
    expect(forming().contains(more)).toBe(true);
    const description = (more.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent);
    expect(description).toEqual(["Показано 20 пар из 45"]);

    fireEvent.click(more);
    await waitFor(() => expect(cards(forming())).toHaveLength(40));
    expect(urls[0]?.searchParams.toString()).toBe("status=forming&limit=20&cursor=pair_020");
    expect(within(forming()).getByText("Показано 40 пар из 45")).toBeTruthy();
    expect(within(forming()).getAllByRole("link")[20]?.textContent).toContain("Наставляемый 21");

    // The last page: the button goes, and the keyboard's focus moves on to the first pair that came with the page.
    const last = screen.getByRole("button", { name: "Показать ещё" });
    last.focus();
    fireEvent.click(last);
    await waitFor(() => expect(cards(forming())).toHaveLength(45));
    await waitFor(() => expect(document.activeElement?.getAttribute("href")).toBe("/pairs/pair_041"));
    expect(urls[1]?.searchParams.get("cursor")).toBe("pair_040");
    expect(within(forming()).getByText("Показаны все пары")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Показать ещё" })).toBeNull();
    // The heading keeps the total; the terminated pair stays in its own column.
    expect(screen.getByRole("heading", { name: "Формируется 45 пар", level: 2 })).toBeTruthy();
    expect(cards(screen.getByRole("region", { name: /Прекращена/ }))).toHaveLength(1);
  });

  it("a column that fits shows no button and no note; a failed page is announced with a retry that asks again", async () => {
    fakeBoard(board({ total: 22, items: range(1, 20), cursor: "pair_020" }), [
      () => ({ status: 503, body: { error: { code: "service.unavailable", message: "Сервис временно недоступен" } } }),
      () => ({ status: 200, body: { items: range(21, 22), cursor: null } }),
    ]);
    renderPage(<PairsPage />, { path: "/pairs" });
    await screen.findByRole("heading", { name: "Формируется 22 пары", level: 2 });
    expect(within(screen.getByRole("region", { name: /Прекращена/ })).queryByRole("button")).toBeNull();
    expect(within(screen.getByRole("region", { name: /Прекращена/ })).queryByText(/Показан/)).toBeNull();
    expect(within(forming()).getByText("Показано 20 пар из 22")).toBeTruthy();

    const more = screen.getByRole("button", { name: "Показать ещё" });
    more.focus();
    fireEvent.click(more);
    const alert = await within(forming()).findByRole("alert");
    expect(alert.textContent).toContain("Сервис временно недоступен");
    expect(cards(forming())).toHaveLength(20);
    // The keyboard's focus went from the button that is gone to «Повторить», and from there to the first new pair.
    const retry = within(alert).getByRole("button", { name: "Повторить" });
    await waitFor(() => expect(document.activeElement).toBe(retry));
    fireEvent.click(retry);
    await waitFor(() => expect(cards(forming())).toHaveLength(22));
    expect(within(forming()).queryByRole("alert")).toBeNull();
    await waitFor(() => expect(document.activeElement?.getAttribute("href")).toBe("/pairs/pair_021"));
  });
});

describe("a new pair", () => {
  const person = (participantId: string, fullName: string, category: string, roles: { isMentor?: boolean; isMentee?: boolean }) => ({
    participantId,
    fullName,
    category,
    status: "active",
    isMentor: false,
    isMentee: false,
    ...roles,
  });
  const people = [
    person("prt_t", "Петрова Анна Андреевна", "teacher", { isMentor: true }),
    person("prt_p1", "Смирнов Олег Павлович", "pupil", { isMentor: true }),
    person("prt_p2", "Иванов Иван Иванович", "pupil", { isMentee: true }),
    person("prt_y", "Козлов Денис Игоревич", "young_specialist", { isMentee: true }),
  ];

  function openDialog(routes: Parameters<typeof fakeApi>[0] = {}) {
    const calls = fakeApi({
      ...signedInAs("curator"),
      "GET /api/pairs/board": () => ({ status: 200, body: board({}) }),
      "GET /api/participants": () => ({ status: 200, body: { items: people, cursor: null } }),
      "GET /api/forms": () => ({ status: 200, body: { enabled: ["pupil_pupil", "teacher_teacher"], catalogue: [], version: 1 } }),
      "POST /api/pairs": (body) => ({ status: 201, body: { pair: { ...pair(1), ...(body as object) } } }),
      ...routes,
    });
    renderPage(<PairsPage />, { path: "/pairs" });
    return calls;
  }
  const optionTexts = (select: HTMLElement) =>
    within(select)
      .getAllByRole("option")
      .map((option) => option.textContent);
  const menteeLabels = (dialog: HTMLElement) =>
    within(within(dialog).getByRole("group", { name: /^Наставляемые/ }))
      .getAllByRole("checkbox")
      .map((box) => box.parentElement?.textContent?.trim());

  it("lists only the people whose category fits the chosen form, each with the category; «показать всех» adds the others after them", async () => {
    const calls = openDialog();
    fireEvent.click(await screen.findByRole("button", { name: "Создать пару" }));
    const dialog = await screen.findByRole("dialog", { name: "Новая пара или группа" });
    const mentor = (await within(dialog).findByLabelText(/^Наставник/)) as HTMLSelectElement;
    await waitFor(() => expect((within(dialog).getByLabelText(/^Форма наставничества/) as HTMLSelectElement).value).toBe("pupil_pupil"));
    expect(optionTexts(mentor)).toEqual(["Выберите наставника", "Смирнов Олег Павлович — Обучающийся (ученик)"]);
    expect(menteeLabels(dialog)).toEqual(["Иванов Иван Иванович — Обучающийся (ученик)"]);

    fireEvent.change(within(dialog).getByLabelText(/^Форма наставничества/), { target: { value: "teacher_teacher" } });
    expect(optionTexts(mentor)).toEqual(["Выберите наставника", "Петрова Анна Андреевна — Педагог"]);
    expect(menteeLabels(dialog)).toEqual(["Козлов Денис Игоревич — Молодой специалист (стаж 0–3 года)"]);

    fireEvent.click(within(dialog).getByLabelText(/^Показать всех/));
    expect(optionTexts(mentor)).toEqual([
      "Выберите наставника",
      "Петрова Анна Андреевна — Педагог",
      "Смирнов Олег Павлович — Обучающийся (ученик)",
    ]);
    expect(
      within(mentor)
        .getAllByRole("group")
        .map((group) => group.getAttribute("label")),
    ).toEqual(["Подходят для формы", "Другие категории"]);
    expect(menteeLabels(dialog)).toEqual([
      "Козлов Денис Игоревич — Молодой специалист (стаж 0–3 года)",
      "Иванов Иван Иванович — Обучающийся (ученик) (не подходит для формы)",
    ]);

    // A choice stays listed when the list is narrowed again, so it is never dropped unseen.
    fireEvent.change(mentor, { target: { value: "prt_t" } });
    fireEvent.click(within(dialog).getByLabelText("Козлов Денис Игоревич — Молодой специалист (стаж 0–3 года)"));
    fireEvent.click(within(dialog).getByLabelText(/^Показать всех/));
    fireEvent.change(within(dialog).getByLabelText(/^Форма наставничества/), { target: { value: "pupil_pupil" } });
    expect(mentor.value).toBe("prt_t");
    expect(menteeLabels(dialog)).toEqual([
      "Иванов Иван Иванович — Обучающийся (ученик)",
      "Козлов Денис Игоревич — Молодой специалист (стаж 0–3 года) (не подходит для формы)",
    ]);
    fireEvent.change(within(dialog).getByLabelText(/^Форма наставничества/), { target: { value: "teacher_teacher" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Создать черновик пары" }));
    const created = () => calls.find((call) => call.method === "POST" && call.path === "/api/pairs");
    await waitFor(() => expect(created()).toBeTruthy());
    expect(created()?.body).toMatchObject({ form: "teacher_teacher", mentorId: "prt_t", menteeIds: ["prt_y"] });
  });

  it("shows every field's problem at once, an end that does not exist with the server's, and creates nothing", async () => {
    const calls = openDialog({
      "POST /api/pairs": validating((sent) => [
        ...(sent.mentorId ? [] : [{ path: "mentorId", message: "Выберите наставника" }]),
        ...((sent.menteeIds as string[]).length ? [] : [{ path: "menteeIds", message: "Выберите хотя бы одного наставляемого" }]),
        ...(isIsoDate(sent.endDate) ? [] : [{ path: "endDate", message: "Поле «Дата окончания»: укажите существующую дату" }]),
      ]),
    });
    fireEvent.click(await screen.findByRole("button", { name: "Создать пару" }));
    const dialog = await screen.findByRole("dialog", { name: "Новая пара или группа" });
    fireEvent.change(await within(dialog).findByLabelText(/^Окончание/), { target: { value: "31.06.2027" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Создать черновик пары" }));
    const endMessage = "Дата окончания: укажите существующую дату в формате ДД.ММ.ГГГГ";
    await waitFor(() => expect(summaryOf(dialog)).toEqual(["Выберите наставника", "Выберите хотя бы одного наставляемого", endMessage]));
    expect(fieldErrorOf(dialog, /^Наставник/)).toBe("Выберите наставника");
    expect(
      within(within(dialog).getByRole("group", { name: /^Наставляемые/ })).getByText("Выберите хотя бы одного наставляемого"),
    ).toBeTruthy();
    expect(fieldErrorOf(dialog, /^Окончание/)).toBe(endMessage);
    expect(calls.filter((call) => call.path === "/api/pairs" && call.method === "POST")).toMatchObject([{ validateOnly: true }]);
    expect(writes(calls)).toEqual([]);
  });
});
