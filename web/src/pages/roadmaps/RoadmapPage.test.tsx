// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Role } from "../../api/types";
import {
  STALE_VERSION_MESSAGE,
  fakeApi,
  fieldErrorOf,
  isIsoDate,
  staleVersionAnswer,
  summaryOf,
  validating,
  writes,
} from "../../test-support";
import { renderPage, signedInAs } from "../../test-signed-in";
import { App } from "../../App";
import RoadmapPage from "./RoadmapPage";
import type { RoadmapDetail, RoadmapItem, RoadmapSection } from "./types";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const notEmpty = "В разделе есть мероприятия: перенесите или удалите их";

const item: RoadmapItem = {
  itemId: "itm_1",
  roadmapId: "rm_1",
  sectionId: "sec_1",
  position: "a0",
  number: "1.1",
  name: "Приказ о внедрении ЦМН",
  deadlineText: "до 01.10.2026",
  deadlineKind: "date",
  deadlineLabel: "до 01.10.2026",
  executorUserIds: [],
  status: "planned",
  occurrences: [{ key: "2026-10-01", due: "2026-10-01", status: "planned", overdue: false }],
  nextDue: "2026-10-01",
  overdue: false,
  dueThisMonth: false,
  doneOnTime: false,
  updatedAt: "2026-09-01T09:00:00.000Z",
  version: 1,
};

const section = (sectionId: string, number: string, title: string, items: RoadmapItem[] = [], version = 1): RoadmapSection => ({
  sectionId,
  number,
  title,
  position: sectionId,
  version,
  items,
});

const roadmap = (sections: RoadmapSection[], status: RoadmapDetail["status"] = "draft"): RoadmapDetail => ({
  roadmapId: "rm_1",
  tenantId: "org_1",
  title: "Дорожная карта на 2026/27 учебный год",
  period: "2026/27 учебный год",
  periodStart: "2026-09-01",
  periodEnd: "2027-08-31",
  status,
  createdAt: "2026-09-01T09:00:00.000Z",
  updatedAt: "2026-09-01T09:00:00.000Z",
  version: 1,
  today: "2026-09-15",
  progress: {
    active: 1,
    total: 1,
    done: 0,
    doneOnTime: 0,
    overdue: 0,
    dueThisMonth: 0,
    cancelled: 0,
    donePercent: 0,
    doneOnTimePercent: 0,
    overduePercent: 0,
    dueThisMonthPercent: 0,
  },
  sections,
  unsectioned: [],
});

const normative = section("sec_1", "1", "Нормативное обеспечение", [item]);
const extra = section("sec_2", "2", "Дополнительные мероприятия");

function open(role: Role, routes: Parameters<typeof fakeApi>[0]) {
  const calls = fakeApi({ ...signedInAs(role), ...routes });
  renderPage(<RoadmapPage />, { path: "/roadmaps/rm_1", route: "/roadmaps/:roadmapId" });
  return calls;
}

const loads = (calls: { method: string; path: string }[]) =>
  calls.filter((c) => c.method === "GET" && c.path === "/api/roadmaps/rm_1").length;

