// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../App";
import { fakeApi } from "../test-support";
import UnsubscribePage from "./UnsubscribePage";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderPage(token = "tok.en-1") {
  render(
    <MemoryRouter initialEntries={[`/unsubscribe/${token}`]}>
      <Routes>
        <Route path="/unsubscribe/:token" element={<UnsubscribePage />} />
      </Routes>
    </MemoryRouter>,
  );
}

describe("the unsubscribe page (the «отписаться» link of reminder letters)", () => {
  it("changes nothing when opened, and unsubscribes when the button is pressed", async () => {
    const calls = fakeApi({
      "POST /api/reminders/unsubscribe/tok.en-1": () => ({ status: 200, body: { email: "curator@school.ru" } }),
    });
    renderPage();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Отписка от напоминаний");
    // Mail scanners open links: opening the page must not unsubscribe.
    expect(calls).toEqual([]);

    fireEvent.click(screen.getByRole("button", { name: "Отписаться от напоминаний" }));
    const heading = await screen.findByRole("heading", { name: "Вы отписались от напоминаний" });
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(["POST /api/reminders/unsubscribe/tok.en-1"]);
    // The focus lands on the heading, whose description (read out with it) is the result.
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const description = document.getElementById(heading.getAttribute("aria-describedby") ?? "");
    expect(description?.textContent).toContain("больше не будут приходить на адрес curator@school.ru");
  });

  it("says in Russian when the link is invalid, and lets the person try again after a failure", async () => {
    fakeApi({
      "POST /api/reminders/unsubscribe/broken": () => ({
        status: 400,
        body: { error: { code: "link.invalid", message: "Ссылка недействительна" } },
      }),
    });
    renderPage("broken");
    fireEvent.click(screen.getByRole("button", { name: "Отписаться от напоминаний" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Ссылка недействительна");
    expect(alert.textContent).toContain("из последнего письма");
    expect(screen.getByRole("button", { name: "Отписаться от напоминаний" })).toBeTruthy();
  });

  it("shows the server's message for another failure", async () => {
    fakeApi({
      "POST /api/reminders/unsubscribe/tok.en-1": () => ({
        status: 503,
        body: { error: { code: "service.unavailable", message: "Сервис временно недоступен, повторите попытку" } },
      }),
    });
    renderPage();
    fireEvent.click(screen.getByRole("button", { name: "Отписаться от напоминаний" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Сервис временно недоступен, повторите попытку");
  });

  it("is a public route of the app: the letter's link opens it without signing in", async () => {
    fakeApi({
      "POST /api/auth/refresh": () => ({ status: 401, body: { error: { code: "auth.session_expired", message: "Сеанс завершён" } } }),
    });
    window.history.pushState({}, "", "/unsubscribe/tok.en-1");
    render(<App />);
    expect((await screen.findByRole("heading", { level: 1 })).textContent).toBe("Отписка от напоминаний");
    window.history.pushState({}, "", "/");
  });
});
