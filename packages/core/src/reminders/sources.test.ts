import { describe, expect, it } from "vitest";
import { app } from "../../../../functions/api/app";
import { call, createTestRegion, institutionInput, mailTo, system, tokenFor } from "../../../../scripts/test/fixtures";
import { withActor } from "../actor";
import { addDays, daysBetween, todayIn } from "../dates";
import { countOf } from "../ru";
import { Institution } from "../institution";
import { Roadmap } from "../roadmap";
import { runReminders } from ".";
import { reminderSources } from "./registry";

const policy = { ratePerSecond: 1000, attempts: 2, backoffMs: 5 };
const today = "2031-12-13";

/** A pasted roadmap with items due on chosen dates (and many that are not due on any reminder date). */
function roadmapTable(due: Record<string, string>, padding: number) {
  const rows = [
    "№ п/п\tНаименование мероприятий\tСрок реализации\tОтветственный исполнитель\tРезультат. Вид документа",
    "1.\tОрганизация\t\t\t",
    ...Object.entries(due).map(([name, date], i) => `1.${i + 1}\t${name}\tДо ${date.split("-").reverse().join(".")}\tКуратор\tПриказ`),
    ...Array.from(
      { length: padding },
      (_, i) => `2.${i + 1}\tМероприятие ${i + 1}\tДо 0${(i % 8) + 1}.0${(i % 5) + 2}.2031\tКуратор\tОтчёт`,
    ),
  ];
  return rows.join("\n");
}

