// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MemoryRouter, Route, Routes } from "react-router";
import { AuthProvider, useAuth } from "../auth/AuthContext";
import { signedInAs } from "../test-signed-in";
import { fakeApi } from "../test-support";
import { Layout } from "./Layout";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function SignedIn() {
  const { state } = useAuth();
  return state.status === "signed_in" ? <Layout /> : null;
}

function renderLayout(path: string) {
  fakeApi(signedInAs("curator"));
  render(
    <MemoryRouter initialEntries={[path]}>
      <AuthProvider>
        <Routes>
          <Route element={<SignedIn />}>
            <Route path="/participants" element={<h1>Участники</h1>} />
            <Route path="/pairs" element={<h1>Пары</h1>} />
          </Route>
        </Routes>
      </AuthProvider>
    </MemoryRouter>,
  );
}

// The CSS collapses the links behind «Меню» on a narrow screen only (happy-dom applies no media queries): here the
// button's state and what it controls are checked.
describe("the navigation's «Меню» on a narrow screen", () => {
  it("opens and closes the list it controls, closes on Esc with focus back on it and when a link is followed", async () => {
    renderLayout("/participants");
    const nav = await screen.findByRole("navigation", { name: "Разделы" });
    const toggle = within(nav).getByRole("button", { name: "Меню" });
    const list = document.getElementById(toggle.getAttribute("aria-controls") ?? "");
    expect(list?.tagName).toBe("UL");
    expect(nav.contains(list)).toBe(true);
    expect(toggle.getAttribute("aria-expanded")).toBe("false");

    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(list?.classList.contains("open")).toBe(true);
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("false");

    // Esc in the menu closes it; focus, which was on a link now hidden, goes back to «Меню».
    fireEvent.click(toggle);
    const link = within(nav).getByRole("link", { name: "Пары" });
    link.focus();
    fireEvent.keyDown(link, { key: "Escape" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(document.activeElement).toBe(toggle);

    fireEvent.click(toggle);
    fireEvent.click(within(nav).getByRole("link", { name: "Пары" }));
    await screen.findByRole("heading", { level: 1, name: "Пары" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
  });
});
