import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn, useHarness } from "./harness";

/** The section heading rows of the open roadmap or template, by their number and title. */
const sectionHeadings = async (page: Page) =>
  (await page.locator("tr.section-row th").allTextContents()).map((text) => text.split("+ мероприятие")[0]?.trim() ?? "");

describe("roadmap template and sections", { timeout: 180_000 }, () => {
  const harness = useHarness();

  it("the region admin adds an item to the template; a curator's new roadmap has it; the curator adds, renames, moves and removes a section", async () => {
    const admin = await harness.newPage();
    let number = "";
    try {
      const { page } = admin;
      await signIn(page, "rnc@demo.local");
      await page.getByRole("heading", { name: /Здравствуйте/ }).waitFor();
      await page
        .getByRole("navigation", { name: "Разделы", exact: true })
        .getByRole("link", { name: "Шаблон дорожной карты", exact: true })
        .click();
      await page.getByRole("heading", { name: "Шаблон дорожной карты", level: 1 }).waitFor();
      await page.getByText("Регион пока не опубликовал свой шаблон", { exact: false }).waitFor();
      // Every deadline of the standard template is read against the academic year, as the import preview reads them.
      await expect.poll(() => page.getByRole("row", { name: /^1\.1 / }).textContent()).toMatch(/\d\d\.\d\d\.20\d\d/);

      await page.getByRole("button", { name: "+ мероприятие в раздел 1", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: "Новое мероприятие шаблона", exact: true });
      number = await dialog.getByLabel("№ п/п").inputValue();
      expect(number).toMatch(/^1\.\d+$/);
      await dialog.getByLabel("Наименование мероприятия").fill("Региональный семинар для кураторов");
      await dialog.getByLabel("Срок реализации").fill("до 15 ноября 202_");
      await dialog.getByText(/Как будет прочитан на 20\d\d\/\d\d учебный год: .*15\.11\.20\d\d/).waitFor();
      await dialog.getByLabel("Ответственный исполнитель").fill("Методист РНЦ");
      await dialog.getByRole("button", { name: "Добавить", exact: true }).click();
      const row = page.locator(`tr[data-item='${number}']`);
      expect(await row.textContent()).toContain("Региональный семинар для кураторов");
      await expect.poll(() => row.textContent()).toMatch(/15\.11\.20\d\d/);

      await page.getByRole("button", { name: "Опубликовать шаблон", exact: true }).click();
      await page.getByRole("status").filter({ hasText: "Шаблон опубликован" }).waitFor();
      await page.getByText("Опубликован шаблон региона", { exact: false }).waitFor();
      await page.screenshot({ path: "/tmp/cmn-roadmap-template.png", fullPage: true });
    } finally {
      await admin.context.close();
    }

    const { context, page } = await harness.newPage();
    try {
      await signIn(page, "curator1@demo.local");
      await page.getByRole("heading", { name: /Здравствуйте/ }).waitFor();
      await page
        .getByRole("navigation", { name: "Разделы", exact: true })
        .getByRole("link", { name: "Дорожные карты", exact: true })
        .click();
      await page.getByRole("button", { name: "Создать по шаблону", exact: true }).click();
      await page
        .getByRole("dialog", { name: "Дорожная карта по шаблону", exact: true })
        .getByRole("button", { name: "Создать", exact: true })
        .click();
      await page.getByRole("heading", { name: /учебный год$/, level: 1 }).waitFor();
      // The item the region added is in the new roadmap, in its place in section 1.
      const item = page.locator(`tr[data-item='${number}']`);
      expect(await item.textContent()).toContain("Региональный семинар для кураторов");
      expect(await item.textContent()).toContain("Методист РНЦ");
      const before = await sectionHeadings(page);

      // Add a section: it comes last, numbered after the others.
      await page.getByRole("button", { name: "Добавить раздел", exact: true }).click();
      const add = page.getByRole("dialog", { name: "Новый раздел", exact: true });
      const sectionNumber = await add.getByLabel("№ раздела").inputValue();
      expect(sectionNumber).toBe(String(before.length + 1));
      await add.getByLabel("Название раздела").fill("Дополнительные мероприятия");
      await add.getByRole("button", { name: "Добавить раздел", exact: true }).click();
      await page.getByRole("status").filter({ hasText: "Раздел «Дополнительные мероприятия» добавлен" }).waitFor();
      await expect.poll(() => sectionHeadings(page)).toEqual([...before, `${sectionNumber}. Дополнительные мероприятия`]);

      // Rename it.
      await page.getByRole("button", { name: `Изменить раздел ${sectionNumber}` }).click();
      const edit = page.getByRole("dialog", { name: "Изменить раздел", exact: true });
      await edit.getByLabel("Название раздела").fill("Мероприятия региона");
      await edit.getByRole("button", { name: "Сохранить", exact: true }).click();
      await page.getByRole("status").filter({ hasText: "Раздел «Мероприятия региона» сохранён" }).waitFor();
      await expect.poll(() => sectionHeadings(page)).toEqual([...before, `${sectionNumber}. Мероприятия региона`]);

      // Move it up with the keyboard: the focus stays on its button.
      const up = page.getByRole("button", { name: `Переместить раздел ${sectionNumber} выше` });
      await up.focus();
      await page.keyboard.press("Enter");
      await page
        .getByRole("status")
        .filter({ hasText: `Раздел ${sectionNumber} перемещён выше` })
        .waitFor();
      const moved = [...before.slice(0, -1), `${sectionNumber}. Мероприятия региона`, before.at(-1)];
      await expect.poll(() => sectionHeadings(page)).toEqual(moved);
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")))
        .toBe(`Переместить раздел ${sectionNumber} выше`);
      await page.screenshot({ path: "/tmp/cmn-roadmap-sections.png", fullPage: true });

      // A section with items is not removed: the server says why.
      await page.getByRole("button", { name: "Удалить раздел 1", exact: true }).click();
      const refuse = page.getByRole("dialog", { name: "Удалить раздел?", exact: true });
      await refuse.getByRole("button", { name: "Удалить раздел", exact: true }).click();
      await refuse.getByRole("alert").filter({ hasText: "В разделе есть мероприятия: перенесите или удалите их" }).waitFor();
      await refuse.getByRole("button", { name: "Отмена", exact: true }).click();

      // The empty one is.
      await page.getByRole("button", { name: `Удалить раздел ${sectionNumber}` }).click();
      await page
        .getByRole("dialog", { name: "Удалить раздел?", exact: true })
        .getByRole("button", { name: "Удалить раздел", exact: true })
        .click();
      await page.getByRole("status").filter({ hasText: "Раздел «Мероприятия региона» удалён" }).waitFor();
      await expect.poll(() => sectionHeadings(page)).toEqual(before);
    } finally {
      await context.close();
    }
  });
});