describe("reminder sources: roadmaps and campaigns", async () => {
  const { region, school, users } = await createTestRegion("Регион напоминаний");
  // A larger region: 40 more institutions, each with a roadmap of 20 items none of which is due on a reminder date.
  const others = await system(() =>
    Promise.all(Array.from({ length: 40 }, () => Institution.createInRegion(region.regionId, institutionInput()))),
  );
  for (const institution of others.slice(0, 10)) {
    await withActor({ type: "system", properties: { tenantId: institution.tenantId, regionId: region.regionId } }, () =>
      Roadmap.importTable({ text: roadmapTable({}, 20), period: "2031 год", title: "Фон" }),
    );
  }
  const asCurator = <T>(fn: () => Promise<T>) => withActor({ type: "user", properties: { ...users.curator, role: "curator" } }, fn);
  const roadmap = await asCurator(() =>
    Roadmap.importTable({
      text: roadmapTable(
        { "Приказ о внедрении ЦМН": "2031-12-20", "Совещание рабочей группы": "2031-12-16", "Анкетирование наставников": "2031-12-12" },
        5,
      ),
      period: "2031 год",
      title: "Дорожная карта 2031",
    }),
  );

  const admin = await tokenFor(users.region_admin);
  const defaults = await call(app, "GET", "/api/monitoring/campaign-defaults?kind=monitoring&periodStart=2031-09-01", { token: admin });
  const { deadline: _d, ...campaignDefaults } = defaults.json;
  const campaign = await call(app, "POST", "/api/monitoring/campaigns", {
    token: admin,
    body: {
      ...campaignDefaults,
      name: "Мониторинг ЦМН, I полугодие 2031/32",
      periodStart: "2031-09-01",
      periodEnd: "2031-12-31",
      deadline: "2031-12-27",
    },
  });
  expect(campaign.status, campaign.text).toBe(201);
  expect((await call(app, "POST", `/api/monitoring/campaigns/${campaign.json.campaignId}/publish`, { token: admin })).status).toBe(200);

  it("sends the curator one digest with the roadmap items due in 7 and 3 days, the overdue one and the campaign in 14 days", async () => {
    const report = await system(() => runReminders({ date: today, sources: reminderSources, policy }));
    const digest = (await mailTo(users.curator.email)).at(-1);
    expect(digest?.subject).toBe("ЦМН: 4 напоминания, из них 1 просроченное");
    const text = digest?.body.text ?? "";
    expect(text).toContain("Мониторинг ЦМН, I полугодие 2031/32 (срок 27.12.2031 — через 14 дней)");
    expect(text).toContain("1.1 Приказ о внедрении ЦМН (срок 20.12.2031 — через 7 дней)");
    expect(text).toContain("1.2 Совещание рабочей группы (срок 16.12.2031 — через 3 дня)");
    expect(text).toContain("1.3 Анкетирование наставников (срок был 12.12.2031 — просрочено на 1 день)");
    expect(text).toMatch(new RegExp(`/roadmaps/${roadmap.roadmapId}#item-`));
    // Only due things were read: 3 roadmap items, the region's campaign list (1), and the campaign due in 14 days with
    // its 42 submissions; never the 200+ other items.
    expect(report.itemsRead).toBe(3 + 1 + 1 + 42);
    // Institutions without anything due but the campaign get the campaign alone (statutory).
    expect((await mailTo(users.curator.email)).length).toBe(1);
  });

  it("announces a campaign to every institution that has to answer it the morning after it is published, once", async () => {
    const published = await call(app, "GET", `/api/monitoring/campaigns/${campaign.json.campaignId}`, { token: admin });
    const publishedOn = todayIn("Europe/Moscow", new Date(published.json.publishedAt));
    const nextMorning = addDays(publishedOn, 1);
    const before = (await mailTo(users.curator.email)).length;
    await system(() => runReminders({ date: nextMorning, sources: reminderSources, policy }));
    const mails = await mailTo(users.curator.email);
    expect(mails.length).toBe(before + 1);
    const text = mails.at(-1)?.body.text ?? "";
    expect(text).toContain("Новые кампании мониторинга и отчётности (1):");
    expect(text).toContain(
      `Мониторинг ЦМН, I полугодие 2031/32 (срок 27.12.2031 — через ${countOf(daysBetween(nextMorning, "2031-12-27"), ["день", "дня", "дней"])})`,
    );
    expect(text).toContain(`/monitoring/${campaign.json.campaignId}`);
    // A second run on the same morning sends nothing again; the morning after, the announcement is over.
    await system(() => runReminders({ date: nextMorning, sources: reminderSources, policy }));
    await system(() => runReminders({ date: addDays(nextMorning, 1), sources: reminderSources, policy }));
    expect((await mailTo(users.curator.email)).length).toBe(before + 1);
  });

  it("reminds again as a date comes closer or passes: each scheduled reminder of a thing goes out once", async () => {
    const remindOn = async (date: string) => {
      const before = (await mailTo(users.curator.email)).length;
      await system(() => runReminders({ date, sources: reminderSources, policy }));
      await system(() => runReminders({ date, sources: reminderSources, policy }));
      const mails = await mailTo(users.curator.email);
      expect(mails.length, date).toBe(before + 1);
      return mails.at(-1)?.body.text ?? "";
    };
    // The item due on 16.12 was in the digest of 13.12 (3 days left); the one due on 12.12 was overdue by 1 day then.
    expect(await remindOn("2031-12-15")).toContain("1.2 Совещание рабочей группы (срок 16.12.2031 — через 1 день)");
    expect(await remindOn("2031-12-19")).toContain("1.3 Анкетирование наставников (срок был 12.12.2031 — просрочено на 7 дней)");
    // The campaign was reminded 14 days before; then 7 and 3 days before its deadline (1 day before: the last test).
    expect(await remindOn("2031-12-20")).toContain("Мониторинг ЦМН, I полугодие 2031/32 (срок 27.12.2031 — через 7 дней)");
    expect(await remindOn("2031-12-24")).toContain("Мониторинг ЦМН, I полугодие 2031/32 (срок 27.12.2031 — через 3 дня)");
  });

  it("escalates to the region admin on the day after the deadline, listing every institution that missed it", async () => {
    await system(() => runReminders({ date: "2031-12-28", sources: reminderSources, policy }));
    const escalation = (await mailTo(users.region_admin.email)).at(-1)?.body.text ?? "";
    expect(escalation).toContain("Пропущенные сроки отчётности (42)");
    expect(escalation).toContain(`${school.shortName}: Мониторинг ЦМН, I полугодие 2031/32`);
    // The region admin's link opens the campaign's tracker; a curator's (/monitoring/…) would not open for them.
    const count = (path: string) => escalation.split(path).length - 1;
    expect(count(`/region/monitoring/${campaign.json.campaignId}`)).toBeGreaterThan(0);
    expect(count(`/monitoring/${campaign.json.campaignId}`)).toBe(count(`/region/monitoring/${campaign.json.campaignId}`));
  });

  it("a submitted institution is not reminded", async () => {
    const curator = await tokenFor(users.curator);
    const form = await call(app, "GET", `/api/monitoring/submissions/${campaign.json.campaignId}`, { token: curator });
    // The default indicator set's manual fields (the rest are computed from live data).
    const manual = { plans_done: 92.5, assessment: "По плану", comment: "Работаем по дорожной карте" };
    const submitted = await call(app, "POST", `/api/monitoring/submissions/${campaign.json.campaignId}/submit`, {
      token: curator,
      body: { values: manual, version: form.json.version },
    });
    expect(submitted.status, submitted.text).toBe(200);
    // The day before the deadline, when an institution that has not submitted is reminded.
    const before = (await mailTo(users.curator.email)).length;
    await system(() => runReminders({ date: "2031-12-26", sources: reminderSources, policy }));
    expect((await mailTo(users.curator.email)).length).toBe(before);
  });
});
