// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi, fieldErrorOf, invalidFieldsAnswer } from "../test-support";
import ForgotPasswordPage from "./ForgotPasswordPage";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("password recovery", () => {
  it("asks for the address when it is left empty (not «Укажите корректный адрес…»), and sends nothing", async () => {
    const calls = fakeApi({
      "POST /api/auth/password/forgot": () =>
        invalidFieldsAnswer([{ path: "email", message: "Укажите корректный адрес электронной почты, например ivanova@school.ru" }]),
    });
    render(
      <MemoryRouter initialEntries={["/forgot-password"]}>
        <ForgotPasswordPage />
      </MemoryRouter>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Отправить ссылку" }));
    await waitFor(() => expect(fieldErrorOf(document.body, /Электронная почта/)).toBe("Укажите адрес электронной почты"));
    expect(calls).toEqual([]);
  });
});