describe("roadmap sections", () => {
  it("a curator adds a section and moves it up; the moved section keeps the keyboard focus", async () => {
    let current = roadmap([normative]);
    const calls = open("curator", {
      "GET /api/roadmaps/rm_1": () => ({ status: 200, body: current }),
      "POST /api/roadmaps/rm_1/sections": (body) => {
        current = roadmap([normative, section("sec_2", "2", (body as { title: string }).title)]);
        return { status: 201, body: current.sections[1] };
      },
      "PATCH /api/roadmaps/rm_1/sections/sec_2": () => {
        current = roadmap([section("sec_2", "2", "Дополнительные мероприятия", [], 2), normative]);
        return { status: 200, body: current.sections[0] };
      },
    });

    fireEvent.click(await screen.findByRole("button", { name: "Добавить раздел" }));
    const dialog = await screen.findByRole("dialog", { name: "Новый раздел" });
    expect((within(dialog).getByLabelText(/№ раздела/) as HTMLInputElement).value).toBe("2");
    fireEvent.change(within(dialog).getByLabelText(/Название раздела/), { target: { value: "Дополнительные мероприятия" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Добавить раздел" }));
    expect((await screen.findByRole("status")).textContent).toContain("Раздел «Дополнительные мероприятия» добавлен");
    expect(calls.find((c) => c.path === "/api/roadmaps/rm_1/sections")?.body).toEqual({ number: "2", title: "Дополнительные мероприятия" });

    fireEvent.click(await screen.findByRole("button", { name: "Переместить раздел 2 выше" }));
    await vi.waitFor(() => expect(screen.getByRole("status").textContent).toContain("Раздел 2 перемещён выше"));
    expect(calls.find((c) => c.method === "PATCH")?.body).toEqual({ version: 1, index: 0 });
    // At the top its «up» button is disabled: the focus stays on the section, on «down».
    await vi.waitFor(() => expect(document.activeElement?.getAttribute("aria-label")).toBe("Переместить раздел 2 ниже"));
    const headings = screen.getAllByRole("columnheader").filter((cell) => cell.getAttribute("scope") === "colgroup");
    expect(headings.map((cell) => cell.textContent?.slice(0, 5))).toEqual(["2. До", "1. Но"]);
  });

  it("shows the server's message when a section with items is removed, and reloads the roadmap", async () => {
    const calls = open("curator", {
      "GET /api/roadmaps/rm_1": () => ({ status: 200, body: roadmap([normative, extra]) }),
      "DELETE /api/roadmaps/rm_1/sections/sec_1": () => ({
        status: 409,
        body: { error: { code: "roadmap.section_not_empty", message: notEmpty } },
      }),
    });
    fireEvent.click(await screen.findByRole("button", { name: "Удалить раздел 1" }));
    const dialog = await screen.findByRole("dialog", { name: "Удалить раздел?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Удалить раздел" }));
    expect((await within(dialog).findByRole("alert")).textContent).toContain(notEmpty);
    await vi.waitFor(() => expect(loads(calls)).toBe(2));
  });

  it("renaming on a stale version shows the message and the current section, reloads, and saves on top of it", async () => {
    let saves = 0;
    const calls = open("curator", {
      "GET /api/roadmaps/rm_1": () => ({ status: 200, body: roadmap([normative, extra]) }),
      "PATCH /api/roadmaps/rm_1/sections/sec_2": (body) =>
        ++saves === 1
          ? staleVersionAnswer({ ...extra, items: undefined, title: "Мероприятия от коллеги", version: 3 })
          : { status: 200, body: { ...extra, ...(body as object), version: 4 } },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Изменить раздел 2" }));
    const dialog = await screen.findByRole("dialog", { name: "Изменить раздел" });
    fireEvent.change(within(dialog).getByLabelText(/№ раздела/), { target: { value: "7" } });
    fireEvent.change(within(dialog).getByLabelText(/Название раздела/), { target: { value: "Мероприятия региона" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить" }));

    expect((await within(dialog).findByRole("alert")).textContent).toContain(STALE_VERSION_MESSAGE);
    expect((within(dialog).getByLabelText(/Название раздела/) as HTMLTextAreaElement).value).toBe("Мероприятия от коллеги");
    expect(calls.find((c) => c.method === "PATCH")?.body).toEqual({ version: 1, number: "7", title: "Мероприятия региона" });
    await vi.waitFor(() => expect(loads(calls)).toBe(2));

    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить" }));
    await vi.waitFor(() => expect(calls.filter((c) => c.method === "PATCH")).toHaveLength(2));
    expect(calls.filter((c) => c.method === "PATCH")[1]?.body).toEqual({ version: 3, number: "2", title: "Мероприятия от коллеги" });
  });

  it("no section controls for an institution viewer, nor on an archived roadmap", async () => {
    open("institution_viewer", { "GET /api/roadmaps/rm_1": () => ({ status: 200, body: roadmap([normative]) }) });
    await screen.findByRole("heading", { name: "Дорожная карта на 2026/27 учебный год" });
    expect(screen.queryByRole("button", { name: "Добавить раздел" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Изменить раздел 1" })).toBeNull();
    cleanup();

    open("curator", { "GET /api/roadmaps/rm_1": () => ({ status: 200, body: roadmap([normative], "archived") }) });
    await screen.findByText(/Дорожная карта в архиве: разделы и мероприятия изменить нельзя/);
    expect(screen.queryByRole("button", { name: "Добавить раздел" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Переместить раздел 1 ниже" })).toBeNull();
  });
});

describe("roadmap items without a number", () => {
  it("are named by their name in the labels of their controls, so that each label is different", async () => {
    const first = { ...item, number: undefined, name: "Приказ о внедрении ЦМН" };
    const second = { ...item, itemId: "itm_2", position: "a1", number: undefined, name: "Положение о наставничестве\nс приложениями" };
    open("curator", {
      "GET /api/roadmaps/rm_1": () => ({ status: 200, body: roadmap([section("sec_1", "1", "Нормативное", [first, second])]) }),
    });
    expect(await screen.findByRole("button", { name: "Изменить мероприятие «Приказ о внедрении ЦМН»" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Переместить мероприятие «Приказ о внедрении ЦМН» ниже" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Переместить мероприятие «Положение о наставничестве» выше" })).toBeTruthy();
    expect(screen.getByLabelText("Статус мероприятия «Положение о наставничестве»")).toBeTruthy();
    const moves = screen.getAllByRole("button", { name: /^Переместить мероприятие/ }).map((b) => b.getAttribute("aria-label"));
    expect(new Set(moves).size).toBe(moves.length);

    fireEvent.click(screen.getByRole("button", { name: "Изменить мероприятие «Положение о наставничестве»" }));
    expect(await screen.findByRole("dialog", { name: "Мероприятие «Положение о наставничестве»" })).toBeTruthy();
  });
});

describe("the roadmap's forms", () => {
  it("a new section shows every field's problem at once, the form's (no title) with the server's, and saves nothing", async () => {
    const calls = open("curator", {
      "GET /api/roadmaps/rm_1": () => ({ status: 200, body: roadmap([normative]) }),
      "POST /api/roadmaps/rm_1/sections": validating((sent) => [
        ...(String(sent.number).length > 20 ? [{ path: "number", message: "Поле «№ раздела» длиннее 20 символов" }] : []),
        ...(sent.title ? [] : [{ path: "title", message: "Заполните поле «Название раздела»" }]),
      ]),
    });
    fireEvent.click(await screen.findByRole("button", { name: "Добавить раздел" }));
    const dialog = await screen.findByRole("dialog", { name: "Новый раздел" });
    fireEvent.change(within(dialog).getByLabelText(/№ раздела/), { target: { value: "Раздел второй, дополнительный" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Добавить раздел" }));
    await waitFor(() => expect(summaryOf(dialog)).toEqual(["Поле «№ раздела» длиннее 20 символов", "Заполните поле «Название раздела»"]));
    expect(fieldErrorOf(dialog, /№ раздела/)).toBe("Поле «№ раздела» длиннее 20 символов");
    expect(fieldErrorOf(dialog, /Название раздела/)).toBe("Заполните поле «Название раздела»");
    expect(calls.filter((c) => c.path === "/api/roadmaps/rm_1/sections")).toMatchObject([{ validateOnly: true }]);
    expect(writes(calls)).toEqual([]);
  });

  it("an item's edit shows every field's problem at once, a completion date that does not exist with the server's, and saves nothing", async () => {
    const done: RoadmapItem = {
      ...item,
      status: "done",
      occurrences: [{ key: "2026-10-01", due: "2026-10-01", status: "done", completedAt: "2026-09-20", overdue: false }],
    };
    const calls = open("curator", {
      "GET /api/roadmaps/rm_1": () => ({ status: 200, body: roadmap([section("sec_1", "1", "Нормативное обеспечение", [done])]) }),
      "PATCH /api/roadmaps/rm_1/items/itm_1": validating((sent) => [
        ...(sent.name ? [] : [{ path: "name", message: "Заполните поле «Наименование мероприятия»" }]),
        ...(sent.completedAt === undefined || isIsoDate(sent.completedAt)
          ? []
          : [{ path: "completedAt", message: "Поле «Дата выполнения»: укажите существующую дату в формате ДД.ММ.ГГГГ" }]),
      ]),
    });
    fireEvent.click(await screen.findByRole("button", { name: "Изменить мероприятие 1.1" }));
    const dialog = await screen.findByRole("dialog", { name: "Мероприятие 1.1" });
    fireEvent.change(within(dialog).getByLabelText(/^Наименование мероприятия/), { target: { value: "" } });
    fireEvent.change(within(dialog).getByLabelText(/^Дата выполнения/), { target: { value: "31.09.2026" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить" }));
    const dateMessage = "Дата выполнения: укажите существующую дату в формате ДД.ММ.ГГГГ";
    await waitFor(() => expect(summaryOf(dialog)).toEqual(["Заполните поле «Наименование мероприятия»", dateMessage]));
    expect(fieldErrorOf(dialog, /^Наименование мероприятия/)).toBe("Заполните поле «Наименование мероприятия»");
    expect(fieldErrorOf(dialog, /^Дата выполнения/)).toBe(dateMessage);
    expect(calls.filter((c) => c.method === "PATCH")).toMatchObject([
      { validateOnly: true, body: { version: 1, completedAt: "31.09.2026" } },
    ]);
    expect(writes(calls)).toEqual([]);
  });
});

describe("a link to a roadmap's item (as the reminder letters give)", () => {
  it("opened signed out, comes back to the item after sign-in, #fragment included, and scrolls it into view", async () => {
    let session = false;
    const signedIn = signedInAs("curator");
    fakeApi({
      "POST /api/auth/refresh": () =>
        session ? signedIn["POST /api/auth/refresh"]() : { status: 401, body: { error: { code: "auth.no_session", message: "" } } },
      "POST /api/auth/login": () => {
        session = true;
        return { status: 200, body: { accessToken: "test-token", expiresIn: 900 } };
      },
      "GET /api/auth/me": signedIn["GET /api/auth/me"],
      "GET /api/roadmaps/rm_1": () => ({ status: 200, body: roadmap([normative]) }),
    });
    const scrolled = vi.spyOn(Element.prototype, "scrollIntoView");
    try {
      window.history.pushState({}, "", "/roadmaps/rm_1#item-itm_1");
      render(<App />);
      fireEvent.change(await screen.findByLabelText(/Электронная почта/), { target: { value: "curator1@demo.local" } });
      fireEvent.change(screen.getByLabelText(/^Пароль/), { target: { value: "demo-password-1" } });
      fireEvent.click(screen.getByRole("button", { name: "Войти" }));

      await screen.findByRole("heading", { level: 1, name: "Дорожная карта на 2026/27 учебный год" });
      expect(window.location.pathname + window.location.hash).toBe("/roadmaps/rm_1#item-itm_1");
      await waitFor(() => expect(scrolled.mock.contexts).toContain(document.getElementById("item-itm_1")));
      // The page's title names the roadmap, under its section.
      await waitFor(() => expect(document.title).toBe("Дорожная карта на 2026/27 учебный год — Дорожные карты — ЦМН"));
    } finally {
      scrolled.mockRestore();
      window.history.pushState({}, "", "/");
    }
  });
});
