// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderPage, signedInAs } from "../../test-signed-in";
import { fakeApi } from "../../test-support";
import SurveyPage from "./SurveyPage";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const survey = {
  surveyId: "srv_1",
  title: "Удовлетворённость наставляемых",
  purpose: "satisfaction",
  audience: "mentee",
  status: "open",
  questions: [{ id: "overall", text: "Общая оценка", kind: "scale", required: true }],
  sentCount: 0,
  responseCount: 0,
  sendings: [],
  createdAt: "2026-11-01T09:00:00.000Z",
  updatedAt: "2026-11-01T09:00:00.000Z",
  version: 2,
};

describe("a survey's page", () => {
  it("the curator ends taking answers after confirming; the send form goes away", async () => {
    const calls = fakeApi({
      ...signedInAs("curator"),
      "GET /api/surveys/srv_1": () => ({ status: 200, body: survey }),
      "GET /api/participants": () => ({ status: 200, body: { items: [], cursor: null } }),
      "POST /api/surveys/srv_1/close": () => ({ status: 200, body: { ...survey, status: "closed", version: 3 } }),
    });
    renderPage(<SurveyPage />, { path: "/surveys/srv_1", route: "/surveys/:surveyId" });
    fireEvent.click(await screen.findByRole("button", { name: "Завершить приём ответов" }));
    const dialog = screen.getByRole("dialog", { name: "Завершить приём ответов?" });
    expect(calls.some((call) => call.path.endsWith("/close"))).toBe(false);
    fireEvent.click(within(dialog).getByRole("button", { name: "Завершить" }));
    await screen.findByText(/Завершена/);
    expect(calls.filter((call) => call.method === "POST" && call.path === "/api/surveys/srv_1/close")).toHaveLength(1);
    expect(screen.queryByRole("button", { name: "Отправить ссылки" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Завершить приём ответов" })).toBeNull();
  });
});
