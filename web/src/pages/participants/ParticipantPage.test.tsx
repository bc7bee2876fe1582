// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { formatDate, todayIso } from "../../lib/format";
import { renderPage, signedInAs } from "../../test-signed-in";
import { fakeApi } from "../../test-support";
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
});
