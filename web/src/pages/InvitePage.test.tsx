// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AuthProvider } from "../auth/AuthContext";
import { signedInAs } from "../test-signed-in";
import { fakeApi } from "../test-support";
import InvitePage from "./InvitePage";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const used = {
  "GET /api/auth/invitations/tok.en-1": () => ({
    status: 409,
    body: { error: { code: "invitation.used", message: "Приглашение уже принято" } },
  }),
};

function renderInvite() {
  render(
    <MemoryRouter initialEntries={["/invite/tok.en-1"]}>
      <AuthProvider>
        <Routes>
          <Route path="/invite/:token" element={<InvitePage />} />
        </Routes>
      </AuthProvider>
    </MemoryRouter>,
  );
}

describe("an invitation that cannot be used", () => {
  it("offers the way home to someone signed in", async () => {
    fakeApi({ ...signedInAs("curator"), ...used });
    renderInvite();
    expect((await screen.findByRole("link", { name: "На главную" })).getAttribute("href")).toBe("/");
    expect(screen.queryByRole("link", { name: "Перейти ко входу" })).toBeNull();
  });

  it("offers sign-in to someone who is not", async () => {
    fakeApi({
      "POST /api/auth/refresh": () => ({ status: 401, body: { error: { code: "auth.no_session", message: "" } } }),
      ...used,
    });
    renderInvite();
    expect((await screen.findByRole("link", { name: "Перейти ко входу" })).getAttribute("href")).toBe("/login");
  });
});
