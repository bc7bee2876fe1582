// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Role } from "../../api/types";
import { formatDate, todayIso } from "../../lib/format";
import { renderPage, signedInAs } from "../../test-signed-in";
import { STALE_VERSION_MESSAGE, fakeApi, invalidFieldsAnswer, staleVersionAnswer } from "../../test-support";
import RewardsPage from "./RewardsPage";
import type { Reward } from "./types";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const thisYear = Number(todayIso().slice(0, 4));

const certificate: Reward = {
  rewardId: "rwd_1",
  participantId: "ptc_1",
  fullName: "Иванова Мария Сергеевна",
  measure: "certificate",
  level: "municipal",
  date: `${thisYear}-05-15`,
  basis: "Приказ № 45 от 14.05",
  note: "Вручена на педсовете.\nФото на сайте.",
  createdAt: `${thisYear}-05-15T09:00:00.000Z`,
  updatedAt: `${thisYear}-05-16T09:00:00.000Z`,
  version: 2,
};
const thanks: Reward = {
  rewardId: "rwd_2",
  participantId: "ptc_2",
  fullName: "Петров Пётр Петрович",
  measure: "thanks",
  level: "institution",
  date: `${thisYear}-03-01`,
  createdAt: `${thisYear}-03-01T09:00:00.000Z`,
  updatedAt: `${thisYear}-03-01T09:00:00.000Z`,
  version: 1,
};
const contest: Reward = {
  rewardId: "rwd_3",
  participantId: "ptc_1",
  fullName: "Иванова Мария Сергеевна",
  measure: "school_contest",
  level: "institution",
  date: `${thisYear}-02-10`,
  createdAt: `${thisYear}-02-10T09:00:00.000Z`,
  updatedAt: `${thisYear}-02-10T09:00:00.000Z`,
  version: 1,
};
const all = [certificate, thanks, contest];

/** Mentors of the registry as GET /api/participants answers with them. */
const mentor = (participantId: string, fullName: string, group?: string) => ({
  participantId,
  fullName,
  ...(group ? { group } : {}),
  category: "teacher",
  isMentor: true,
  isMentee: false,
  status: "active",
  minor: false,
  activeMentees: 0,
  version: 1,
});
const mentors = [
  mentor("ptc_1", "Иванова Мария Сергеевна", "Кафедра математики"),
  mentor("ptc_2", "Петров Пётр Петрович"),
  mentor("ptc_3", "Сидорова Анна Ивановна"),
];

const saved = (body: unknown, base: Reward, version: number) => {
  const { fullName: _name, ...info } = base;
  return { ...info, ...(body as object), version };
};

/** The page with a fake API; the list's and the registry search's queries are kept (`null` for none). */
function open(rewards: Reward[], routes: Parameters<typeof fakeApi>[0] = {}, role: Role = "curator") {
  const listed: Record<string, string>[] = [];
  const searched: Record<string, string>[] = [];
  const calls = fakeApi({
    ...signedInAs(role),
    "GET /api/rewards": (_body, url) => {
      const query = Object.fromEntries(url.searchParams);
      listed.push(query);
      return { status: 200, body: { items: rewards.filter((reward) => !query.year || reward.date.startsWith(`${query.year}-`)) } };
    },
    "GET /api/participants": (_body, url) => {
      const query = Object.fromEntries(url.searchParams);
      searched.push(query);
      const q = query.q?.toLowerCase() ?? "";
      return { status: 200, body: { items: mentors.filter((m) => m.fullName.toLowerCase().includes(q)), cursor: null } };
    },
    ...routes,
  });
  renderPage(<RewardsPage />, { path: "/rewards" });
  return { calls, listed, searched };
}

/** The calls that change the rewards (the sign-in's and the lists' are left out). */
const rewardCalls = (calls: ReturnType<typeof fakeApi>) =>
  calls.filter((call) => call.path.startsWith("/api/rewards") && call.method !== "GET").map((call) => [call.method, call.path, call.body]);
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

