// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Role } from "../../api/types";
import { renderPage, signedInAs } from "../../test-signed-in";
import { fakeApi, invalidFieldsAnswer } from "../../test-support";
import RegionPracticesPage from "./RegionPracticesPage";
import type { RegionPractice } from "./types";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const school: RegionPractice = {
  tenantId: "tnt_school",
  institutionName: "МБОУ СОШ № 1",
  practiceId: "prc_1",
  title: "Нетворкинг «Твой результат — мои возможности»",
  description: "Цель: познакомить наставников и наставляемых.",
  form: "student_pupil",
  authors: "Петрова А. И. и её наставляемые",
  sourceEvent: "Круглый стол",
  siteUrl: "https://school1.example.ru/practices/networking",
  status: "sent",
  sentAt: "2026-12-10T09:00:00.000Z",
  createdAt: "2026-11-20T09:00:00.000Z",
  updatedAt: "2026-12-10T09:00:00.000Z",
  version: 3,
};
const college: RegionPractice = {
  tenantId: "tnt_college",
  institutionName: "ГБПОУ «Колледж связи»",
  practiceId: "prc_2",
  title: "Работодатель — студенту",
  description: "Наставники с предприятий ведут студентов на практике.",
  form: "employer_student",
  status: "sent",
  sentAt: "2026-12-12T09:00:00.000Z",
  createdAt: "2026-11-01T09:00:00.000Z",
  updatedAt: "2026-12-12T09:00:00.000Z",
  version: 2,
};
const published: RegionPractice = {
  ...school,
  practiceId: "prc_3",
  title: "Подготовка к олимпиадам в паре",
  form: "pupil_pupil",
  status: "published",
  sentAt: "2026-12-02T09:00:00.000Z",
  publishedAt: "2026-12-18T09:00:00.000Z",
  platformUrl: "https://rnc.example.ru/practices/3",
  version: 4,
};
const all = [school, college, published];

function open(practices: RegionPractice[], routes: Parameters<typeof fakeApi>[0] = {}, role: Role = "region_admin") {
  const calls = fakeApi({
    ...signedInAs(role),
    "GET /api/practices/region": () => ({ status: 200, body: { items: practices } }),
    ...routes,
  });
  renderPage(<RegionPracticesPage />, { path: "/region/practices" });
  return calls;
}

const reviewCalls = (calls: ReturnType<typeof fakeApi>) =>
  calls.filter((call) => call.path.startsWith("/api/practices/region/")).map((call) => [call.method, call.path, call.body]);
const listLoads = (calls: ReturnType<typeof fakeApi>) =>
  calls.filter((call) => call.method === "GET" && call.path === "/api/practices/region").length;
const field = (dialog: HTMLElement, label: RegExp) => within(dialog).getByLabelText(label) as HTMLInputElement;
const whose = (practice: RegionPractice) => `практику «${practice.title}», ${practice.institutionName}`;

