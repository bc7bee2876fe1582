import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, type Harness, digits, navLabelsFor, signIn, useHarness } from "./harness";

const REGION = "Тверская область";
const REGION_ADMIN = "rnc.tver@example.org";
const CURATOR = "curator.tver@example.org";
const PASSWORD = "tver-password-1";

type Totals = {
  institutions: number;
  participants: number;
  mentors: number;
  mentees: number;
  pairs: { active: number; completed: number };
};

/** Follows the invitation link the mail sink received for an address: the new account's access token. */
async function accept(harness: Harness, email: string, fullName: string) {
  const [mail] = await harness.mailTo(email);
  const token = /\/invite\/([\w-]+)/.exec(mail?.body.text ?? "")?.[1];
  expect(token, `no invitation mailed to ${email}`).toBeTruthy();
  const accepted = await harness.api<{ accessToken: string }>(
    "POST",
    `/api/auth/invitations/${token}/accept`,
    undefined,
    { fullName, password: PASSWORD },
    200,
  );
  return accepted.accessToken;
}

const institution = (shortName: string, type: "school" | "college") => ({
  fullName: `Государственное учреждение «${shortName}»`,
  shortName,
  type,
  municipality: "Городской округ Тверь",
  studentsTotal: 600,
  students10to19: 400,
  teachersTotal: 50,
  youngTeachers: 5,
});

describe("the platform admin's summary by region", { timeout: 180_000 }, () => {
  const harness = useHarness();

  it("a region created here shows the same counts as its own dashboard; region roles do not see the page", async () => {
    const { context, page } = await harness.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    try {
      const { api } = harness;
      const { login } = api;

      // The platform admin creates a region and invites its admin, who sets up three institutions (archiving one)
      // and invites a curator, who registers participants.
      const platform = await login("admin@demo.local");
      const { regionId } = await api<{ regionId: string }>("POST", "/api/regions", platform, {
        name: REGION,
        code: "69",
        timeZone: "Europe/Moscow",
      });
      await api("POST", `/api/regions/${regionId}/invitations`, platform, { email: REGION_ADMIN, role: "region_admin" });
      const regionAdmin = await accept(harness, REGION_ADMIN, "Тверская Анна Петровна");
      const created = [];
      for (const [name, type] of [
        ["МОУ СОШ № 7", "school"],
        ["ГБПОУ Тверской колледж", "college"],
        ["МОУ СОШ № 9", "school"],
      ] as const) {
        created.push(await api<{ tenantId: string }>("POST", "/api/institutions", regionAdmin, institution(name, type)));
      }
      const [school, , closed] = created;
      await api("POST", `/api/institutions/${closed?.tenantId}/archive`, regionAdmin, undefined, 200);
      await api("POST", "/api/invitations", regionAdmin, { email: CURATOR, role: "curator", tenantId: school?.tenantId });
      const curator = await accept(harness, CURATOR, "Кураторова Мария Сергеевна");
      for (const person of [
        {
          fullName: "Наставникова Елена Викторовна",
          birthDate: "1979-05-05",
          category: "teacher",
          isMentor: true,
          isMentee: false,
          capacity: 2,
        },
        { fullName: "Новикова Ольга Ивановна", birthDate: "2001-03-03", category: "young_specialist", isMentor: false, isMentee: true },
        { fullName: "Учеников Иван Петрович", birthDate: "2012-01-01", category: "pupil", isMentor: false, isMentee: true },
      ]) {
        await api("POST", "/api/participants", curator, person);
      }

      // What each region's own dashboard reports.
      const dashboards = new Map<string, Totals>();
      for (const [name, email, password] of [
        [REGION, REGION_ADMIN, PASSWORD],
        ["Демонстрационный регион", "rnc@demo.local", DEMO_PASSWORD],
      ] as const) {
        const { totals } = await api<{ totals: Totals }>("GET", "/api/stats/region", await login(email, password));
        dashboards.set(name, totals);
      }
      expect(dashboards.get(REGION)).toMatchObject({ institutions: 2, participants: 3, mentors: 1, mentees: 2 });

      // The platform admin opens the summary from the navigation.
      await signIn(page, "admin@demo.local");
      const nav = page.getByRole("navigation", { name: "Разделы", exact: true });
      await nav.getByRole("link", { name: "Сводка по регионам", exact: true }).click();
      await page.getByRole("heading", { name: "Сводка по регионам", level: 1 }).waitFor();
      expect(await nav.getByRole("link").allTextContents()).toEqual(navLabelsFor("platform_admin"));
      const table = page.getByRole("table", { name: "Организации, участники и пары по регионам", exact: true });
      await table.waitFor();

      const rowOf = (name: string) => table.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
      const shown = async (name: string) => {
        const row = rowOf(name);
        const count = async (key: string) => digits(await row.locator(`[data-count='${key}']`).textContent());
        return {
          institutions: await count("institutions"),
          participants: await count("participants"),
          mentors: await count("mentors"),
          mentees: await count("mentees"),
          pairs: { active: await count("pairsActive"), completed: await count("pairsCompleted") },
        };
      };
      const rows: Record<string, Totals> = {};
      for (const [name, totals] of dashboards) {
        rows[name] = await shown(name);
        expect(rows[name], name).toEqual({
          institutions: totals.institutions,
          participants: totals.participants,
          mentors: totals.mentors,
          mentees: totals.mentees,
          pairs: { active: totals.pairs.active, completed: totals.pairs.completed },
        });
      }
      // Only these two regions exist here, so the totals row is their sum.
      expect(await table.getByRole("rowheader").allTextContents()).toEqual(["Демонстрационный регион", REGION, "Итого"]);
      const sum = (pick: (t: Totals) => number) => Object.values(rows).reduce((n, t) => n + pick(t), 0);
      expect(await shown("Итого")).toEqual({
        institutions: sum((t) => t.institutions),
        participants: sum((t) => t.participants),
        mentors: sum((t) => t.mentors),
        mentees: sum((t) => t.mentees),
        pairs: { active: sum((t) => t.pairs.active), completed: sum((t) => t.pairs.completed) },
      });
      expect(await page.locator(".summary").textContent()).toMatch(/^2 региона, \d+ организаци(я|и|й), \d+ участник(|а|ов) в базах\./);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }

    // A region admin has no such navigation item, and the address itself shows «Страница не найдена».
    const region = await harness.newPage();
    try {
      await signIn(region.page, REGION_ADMIN, PASSWORD);
      const nav = region.page.getByRole("navigation", { name: "Разделы", exact: true });
      await nav.getByRole("link", { name: "Статистика", exact: true }).waitFor();
      const labels = await nav.getByRole("link").allTextContents();
      expect(labels).toEqual(navLabelsFor("region_admin"));
      expect(labels).not.toContain("Сводка по регионам");
      await region.page.goto("/platform/stats");
      await region.page.getByRole("heading", { name: "Страница не найдена", level: 1 }).waitFor();
    } finally {
      await region.context.close();
    }
  });
});
