import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { sectionsFor } from "../web/src/sections";
import { signIn, useHarness } from "./harness";

/** axe-core's browser build, injected into each page as it is (the engine runs in the page, as in a browser extension). */
const axeSource: string = createRequire(import.meta.url)("axe-core").source;

type Violation = { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] };

/**
 * WCAG 2.1 A and AA rules checked by axe-core on a page once it has loaded (its heading shown, no «Загрузка…» left):
 * each violation as one readable line with the elements it was found on.
 */
async function violationsOn(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  await page
    .getByRole("heading", { level: 1 })
    .first()
    .waitFor()
    .catch((error: Error) => {
      throw new Error(`${path}: no page heading (${page.url()}): ${error.message}`);
    });
  await expect.poll(() => page.getByText("Загрузка…").count(), { timeout: 20_000 }).toBe(0);
  // Still on the page asked for: not sent back to sign-in, so the page checked is the page named.
  expect(new URL(page.url()).pathname).toBe(path);
  return violationsNow(page, path);
}

/** The same check on the page as it is now (a dialog open, a form showing its errors), reported under `label`. */
async function violationsNow(page: Page, label: string): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations;
  });
  return violations.map(
    (v) =>
      `${label}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes
        .slice(0, 5)
        .map((node) => `${JSON.stringify(node.target)} ${node.failureSummary?.replace(/\s+/g, " ") ?? ""}`)
        .join("; ")}`,
  );
}

type Listed = { items: Record<string, unknown>[] };
const idOf = (list: Listed, key: string) => {
  const id = list.items[0]?.[key];
  if (typeof id !== "string") throw new Error(`no ${key} in ${JSON.stringify(list).slice(0, 200)}`);
  return id;
};

