import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { digits, signIn, useHarness } from "./harness";

describe("region statistics and the consolidated export", { timeout: 180_000 }, () => {
  const harness = useHarness();

  it("the dashboard's totals equal the sum of the institutions' numbers, and the workbook carries the same totals", async () => {
    const { context, page } = await harness.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    const { api } = harness;
    try {
      // The school's curator registers a few participants and a pair (the demo seed has none).
      for (const email of ["curator1@demo.local", "curator2@demo.local"]) {
        const curator = await api.login(email);
        const person = async (data: Record<string, unknown>) =>
          (await api<{ participantId: string }>("POST", "/api/participants", curator, data)).participantId;
        const mentor = await person({
          fullName: `Наставникова Елена ${email}`,
          birthDate: "1979-05-05",
          category: "teacher",
          isMentor: true,
          isMentee: false,
          capacity: 2,
        });
        const mentee = await person({
          fullName: `Новикова Ольга ${email}`,
          birthDate: "2001-03-03",
          category: "young_specialist",
          isMentor: false,
          isMentee: true,
        });
        await person({ fullName: `Учеников Иван ${email}`, birthDate: "2012-01-01", category: "pupil", isMentor: false, isMentee: true });
        await api("POST", "/api/pairs", curator, {
          form: "teacher_teacher",
          mentorId: mentor,
          menteeIds: [mentee],
          startDate: "2026-01-10",
          endDate: "2099-06-30",
        });
      }

      await signIn(page, "rnc@demo.local");
      const nav = page.getByRole("navigation", { name: "Разделы", exact: true });
      await nav.getByRole("link", { name: "Статистика", exact: true }).click();
      await page.getByRole("heading", { name: "Статистика региона", level: 1 }).waitFor();
      await page.locator("[data-total='participants']").waitFor();
      const shown = {
        participants: digits(await page.locator("[data-total='participants']").textContent()),
        mentors: digits(await page.locator("[data-total='mentors']").textContent()),
        mentees: digits(await page.locator("[data-total='mentees']").textContent()),
        pairsActive: digits(await page.locator("[data-total='pairs-active']").textContent()),
        pairsForming: digits(await page.locator("[data-total='pairs-forming']").textContent()),
      };
      expect(shown.participants).toBeGreaterThanOrEqual(6);
      expect(shown.pairsForming).toBeGreaterThanOrEqual(2);
      // The charts are drawn too (lazy-loaded); a chart with nothing to draw says «Нет данных» instead of an empty grid
      // (pairs still forming count in no form of mentoring).
      await page.locator("canvas[aria-label='Показатели: факт и цель']").waitFor({ state: "attached" });
      await page.locator("canvas[aria-label='Пары и группы по статусам']").waitFor({ state: "attached" });
      const { byForm } = await api<{ byForm: { mentors: number; mentees: number }[] }>(
        "GET",
        "/api/stats/region",
        await api.login("rnc@demo.local"),
      );
      const forms = page.locator(".stats-charts figure", { hasText: "Участники по формам наставничества" });
      if (byForm.some((form) => form.mentors + form.mentees > 0)) await forms.locator("canvas").waitFor({ state: "attached" });
      else await forms.getByText("Нет данных", { exact: true }).waitFor();

      // Each institution's own numbers, read through the API one by one.
      const rnc = await api.login("rnc@demo.local");
      const { items } = await api<{ items: { tenantId: string }[] }>("GET", "/api/institutions", rnc);
      expect(items.length).toBeGreaterThanOrEqual(2);
      const sum = { participants: 0, mentors: 0, mentees: 0, pairsActive: 0, pairsForming: 0 };
      for (const { tenantId } of items) {
        const { figures } = await api<{
          figures: { participants: number; mentors: number; mentees: number; pairs: { active: number; forming: number } };
        }>("GET", `/api/stats/region/institutions/${tenantId}`, rnc);
        sum.participants += figures.participants;
        sum.mentors += figures.mentors;
        sum.mentees += figures.mentees;
        sum.pairsActive += figures.pairs.active;
        sum.pairsForming += figures.pairs.forming;
      }
      expect(shown).toEqual(sum);

      // The drill-down page of one institution.
      await page.getByRole("link", { name: "МБОУ СОШ № 1", exact: true }).click();
      await page.getByRole("heading", { name: "МБОУ СОШ № 1", level: 1 }).waitFor();
      await page.locator("[data-figure='participants']").waitFor();

      // The export: one click, progress to 100 %, then the download.
      await nav.getByRole("link", { name: "Отчёты", exact: true }).click();
      await page.getByRole("heading", { name: "Отчёты", level: 1 }).waitFor();
      await page.getByRole("button", { name: "Сформировать", exact: true }).click();
      const progress = page.getByRole("progressbar", { name: "Ход выгрузки", exact: true });
      await progress.waitFor();
      await page.locator("[role='progressbar'][aria-valuenow='100']").waitFor({ timeout: 60_000 });
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page
          .getByRole("region", { name: "Текущая выгрузка", exact: true })
          .getByRole("link", { name: /^Скачать/ })
          .click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^Сводный отчёт ЦМН .*\.xlsx$/);
      const path = await download.path();
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path);
      expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
        "Сводка",
        "Организации",
        "Формы наставничества",
        "Дорожные карты",
        "Мониторинг",
        "Федеральная форма",
        "Лучшие практики",
        "Партнёры и договоры",
        "Обучение и поощрения",
      ]);
      const summary = new Map<string, number>();
      workbook.getWorksheet("Сводка")?.eachRow((row) => {
        const [label, value] = (row.values as ExcelJS.CellValue[]).slice(1);
        if (typeof value === "number") summary.set(String(label), value);
      });
      expect(summary.get("Участников в базах")).toBe(shown.participants);
      expect(summary.get("Наставников")).toBe(shown.mentors);
      expect(summary.get("Наставляемых")).toBe(shown.mentees);
      expect(summary.get("Пар и групп активных")).toBe(shown.pairsActive);
      expect(summary.get("Пар и групп формируется")).toBe(shown.pairsForming);
      const institutions = workbook.getWorksheet("Организации");
      const header = ((institutions?.getRow(1).values ?? []) as ExcelJS.CellValue[]).slice(1);
      let totalRow: ExcelJS.CellValue[] = [];
      institutions?.eachRow((row) => {
        const values = (row.values as ExcelJS.CellValue[]).slice(1);
        if (values[0] === "Итого") totalRow = values;
      });
      expect(totalRow[header.indexOf("Участников")]).toBe(shown.participants);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
