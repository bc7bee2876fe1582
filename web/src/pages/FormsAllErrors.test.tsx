// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AuthProvider } from "../auth/AuthContext";
import { renderPage, signedInAs } from "../test-signed-in";
import { type Call, fakeApi, fieldErrorOf, invalidFieldsAnswer, summaryOf } from "../test-support";
import InvitePage from "./InvitePage";
import RegionsPage from "./RegionsPage";
import UsersPage from "./UsersPage";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const posts = (calls: Call[], path: string) => calls.filter((call) => call.method === "POST" && call.path === path);

describe("the invitation of a colleague on the users page", () => {
  it("sent empty, names the missing address and the unchosen role at once", async () => {
    const calls = fakeApi({
      ...signedInAs("curator"),
      "GET /api/users": () => ({ status: 200, body: { items: [] } }),
      "GET /api/invitations": () => ({ status: 200, body: { items: [] } }),
      // The API's answer to an empty invitation: both fields (the address's message speaks of a wrong one).
      "POST /api/invitations": () =>
        invalidFieldsAnswer([
          { path: "email", message: "Укажите корректный адрес электронной почты, например ivanova@school.ru" },
          { path: "role", message: "Выберите роль приглашённого" },
        ]),
    });
    renderPage(<UsersPage />, { path: "/users" });
    fireEvent.click(await screen.findByRole("button", { name: "Пригласить" }));
    const dialog = await screen.findByRole("dialog", { name: "Пригласить сотрудника" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Отправить приглашение" }));
    await waitFor(() => expect(summaryOf(dialog)).toEqual(["Укажите адрес электронной почты", "Выберите роль приглашённого"]));
    expect(fieldErrorOf(dialog, /^Электронная почта/)).toBe("Укажите адрес электронной почты");
    expect(fieldErrorOf(dialog, /^Роль/)).toBe("Выберите роль приглашённого");
    expect(posts(calls, "/api/invitations").map((call) => call.body)).toEqual([{ email: "", role: "" }]);
  });
});

describe("the platform administrator's invitation of a region's administrator", () => {
  it("sent empty, asks for the address (not for a correct one), without sending", async () => {
    const calls = fakeApi({
      ...signedInAs("platform_admin"),
      "GET /api/regions": () => ({
        status: 200,
        body: {
          items: [
            {
              regionId: "reg_1",
              name: "Нижегородская область",
              code: "52",
              timeZone: "Europe/Moscow",
              createdAt: "2026-09-01T09:00:00.000Z",
              version: 1,
            },
          ],
        },
      }),
    });
    renderPage(<RegionsPage />, { path: "/regions" });
    fireEvent.click(await screen.findByRole("button", { name: "Пригласить администратора региона «Нижегородская область»" }));
    const dialog = await screen.findByRole("dialog", { name: "Администратор региона «Нижегородская область»" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Отправить приглашение" }));
    await waitFor(() => expect(summaryOf(dialog)).toEqual(["Укажите адрес электронной почты"]));
    expect(fieldErrorOf(dialog, /^Электронная почта/)).toBe("Укажите адрес электронной почты");
    expect(posts(calls, "/api/regions/reg_1/invitations")).toEqual([]);
  });
});

describe("the acceptance of an invitation", () => {
  const preview = {
    status: 200,
    body: { email: "new@example.org", role: "staff", institutionName: "Школа № 1", expiresAt: "2026-12-01T09:00:00.000Z" },
  };

  it("sent empty, names the missing full name and the short password at once", async () => {
    const calls = fakeApi({ "GET /api/auth/invitations/tok_1": () => preview });
    // A token page: no session is asked for, so it is rendered without the signed-in gate.
    render(
      <MemoryRouter initialEntries={["/invite/tok_1"]}>
        <AuthProvider>
          <Routes>
            <Route path="/invite/:token" element={<InvitePage />} />
          </Routes>
        </AuthProvider>
      </MemoryRouter>,
    );
    fireEvent.click(await screen.findByRole("button", { name: "Принять приглашение" }));
    const form = (await screen.findByRole("alert")).closest("form") as HTMLElement;
    expect(summaryOf(form)).toEqual(["Заполните поле «ФИО»", "Пароль должен быть не короче 10 символов"]);
    expect(fieldErrorOf(form, /^ФИО/)).toBe("Заполните поле «ФИО»");
    expect(posts(calls, "/api/auth/invitations/tok_1/accept")).toEqual([]);
  });
});