describe("accessibility (axe-core, WCAG 2.1 AA) of every page each role reaches", { timeout: 600_000 }, () => {
  const harness = useHarness();
  /** Each role's pages, with a curator's records behind them so that lists, cards and forms show content. */
  let pagesOf: Record<string, string[]>;
  let records: { pupil: string; pairId: string };

  beforeAll(async () => {
    const { api } = harness;
    const curator = await api.login("curator1@demo.local");
    const person = async (data: Record<string, unknown>) =>
      (await api<{ participantId: string }>("POST", "/api/participants", curator, data)).participantId;
    const mentor = await person({
      fullName: "Наставникова Елена Петровна",
      birthDate: "1979-05-05",
      category: "teacher",
      isMentor: true,
      isMentee: false,
      capacity: 2,
    });
    const mentee = await person({
      fullName: "Новикова Ольга Сергеевна",
      birthDate: "2001-03-03",
      category: "young_specialist",
      isMentor: false,
      isMentee: true,
    });
    // A minor too: the card shows the parent's consent.
    const pupil = await person({
      fullName: "Ученикова Анна Ивановна",
      birthDate: "2012-01-01",
      category: "pupil",
      isMentor: false,
      isMentee: true,
    });
    const { pair } = await api<{ pair: { pairId: string } }>("POST", "/api/pairs", curator, {
      form: "teacher_teacher",
      mentorId: mentor,
      menteeIds: [mentee],
      startDate: "2026-01-10",
      endDate: "2099-06-30",
    });
    // A partner with a contract and a reward to the mentor: their tables (and the mentor card's rewards) show rows.
    await api("POST", "/api/partners", curator, {
      name: "АО «Завод Прогресс»",
      kind: "employer",
      inList: true,
      providesCurator: true,
      contracts: [{ kind: "agreement", number: "15", date: "2025-09-01", validUntil: "2099-08-31" }],
    });
    await api("POST", "/api/rewards", curator, {
      participantId: mentor,
      measure: "certificate",
      level: "institution",
      date: new Date().toISOString().slice(0, 10),
      basis: "Приказ № 45",
    });
    // A publication (a link to it) and an accessibility measure: the media plan's and the measures' tables show rows.
    await api("POST", "/api/publications", curator, {
      title: "Наставник года: итоги конкурса",
      date: new Date().toISOString().slice(0, 10),
      channel: "site",
      format: "news",
      rubric: "Наставничество",
      url: "https://school.example.ru/news/mentor",
    });
    await api("POST", "/api/accessibility-measures", curator, {
      category: "ovz",
      measure: "Индивидуальный график встреч наставника и наставляемого",
      act: "Приказ № 112 от 30.09.2026",
      dueDate: "2099-10-31",
      done: false,
    });
    const { surveyId } = await api<{ surveyId: string }>("POST", "/api/surveys/from-template", curator, { template: "growth" });
    const roadmapId = idOf(await api<Listed>("GET", "/api/roadmaps", curator), "roadmapId");
    const region = await api.login("rnc@demo.local");
    const campaignId = idOf(await api<Listed>("GET", "/api/monitoring/campaigns", region), "campaignId");
    const { tenantId } = await api<{ tenantId: string }>("GET", "/api/institutions/own", curator);
    records = { pupil, pairId: pair.pairId };
    pagesOf = {
      "admin@demo.local": ["/", ...sectionsFor("platform_admin").map((s) => s.path)],
      "rnc@demo.local": [
        "/",
        ...sectionsFor("region_admin").map((s) => s.path),
        "/settings/reminders",
        "/institutions/import",
        `/region/monitoring/${campaignId}`,
        `/region/monitoring/${campaignId}/${tenantId}`,
        `/region/stats/${tenantId}`,
      ],
      "curator1@demo.local": [
        "/",
        ...sectionsFor("curator").map((s) => s.path),
        "/institution/summary",
        "/participants/import",
        `/participants/${mentor}`,
        `/participants/${pupil}`,
        `/pairs/${pair.pairId}`,
        "/roadmaps/import",
        `/roadmaps/${roadmapId}`,
        `/roadmaps/${roadmapId}/calendar`,
        `/roadmaps/${roadmapId}/print`,
        `/monitoring/${campaignId}`,
        `/surveys/${surveyId}`,
        "/settings/reminders",
        "/no-such-page",
      ],
    };
  }, 60_000);

  async function signedIn(page: Page, email: string) {
    await page.context().clearCookies();
    await signIn(page, email);
    await page.waitForURL((url) => url.pathname !== "/login");
  }

  it("no page of the platform administrator, the regional centre or a curator, nor a public page, has a violation", async () => {
    const found: string[] = [];
    const { context, page } = await harness.newPage();
    try {
      // A desktop screen, then a phone's, where wide tables scroll and the navigation is behind «Меню» (closed).
      for (const viewport of [
        { width: 1280, height: 800 },
        { width: 390, height: 844 },
      ]) {
        await page.setViewportSize(viewport);
        await context.clearCookies();
        // The pages reached without signing in (a link's token that is not valid shows the page's error state).
        for (const path of ["/login", "/forgot-password", "/reset-password/x", "/invite/x", "/survey/x", "/unsubscribe/x"])
          found.push(...(await violationsOn(page, path)));
        for (const [email, paths] of Object.entries(pagesOf)) {
          await signedIn(page, email);
          for (const path of paths) found.push(...(await violationsOn(page, path)));
        }
      }
    } finally {
      await context.close();
    }
    expect(found).toEqual([]);
  });

  it("no form dialog has a violation, opened or sent empty with its errors shown", async () => {
    // The third element: whether the form refuses to be sent empty (a plan may be saved with nothing in it yet).
    const dialogsOf: Record<string, [path: string, opener: string, refusesEmpty: boolean][]> = {
      "rnc@demo.local": [
        ["/institutions", "Добавить организацию", true],
        ["/users", "Пригласить", true],
      ],
      "curator1@demo.local": [
        ["/participants", "Добавить участника", true],
        ["/pairs", "Создать пару", true],
        [`/participants/${records.pupil}`, "Записать согласие", true],
        [`/pairs/${records.pairId}`, "Записать соглашение", true],
        [`/pairs/${records.pairId}`, "Редактировать план", false],
        [`/pairs/${records.pairId}`, "Записать встречу", true],
        ["/partners", "Добавить организацию", true],
        ["/rewards", "Записать поощрение", true],
        ["/publications", "Добавить публикацию", true],
        ["/accessibility", "Добавить меру", true],
      ],
    };
    const found: string[] = [];
    let checked = 0;
    const { context, page } = await harness.newPage();
    try {
      for (const [email, dialogs] of Object.entries(dialogsOf)) {
        await signedIn(page, email);
        for (const [path, opener, refusesEmpty] of dialogs) {
          found.push(...(await violationsOn(page, path)));
          await page.getByRole("button", { name: opener, exact: true }).click();
          const dialog = page.getByRole("dialog");
          await dialog.waitFor();
          found.push(...(await violationsNow(page, `${path} «${opener}»`)));
          if (refusesEmpty) {
            // Fields the form fills in itself (today's date, a usual duration) are emptied too.
            for (const field of await dialog.locator("input[type=text], input[type=number], input[type=email], input:not([type])").all()) {
              await field.fill("");
            }
            await dialog.locator("[type=submit]").click();
            // The form's own messages: an alert and the fields marked invalid.
            await dialog
              .locator("[aria-invalid=true], [role=alert]")
              .first()
              .waitFor({ state: "attached" })
              .catch((error: Error) => {
                throw new Error(`${path} «${opener}» sent empty shows no error: ${error.message}`);
              });
            found.push(...(await violationsNow(page, `${path} «${opener}», sent empty`)));
          }
          await page.keyboard.press("Escape");
          await dialog.waitFor({ state: "detached" });
          checked += 1;
        }
      }
    } finally {
      await context.close();
    }
    expect(checked).toBe(12);
    expect(found).toEqual([]);
  });

  it("on a phone the navigation is behind «Меню»: the keyboard opens it, its links lead on and close it, Esc closes it", async () => {
    const { context, page } = await harness.newPage();
    try {
      await signedIn(page, "curator1@demo.local");
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto("/participants");
      await page.getByRole("heading", { level: 1, name: "Участники", exact: true }).waitFor();
      const nav = page.getByRole("navigation", { name: "Разделы", exact: true });
      const menu = nav.getByRole("button", { name: "Меню", exact: true });
      expect(await menu.getAttribute("aria-expanded")).toBe("false");
      expect(await nav.getByRole("link").count()).toBe(0);
      // The header with the menu closed takes little of the screen (it took 470–570 px with every link shown).
      expect(await page.locator(".app-header").evaluate((header) => header.getBoundingClientRect().height)).toBeLessThan(250);

      await menu.focus();
      await page.keyboard.press("Enter");
      expect(await menu.getAttribute("aria-expanded")).toBe("true");
      expect(await nav.getByRole("link").count()).toBe(sectionsFor("curator").length + 1);
      expect(await violationsNow(page, "/participants, «Меню» open")).toEqual([]);
      await page.keyboard.press("Tab");
      await page.keyboard.press("Escape");
      expect(await menu.getAttribute("aria-expanded")).toBe("false");
      expect(await menu.evaluate((button) => button === document.activeElement)).toBe(true);

      await menu.click();
      await nav.getByRole("link", { name: "Пары", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: "Пары и группы", exact: true }).waitFor();
      expect(await menu.getAttribute("aria-expanded")).toBe("false");

      // On a desktop screen every link is shown and «Меню» is not.
      await page.setViewportSize({ width: 1280, height: 800 });
      expect(await menu.isVisible()).toBe(false);
      expect(await nav.getByRole("link").count()).toBe(sectionsFor("curator").length + 1);
    } finally {
      await context.close();
    }
  });

  it("a table wider than the screen is a named region the keyboard can scroll; a table that fits adds no tab stop", async () => {
    const { context, page } = await harness.newPage();
    try {
      await signedIn(page, "rnc@demo.local");
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto("/region/stats");
      const region = page.getByRole("region", { name: "Показатели: факт и цель", exact: true });
      await region.waitFor();
      expect(await region.getAttribute("tabindex")).toBe("0");
      await region.focus();
      await page.keyboard.press("ArrowRight");
      await expect.poll(() => region.evaluate((box) => box.scrollLeft)).toBeGreaterThan(0);

      await page.setViewportSize({ width: 1280, height: 800 });
      await expect.poll(() => page.getByRole("region", { name: "Показатели: факт и цель", exact: true }).count()).toBe(0);
      await expect.poll(() => page.getByRole("table", { name: "Показатели: факт и цель", exact: true }).count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});