/** A row's button, named for screen readers by the reward: «Изменить поощрение: Грамота, Иванова Мария Сергеевна, 15.05.2026». */
const buttonIn = (reward: Reward, action: string) =>
  screen.findByRole("button", {
    name: (name) =>
      name.startsWith(`${action} поощрение: `) && name.endsWith(`, ${reward.fullName}, ${reward.date.split("-").reverse().join(".")}`),
  });

describe("the mentors' rewards", () => {
  it("lists the rewards of the current year with date, mentor (a link to the card), measure, level, basis and note, and counts them", async () => {
    const { listed } = open(all);
    const first = await row("15.05.");
    expect(within(first).getByRole("rowheader", { name: certificate.fullName })).toBeTruthy();
    expect(within(first).getByRole("link", { name: certificate.fullName }).getAttribute("href")).toBe("/participants/ptc_1");
    expect(cells(first)).toEqual([
      `15.05.${thisYear}`,
      "Грамота",
      "Муниципальный",
      "Приказ № 45 от 14.05",
      "Вручена на педсовете.\nФото на сайте.",
      expect.stringContaining("Изменить"),
    ]);
    expect(cells(await row("01.03."))).toEqual([
      `01.03.${thisYear}`,
      "Благодарность администрации",
      "Уровень организации",
      "—",
      "—",
      expect.stringContaining("Изменить"),
    ]);
    expect(
      within(await row("10.02.")).getByText("Победа в конкурсе организации («Наставник года», «Лучшая пара», «Наставник+»)"),
    ).toBeTruthy();

    expect(screen.getByText("3 поощрения у 2 наставников")).toBeTruthy();
    const table = screen.getByRole("table", { name: `Поощрения наставников за ${thisYear} год` });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((header) => header.textContent),
    ).toEqual(["Дата", "Наставник", "Мера поощрения", "Уровень", "Основание", "Примечание", "Действия"]);
    expect(listed).toEqual([{ year: String(thisYear) }]);
  });

  it("counts one reward of one mentor in the right forms", async () => {
    open([thanks]);
    expect(await screen.findByText("1 поощрение у 1 наставника")).toBeTruthy();
    cleanup();
    open([certificate, contest]);
    expect(await screen.findByText("2 поощрения у 1 наставника")).toBeTruthy();
  });

  it("shows another year's rewards or all years' when the year is changed", async () => {
    const lastYear = { ...thanks, rewardId: "rwd_9", date: `${thisYear - 1}-12-20` };
    const { listed } = open([...all, lastYear]);
    const year = (await screen.findByLabelText("Год")) as HTMLSelectElement;
    expect(year.value).toBe(String(thisYear));
    expect(options(year)).toEqual([...[0, 1, 2, 3, 4].map((back) => String(thisYear - back)), "Все годы"]);
    await row("15.05.");
    expect(screen.queryByText(`20.12.${thisYear - 1}`)).toBeNull();

    fireEvent.change(year, { target: { value: String(thisYear - 1) } });
    expect(await screen.findByText(`20.12.${thisYear - 1}`)).toBeTruthy();
    expect(screen.queryByText(`15.05.${thisYear}`)).toBeNull();
    expect(screen.getByText("1 поощрение у 1 наставника")).toBeTruthy();

    fireEvent.change(year, { target: { value: "" } });
    expect(await screen.findByText("4 поощрения у 2 наставников")).toBeTruthy();
    expect(screen.getByRole("table", { name: "Поощрения наставников" })).toBeTruthy();

    fireEvent.change(year, { target: { value: String(thisYear - 2) } });
    expect(await screen.findByText(`Поощрений за ${thisYear - 2} год нет`)).toBeTruthy();
    expect(listed).toEqual([{ year: String(thisYear) }, { year: String(thisYear - 1) }, {}, { year: String(thisYear - 2) }]);
  });

  it("lets the curator and staff record, change and delete rewards; a viewer changes nothing", async () => {
    for (const role of ["curator", "staff"] as const) {
      open(all, {}, role);
      await row("15.05.");
      expect(screen.getByRole("button", { name: "Записать поощрение" })).toBeTruthy();
      expect(screen.getAllByRole("button", { name: /^Изменить поощрение: / })).toHaveLength(3);
      expect(screen.getAllByRole("button", { name: /^Удалить поощрение: / })).toHaveLength(3);
      expect(screen.getByRole("button", { name: `Удалить поощрение: Грамота, Иванова Мария Сергеевна, 15.05.${thisYear}` })).toBeTruthy();
      cleanup();
    }

    open(all, {}, "institution_viewer");
    await row("15.05.");
    expect(screen.queryAllByRole("button")).toEqual([]);
    expect(screen.queryByRole("columnheader", { name: "Действия" })).toBeNull();
  });

  it("explains what to record while there are none", async () => {
    open([]);
    await screen.findByText(`Поощрений за ${thisYear} год нет`);
    expect(screen.getByText(/Записывайте сюда каждое поощрение наставника/)).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("records a reward to a mentor found by a search of the registry's active mentors; refusals are shown at their fields", async () => {
    let refusals = 0;
    const { calls, searched, listed } = open([], {
      "POST /api/rewards": (body) => {
        // The server refuses every field it finds wrong at once, as the API does.
        const sent = body as Record<string, unknown>;
        const fields = [
          ...(sent.participantId === undefined ? [{ path: "participantId", message: "Выберите наставника" }] : []),
          ...(sent.measure ? [] : [{ path: "measure", message: "Выберите меру поощрения" }]),
        ];
        if (fields.length > 0) return invalidFieldsAnswer(fields);
        refusals += 1;
        if (refusals === 1)
          return {
            status: 409,
            body: {
              error: {
                code: "reward.not_mentor",
                message: "Поощрение записывается наставнику: участник не отмечен как наставник",
              },
            },
          };
        return { status: 201, body: saved(body, certificate, 1) };
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Записать поощрение" }));
    const dialog = await screen.findByRole("dialog", { name: "Новое поощрение" });
    const picker = field(dialog, /^Наставник/);
    await within(dialog).findByText("Найдено: 3 наставника");
    expect(options(picker)).toEqual([
      "Выберите наставника",
      "Иванова Мария Сергеевна, Кафедра математики",
      "Петров Пётр Петрович",
      "Сидорова Анна Ивановна",
    ]);
    // Only the active mentors are asked for, a page of them: the registry is never loaded whole.
    expect(searched).toEqual([{ role: "mentor", status: "active", limit: "50" }]);
    expect(options(field(dialog, /^Мера поощрения/))).toHaveLength(12);
    expect(options(field(dialog, /^Уровень/))).toEqual([
      "Выберите уровень",
      "Уровень организации",
      "Муниципальный",
      "Региональный",
      "Федеральный",
    ]);
    expect(field(dialog, /^Дата/).placeholder).toBe("ДД.ММ.ГГГГ");
    expect(field(dialog, /^Дата/).value).toBe(formatDate(todayIso()));

    // Sent empty: the unchosen mentor and measure are both shown at their fields and in the summary, at once.
    fireEvent.click(within(dialog).getByRole("button", { name: "Записать поощрение" }));
    await waitFor(() => expect(picker.getAttribute("aria-invalid")).toBe("true"));
    expect(field(dialog, /^Мера поощрения/).getAttribute("aria-invalid")).toBe("true");
    expect(within(dialog).getAllByText("Выберите наставника", { selector: "li, .field-error" })).toHaveLength(2);
    expect(within(dialog).getAllByText("Выберите меру поощрения", { selector: "li, .field-error" })).toHaveLength(2);

    const search = field(dialog, /^Найти наставника/);
    fireEvent.change(search, { target: { value: "  сидор" } });
    await within(dialog).findByText("Найдено: 1 наставник");
    expect(searched.at(-1)).toEqual({ role: "mentor", status: "active", limit: "50", q: "сидор" });
    expect(options(picker)).toEqual(["Выберите наставника", "Сидорова Анна Ивановна"]);
    fireEvent.change(picker, { target: { value: "ptc_3" } });
    // The chosen mentor stays in the list while another search shows others.
    fireEvent.change(search, { target: { value: "петр" } });
    await within(dialog).findByText("Найдено: 1 наставник");
    await waitFor(() => expect(searched.at(-1)?.q).toBe("петр"));
    expect(options(picker)).toEqual(["Выберите наставника", "Сидорова Анна Ивановна", "Петров Пётр Петрович"]);
    expect(picker.value).toBe("ptc_3");

    fireEvent.change(field(dialog, /^Уровень/), { target: { value: "regional" } });
    fireEvent.change(field(dialog, /^Дата/), { target: { value: `01.04.${thisYear}` } });
    fireEvent.change(field(dialog, /^Основание/), { target: { value: " Приказ № 12 " } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Записать поощрение" }));
    await waitFor(() => expect(field(dialog, /^Мера поощрения/).getAttribute("aria-invalid")).toBe("true"));
    expect(within(dialog).getAllByText("Выберите меру поощрения", { selector: "li, .field-error" })).toHaveLength(2);

    fireEvent.change(field(dialog, /^Мера поощрения/), { target: { value: "best_mentor" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Записать поощрение" }));
    await waitFor(() => expect(picker.getAttribute("aria-invalid")).toBe("true"));
    expect(within(dialog).getAllByText("Поощрение записывается наставнику: участник не отмечен как наставник")).toHaveLength(2);

    fireEvent.click(within(dialog).getByRole("button", { name: "Записать поощрение" }));
    await screen.findByText(`Поощрение записано: Сертификат «Лучший наставник», 01.04.${thisYear}`);
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    const body = { participantId: "ptc_3", level: "regional", date: `${thisYear}-04-01`, basis: "Приказ № 12" };
    expect(rewardCalls(calls)).toEqual([
      ["POST", "/api/rewards", { measure: "", level: "", date: todayIso() }],
      ["POST", "/api/rewards", { ...body, measure: "" }],
      ["POST", "/api/rewards", { ...body, measure: "best_mentor" }],
      ["POST", "/api/rewards", { ...body, measure: "best_mentor" }],
    ]);
    await waitFor(() => expect(listed).toHaveLength(2));
  });

  it("says when the search finds no one, and when it shows only the first mentors", async () => {
    open([], {
      "GET /api/participants": (_body, url) =>
        url.searchParams.get("q")
          ? { status: 200, body: { items: [], cursor: null } }
          : { status: 200, body: { items: mentors, cursor: "ptc_3" } },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Записать поощрение" }));
    const dialog = await screen.findByRole("dialog", { name: "Новое поощрение" });
    expect(await within(dialog).findByText("Показаны первые 3 наставника по алфавиту: уточните поиск, чтобы найти остальных")).toBeTruthy();
    fireEvent.change(field(dialog, /^Найти наставника/), { target: { value: "Ъ" } });
    expect(await within(dialog).findByText("Наставники не найдены: измените запрос")).toBeTruthy();
    expect(options(field(dialog, /^Наставник/))).toEqual(["Выберите наставника"]);
  });

  it("edits a reward: its mentor is shown, not changed; the fields go with the version (a cleared one is left out)", async () => {
    const { calls } = open(all, {
      "PUT /api/rewards/rwd_1": (body) => ({ status: 200, body: saved(body, certificate, 3) }),
    });
    fireEvent.click(await buttonIn(certificate, "Изменить"));
    const dialog = await screen.findByRole("dialog", { name: "Изменить запись о поощрении" });
    expect(within(dialog).getByText("Наставник:").parentElement?.textContent).toBe("Наставник: Иванова Мария Сергеевна");
    expect(within(dialog).queryByLabelText(/^Найти наставника/)).toBeNull();
    expect(field(dialog, /^Мера поощрения/).value).toBe("certificate");
    expect(field(dialog, /^Уровень/).value).toBe("municipal");
    expect(field(dialog, /^Дата/).value).toBe(formatDate(certificate.date));
    expect(field(dialog, /^Основание/).value).toBe(certificate.basis);
    expect(field(dialog, /^Примечание/).value).toBe(certificate.note);

    fireEvent.change(field(dialog, /^Уровень/), { target: { value: "regional" } });
    fireEvent.change(field(dialog, /^Основание/), { target: { value: " " } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить изменения" }));

    await screen.findByText("Запись о поощрении сохранена: Иванова Мария Сергеевна, Грамота");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(rewardCalls(calls)).toEqual([
      [
        "PUT",
        "/api/rewards/rwd_1",
        { measure: "certificate", level: "regional", date: certificate.date, note: certificate.note, version: 2 },
      ],
    ]);
  });

  it("on a stale version shows the message and the current reward, and saves on top of it", async () => {
    const { fullName: _name, ...info } = certificate;
    const current = { ...info, measure: "thank_letter", date: `${thisYear}-05-20`, version: 3 };
    let saves = 0;
    const { calls } = open([certificate], {
      "PUT /api/rewards/rwd_1": (body) =>
        ++saves === 1 ? staleVersionAnswer(current) : { status: 200, body: { ...current, ...(body as object), version: 4 } },
    });
    fireEvent.click(await buttonIn(certificate, "Изменить"));
    const dialog = await screen.findByRole("dialog", { name: "Изменить запись о поощрении" });
    fireEvent.change(field(dialog, /^Уровень/), { target: { value: "federal" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить изменения" }));

    expect((await within(dialog).findByRole("alert")).textContent).toContain(STALE_VERSION_MESSAGE);
    expect(within(dialog).getByText("В форме — актуальная запись о поощрении. Внесите изменения ещё раз и сохраните.")).toBeTruthy();
    expect(field(dialog, /^Мера поощрения/).value).toBe("thank_letter");
    expect(field(dialog, /^Дата/).value).toBe(`20.05.${thisYear}`);
    expect(field(dialog, /^Уровень/).value).toBe("municipal");

    fireEvent.change(field(dialog, /^Уровень/), { target: { value: "federal" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить изменения" }));
    await screen.findByText("Запись о поощрении сохранена: Иванова Мария Сергеевна, Благодарственное письмо");
    expect(rewardCalls(calls).map(([, , body]) => body)).toMatchObject([
      { measure: "certificate", level: "federal", version: 2 },
      { measure: "thank_letter", level: "federal", date: `${thisYear}-05-20`, version: 3 },
    ]);
  });

  it("deletes a reward after confirmation, naming its version; after a stale version it deletes the current one", async () => {
    const { fullName: _name, ...info } = certificate;
    const versions: (string | null)[] = [];
    const { calls, listed } = open(all, {
      "DELETE /api/rewards/rwd_1": (_body, url) => {
        versions.push(url.searchParams.get("version"));
        return versions.length === 1
          ? staleVersionAnswer({ ...info, measure: "thank_letter", version: 3 })
          : { status: 200, body: { ok: true } };
      },
    });
    fireEvent.click(await buttonIn(certificate, "Удалить"));
    const dialog = await screen.findByRole("dialog", { name: "Удалить запись о поощрении?" });
    expect(
      within(dialog).getByText(
        `Запись о поощрении «Грамота» от 15.05.${thisYear} (наставник — Иванова Мария Сергеевна) будет удалена без возможности восстановления.`,
      ),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Удалить" }));

    expect((await within(dialog).findByRole("alert")).textContent).toContain(STALE_VERSION_MESSAGE);
    expect(within(dialog).getByText("Список обновлён. Подтвердите ещё раз, если решение в силе.")).toBeTruthy();
    // The current record is shown, its mentor's name kept from the list.
    expect(
      within(dialog).getByText(/^Запись о поощрении «Благодарственное письмо» .* \(наставник — Иванова Мария Сергеевна\)/),
    ).toBeTruthy();
    await waitFor(() => expect(listed).toHaveLength(2));
    fireEvent.click(within(dialog).getByRole("button", { name: "Удалить" }));

    await screen.findByText("Запись о поощрении удалена: Иванова Мария Сергеевна, Благодарственное письмо");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(rewardCalls(calls)).toEqual([
      ["DELETE", "/api/rewards/rwd_1", undefined],
      ["DELETE", "/api/rewards/rwd_1", undefined],
    ]);
    expect(versions).toEqual(["2", "3"]);
  });
});
