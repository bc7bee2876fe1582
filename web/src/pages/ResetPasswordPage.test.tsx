// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi } from "../test-support";
import ResetPasswordPage from "./ResetPasswordPage";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const open = (token: string) =>
  render(
    <MemoryRouter initialEntries={[`/reset-password/${token}`]}>
      <Routes>
        <Route path="/reset-password/:token" element={<ResetPasswordPage />} />
      </Routes>
    </MemoryRouter>,
  );

const invalid = "Ссылка для восстановления пароля недействительна или устарела. Запросите новую.";

describe("the password-reset link's page", () => {
  it("says a used or unknown link is dead as soon as it opens, before a password is typed, and offers a new one", async () => {
    const calls = fakeApi({
      "GET /api/auth/password/reset/used-link": () => ({
        status: 400,
        body: { error: { code: "auth.reset_link_invalid", message: invalid } },
      }),
    });
    open("used-link");
    expect((await screen.findByRole("heading", { level: 1 })).textContent).toBe("Ссылка недействительна");
    expect(screen.getByRole("alert").textContent).toBe(invalid);
    expect(screen.queryByLabelText(/^Новый пароль/)).toBeNull();
    expect(screen.getByRole("link", { name: "Запросить новую ссылку" }).getAttribute("href")).toBe("/forgot-password");
    expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual(["GET /api/auth/password/reset/used-link"]);
  });

  it("shows the new-password form for a live link and saves the password with it", async () => {
    const calls = fakeApi({
      "GET /api/auth/password/reset/live-link": () => ({ status: 200, body: { expiresAt: "2026-11-22T16:00:00.000Z" } }),
      "POST /api/auth/password/reset": () => ({ status: 200, body: { ok: true } }),
    });
    open("live-link");
    fireEvent.change(await screen.findByLabelText(/^Новый пароль/), { target: { value: "new-password-42" } });
    fireEvent.change(screen.getByLabelText(/^Повторите/), { target: { value: "new-password-42" } });
    fireEvent.click(screen.getByRole("button", { name: "Сохранить пароль" }));
    expect((await screen.findByRole("heading", { level: 1, name: "Пароль изменён" })).textContent).toBe("Пароль изменён");
    const posts = calls.filter((call) => call.method === "POST");
    expect(posts.map((call) => call.body)).toEqual([{ token: "live-link", password: "new-password-42" }]);
  });
});
