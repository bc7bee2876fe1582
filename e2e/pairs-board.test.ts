import { describe, expect, it } from "vitest";
import { signIn, useHarness } from "./harness";

type Created = { pair: { pairId: string; version: number } };

describe("the pair board", { timeout: 180_000 }, () => {
  const harness = useHarness();

  it("shows each column's newest 20 pairs and its full count; «Показать ещё» brings the rest of that status", async () => {
    const { context, page } = await harness.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    const pairRequests: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith("/api/pairs")) pairRequests.push(`${url.pathname}${url.search}`);
    });
    try {
      // One mentor, 24 mentees and 24 draft pairs through the API; 2 of them terminated: 22 stay «Формируется».
      const { api } = harness;
      const curator = await api.login("curator1@demo.local");
      const mentor = await api<{ participantId: string }>("POST", "/api/participants", curator, {
        fullName: "Наставникова Анна Петровна",
        category: "teacher",
        isMentor: true,
        isMentee: false,
      });
      // Distinct surnames: a card shows «Фамилия И. О.».
      const surnames =
        "Агеева Белова Васина Галкина Дёмина Ершова Жукова Зуева Ильина Котова Лосева Мухина Носова Орлова Пахомова Рыбина Сёмина Титова Ульянова Фомина Хохлова Цветкова Чернова Шубина".split(
          " ",
        );
      const pairIds: string[] = [];
      for (let i = 1; i <= 24; i++) {
        const mentee = await api<{ participantId: string }>("POST", "/api/participants", curator, {
          fullName: `${surnames[i - 1]} Ольга Петровна`,
          category: "teacher",
          isMentor: false,
          isMentee: true,
        });
        const created = await api<Created>("POST", "/api/pairs", curator, {
          form: "teacher_teacher",
          mentorId: mentor.participantId,
          menteeIds: [mentee.participantId],
          startDate: "2026-09-01",
          endDate: "2027-05-31",
        });
        pairIds.push(created.pair.pairId);
      }
      // The oldest (it would be on the second page) and the newest (on the first).
      const terminated = [pairIds[0], pairIds[23]] as string[];
      for (const pairId of terminated) {
        await api("POST", `/api/pairs/${pairId}/terminate`, curator, { reason: "Наставляемый перешёл в другую школу", version: 1 }, 200);
      }
      // The whole «Формируется» column as the API lists it, newest first.
      const forming = (await api<{ items: { pairId: string }[] }>("GET", "/api/pairs?status=forming", curator)).items.map((p) => p.pairId);
      expect(forming).toHaveLength(22);
      expect(new Set(forming)).toEqual(new Set(pairIds.filter((id) => !terminated.includes(id))));

      await signIn(page, "curator1@demo.local");
      await page.getByRole("navigation", { name: "Разделы", exact: true }).getByRole("link", { name: "Пары", exact: true }).click();
      const formingColumn = page.getByRole("region", { name: /^Формируется/ });
      const terminatedColumn = page.getByRole("region", { name: /^Прекращена/ });
      const hrefs = (column: typeof formingColumn) =>
        column.locator(".board-card > a").evaluateAll((links) => links.map((link) => link.getAttribute("href")?.replace("/pairs/", "")));

      // The heading counts all 22, the column shows the newest 20 and says so.
      await formingColumn.getByRole("heading", { name: "Формируется 22 пары", level: 2 }).waitFor();
      expect(await formingColumn.getByRole("listitem").count()).toBe(20);
      expect(await hrefs(formingColumn)).toEqual(forming.slice(0, 20));
      expect(await formingColumn.getByText("Показано 20 пар из 22").count()).toBe(1);
      expect(await page.getByRole("heading", { name: "Активна 0 пар", level: 2 }).count()).toBe(1);
      // The terminated pairs are in their own column, not among the forming ones.
      await terminatedColumn.getByRole("heading", { name: "Прекращена 2 пары", level: 2 }).waitFor();
      expect(new Set(await hrefs(terminatedColumn))).toEqual(new Set(terminated));
      // Only the column with more pairs offers more.
      expect(await page.getByRole("button", { name: "Показать ещё", exact: true }).count()).toBe(1);
      // The board came in one request.
      expect(pairRequests).toEqual(["/api/pairs/board"]);

      // «Показать ещё», pressed from the keyboard, brings the other 2, oldest last; the button goes.
      const more = formingColumn.getByRole("button", { name: "Показать ещё", exact: true });
      await more.focus();
      await page.keyboard.press("Enter");
      await formingColumn.getByText("Показаны все пары").waitFor();
      expect(await formingColumn.getByRole("listitem").count()).toBe(22);
      expect(await hrefs(formingColumn)).toEqual(forming);
      expect(await formingColumn.getByRole("button", { name: "Показать ещё", exact: true }).count()).toBe(0);
      expect(await formingColumn.getByRole("heading", { name: "Формируется 22 пары", level: 2 }).count()).toBe(1);
      // The focus moved on to the first pair the page brought, not lost with the button.
      expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe(`/pairs/${forming[20]}`);
      expect(pairRequests).toEqual(["/api/pairs/board", `/api/pairs?status=forming&limit=20&cursor=${forming[19]}`]);
      await page.screenshot({ path: "/tmp/cmn-pair-board.png", fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
