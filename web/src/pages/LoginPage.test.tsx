// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AuthProvider } from "../auth/AuthContext";
import { fakeApi, fieldErrorOf, invalidFieldsAnswer, summaryOf } from "../test-support";
import LoginPage from "./LoginPage";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const noSession = {
  "POST /api/auth/refresh": () => ({
    status: 401,
    body: { error: { code: "auth.session_expired", message: "Сеанс завершён. Войдите снова." } },
  }),
};

function renderLogin() {
  render(
    <MemoryRouter initialEntries={["/login"]}>
      <AuthProvider>
        <LoginPage />
      </AuthProvider>
    </MemoryRouter>,
  );
}

async function submit(email: string, password: string) {
  fireEvent.change(await screen.findByLabelText(/Электронная почта/), { target: { value: email } });
  fireEvent.change(screen.getByLabelText(/^Пароль/), { target: { value: password } });
  fireEvent.click(screen.getByRole("button", { name: "Войти" }));
}

describe("the sign-in form", () => {
  it("announces the server's message when sign-in fails", async () => {
    const calls = fakeApi({
      ...noSession,
      "POST /api/auth/login": () => ({
        status: 401,
        body: { error: { code: "auth.invalid_credentials", message: "Неверный адрес электронной почты или пароль" } },
      }),
    });
    renderLogin();
    await submit("curator1@demo.local", "wrong-password");
    expect((await screen.findByRole("alert")).textContent).toContain("Неверный адрес электронной почты или пароль");
    expect(calls.find((c) => c.path === "/api/auth/login")?.body).toEqual({ email: "curator1@demo.local", password: "wrong-password" });
  });

  it("puts field messages next to their fields and links them with aria-describedby", async () => {
    fakeApi({
      ...noSession,
      "POST /api/auth/login": () =>
        invalidFieldsAnswer([{ path: "email", message: "Укажите корректный адрес электронной почты, например ivanova@school.ru" }]),
    });
    renderLogin();
    await submit("not-an-email", "x");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Проверьте правильность заполнения полей");

    const email = screen.getByLabelText(/Электронная почта/);
    expect(email.getAttribute("aria-invalid")).toBe("true");
    const describedBy = email.getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(describedBy)?.textContent).toBe(
      "Укажите корректный адрес электронной почты, например ivanova@school.ru",
    );
    expect(screen.getByLabelText(/^Пароль/).getAttribute("aria-invalid")).toBeNull();
  });

  it("shows the lockout message of a 429", async () => {
    fakeApi({
      ...noSession,
      "POST /api/auth/login": () => ({
        status: 429,
        body: { error: { code: "auth.locked", message: "Слишком много неудачных попыток входа. Повторите через 12 минут." } },
      }),
    });
    renderLogin();
    await submit("staff@demo.local", "demo-password-1");
    expect((await screen.findByRole("alert")).textContent).toContain("Повторите через 12 минут");
  });
});

describe("signing in by a code from a letter", () => {
  it("puts the focus on the address when the code form opens, and on the code once it is sent", async () => {
    const calls = fakeApi({ ...noSession, "POST /api/auth/code/request": () => ({ status: 202, body: {} }) });
    renderLogin();
    fireEvent.change(await screen.findByLabelText(/Электронная почта/), { target: { value: "curator1@demo.local" } });
    fireEvent.click(screen.getByRole("button", { name: "Войти по коду из письма" }));
    const form = await screen.findByRole("form", { name: "Вход по коду из письма" });
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByLabelText(/Электронная почта/)));

    fireEvent.click(within(form).getByRole("button", { name: "Получить код" }));
    const code = await screen.findByLabelText(/^Код из письма/);
    await waitFor(() => expect(document.activeElement).toBe(code));
    expect(calls.find((call) => call.path === "/api/auth/code/request")?.body).toEqual({ email: "curator1@demo.local" });

    fireEvent.click(screen.getByRole("button", { name: "Войти с паролем" }));
    const password = await screen.findByRole("form", { name: "Вход по паролю" });
    await waitFor(() => expect(document.activeElement).toBe(within(password).getByLabelText(/Электронная почта/)));
  });
});

describe("an address left empty", () => {
  it("is asked for, not called wrong, in the password form (with the server's other messages) and the code form", async () => {
    fakeApi({
      ...noSession,
      "POST /api/auth/login": () =>
        invalidFieldsAnswer([
          { path: "email", message: "Укажите корректный адрес электронной почты, например ivanova@school.ru" },
          { path: "password", message: "Укажите пароль" },
        ]),
    });
    renderLogin();
    fireEvent.click(await screen.findByRole("button", { name: "Войти" }));
    const form = screen.getByRole("form", { name: "Вход по паролю" });
    await waitFor(() => expect(summaryOf(form)).toEqual(["Укажите адрес электронной почты", "Укажите пароль"]));
    expect(fieldErrorOf(form, /Электронная почта/)).toBe("Укажите адрес электронной почты");

    fireEvent.click(screen.getByRole("button", { name: "Войти по коду из письма" }));
    const codeForm = await screen.findByRole("form", { name: "Вход по коду из письма" });
    fireEvent.click(within(codeForm).getByRole("button", { name: "Получить код" }));
    await waitFor(() => expect(fieldErrorOf(codeForm, /Электронная почта/)).toBe("Укажите адрес электронной почты"));
  });
});
