// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "./App";
import { PRODUCT_NAME } from "./components/Layout";
import { signedInAs } from "./test-signed-in";
import { fakeApi } from "./test-support";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.pushState({}, "", "/");
});

const noSession = {
  "POST /api/auth/refresh": () => ({ status: 401, body: { error: { code: "auth.no_session", message: "" } } }),
};

function openApp(path: string) {
  window.history.pushState({}, "", path);
  render(<App />);
}

describe("the product's name in the header of a public page", () => {
  it.each(["/survey/tok.en-1", "/unsubscribe/tok.en-1"])(
    "is plain text on %s, a page for participants: no way into the staff app",
    async (path) => {
      fakeApi({
        "GET /api/survey-links/tok.en-1": () => ({ status: 404, body: { error: { code: "survey.link_not_found", message: "" } } }),
      });
      openApp(path);
      await screen.findByRole("heading", { level: 1 });
      expect(screen.getByText(PRODUCT_NAME).closest("a")).toBeNull();
      expect(screen.queryByRole("link", { name: PRODUCT_NAME })).toBeNull();
    },
  );

  it("links to the staff app on the sign-in page", async () => {
    fakeApi(noSession);
    openApp("/login");
    expect((await screen.findByRole("link", { name: PRODUCT_NAME })).getAttribute("href")).toBe("/");
  });
});

describe("the titles of the signed-in home and of a page not found", () => {
  it("are «Главная — ЦМН» and «Страница не найдена — ЦМН»", async () => {
    fakeApi(signedInAs("curator"));
    openApp("/");
    await screen.findByRole("heading", { level: 1, name: /^Здравствуйте/ });
    await waitFor(() => expect(document.title).toBe("Главная — ЦМН"));
    cleanup();

    openApp("/participants/ptc_1/nowhere");
    await screen.findByRole("heading", { level: 1, name: "Страница не найдена" });
    await waitFor(() => expect(document.title).toBe("Страница не найдена — ЦМН"));
  });
});
