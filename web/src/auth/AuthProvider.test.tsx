// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/react";
import { MemoryRouter, Route, Routes, useNavigate } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi } from "../test-support";
import { AuthProvider, useAuth } from "./AuthContext";

function Status() {
  const { state } = useAuth();
  const navigate = useNavigate();
  return (
    <>
      <p>{state.status}</p>
      <button type="button" onClick={() => navigate("/login")}>
        Войти
      </button>
    </>
  );
}

const at = (path: string) =>
  render(
    <MemoryRouter initialEntries={[path]}>
      <AuthProvider>
        <Routes>
          <Route path="*" element={<Status />} />
        </Routes>
      </AuthProvider>
    </MemoryRouter>,
  );

describe("the session check on start", () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("is not made on a page opened from an emailed link (no 401 for someone without a session), and is made on leaving it", async () => {
    const calls = fakeApi({ "POST /api/auth/refresh": () => ({ status: 401, body: { error: { code: "auth.no_session", message: "" } } }) });
    at("/survey/token-1");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls.filter((call) => call.path === "/api/auth/refresh")).toEqual([]);
    screen.getByRole("button", { name: "Войти" }).click();
    await screen.findByText("signed_out");
    expect(calls.filter((call) => call.path === "/api/auth/refresh")).toHaveLength(1);
  });

  it("is made at once on any other page", async () => {
    const calls = fakeApi({ "POST /api/auth/refresh": () => ({ status: 401, body: { error: { code: "auth.no_session", message: "" } } }) });
    at("/participants");
    await screen.findByText("signed_out");
    expect(calls.filter((call) => call.path === "/api/auth/refresh")).toHaveLength(1);
  });
});
