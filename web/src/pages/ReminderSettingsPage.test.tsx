// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderPage, signedInAs } from "../test-signed-in";
import { fakeApi } from "../test-support";
import ReminderSettingsPage from "./ReminderSettingsPage";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const checked = () =>
  (screen.getAllByRole("radio") as HTMLInputElement[]).find((radio) => radio.checked)?.parentElement?.textContent?.trim();

describe("the reminder settings page", () => {
  it("shows the stored choice and saves a new one", async () => {
    const calls = fakeApi({
      ...signedInAs("curator"),
      "GET /api/reminders/preferences": () => ({ status: 200, body: { frequency: "daily", nonStatutory: true } }),
      "PUT /api/reminders/preferences": (body) => ({ status: 200, body }),
    });
    renderPage(<ReminderSettingsPage />, { path: "/settings/reminders" });
    await screen.findByRole("group", { name: /Необязательные напоминания/ });
    expect(checked()).toBe("Каждый день");

    fireEvent.click(screen.getByRole("radio", { name: "Раз в неделю, по понедельникам" }));
    fireEvent.click(screen.getByRole("button", { name: "Сохранить" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("Настройки сохранены"));
    expect(calls.at(-1)).toEqual({ method: "PUT", path: "/api/reminders/preferences", body: { frequency: "weekly", nonStatutory: true } });

    fireEvent.click(screen.getByRole("radio", { name: "Не присылать" }));
    expect(screen.getByRole("status").textContent).toBe("");
    fireEvent.click(screen.getByRole("button", { name: "Сохранить" }));
    await waitFor(() => expect(calls.at(-1)?.body).toEqual({ frequency: "off", nonStatutory: false }));
  });

  it("shows «Не присылать» for someone who unsubscribed through a letter's link", async () => {
    fakeApi({
      ...signedInAs("region_admin"),
      "GET /api/reminders/preferences": () => ({ status: 200, body: { frequency: "weekly", nonStatutory: false } }),
    });
    renderPage(<ReminderSettingsPage />, { path: "/settings/reminders" });
    await screen.findByRole("group", { name: /Необязательные напоминания/ });
    expect(checked()).toBe("Не присылать");
  });

  it("tells a role that gets no letters so, without a form", async () => {
    const calls = fakeApi(signedInAs("region_viewer"));
    renderPage(<ReminderSettingsPage />, { path: "/settings/reminders" });
    await screen.findByText(/вашей роли они не приходят/);
    expect(screen.queryByRole("radio")).toBeNull();
    expect(calls.map((c) => c.path)).not.toContain("/api/reminders/preferences");
  });
});
