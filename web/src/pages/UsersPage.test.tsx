// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Role, User } from "../api/types";
import { formatDate, todayIso } from "../lib/format";
import { renderPage, signedInAs } from "../test-signed-in";
import { fakeApi } from "../test-support";
import UsersPage from "./UsersPage";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const user = (userId: string, fullName: string, role: Role, status: User["status"] = "active"): User => ({
  userId,
  email: `${userId}@example.org`,
  fullName,
  role,
  status,
  tenantId: "tnt_school",
  regionId: "reg_1",
  createdAt: "2026-09-01T09:00:00.000Z",
});

describe("the digest preview on the users page", () => {
  it("a curator previews a colleague's digest for a chosen day in a dialog; only active recipients of letters have it", async () => {
    const dates: (string | null)[] = [];
    const calls = fakeApi({
      ...signedInAs("curator"),
      "GET /api/users": () => ({
        status: 200,
        body: {
          items: [
            user("usr_1", "Иванова Мария Сергеевна", "curator"),
            user("usr_2", "Петров Пётр Петрович", "curator"),
            user("usr_3", "Сидорова Анна Ивановна", "staff"),
            user("usr_4", "Кузнецов Олег Олегович", "curator", "disabled"),
          ],
        },
      }),
      "GET /api/invitations": () => ({ status: 200, body: { items: [] } }),
      "GET /api/reminders/preview/usr_2": (_body, url) => {
        const date = url.searchParams.get("date") ?? "";
        dates.push(date);
        return {
          status: 200,
          body: {
            userId: "usr_2",
            date,
            entries: [
              {
                tenantId: "tnt_school",
                rule: "roadmap_due",
                occurrence: "itm_1#2026-12-21",
                title: "Методический семинар",
                due: "2026-12-21",
                daysLeft: 7,
                link: "/roadmaps/rmp_1#item-itm_1",
                statutory: false,
              },
            ],
            digest: { subject: "ЦМН: 1 напоминание", text: "…", html: "<p>…</p>" },
          },
        };
      },
    });
    renderPage(<UsersPage />, { path: "/users" });
    await screen.findByRole("row", { name: /Петров Пётр Петрович/ });
    expect(screen.getAllByRole("button", { name: /^Предпросмотр сводки/ }).map((button) => button.textContent)).toEqual([
      "Предпросмотр сводки: Иванова Мария Сергеевна",
      "Предпросмотр сводки: Петров Пётр Петрович",
    ]);

    fireEvent.click(screen.getByRole("button", { name: /^Предпросмотр сводки.*Петров Пётр Петрович$/ }));
    const dialog = await screen.findByRole("dialog", { name: /^Предпросмотр сводки.*Петров Пётр Петрович$/ });
    const date = within(dialog).getByLabelText(/^Дата сводки/) as HTMLInputElement;
    expect(date.value).toBe(formatDate(todayIso()));
    fireEvent.change(date, { target: { value: "31.02.2026" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Показать сводку" }));
    await within(dialog).findAllByText(/Дата сводки: укажите существующую дату в формате ДД\.ММ\.ГГГГ/);
    expect(dates).toEqual([]);
    fireEvent.change(date, { target: { value: "14.12.2026" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Показать сводку" }));
    await within(dialog).findByText("Письмо на 14.12.2026, тема: «ЦМН: 1 напоминание»");
    expect(dates).toEqual(["2026-12-14"]);
    expect(within(dialog).getByRole("heading", { level: 3 }).textContent).toBe("Мероприятия дорожной карты: приближается срок (1)");
    expect(within(dialog).getByRole("listitem").textContent).toBe("Методический семинар (срок 21.12.2026 — через 7 дней)");
    expect(calls.filter((call) => call.path.startsWith("/api/reminders/preview/")).map((call) => call.path)).toEqual([
      "/api/reminders/preview/usr_2",
    ]);
  });
});

describe("the users page of a platform administrator", () => {
  it("lists the platform's administrators, who may be disabled, without invitations (region admins are invited from the regions page) or digest previews", async () => {
    const admin = (userId: string, fullName: string): User => ({
      ...user(userId, fullName, "platform_admin"),
      tenantId: undefined,
      regionId: undefined,
    });
    const calls = fakeApi({
      ...signedInAs("platform_admin"),
      "GET /api/users": () => ({
        status: 200,
        body: { items: [admin("usr_1", "Орлова Ольга Олеговна"), admin("usr_2", "Петров Пётр Петрович")] },
      }),
      "POST /api/users/usr_2/disable": () => ({ status: 200, body: { ...admin("usr_2", "Петров Пётр Петрович"), status: "disabled" } }),
    });
    renderPage(<UsersPage />, { path: "/users" });
    await screen.findByRole("row", { name: /Петров Пётр Петрович/ });
    expect(screen.getByRole("heading", { level: 2 }).textContent).toBe("Администраторы платформы");
    expect(screen.queryByRole("button", { name: "Пригласить" })).toBeNull();
    expect(screen.queryByRole("button", { name: /^Предпросмотр сводки/ })).toBeNull();
    expect(screen.getByRole("link", { name: "«Регионы»" }).getAttribute("href")).toBe("/regions");
    expect(calls.map((call) => call.path)).not.toContain("/api/invitations");

    fireEvent.click(screen.getByRole("button", { name: /Отключить.*Петров Пётр Петрович/ }));
    fireEvent.click(within(await screen.findByRole("dialog")).getByRole("button", { name: /Отключить/ }));
    await screen.findByText("Учётная запись Петров Пётр Петрович отключена");
    expect(calls.filter((call) => call.method === "POST" && call.path.startsWith("/api/users/")).map((call) => call.path)).toEqual([
      "/api/users/usr_2/disable",
    ]);
  });
});
