// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderPage, signedInAs } from "../../test-signed-in";
import { fakeApi } from "../../test-support";
import PairPage from "./PairPage";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const page = {
  pair: {
    pairId: "pair_1",
    form: "teacher_teacher",
    mentorId: "prt_mentor",
    menteeIds: ["prt_mentee"],
    startDate: "2026-09-01",
    endDate: "2027-05-31",
    status: "active",
    activatedAt: "2026-09-02T09:00:00.000Z",
    createdAt: "2026-09-01T09:00:00.000Z",
    updatedAt: "2026-09-02T09:00:00.000Z",
    version: 2,
    kind: "pair",
    members: [
      { participantId: "prt_mentor", role: "mentor", name: "Петрова А. А.", minor: false, consent: "signed" },
      { participantId: "prt_mentee", role: "mentee", name: "Иванов И. И.", minor: false, consent: "signed" },
    ],
    inactive: false,
    problems: [],
  },
  plan: { pairId: "pair_1", goals: [], tasks: [], updatedAt: "2026-09-02T09:00:00.000Z", version: 1 },
  meetings: [],
};

describe("the individual plan", () => {
  it("refuses a task's impossible due date even when an untitled task comes before it", async () => {
    const calls = fakeApi({ ...signedInAs("curator"), "GET /api/pairs/pair_1": () => ({ status: 200, body: page }) });
    renderPage(<PairPage />, { path: "/pairs/pair_1", route: "/pairs/:pairId" });
    fireEvent.click(await screen.findByRole("button", { name: "Редактировать план" }));
    const dialog = await screen.findByRole("dialog", { name: "Индивидуальный план" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Добавить задачу" }));
    fireEvent.click(within(dialog).getByRole("button", { name: "Добавить задачу" }));
    const [, second] = within(dialog).getAllByRole("group");
    fireEvent.change(within(second as HTMLElement).getByLabelText("Задача"), { target: { value: "Подготовить выступление" } });
    fireEvent.change(within(second as HTMLElement).getByLabelText("Срок"), { target: { value: "31.02.2027" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить план" }));
    expect((await within(dialog).findByRole("alert")).textContent).toContain("Сроки задач");
    expect(calls.filter((call) => call.method === "PUT")).toEqual([]);
  });

  it("the curator extends the pair and adds a note, sent with the version the page showed", async () => {
    const calls = fakeApi({
      ...signedInAs("curator"),
      "GET /api/pairs/pair_1": () => ({ status: 200, body: page }),
      "PUT /api/pairs/pair_1": () => ({ status: 200, body: { ...page, pair: { ...page.pair, endDate: "2027-06-30", note: "Продлена" } } }),
    });
    renderPage(<PairPage />, { path: "/pairs/pair_1", route: "/pairs/:pairId" });
    fireEvent.click(await screen.findByRole("button", { name: "Изменить сроки и примечание" }));
    const dialog = await screen.findByRole("dialog", { name: "Сроки и примечание" });
    fireEvent.change(within(dialog).getByLabelText(/^Окончание/), { target: { value: "30.06.2027" } });
    fireEvent.change(within(dialog).getByLabelText(/^Примечание/), { target: { value: "Продлена" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить" }));
    await screen.findByText("Сроки и примечание сохранены");
    expect(calls.find((call) => call.method === "PUT")?.body).toEqual({
      form: "teacher_teacher",
      startDate: "2026-09-01",
      endDate: "2027-06-30",
      note: "Продлена",
      version: 2,
    });
    expect(screen.getByText("Продлена")).toBeTruthy();
  });

  it("the curator corrects a diary entry: its fields come filled in and go back with the entry's version", async () => {
    const meeting = {
      meetingId: "mtg_1",
      pairId: "pair_1",
      date: "2026-10-01",
      stage: "introduction",
      durationMinutes: 45,
      notes: "Познакомились",
      createdAt: "2026-10-01T15:00:00.000Z",
      updatedAt: "2026-10-01T15:00:00.000Z",
      version: 1,
    };
    const calls = fakeApi({
      ...signedInAs("curator"),
      "GET /api/pairs/pair_1": () => ({ status: 200, body: { ...page, meetings: [meeting] } }),
      "PUT /api/pairs/pair_1/meetings/mtg_1": () => ({ status: 200, body: { ...page, meetings: [{ ...meeting, durationMinutes: 60 }] } }),
    });
    renderPage(<PairPage />, { path: "/pairs/pair_1", route: "/pairs/:pairId" });
    fireEvent.click(await screen.findByRole("button", { name: "Изменить запись о встрече 01.10.2026" }));
    const dialog = await screen.findByRole("dialog", { name: "Запись о встрече" });
    expect((within(dialog).getByLabelText(/^Заметки/) as HTMLInputElement).value).toBe("Познакомились");
    fireEvent.change(within(dialog).getByLabelText(/^Длительность/), { target: { value: "60" } });
    fireEvent.change(within(dialog).getByLabelText(/^Формат/), { target: { value: "remote" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить" }));
    await screen.findByText("Запись о встрече исправлена");
    expect(calls.find((call) => call.method === "PUT")?.body).toEqual({
      date: "2026-10-01",
      stage: "introduction",
      durationMinutes: 60,
      format: "remote",
      notes: "Познакомились",
      version: 1,
    });
  });
});
