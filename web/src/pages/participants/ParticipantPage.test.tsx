// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { formatDate, todayIso } from "../../lib/format";
import { renderPage, signedInAs } from "../../test-signed-in";
import { fakeApi, fieldErrorOf, isIsoDate, summaryOf, validating, writes } from "../../test-support";
import { App } from "../../App";
import ParticipantPage from "./ParticipantPage";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const card = {
  participant: {
    participantId: "prt_1",
    fullName: "Петров Пётр Петрович",
    birthDate: "1985-02-03",
    category: "teacher",
    isMentor: false,
    isMentee: true,
    status: "active",
    minor: false,
    activeMentees: 0,
    sensitiveFlags: [],
    version: 2,
  },
  consents: [{ consentId: "cns_1", signerKind: "self", signedAt: "2026-09-01", document: "Согласие № 7", active: true }],
  pairs: [],
};

describe("a participant's card", () => {
  it("a consent withdrawn on paper earlier is recorded with the day it was withdrawn (today by default)", async () => {
    const calls = fakeApi({
      ...signedInAs("curator"),
      "GET /api/participants/prt_1": () => ({ status: 200, body: card }),
      "POST /api/participants/prt_1/consents/cns_1/withdraw": () => ({
        status: 200,
        body: { ...card, participant: { ...card.participant, status: "restricted" } },
      }),
    });
    renderPage(<ParticipantPage />, { path: "/participants/prt_1", route: "/participants/:participantId" });
    fireEvent.click(await screen.findByRole("button", { name: "Отозвать" }));
    const dialog = await screen.findByRole("dialog", { name: "Отозвать согласие?" });
    const date = within(dialog).getByLabelText(/^Дата отзыва/) as HTMLInputElement;
    expect(date.value).toBe(formatDate(todayIso()));
    fireEvent.change(date, { target: { value: "10.11.2026" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Отозвать согласие" }));
    const withdrawal = () => calls.find((call) => call.path === "/api/participants/prt_1/consents/cns_1/withdraw");
    await waitFor(() => expect(withdrawal()).toBeDefined());
    expect(withdrawal()?.body).toEqual({ withdrawnAt: "2026-11-10" });
  });

  it("the curator can download everything stored about the person as a workbook or as JSON", async () => {
    fakeApi({ ...signedInAs("curator"), "GET /api/participants/prt_1": () => ({ status: 200, body: card }) });
    renderPage(<ParticipantPage />, { path: "/participants/prt_1", route: "/participants/:participantId" });
    expect((await screen.findByRole("link", { name: "Выгрузить данные (XLSX)" })).getAttribute("href")).toBe(
      "/api/participants/prt_1/export?format=xlsx",
    );
    expect(screen.getByRole("link", { name: "Выгрузить данные (JSON)" }).getAttribute("href")).toBe(
      "/api/participants/prt_1/export?format=json",
    );
  });

  it("a mentor's card lists their rewards, the latest first; a mentee's card asks for none", async () => {
    const mentorCard = { ...card, participant: { ...card.participant, isMentor: true, isMentee: false, capacity: 2 } };
    const asked: (string | null)[] = [];
    const calls = fakeApi({
      ...signedInAs("institution_viewer"),
      "GET /api/participants/prt_1": () => ({ status: 200, body: mentorCard }),
      "GET /api/rewards": (_body, url) => {
        asked.push(url.searchParams.get("participantId"));
        return {
          status: 200,
          body: {
            items: [
              {
                rewardId: "rwd_2",
                participantId: "prt_1",
                fullName: "Петров Пётр Петрович",
                measure: "certificate",
                level: "regional",
                date: "2026-05-15",
                basis: "Приказ министерства № 12",
                createdAt: "2026-05-15T09:00:00.000Z",
                updatedAt: "2026-05-15T09:00:00.000Z",
                version: 1,
              },
              {
                rewardId: "rwd_1",
                participantId: "prt_1",
                fullName: "Петров Пётр Петрович",
                measure: "thanks",
                level: "institution",
                date: "2025-12-20",
                createdAt: "2025-12-20T09:00:00.000Z",
                updatedAt: "2025-12-20T09:00:00.000Z",
                version: 1,
              },
            ],
          },
        };
      },
    });
    renderPage(<ParticipantPage />, { path: "/participants/prt_1", route: "/participants/:participantId" });
    const section = await screen.findByRole("region", { name: "Поощрения" });
    await within(section).findByText(/^15\.05\.2026/);
    expect(
      within(section)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual([
      "15.05.2026 — Грамота (регионального уровня)Приказ министерства № 12",
      "20.12.2025 — Благодарность администрации (уровня организации)",
    ]);
    expect(within(section).getByRole("link", { name: "Все поощрения наставников" }).getAttribute("href")).toBe("/rewards");
    expect(asked).toEqual(["prt_1"]);
    cleanup();

    const mentee = fakeApi({ ...signedInAs("curator"), "GET /api/participants/prt_1": () => ({ status: 200, body: card }) });
    renderPage(<ParticipantPage />, { path: "/participants/prt_1", route: "/participants/:participantId" });
    await screen.findByRole("heading", { name: "Пары и группы" });
    expect(screen.queryByRole("region", { name: "Поощрения" })).toBeNull();
    expect([...calls, ...mentee].filter((call) => call.path === "/api/rewards")).toHaveLength(1);
  });

  it("a consent shows every field's problem at once, a date that does not exist with the server's, and saves nothing", async () => {
    const calls = fakeApi({
      ...signedInAs("curator"),
      "GET /api/participants/prt_1": () => ({ status: 200, body: card }),
      "POST /api/participants/prt_1/consents": validating((sent) => [
        ...(sent.signerKind === "legal_representative" && !sent.representativeName
          ? [{ path: "representativeName", message: "Укажите ФИО законного представителя" }]
          : []),
        ...(isIsoDate(sent.signedAt) ? [] : [{ path: "signedAt", message: "Поле «Дата подписания»: укажите существующую дату" }]),
        ...(sent.document ? [] : [{ path: "document", message: "Заполните поле «Номер или версия документа»" }]),
      ]),
    });
    renderPage(<ParticipantPage />, { path: "/participants/prt_1", route: "/participants/:participantId" });
    fireEvent.click(await screen.findByRole("button", { name: "Записать согласие" }));
    const dialog = await screen.findByRole("dialog", { name: "Согласие на обработку персональных данных" });
    fireEvent.change(within(dialog).getByLabelText(/^Кто подписал/), { target: { value: "legal_representative" } });
    fireEvent.change(within(dialog).getByLabelText(/^Дата подписания/), { target: { value: "29.02.2026" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить согласие" }));
    const dateMessage = "Дата подписания: укажите существующую дату в формате ДД.ММ.ГГГГ";
    await waitFor(() =>
      expect(summaryOf(dialog)).toEqual([
        "Укажите ФИО законного представителя",
        dateMessage,
        "Заполните поле «Номер или версия документа»",
      ]),
    );
    expect(fieldErrorOf(dialog, /^ФИО законного представителя/)).toBe("Укажите ФИО законного представителя");
    expect(fieldErrorOf(dialog, /^Дата подписания/)).toBe(dateMessage);
    expect(fieldErrorOf(dialog, /^Номер или версия документа/)).toBe("Заполните поле «Номер или версия документа»");
    expect(calls.filter((call) => call.path === "/api/participants/prt_1/consents")).toMatchObject([{ validateOnly: true }]);
    expect(writes(calls)).toEqual([]);
  });
});

describe("the title of a participant's card", () => {
  it("names the person once the card is loaded, under its section: «Петров П. П. — Участники — ЦМН»", async () => {
    fakeApi({ ...signedInAs("curator"), "GET /api/participants/prt_1": () => ({ status: 200, body: card }) });
    window.history.pushState({}, "", "/participants/prt_1");
    render(<App />);
    await screen.findByRole("heading", { level: 1, name: "Петров Пётр Петрович" });
    await waitFor(() => expect(document.title).toBe("Петров П. П. — Участники — ЦМН"));
    window.history.pushState({}, "", "/");
  });
});
