import { describe, expect, it } from "vitest";
import { signIn, useHarness } from "./harness";

describe("participants and pairs", { timeout: 180_000 }, () => {
  const harness = useHarness();

  it("a pair with a minor without consent cannot be activated until the parent's consent and the agreement are recorded", async () => {
    const { context, page } = await harness.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    try {
      await signIn(page, "curator1@demo.local");
      const nav = page.getByRole("navigation", { name: "Разделы", exact: true });
      await nav.getByRole("link", { name: "Участники", exact: true }).click();
      await page.getByRole("heading", { name: "Участники", level: 1 }).waitFor();

      // A minor pupil, without consent.
      await page.getByRole("button", { name: "Добавить участника", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: "Новый участник", exact: true });
      await dialog.getByLabel("ФИО", { exact: false }).first().fill("Иванов Иван Иванович");
      await dialog.getByLabel("Дата рождения", { exact: false }).fill("01.05.2013");
      await dialog.getByLabel("Класс или группа").fill("6А");
      await dialog.getByRole("button", { name: "Сохранить", exact: true }).click();
      await page.getByRole("heading", { name: "Иванов Иван Иванович", exact: true }).waitFor();
      expect(await page.locator("main").textContent()).toContain("Согласия нет");

      // A mentor: an adult senior pupil, with their own consent.
      await nav.getByRole("link", { name: "Участники", exact: true }).click();
      await page.getByRole("button", { name: "Добавить участника", exact: true }).click();
      await dialog.getByLabel("ФИО", { exact: false }).first().fill("Смирнов Олег Павлович");
      await dialog.getByLabel("Дата рождения", { exact: false }).fill("10.01.2007");
      await dialog.getByLabel("Класс или группа").fill("11А");
      await dialog.getByLabel("Роль").selectOption({ label: "Наставник" });
      await dialog.getByLabel("Компетенции").fill("математика; олимпиады");
      await dialog.getByRole("button", { name: "Сохранить", exact: true }).click();
      await page.getByRole("heading", { name: "Смирнов Олег Павлович", exact: true }).waitFor();
      await page.getByRole("button", { name: "Записать согласие", exact: true }).click();
      const consent = page.getByRole("dialog", { name: "Согласие на обработку персональных данных", exact: true });
      await consent.getByLabel("Номер или версия документа", { exact: false }).fill("Согласие № 14");
      await consent.getByRole("button", { name: "Сохранить согласие", exact: true }).click();
      await page.getByRole("status").filter({ hasText: "Согласие записано" }).waitFor();

      // The registry finds both; the pupil is flagged as a minor without consent.
      await nav.getByRole("link", { name: "Участники", exact: true }).click();
      await page.getByRole("searchbox", { name: "Поиск", exact: true }).fill("иванов");
      await page.getByRole("row", { name: /Иванов Иван Иванович/ }).waitFor();
      expect(await page.getByRole("row", { name: /Иванов Иван Иванович/ }).textContent()).toContain("несовершеннолетний");

      // Matching help on the mentee's card: the mentor is suggested, with the reasons.
      await page.getByRole("link", { name: "Иванов Иван Иванович", exact: true }).click();
      await page.getByRole("button", { name: "Подобрать наставника", exact: true }).click();
      const suggestions = page.locator(".suggestions");
      await suggestions.waitFor();
      expect(await suggestions.textContent()).toContain("Смирнов О. П.");
      expect(await suggestions.textContent()).toContain("Подходит форма: «Ученик – ученик»");
      expect(await suggestions.getByRole("button", { name: "Создать пару «Ученик – ученик» (черновик)", exact: true }).count()).toBe(1);

      // Editing the card: the class changes, the rest stays.
      await page.getByRole("button", { name: "Изменить", exact: true }).click();
      const edit = page.getByRole("dialog", { name: "Изменить данные участника", exact: true });
      expect(await edit.getByLabel("Дата рождения", { exact: false }).inputValue()).toBe("01.05.2013");
      await edit.getByLabel("Класс или группа").fill("6Б");
      await edit.getByRole("button", { name: "Сохранить", exact: true }).click();
      await expect.poll(() => page.locator("main").textContent()).toContain("6Б");

      // A draft pair «ученик – ученик».
      await nav.getByRole("link", { name: "Пары", exact: true }).click();
      // Exact: until the pairs page has replaced the card, the card's «Создать пару «Ученик – ученик» (черновик)» matches too.
      await page.getByRole("button", { name: "Создать пару", exact: true }).click();
      const create = page.getByRole("dialog", { name: "Новая пара или группа", exact: true });
      await create.getByLabel("Форма наставничества", { exact: false }).selectOption({ label: "Ученик – ученик" });
      // The form's categories are listed, each person with their category: pupils only for «Ученик – ученик».
      const mentorChoice = create.getByLabel("Наставник", { exact: false }).first();
      const mentorOptions = await mentorChoice.locator("option").allTextContents();
      expect(mentorOptions).toContain("Смирнов Олег Павлович — Обучающийся (ученик)");
      expect(mentorOptions.slice(1).every((option) => option.endsWith("— Обучающийся (ученик)"))).toBe(true);
      await mentorChoice.selectOption({ label: "Смирнов Олег Павлович — Обучающийся (ученик)" });
      await create.getByLabel("Иванов Иван Иванович — Обучающийся (ученик)").check();
      await create.getByRole("button", { name: "Создать черновик пары", exact: true }).click();
      await page.getByRole("heading", { name: "Пара: Ученик – ученик", exact: true }).waitFor();

      // Activation is refused with the clear Russian message.
      await page.getByRole("button", { name: "Активировать", exact: true }).click();
      const alert = page.getByRole("alert");
      await alert.waitFor();
      expect(await alert.textContent()).toContain(
        "Нельзя активировать пару: у участника «Иванов И. И.» нет действующего согласия на обработку персональных данных (несовершеннолетний — согласие законного представителя)",
      );
      await page.screenshot({ path: "/tmp/cmn-pair-refused.png", fullPage: true });

      // The parent's consent.
      await page.getByRole("link", { name: "Иванов И. И.", exact: true }).click();
      await page.getByRole("heading", { name: "Иванов Иван Иванович", exact: true }).waitFor();
      await page.getByRole("button", { name: "Записать согласие", exact: true }).click();
      expect(await consent.getByLabel("Кто подписал").inputValue()).toBe("legal_representative");
      await consent.getByLabel("ФИО законного представителя", { exact: false }).fill("Иванова Мария Петровна");
      await consent.getByLabel("Кем приходится", { exact: false }).fill("мать");
      await consent.getByLabel("Номер или версия документа", { exact: false }).fill("Согласие № 15");
      await consent.getByRole("button", { name: "Сохранить согласие", exact: true }).click();
      await page.getByRole("status").filter({ hasText: "Согласие записано" }).waitFor();
      await expect.poll(() => page.locator("main").textContent()).toContain("Законный представитель: Иванова Мария Петровна");

      // The agreement, signed by the parent for the minor.
      await page.getByRole("link", { name: /Ученик – ученик — наставляемый/ }).click();
      await page.getByRole("button", { name: "Записать соглашение", exact: true }).click();
      const agreement = page.getByRole("dialog", { name: "Соглашение между наставником и наставляемым", exact: true });
      await agreement.getByLabel("Номер соглашения", { exact: false }).fill("С-15");
      // The representative comes filled in from the minor's consent.
      await expect.poll(() => agreement.getByLabel(/ФИО представителя/).inputValue()).toBe("Иванова Мария Петровна");
      expect(await agreement.getByLabel(/Кем приходится/).inputValue()).toBe("мать");
      await agreement.getByRole("button", { name: "Сохранить соглашение", exact: true }).click();
      await page.getByRole("status").filter({ hasText: "Соглашение записано" }).waitFor();

      // Now the pair becomes active.
      await page.getByRole("button", { name: "Активировать", exact: true }).click();
      await page.getByRole("status").filter({ hasText: "Пара активирована" }).waitFor();
      expect(await page.getByTestId("pair-status").textContent()).toBe("Активна");
      await page.screenshot({ path: "/tmp/cmn-pair-active.png", fullPage: true });

      // The board shows it in the «Активна» column.
      await nav.getByRole("link", { name: "Пары", exact: true }).click();
      const activeColumn = page.getByRole("region", { name: /Активна/ });
      await activeColumn.getByRole("link", { name: /Смирнов О. П. → Иванов И. И./ }).waitFor();

      // A satisfaction survey for the mentee, picked from the registry; without an email the link is printed with a QR code.
      await nav.getByRole("link", { name: "Анкетирование", exact: true }).click();
      await page.getByRole("button", { name: "Создать по шаблону «Анкета удовлетворённости наставляемого»", exact: true }).click();
      await page.getByRole("heading", { name: "Анкета удовлетворённости наставляемого", exact: true }).waitFor();
      await page.getByLabel(/Иванов Иван Иванович/).check();
      await page.getByRole("button", { name: "Отправить ссылки", exact: true }).click();
      await page.getByRole("heading", { name: "Ссылки для печати", exact: true }).waitFor();
      await page.getByRole("img", { name: "QR-код ссылки на анкету для: Иванов Иван Иванович", exact: true }).waitFor();
      expect(await page.locator(".printable-links").textContent()).toMatch(/Иванов Иван Иванович: http:\/\/localhost:\d+\/survey\//);
      await page.screenshot({ path: "/tmp/cmn-survey-print.png", fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("the registry shows 50 people at a time in name order; «Показать ещё» brings the rest, a search starts again", async () => {
    const { context, page } = await harness.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    try {
      // 55 more teachers through the API (outside the browser, whose session stays signed out), in reverse name order.
      const { api } = harness;
      const curator = await api.login("curator1@demo.local");
      for (let i = 55; i >= 1; i--) {
        await api("POST", "/api/participants", curator, {
          fullName: `Учитель Тестовый ${String(i).padStart(2, "0")}`,
          category: "teacher",
          isMentor: false,
          isMentee: true,
        });
      }
      const all = await api<{ items: { fullName: string }[] }>("GET", "/api/participants", curator);
      expect(all.items.length).toBeGreaterThanOrEqual(55);

      await signIn(page, "curator1@demo.local");
      await page.getByRole("navigation", { name: "Разделы", exact: true }).getByRole("link", { name: "Участники", exact: true }).click();
      const rows = page.locator("tbody tr");
      await page.getByText("Показаны первые 50 участников").waitFor();
      expect(await rows.count()).toBe(50);
      // Pressed from the keyboard: the button goes with the last page, and the focus moves to the 51st person.
      await page.getByRole("button", { name: "Показать ещё", exact: true }).focus();
      await page.keyboard.press("Enter");
      await page.getByText(`Найдено: ${all.items.length}`).waitFor();
      expect(await rows.count()).toBe(all.items.length);
      expect(await page.getByRole("button", { name: "Показать ещё", exact: true }).count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(all.items[50]?.fullName);
      // The same people in the same (name) order as the whole list the API gives.
      expect(await rows.locator("th").allTextContents()).toEqual(all.items.map((p) => p.fullName));

      await page.getByRole("searchbox", { name: "Поиск", exact: true }).fill("учитель тестовый 0");
      await page.getByText("Найдено: 9 участников").waitFor();
      expect(await rows.locator("th").allTextContents()).toEqual(Array.from({ length: 9 }, (_, i) => `Учитель Тестовый 0${i + 1}`));
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
