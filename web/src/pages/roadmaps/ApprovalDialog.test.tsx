// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderPage, signedInAs } from "../../test-signed-in";
import { fakeApi, fieldErrorOf, isIsoDate, summaryOf, validating, writes } from "../../test-support";
import { ApprovalDialog } from "./ApprovalDialog";
import type { RoadmapDetail } from "./types";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const draft = { roadmapId: "rmp_1", title: "Дорожная карта", status: "draft", version: 5 } as unknown as RoadmapDetail;

describe("approving a roadmap", () => {
  it("records who approved it, when and by which document, with the status, on the version it was based on", async () => {
    const calls = fakeApi({ ...signedInAs("curator"), "PATCH /api/roadmaps/rmp_1": () => ({ status: 200, body: {} }) });
    const saved: string[] = [];
    renderPage(<ApprovalDialog data={draft} onClose={() => {}} onSaved={(message) => saved.push(message)} />, { path: "/roadmaps/rmp_1" });
    // The <dialog> is opened (showModal) after its first render: until then its buttons are not in the page's roles.
    await screen.findByRole("dialog", { name: "Утверждение дорожной карты" });
    fireEvent.change(await screen.findByLabelText(/^Кем утверждена/), { target: { value: "Директор Иванова М. С." } });
    // The date is typed as ДД.ММ.ГГГГ and goes to the API as an ISO date.
    fireEvent.change(screen.getByLabelText(/^Дата утверждения/), { target: { value: "01.09.2026" } });
    fireEvent.change(screen.getByLabelText(/^Документ об утверждении/), { target: { value: "Приказ № 45 от 01.09.2026" } });
    fireEvent.click(screen.getByRole("button", { name: "Отметить как утверждённую" }));
    await waitFor(() => expect(saved).toEqual(["Дорожная карта отмечена как утверждённая"]));
    expect(calls.find((call) => call.method === "PATCH")?.body).toEqual({
      version: 5,
      status: "approved",
      approvedBy: "Директор Иванова М. С.",
      approvedAt: "2026-09-01",
      approvalAct: "Приказ № 45 от 01.09.2026",
    });
  });

  it("refuses a date that does not exist at its field, without saving", async () => {
    const calls = fakeApi({ ...signedInAs("curator"), "PATCH /api/roadmaps/rmp_1": () => ({ status: 200, body: {} }) });
    renderPage(<ApprovalDialog data={draft} onClose={() => {}} onSaved={() => {}} />, { path: "/roadmaps/rmp_1" });
    await screen.findByRole("dialog", { name: "Утверждение дорожной карты" });
    const date = screen.getByLabelText(/^Дата утверждения/) as HTMLInputElement;
    expect(date.type).toBe("text");
    expect(date.placeholder).toBe("ДД.ММ.ГГГГ");
    fireEvent.change(date, { target: { value: "31.02.2026" } });
    fireEvent.click(screen.getByRole("button", { name: "Отметить как утверждённую" }));
    await waitFor(() => expect(date.getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById(`${date.id}-error`)?.textContent).toBe(
      "Дата утверждения: укажите существующую дату в формате ДД.ММ.ГГГГ",
    );
    expect(writes(calls)).toEqual([]);
  });

  it("shows every field's problem at once, the date that does not exist with the server's, and saves nothing", async () => {
    const calls = fakeApi({
      ...signedInAs("curator"),
      "PATCH /api/roadmaps/rmp_1": validating((sent) => [
        ...(String(sent.approvedBy).length > 300 ? [{ path: "approvedBy", message: "Поле «Кем утверждена» длиннее 300 символов" }] : []),
        ...(sent.approvedAt === "" || isIsoDate(sent.approvedAt)
          ? []
          : [{ path: "approvedAt", message: "Поле «Дата утверждения»: укажите существующую дату в формате ДД.ММ.ГГГГ" }]),
      ]),
    });
    renderPage(<ApprovalDialog data={draft} onClose={() => {}} onSaved={() => {}} />, { path: "/roadmaps/rmp_1" });
    const dialog = await screen.findByRole("dialog", { name: "Утверждение дорожной карты" });
    fireEvent.change(screen.getByLabelText(/^Кем утверждена/), { target: { value: "Директор ".repeat(40) } });
    fireEvent.change(screen.getByLabelText(/^Дата утверждения/), { target: { value: "31.02.2026" } });
    fireEvent.click(screen.getByRole("button", { name: "Отметить как утверждённую" }));
    const dateMessage = "Дата утверждения: укажите существующую дату в формате ДД.ММ.ГГГГ";
    await waitFor(() => expect(summaryOf(dialog)).toEqual(["Поле «Кем утверждена» длиннее 300 символов", dateMessage]));
    expect(fieldErrorOf(dialog, /^Кем утверждена/)).toBe("Поле «Кем утверждена» длиннее 300 символов");
    expect(fieldErrorOf(dialog, /^Дата утверждения/)).toBe(dateMessage);
    expect(calls.filter((call) => call.method === "PATCH")).toMatchObject([{ validateOnly: true }]);
    expect(writes(calls)).toEqual([]);
  });
});
