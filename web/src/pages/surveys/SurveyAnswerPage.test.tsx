// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi } from "../../test-support";
import SurveyAnswerPage from "./SurveyAnswerPage";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const survey = {
  title: "Анкета удовлетворённости наставляемого",
  institutionName: "МБОУ СОШ № 1",
  questions: [
    { id: "q1", kind: "scale", text: "Насколько вы довольны встречами?", required: true },
    { id: "q2", kind: "single", text: "Как часто вы встречались?", required: false, options: ["Раз в неделю", "Реже"] },
    { id: "q3", kind: "text", text: "Что улучшить?", required: false },
  ],
  expiresAt: "2026-12-01T10:00:00.000Z",
  timeZone: "Europe/Moscow",
};

function renderSurvey() {
  render(
    <MemoryRouter initialEntries={["/survey/tok.en-1"]}>
      <Routes>
        <Route path="/survey/:token" element={<SurveyAnswerPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

describe("a participant's survey page", () => {
  it("after «Отправить ответы» puts the focus on the result, whose heading reads out that the answers are saved", async () => {
    const calls = fakeApi({
      "GET /api/survey-links/tok.en-1": () => ({ status: 200, body: survey }),
      "POST /api/survey-links/tok.en-1": () => ({ status: 200, body: { ok: true } }),
    });
    renderSurvey();
    fireEvent.click(await screen.findByRole("radio", { name: "8" }));
    fireEvent.click(screen.getByRole("radio", { name: "Реже" }));
    fireEvent.change(screen.getByRole("textbox", { name: /^3\. Что улучшить\?/ }), { target: { value: "Больше встреч" } });
    fireEvent.click(screen.getByRole("button", { name: "Отправить ответы" }));

    const heading = await screen.findByRole("heading", { name: "Спасибо!" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(document.getElementById(heading.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
      "Ваши ответы сохранены. Страницу можно закрыть.",
    );
    expect(calls.find((call) => call.method === "POST")?.body).toEqual({ answers: { q1: 8, q2: "Реже", q3: "Больше встреч" } });
  });

  it("the free answer is the app's styled text area, and an option's label holds its radio button", async () => {
    fakeApi({ "GET /api/survey-links/tok.en-1": () => ({ status: 200, body: survey }) });
    renderSurvey();
    const text = await screen.findByRole("textbox", { name: /^3\. Что улучшить\?/ });
    expect(text.tagName).toBe("TEXTAREA");
    expect(text.classList.contains("text-area")).toBe(true);
    expect(screen.getByRole("radio", { name: "Раз в неделю" }).closest("label")?.className).toBe("choice");
  });

  it("a closed survey says so without thanking someone who has not answered", async () => {
    fakeApi({
      "GET /api/survey-links/tok.en-1": () => ({
        status: 409,
        body: { error: { code: "survey.closed", message: "Приём ответов на эту анкету завершён" } },
      }),
    });
    renderSurvey();
    expect((await screen.findByRole("heading", { level: 1 })).textContent).toBe("Анкета закрыта");
  });
});
