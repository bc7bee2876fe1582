import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { signIn, useHarness } from "./harness";

/** ГБПОУ НСТ, «ПЛАН МЕРОПРИЯТИЙ (дорожная карта) … на 2021 год», as copied from Word (seed 000). */
const table = readFileSync(new URL("../packages/core/src/roadmap/fixtures/nst-2021.txt", import.meta.url), "utf8");

describe("roadmaps", { timeout: 120_000 }, () => {
  const harness = useHarness();

  it("a curator pastes a roadmap table, checks the preview, saves it, marks an item done and sees the progress change", async () => {
    const { context, page } = await harness.newPage();
    try {
      await signIn(page, "curator1@demo.local");
      await page.getByRole("heading", { name: /Здравствуйте/ }).waitFor();
      await page
        .getByRole("navigation", { name: "Разделы", exact: true })
        .getByRole("link", { name: "Дорожные карты", exact: true })
        .click();
      await page.getByRole("heading", { name: "Дорожные карты", level: 1 }).waitFor();
      await page.getByRole("link", { name: "Импорт таблицы", exact: true }).click();

      await page.getByRole("heading", { name: "Импорт дорожной карты", exact: true }).waitFor();
      await page.getByLabel("Период дорожной карты").fill("2021 год");
      await page.getByLabel("Название").fill("План мероприятий (дорожная карта) на 2021 год");
      await page.getByLabel("Таблица из Word").fill(table);
      await page.getByRole("button", { name: "Проверить таблицу", exact: true }).click();
      await page.getByRole("heading", { name: "Как прочитана таблица", exact: true }).waitFor();
      expect(await page.locator(".summary").first().textContent()).toContain("6 разделов, 23 мероприятия");
      // Each deadline's meaning is shown next to the original text.
      expect(await page.getByRole("row", { name: /^3\.1 .*ежеквартально/ }).textContent()).toContain(
        "31.03.2021, 30.06.2021, 30.09.2021, 31.12.2021",
      );
      await page.screenshot({ path: "/tmp/cmn-roadmap-import.png", fullPage: true });

      await page.getByRole("button", { name: "Сохранить дорожную карту", exact: true }).click();
      await page.getByRole("heading", { name: "План мероприятий (дорожная карта) на 2021 год", level: 1 }).waitFor();
      const done = page.getByTestId("progress-done");
      expect(await done.textContent()).toContain("0 % (0 из 23 мероприятий)");

      await page.getByLabel("Статус мероприятия 1.1").selectOption({ label: "Выполнено" });
      await page.getByRole("status").filter({ hasText: "выполнено" }).waitFor();
      await expect.poll(() => done.textContent()).toContain("4,3 % (1 из 23 мероприятий)");
      await page.screenshot({ path: "/tmp/cmn-roadmap-editor.png", fullPage: true });

      // The filter shows the overdue items only (the 2021 deadlines are long past).
      await page.getByLabel("Показать").selectOption({ label: "Просроченные" });
      expect(await page.locator("tr[data-item='1.1']").count()).toBe(0);
      expect(await page.locator("tr[data-item='1.2']").count()).toBe(1);

      await page.getByRole("link", { name: "← Дорожные карты", exact: true }).click();
      await page.getByRole("heading", { name: "Дорожные карты", level: 1 }).waitFor();
      const card = page.locator("li.card").filter({ hasText: "План мероприятий (дорожная карта) на 2021 год" });
      expect(await card.getByTestId("progress-done").textContent()).toContain("4,3 %");
    } finally {
      await context.close();
    }
  });
});
