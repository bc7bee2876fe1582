// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { formatDate, todayIso } from "../lib/format";
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

const entry = (fields: Record<string, unknown>) => ({
  tenantId: "tnt_school",
  occurrence: String(fields.title),
  link: "/monitoring/cmp_1",
  statutory: false,
  ...fields,
});

/** The preferences, and the preview of the signed-in user's digest: `digests` by date (none: an empty day); returns the dates asked for. */
function fakeDigests(role: "curator" | "region_admin", digests: Record<string, { entries: unknown[]; subject: string }>) {
  const dates: (string | null)[] = [];
  fakeApi({
    ...signedInAs(role),
    "GET /api/reminders/preferences": () => ({ status: 200, body: { frequency: "daily", nonStatutory: true } }),
    "GET /api/reminders/preview/usr_1": (_body, url) => {
      const date = url.searchParams.get("date") ?? "";
      dates.push(date);
      const digest = digests[date];
      return {
        status: 200,
        body: {
          userId: "usr_1",
          date,
          entries: digest?.entries ?? [],
          digest: digest ? { subject: digest.subject, text: "…", html: "<p>…</p>" } : null,
        },
      };
    },
  });
  return dates;
}

const preview = () => screen.getByRole("region", { name: "Предпросмотр сводки" });
const items = () =>
  within(preview())
    .queryAllByRole("listitem")
    .map((item) => item.textContent);

describe("the digest preview on the reminder settings page", () => {
  it("shows the subject and the items of one's own digest by the letter's sections, and an empty day as no letter", async () => {
    const today = todayIso();
    const dates = fakeDigests("curator", {
      [today]: {
        subject: "ЦМН: 4 напоминания, из них 1 просроченное",
        entries: [
          entry({ rule: "roadmap_overdue", title: "Анкетирование наставников", due: "2026-12-10", daysLeft: -2 }),
          entry({ rule: "campaign_due", title: "Мониторинг ЦМН", due: "2026-12-15", daysLeft: 3, statutory: true }),
          entry({ rule: "federal_count_due", title: "Федеральный подсчёт", due: "2026-12-12", daysLeft: 0, statutory: true }),
          entry({ rule: "pair_inactive", title: "Наставническая пара без встреч 45 дней (с 28.10.2026)" }),
        ],
      },
    });
    renderPage(<ReminderSettingsPage />, { path: "/settings/reminders" });
    const date = (await within(await screen.findByRole("region", { name: "Предпросмотр сводки" })).findByLabelText(
      /^Дата сводки/,
    )) as HTMLInputElement;
    expect(date.value).toBe(formatDate(today));
    expect(dates).toEqual([]);

    fireEvent.click(within(preview()).getByRole("button", { name: "Показать сводку" }));
    await within(preview()).findByText(`Письмо на ${formatDate(today)}, тема: «ЦМН: 4 напоминания, из них 1 просроченное»`);
    expect(dates).toEqual([today]);
    expect(
      within(preview())
        .getAllByRole("heading", { level: 3 })
        .map((heading) => heading.textContent),
    ).toEqual(["Сроки мониторинга и отчётности (2)", "Просроченные мероприятия дорожной карты (1)", "Пары без встреч более 45 дней (1)"]);
    expect(items()).toEqual([
      "Мониторинг ЦМН (срок 15.12.2026 — через 3 дня)",
      "Федеральный подсчёт (срок 12.12.2026 — сегодня)",
      "Анкетирование наставников (срок был 10.12.2026 — просрочено на 2 дня)",
      "Наставническая пара без встреч 45 дней (с 28.10.2026)",
    ]);

    fireEvent.change(date, { target: { value: "20.12.2026" } });
    fireEvent.click(within(preview()).getByRole("button", { name: "Показать сводку" }));
    await within(preview()).findByText("Сводка на 20.12.2026 пуста: письма не будет");
    expect(dates).toEqual([today, "2026-12-20"]);
    expect(items()).toEqual([]);
  });

  it("names the institution of each item in a region admin's digest, as the letter does", async () => {
    const dates = fakeDigests("region_admin", {
      "2026-12-14": {
        subject: "ЦМН: 2 напоминания, из них 2 просроченных",
        entries: [
          entry({
            rule: "campaign_missed",
            title: "Мониторинг ЦМН",
            due: "2026-12-13",
            daysLeft: -1,
            statutory: true,
            institutionName: "МБОУ СОШ № 1",
          }),
          entry({
            tenantId: "tnt_college",
            rule: "roadmap_overdue",
            title: "Форум наставников",
            due: "2026-11-23",
            daysLeft: -21,
            institutionName: "ГБПОУ «Колледж связи»",
          }),
        ],
      },
    });
    renderPage(<ReminderSettingsPage />, { path: "/settings/reminders" });
    const date = await within(await screen.findByRole("region", { name: "Предпросмотр сводки" })).findByLabelText(/^Дата сводки/);
    fireEvent.change(date, { target: { value: "2026-12-14" } });
    fireEvent.click(within(preview()).getByRole("button", { name: "Показать сводку" }));
    await within(preview()).findByText("Письмо на 14.12.2026, тема: «ЦМН: 2 напоминания, из них 2 просроченных»");
    expect(dates).toEqual(["2026-12-14"]);
    expect(items()).toEqual([
      "МБОУ СОШ № 1: Мониторинг ЦМН (срок был 13.12.2026 — просрочено на 1 день)",
      "ГБПОУ «Колледж связи»: Форум наставников (срок был 23.11.2026 — просрочено на 21 день)",
    ]);
  });

  it("asks for a date before asking the server", async () => {
    const dates = fakeDigests("curator", {});
    renderPage(<ReminderSettingsPage />, { path: "/settings/reminders" });
    const date = await within(await screen.findByRole("region", { name: "Предпросмотр сводки" })).findByLabelText(/^Дата сводки/);
    fireEvent.change(date, { target: { value: "" } });
    fireEvent.click(within(preview()).getByRole("button", { name: "Показать сводку" }));
    expect((await within(preview()).findByRole("alert")).textContent).toContain("Укажите дату сводки");
    expect(dates).toEqual([]);
  });
});
