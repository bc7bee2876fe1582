import { describe, expect, it } from "vitest";
import { navLabelsFor, signIn, useHarness } from "./harness";

describe("signing in", { timeout: 120_000 }, () => {
  const harness = useHarness();

  it("shows the sign-in page in Russian, refuses a wrong password, keeps the session over a reload, signs out", async () => {
    const { context, page } = await harness.newPage();
    try {
      await page.goto("/");
      await page.waitForURL("**/login");
      await page.getByRole("heading", { name: "Вход в систему", exact: true }).waitFor();
      expect(await page.getAttribute("html", "lang")).toBe("ru");
      expect(await page.getByRole("button", { name: "Войти по коду из письма", exact: true }).isVisible()).toBe(true);
      expect(await page.getByRole("link", { name: "Забыли пароль?", exact: true }).isVisible()).toBe(true);

      await signIn(page, "curator1@demo.local", "wrong-password-1");
      const alert = page.getByRole("alert");
      await alert.waitFor();
      expect(await alert.textContent()).toContain("Неверный адрес электронной почты или пароль");

      await page.screenshot({ path: "/tmp/cmn-login.png", fullPage: true });

      await signIn(page, "curator1@demo.local");
      await page.getByRole("heading", { name: /Здравствуйте, Мария Сергеевна/ }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/");
      expect(await page.locator("header").textContent()).toContain("МБОУ СОШ № 1");
      const nav = page.getByRole("navigation", { name: "Разделы", exact: true });
      expect(await nav.getByRole("link").allTextContents()).toEqual(navLabelsFor("curator"));

      await nav.getByRole("link", { name: "Моя организация", exact: true }).click();
      await page.getByRole("heading", { name: "Моя организация", exact: true }).waitFor();
      await page.getByText("Городской округ Демо").waitFor();

      // The access token lives in memory only: a reload signs in again with the refresh cookie.
      await page.reload();
      await page.getByRole("heading", { name: "Моя организация", exact: true }).waitFor();
      expect(await page.getByText("Иванова Мария Сергеевна").isVisible()).toBe(true);

      await page.getByRole("button", { name: "Выйти", exact: true }).click();
      await page.waitForURL("**/login");
      await page.reload();
      await page.getByRole("heading", { name: "Вход в систему", exact: true }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/login");
    } finally {
      await context.close();
    }
  });

  it("serves the API reference with Swagger UI from the app's own origin", async () => {
    const { context, page } = await harness.newPage();
    try {
      const outside: string[] = [];
      page.on("request", (request) => {
        if (!request.url().startsWith(harness.stack.url)) outside.push(request.url());
      });
      await page.goto("/api/docs");
      await page.locator(".swagger-ui .info .title").waitFor();
      // Swagger UI renders the operations near the viewport: the first tag's at the top, the last tag's at the bottom.
      await page.locator(".swagger-ui .opblock-summary-path", { hasText: "/api/health" }).waitFor();
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.locator(".swagger-ui .opblock-tag", { hasText: "stats" }).waitFor();
      await page.locator(".swagger-ui .opblock-summary-path", { hasText: "/api/stats/region" }).first().waitFor();
      expect(outside).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("every role's pages render without errors", async () => {
    const roles = (
      [
        ["admin@demo.local", "platform_admin"],
        ["rnc@demo.local", "region_admin"],
        ["curator2@demo.local", "curator"],
      ] as const
    ).map(([email, role]) => ({ email, sections: navLabelsFor(role).slice(1) }));
    for (const role of roles) {
      const { context, page } = await harness.newPage();
      const problems: string[] = [];
      page.on("pageerror", (error) => problems.push(error.message));
      // A fresh browser has no session: the start-up refresh answers 401, which is expected.
      page.on("response", (response) => {
        const expected = response.status() === 401 && response.url().endsWith("/api/auth/refresh");
        if (response.status() >= 400 && !expected) problems.push(`${response.status()} ${response.url()}`);
      });
      page.on("console", (message) => {
        if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) problems.push(message.text());
      });
      try {
        await signIn(page, role.email);
        const nav = page.getByRole("navigation", { name: "Разделы", exact: true });
        await nav.getByRole("link", { name: role.sections[0] }).waitFor();
        expect(await nav.getByRole("link").allTextContents()).toEqual(["Главная", ...role.sections]);
        for (const label of role.sections) {
          await nav.getByRole("link", { name: label }).click();
          await page.locator("main h1").waitFor();
          await page.locator("main [aria-busy='false'], main .empty-state, main table").first().waitFor();
          expect(await page.locator(".error-state").count(), `${role.email} → ${label}`).toBe(0);
        }
        expect(problems, role.email).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });

  it("the platform admin creates a region in its time zone and invites its first admin", async () => {
    const { context, page } = await harness.newPage();
    try {
      await signIn(page, "admin@demo.local");
      await page.getByRole("navigation", { name: "Разделы", exact: true }).getByRole("link", { name: "Регионы", exact: true }).click();
      await page.getByText("1 регион", { exact: true }).waitFor();
      await page.getByRole("button", { name: "Создать регион", exact: true }).click();
      const form = page.getByRole("dialog", { name: "Новый регион", exact: true });
      await form.getByLabel("Название региона").fill("Камчатский край");
      await form.getByLabel("Код региона").fill("41");
      expect(await form.getByLabel("Часовой пояс").locator("option").allTextContents()).toContain("Москва (UTC+3)");
      await form.getByLabel("Часовой пояс").selectOption({ label: "Камчатка (UTC+12)" });
      await form.getByRole("button", { name: "Создать регион", exact: true }).click();
      await page.getByText("2 региона").waitFor();
      const row = page.getByRole("row", { name: /Камчатский край/ });
      expect(await row.textContent()).toContain("Камчатка (UTC+12)");

      await row.getByRole("button", { name: /Пригласить администратора/ }).click();
      const invite = page.getByRole("dialog", { name: "Администратор региона «Камчатский край»", exact: true });
      await invite.getByLabel("Электронная почта").fill("не-адрес");
      await invite.getByRole("button", { name: "Отправить приглашение", exact: true }).click();
      const field = invite.getByLabel("Электронная почта");
      await invite.getByRole("alert").waitFor();
      expect(await field.getAttribute("aria-invalid")).toBe("true");
      const describedBy = (await field.getAttribute("aria-describedby")) ?? "";
      expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain("Укажите корректный адрес электронной почты");

      await field.fill("head@kamchatka.example.org");
      await invite.getByRole("button", { name: "Отправить приглашение", exact: true }).click();
      await page.getByText("Приглашение отправлено на head@kamchatka.example.org").waitFor();
      const [mail] = await harness.mailTo("head@kamchatka.example.org");
      expect(mail?.body.text).toContain("Администратор РНЦ");
    } finally {
      await context.close();
    }
  });
});