describe("the region's best practices", () => {
  it("lists the practices waiting for the centre, then the published ones, with what the decision needs", async () => {
    open(all);
    const waiting = await screen.findByRole("table", { name: "Практики, ждущие решения РНЦ" });
    expect(screen.getByRole("heading", { name: "Ждут решения РНЦ: 2 практики" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Опубликованы: 1 практика" })).toBeTruthy();
    expect(
      within(waiting)
        .getAllByRole("columnheader")
        .map((cell) => cell.textContent),
    ).toEqual(["Организация", "Практика", "Отправлена", "Действия"]);
    const row = within(waiting).getByRole("row", { name: /^МБОУ СОШ № 1 Нетворкинг/ });
    for (const text of [
      "Студент – ученик",
      "Авторы: Петрова А. И. и её наставляемые",
      "Где представлена: Круглый стол",
      "10.12.2026",
      "Цель: познакомить наставников и наставляемых.",
    ])
      expect(within(row).getByText(text)).toBeTruthy();
    expect(
      within(row)
        .getByRole("link", { name: `Страница на сайте организации — «${school.title}»` })
        .getAttribute("href"),
    ).toBe(school.siteUrl);

    const done = screen.getByRole("table", { name: "Опубликованные практики" });
    const doneRow = within(done).getByRole("row", { name: /Подготовка к олимпиадам в паре/ });
    expect(within(doneRow).getByText("18.12.2026")).toBeTruthy();
    expect(
      within(doneRow)
        .getByRole("link", { name: `На платформе — «${published.title}»` })
        .getAttribute("href"),
    ).toBe(published.platformUrl);
    expect(within(done).queryByRole("button")).toBeNull();
  });

  it("a region viewer reads the list without the centre's decisions", async () => {
    open(all, {}, "region_viewer");
    const waiting = await screen.findByRole("table", { name: "Практики, ждущие решения РНЦ" });
    expect(
      within(waiting)
        .getAllByRole("columnheader")
        .map((cell) => cell.textContent),
    ).toEqual(["Организация", "Практика", "Отправлена"]);
    expect(screen.queryAllByRole("button")).toEqual([]);
  });

  it("publishes a practice at the address asked for; the server's field error is shown at the field", async () => {
    let saves = 0;
    const calls = open(all, {
      "POST /api/practices/region/tnt_school/prc_1/publish": (body) =>
        ++saves === 1
          ? invalidFieldsAnswer([{ path: "platformUrl", message: "Ссылка должна начинаться с http:// или https://" }])
          : { status: 200, body: { ...school, ...(body as object), status: "published", version: 4 } },
    });
    fireEvent.click(await screen.findByRole("button", { name: `Опубликовать ${whose(school)}` }));
    const dialog = await screen.findByRole("dialog", { name: "Опубликовать практику" });
    expect(field(dialog, /^Ссылка на публикацию/).required).toBe(true);
    fireEvent.change(field(dialog, /^Ссылка на публикацию/), { target: { value: "rnc.example.ru/practices/1" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Опубликовать" }));

    await within(dialog).findByRole("alert");
    expect(field(dialog, /^Ссылка на публикацию/).getAttribute("aria-invalid")).toBe("true");

    fireEvent.change(field(dialog, /^Ссылка на публикацию/), { target: { value: " https://rnc.example.ru/practices/1 " } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Опубликовать" }));
    await screen.findByText(`Практика «${school.title}» опубликована`);
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(reviewCalls(calls)).toEqual([
      ["POST", "/api/practices/region/tnt_school/prc_1/publish", { platformUrl: "rnc.example.ru/practices/1", version: 3 }],
      ["POST", "/api/practices/region/tnt_school/prc_1/publish", { platformUrl: "https://rnc.example.ru/practices/1", version: 3 }],
    ]);
    await waitFor(() => expect(listLoads(calls)).toBe(2));
  });

  it("returns a practice to its institution with a comment", async () => {
    const calls = open(all, {
      "POST /api/practices/region/tnt_college/prc_2/return": (body) => ({
        status: 200,
        body: { ...college, status: "draft", returnComment: (body as { comment: string }).comment, version: 3 },
      }),
    });
    fireEvent.click(await screen.findByRole("button", { name: `Вернуть на доработку ${whose(college)}` }));
    const dialog = await screen.findByRole("dialog", { name: "Вернуть практику на доработку" });
    expect(field(dialog, /^Комментарий для организации/).tagName).toBe("TEXTAREA");
    fireEvent.change(field(dialog, /^Комментарий для организации/), { target: { value: "Добавьте результаты анкетирования" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Вернуть на доработку" }));

    await screen.findByText(`Практика «${college.title}» возвращена на доработку`);
    expect(reviewCalls(calls)).toEqual([
      ["POST", "/api/practices/region/tnt_college/prc_2/return", { comment: "Добавьте результаты анкетирования", version: 2 }],
    ]);
    await waitFor(() => expect(listLoads(calls)).toBe(2));
  });

  it("when another administrator decided first, says so and reloads the list", async () => {
    const message = "Практика уже опубликована на платформе РНЦ";
    const calls = open(all, {
      "POST /api/practices/region/tnt_school/prc_1/return": () => ({
        status: 409,
        body: { error: { code: "practice.already_published", message, details: { current: published } } },
      }),
    });
    fireEvent.click(await screen.findByRole("button", { name: `Вернуть на доработку ${whose(school)}` }));
    const dialog = await screen.findByRole("dialog", { name: "Вернуть практику на доработку" });
    fireEvent.change(field(dialog, /^Комментарий для организации/), { target: { value: "Уточните авторов" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Вернуть на доработку" }));

    expect((await within(dialog).findByRole("alert")).textContent).toContain(message);
    await waitFor(() => expect(listLoads(calls)).toBe(2));
  });

  it("says where practices come from while none were sent", async () => {
    open([]);
    await screen.findByText("Организации пока не отправляли практик");
    expect(screen.getByText(/до 20 декабря вместе с итоговым сборником/)).toBeTruthy();
  });
});
