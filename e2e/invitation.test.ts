import { describe, expect, it } from "vitest";
import { navLabelsFor, signIn, useHarness } from "./harness";

describe("inviting a curator", { timeout: 120_000 }, () => {
  const harness = useHarness();

  it("the region admin creates an institution and invites its curator, who accepts the link once", async () => {
    const admin = await harness.newPage();
    const page = admin.page;
    try {
      await signIn(page, "rnc@demo.local");
      const nav = page.getByRole("navigation", { name: "Разделы", exact: true });
      await nav.getByRole("link", { name: "Организации", exact: true }).waitFor();
      expect(await nav.getByRole("link").allTextContents()).toEqual(navLabelsFor("region_admin"));

      await nav.getByRole("link", { name: "Организации", exact: true }).click();
      await page.getByText("2 организации").waitFor();
      await page.getByRole("button", { name: "Добавить организацию", exact: true }).click();
      const form = page.getByRole("dialog", { name: "Новая организация", exact: true });
      await form.getByLabel("Полное наименование").fill("Муниципальное автономное общеобразовательное учреждение «Лицей № 3»");
      await form.getByLabel("Краткое наименование").fill("МАОУ Лицей № 3");
      await form.getByLabel("Тип организации").selectOption("school");
      await form.getByLabel("Муниципалитет").fill("Городской округ Демо");
      await form.getByLabel("Обучающихся всего").fill("640");
      await form.getByLabel("Из них в возрасте 10–19 лет").fill("410");
      await form.getByLabel("Педагогов всего").fill("45");
      await form.getByLabel(/Из них молодых специалистов/).fill("6");
      await form.getByRole("button", { name: "Добавить организацию", exact: true }).click();
      await page.getByText("3 организации").waitFor();
      await page.getByRole("rowheader", { name: /МАОУ Лицей № 3/ }).waitFor();
      await page.screenshot({ path: "/tmp/cmn-institutions.png", fullPage: true });

      await nav.getByRole("link", { name: "Пользователи", exact: true }).click();
      await page.getByRole("heading", { name: "Пользователи", exact: true }).waitFor();
      await page.getByRole("button", { name: "Пригласить", exact: true }).click();
      const invite = page.getByRole("dialog", { name: "Пригласить сотрудника", exact: true });
      await invite.getByLabel("Электронная почта").fill("new.curator@example.org");
      await invite.getByLabel("Роль").selectOption("curator");
      await invite.getByLabel("Организация").selectOption({ label: "МАОУ Лицей № 3" });
      await invite.getByRole("button", { name: "Отправить приглашение", exact: true }).click();
      await page.getByText("Приглашение отправлено на new.curator@example.org").waitFor();
      await page.getByRole("rowheader", { name: "new.curator@example.org", exact: true }).waitFor();
    } finally {
      await admin.context.close();
    }

    const [mail] = await harness.mailTo("new.curator@example.org");
    expect(mail?.subject).toBe("Приглашение в систему ЦМН");
    const path = /\/invite\/[\w-]+/.exec(mail?.body.text ?? "")?.[0];
    expect(path).toBeTruthy();

    const invited = await harness.newPage();
    try {
      const curator = invited.page;
      await curator.goto(path ?? "");
      await curator.getByRole("heading", { name: "Приглашение в систему ЦМН", exact: true }).waitFor();
      expect(await curator.locator(".facts").textContent()).toContain("Куратор");
      expect(await curator.locator(".facts").textContent()).toContain("МАОУ Лицей № 3");
      await curator.getByLabel("ФИО").fill("Новикова Ольга Ивановна");
      await curator.getByLabel(/^Пароль/).fill("curator-pass-1");
      await curator.getByLabel("Повторите пароль").fill("curator-pass-1");
      await curator.getByRole("button", { name: "Принять приглашение", exact: true }).click();

      await curator.getByRole("heading", { name: "Здравствуйте, Ольга Ивановна!", exact: true }).waitFor();
      expect(new URL(curator.url()).pathname).toBe("/");
      const header = await curator.locator("header").textContent();
      expect(header).toContain("Новикова Ольга Ивановна");
      expect(header).toContain("Куратор · МАОУ Лицей № 3");

      await curator.goto(path ?? "");
      await curator.getByRole("heading", { name: "Приглашение недействительно", exact: true }).waitFor();
      expect(await curator.getByRole("alert").textContent()).toContain("уже использовано");
    } finally {
      await invited.context.close();
    }
  });

  it("the region admin imports institutions from a CSV file: errors first, then the valid rows on request", async () => {
    const { page, context } = await harness.newPage();
    try {
      await signIn(page, "rnc@demo.local");
      await page.getByRole("navigation", { name: "Разделы", exact: true }).getByRole("link", { name: "Организации", exact: true }).click();
      await page.getByRole("link", { name: "Импорт из файла", exact: true }).click();
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Импорт организаций из файла");
      const csv = [
        "Полное наименование;Краткое наименование;Тип;Муниципалитет;Обучающихся всего;Из них 10–19 лет;Педагогов всего;Из них молодых специалистов;Email;Телефон",
        "МАОУ «Гимназия № 3»;Гимназия № 3;школа;Городской округ Демо;700;450;52;8;;",
        "ГБПОУ «Аграрный техникум»;Аграрный техникум;СПО;Городской округ Демо;много;300;40;5;;",
      ].join("\n");
      await page
        .getByLabel("Файл XLSX или CSV (UTF-8)")
        .setInputFiles({ name: "orgs.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
      await page.getByRole("button", { name: "Проверить файл", exact: true }).click();
      await expect.poll(() => page.getByText("Всего строк: 2. Без ошибок: 1. С ошибками: 1.").count()).toBe(1);
      expect(await page.getByText("Обучающихся: Поле «Обучающихся всего» должно быть числом").count()).toBe(1);
      await page.getByRole("button", { name: "Пропустить строки с ошибками и импортировать 1 организацию", exact: true }).click();
      await expect.poll(() => page.getByText("Создано: 1 организация; пропущено строк с ошибками: 1.").count()).toBe(1);
      await page.getByRole("link", { name: "← Организации", exact: true }).click();
      await expect.poll(() => page.getByRole("cell", { name: "Гимназия № 3" }).count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});
