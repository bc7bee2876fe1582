// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderPage, signedInAs } from "../../test-signed-in";
import { fakeApi } from "../../test-support";
import type { Participant } from "./model";
import ParticipantsPage from "./ParticipantsPage";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const person = (id: string, fullName: string, status: Participant["status"] = "active"): Participant =>
  ({
    participantId: id,
    fullName,
    shortName: fullName,
    category: "teacher",
    isMentor: true,
    isMentee: false,
    status,
    minor: false,
    consent: status === "active" ? "signed" : "missing",
    activeMentees: 0,
    restricted: status !== "active",
    createdAt: "2026-09-01T09:00:00.000Z",
    updatedAt: "2026-09-01T09:00:00.000Z",
    version: 1,
  }) as Participant;

describe("the registry's status filter", () => {
  it("sends the chosen status, shows each person's status, and keeps the status on the next page", async () => {
    const urls: URL[] = [];
    fakeApi({
      ...signedInAs("curator"),
      "GET /api/participants": (_body, url) => {
        urls.push(url);
        const status = url.searchParams.get("status");
        if (status !== "anonymised")
          return {
            status: 200,
            body: { items: [person("prt_1", "Петрова Анна Андреевна"), person("prt_2", "С. П.", "restricted")], cursor: null },
          };
        return url.searchParams.get("cursor")
          ? { status: 200, body: { items: [person("prt_4", "Обезличенный участник 000004", "anonymised")], cursor: null } }
          : { status: 200, body: { items: [person("prt_3", "Обезличенный участник 000003", "anonymised")], cursor: "prt_3" } };
      },
    });
    renderPage(<ParticipantsPage />, { path: "/participants" });
    await screen.findByRole("link", { name: "Петрова Анна Андреевна" });
    expect(urls.map((url) => Object.fromEntries(url.searchParams))).toEqual([{ limit: "50" }]);
    expect(screen.getByRole("row", { name: /С\. П\./ }).textContent).toContain("Обработка ограничена (согласие отозвано)");

    const status = screen.getByLabelText("Статус") as HTMLSelectElement;
    expect(Array.from(status.options, (option) => option.textContent)).toEqual([
      "Все, кроме обезличенных",
      "В базе",
      "Обработка ограничена (согласие отозвано)",
      "Данные обезличены",
    ]);
    fireEvent.change(status, { target: { value: "anonymised" } });
    const first = await screen.findByRole("row", { name: /Обезличенный участник 000003/ });
    expect(within(first).getByText("Данные обезличены")).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Петрова Анна Андреевна" })).toBeNull();
    expect(Object.fromEntries(urls[1]?.searchParams ?? [])).toEqual({ status: "anonymised", limit: "50" });

    fireEvent.click(screen.getByRole("button", { name: "Показать ещё" }));
    await screen.findByRole("link", { name: "Обезличенный участник 000004" });
    expect(Object.fromEntries(urls[2]?.searchParams ?? [])).toEqual({ status: "anonymised", limit: "50", cursor: "prt_3" });
    expect(screen.getByRole("link", { name: "Обезличенный участник 000003" })).toBeTruthy();

    fireEvent.change(status, { target: { value: "" } });
    await waitFor(() => expect(urls).toHaveLength(4));
    expect(Object.fromEntries(urls[3]?.searchParams ?? [])).toEqual({ limit: "50" });
  });
});
