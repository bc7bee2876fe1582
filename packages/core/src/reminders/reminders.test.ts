import { describe, expect, it, vi } from "vitest";
import { call, createTestRegion, mailTo, system, tokenFor } from "../../../../scripts/test/fixtures";
import { app } from "../../../../functions/api/app";
import { Institution } from "../institution";
import { User } from "../user";
import { withActor } from "../actor";
import { type DueEntry, type ReminderSource, Reminders, runReminders, unsubscribeLinks } from ".";
import { recordSesFeedback } from "./feedback";
import { composeDigest } from "./mime";
import { renderDigest } from "./digest";
import { addDays } from "../dates";
import { sesClient } from "../email";

const policy = { ratePerSecond: 1000, attempts: 3, backoffMs: 5 };

/** A source over fixed entries (kept to the region being processed); the engine is what is under test here. */
function fixedSource(entries: (today: string) => DueEntry[]): ReminderSource {
  return {
    name: "fixed",
    collect: async (region, today) => {
      const own = await system(async () => (await Institution.find(entries(today)[0]?.tenantId ?? ""))?.regionId);
      const list = own === region.regionId ? entries(today) : [];
      return { entries: list, itemsRead: list.length };
    },
  };
}

const entry = (tenantId: string, overrides: Partial<DueEntry> = {}): DueEntry => ({
  tenantId,
  rule: "roadmap_due",
  occurrence: "item-1#2026-12-20",
  title: "Проведение мониторинга реализации программы",
  due: "2026-12-20",
  daysLeft: 7,
  link: "/roadmaps/rmp_1#item-1",
  statutory: false,
  ...overrides,
});

describe("reminder digests", async () => {
  const { school, users } = await createTestRegion();
  const curator = users.curator;

  it("renders a Russian digest with sections, ДД.ММ.ГГГГ dates, plurals, direct links and an unsubscribe footer", () => {
    const digest = renderDigest({
      recipientName: "Иванова Мария Сергеевна",
      heading: "Напоминания:",
      entries: [
        entry(school.tenantId),
        entry(school.tenantId, { rule: "roadmap_overdue", occurrence: "item-2", due: "2026-12-12", daysLeft: -1, title: "Анкетирование" }),
        entry(school.tenantId, {
          rule: "campaign_due",
          occurrence: "cmp",
          due: "2026-12-20",
          daysLeft: 7,
          title: "Мониторинг ЦМН",
          statutory: true,
        }),
      ],
      appUrl: "https://app.example.org",
      unsubscribeUrl: "https://app.example.org/unsubscribe/t",
    });
    expect(digest.subject).toBe("ЦМН: 3 напоминания, из них 1 просроченное");
    expect(digest.text).toContain("Проведение мониторинга реализации программы (срок 20.12.2026 — через 7 дней)");
    expect(digest.text).toContain("(срок был 12.12.2026 — просрочено на 1 день)");
    expect(digest.text.indexOf("Сроки мониторинга")).toBeLessThan(digest.text.indexOf("Просроченные мероприятия"));
    expect(digest.html).toContain('href="https://app.example.org/roadmaps/rmp_1#item-1"');
    expect(digest.text).toContain("https://app.example.org/unsubscribe/t");
    // Greeted as the web app greets; the footer promises nothing the app does not have (there is no profile page).
    expect(digest.text.startsWith("Здравствуйте, Мария Сергеевна!\n")).toBe(true);
    expect(digest.html).toContain("<p>Здравствуйте, Мария Сергеевна!</p>");
    expect(digest.text).not.toContain("в профиле");
    expect(digest.text).toContain(
      "Чтобы не получать необязательные напоминания (о дорожной карте, анкетах и парах без встреч), перейдите по ссылке: https://app.example.org/unsubscribe/t",
    );
  });

  it("puts List-Unsubscribe headers on the message", async () => {
    const raw = (
      await composeDigest("a@example.org", { subject: "Тема", text: "т", html: "<p>т</p>" }, "https://x/unsubscribe/abc")
    ).toString();
    expect(raw).toMatch(/List-Unsubscribe: <https:\/\/x\/unsubscribe\/abc>/);
    expect(raw).toMatch(/List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
    expect(raw).toMatch(/multipart\/alternative/);
  });

  it("runs at 09:00 in the region's time zone only, and sends nothing when there is nothing to say", async () => {
    const source = fixedSource(() => [entry(school.tenantId, { occurrence: "tz-check" })]);
    const at8 = await system(() => runReminders({ now: new Date("2026-12-13T05:00:00Z"), sources: [source], policy }));
    expect(at8.sent).toBe(0);
    const empty = await system(() => runReminders({ now: new Date("2026-12-13T06:00:00Z"), sources: [fixedSource(() => [])], policy }));
    expect(empty).toMatchObject({ sent: 0, recipients: 0 });
    const at9 = await system(() => runReminders({ now: new Date("2026-12-13T06:00:00Z"), sources: [source], policy }));
    expect(at9.regions).toBeGreaterThanOrEqual(1);
    expect(at9.sent).toBe(1);
    const mail = (await mailTo(curator.email)).at(-1);
    expect(mail?.subject).toBe("ЦМН: 1 напоминание");
  });

  it("sends each reminder at most once, even when two runs overlap", async () => {
    const source = fixedSource(() => [entry(school.tenantId, { occurrence: "concurrent#2026-12-20" })]);
    const before = (await mailTo(curator.email)).length;
    const [a, b] = await system(() =>
      Promise.all([
        runReminders({ date: "2026-12-13", sources: [source], policy }),
        runReminders({ date: "2026-12-13", sources: [source], policy }),
      ]),
    );
    expect(a.sent + b.sent).toBe(1);
    expect(a.skippedDuplicates + b.skippedDuplicates).toBeGreaterThanOrEqual(1);
    const again = await system(() => runReminders({ date: "2026-12-13", sources: [source], policy }));
    expect(again.sent).toBe(0);
    expect((await mailTo(curator.email)).length).toBe(before + 1);
  });

  it("honours preferences: weekly digests go on Mondays; statutory reminders always go", async () => {
    const token = await tokenFor(curator);
    const saved = await call(app, "PUT", "/api/reminders/preferences", { token, body: { frequency: "weekly", nonStatutory: true } });
    expect(saved.status).toBe(200);
    const source = fixedSource((today) => [
      entry(school.tenantId, { occurrence: `weekly#${today}` }),
      entry(school.tenantId, { rule: "campaign_due", occurrence: `statutory#${today}`, statutory: true, title: "Мониторинг" }),
    ]);
    const sunday = await system(() => runReminders({ date: "2026-12-13", sources: [source], policy }));
    expect(sunday.sent).toBe(1);
    expect((await mailTo(curator.email)).at(-1)?.body.text).not.toContain("Проведение мониторинга");
    const monday = await system(() => runReminders({ date: "2026-12-14", sources: [source], policy }));
    expect(monday.sent).toBe(1);
    expect((await mailTo(curator.email)).at(-1)?.body.text).toContain("Проведение мониторинга");
    await call(app, "PUT", "/api/reminders/preferences", { token, body: { frequency: "daily", nonStatutory: true } });
  });

  it("a weekly digest on Monday carries what fell due on each day of the week before, once, with days counted from Monday", async () => {
    const { users: weekly, school: weeklySchool } = await createTestRegion();
    const token = await tokenFor(weekly.curator);
    await call(app, "PUT", "/api/reminders/preferences", { token, body: { frequency: "weekly", nonStatutory: true } });
    // Each day the source has one item due 7 days later (the roadmap rule's first reminder), and Thursday's twice.
    const source = fixedSource((today) => [
      entry(weeklySchool.tenantId, { occurrence: `item-${today}`, title: `Мероприятие с ${today}`, due: addDays(today, 7), daysLeft: 7 }),
      ...(today === "2026-12-10"
        ? [entry(weeklySchool.tenantId, { occurrence: `item-${today}`, title: "Повтор", due: "2026-12-17" })]
        : []),
    ]);
    const before = (await mailTo(weekly.curator.email)).length;
    for (const day of ["2026-12-09", "2026-12-10", "2026-12-11", "2026-12-12", "2026-12-13"])
      expect((await system(() => runReminders({ date: day, sources: [source], policy }))).sent).toBe(0);
    expect((await system(() => runReminders({ date: "2026-12-14", sources: [source], policy }))).sent).toBe(1);
    const letters = await mailTo(weekly.curator.email);
    expect(letters.length).toBe(before + 1);
    const text = letters.at(-1)?.body.text ?? "";
    for (const day of ["2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11", "2026-12-12", "2026-12-13", "2026-12-14"])
      expect(text.split(`Мероприятие с ${day}`).length - 1, day).toBe(1);
    expect(text).not.toContain("Повтор");
    // Tuesday's item is due on 15.12: one day after Monday, not seven.
    expect(text).toContain("срок 15.12.2026 — через 1 день");
  });

  it("the unsubscribe link turns off non-statutory reminders", async () => {
    const { users: other, school: otherSchool } = await createTestRegion();
    await system(() =>
      runReminders({ date: "2026-12-15", sources: [fixedSource(() => [entry(otherSchool.tenantId, { occurrence: "unsub" })])], policy }),
    );
    // The letter links to the web page /unsubscribe/:token (its button unsubscribes), not to the API.
    const link = /https?:\/\/[^/\s]+\/unsubscribe\/([\w.-]+)/.exec((await mailTo(other.curator.email)).at(-1)?.body.text ?? "")?.[1];
    expect(link).toBeTruthy();
    const res = await call(app, "POST", `/api/reminders/unsubscribe/${link}`);
    expect(res.json).toEqual({ email: other.curator.email });
    const prefs = await call(app, "GET", "/api/reminders/preferences", { token: await tokenFor(other.curator) });
    expect(prefs.json).toEqual({ frequency: "daily", nonStatutory: false });
    const bad = await call(app, "POST", "/api/reminders/unsubscribe/not-a-token");
    expect(bad.json.error.code).toBe("link.invalid");
  });

  it("links the letter to the web page and the List-Unsubscribe header to the one-click API route", async () => {
    const links = await unsubscribeLinks(curator.userId);
    const page = new URL(links.page);
    const oneClick = new URL(links.oneClick);
    expect(page.pathname).toMatch(/^\/unsubscribe\/[\w.-]+$/);
    expect(oneClick.pathname).toBe(`/api/reminders/unsubscribe/${page.pathname.split("/").at(-1)}`);
    const res = await call(app, "POST", oneClick.pathname);
    expect(res.json).toEqual({ email: curator.email });
    await call(app, "PUT", "/api/reminders/preferences", {
      token: await tokenFor(curator),
      body: { frequency: "daily", nonStatutory: true },
    });
  });

  it("signs one unsubscribe token per letter: the link in the text and the List-Unsubscribe header carry the same one", async () => {
    const { users: own, school: ownSchool } = await createTestRegion();
    // Both kinds of letter: the curator's reminders and the region admin's escalation.
    const source = fixedSource(() => [
      entry(ownSchool.tenantId, {
        rule: "campaign_missed",
        occurrence: "same-token",
        due: "2026-12-20",
        daysLeft: -1,
        title: "Мониторинг ЦМН",
        statutory: true,
      }),
    ]);
    const ses = await sesClient();
    const raws: string[] = [];
    const send = ses.send.bind(ses);
    const spy = vi.spyOn(ses, "send").mockImplementation((async (command: { input: { RawMessage?: { Data?: Uint8Array } } }) => {
      const data = command.input.RawMessage?.Data;
      if (data) raws.push(Buffer.from(data).toString());
      return send(command as Parameters<typeof send>[0]);
    }) as typeof ses.send);
    try {
      await system(() => runReminders({ date: "2026-12-21", sources: [source], policy }));
    } finally {
      spy.mockRestore();
    }
    for (const user of [own.curator, own.region_admin]) {
      const raw = raws.filter((message) => message.includes(user.email));
      expect(raw, user.role).toHaveLength(1);
      // The header as a mail client reads it: unfolded (a long value continues on the next line).
      const headers = (raw[0] ?? "").split("\r\n\r\n")[0]?.replace(/\r\n[ \t]+/g, " ") ?? "";
      const header = /^List-Unsubscribe: <https?:\/\/[^/\s]+\/api\/reminders\/unsubscribe\/([\w.-]+)>$/m.exec(headers)?.[1];
      const letter = (await mailTo(user.email)).at(-1)?.body.text ?? "";
      const link = /https?:\/\/[^/\s]+\/unsubscribe\/([\w.-]+)/.exec(letter)?.[1];
      expect(header, user.role).toBeTruthy();
      expect(link, user.role).toBe(header);
    }
  });

  it("never emails a suppressed address (SES bounce feedback)", async () => {
    const { users: other, school: otherSchool } = await createTestRegion();
    await recordSesFeedback(
      JSON.stringify({
        notificationType: "Bounce",
        bounce: { bounceType: "Permanent", bouncedRecipients: [{ emailAddress: other.curator.email.toUpperCase() }] },
      }),
    );
    const report = await system(() =>
      runReminders({ date: "2026-12-16", sources: [fixedSource(() => [entry(otherSchool.tenantId, { occurrence: "bounced" })])], policy }),
    );
    expect(report.suppressed).toBeGreaterThanOrEqual(1);
    expect(await mailTo(other.curator.email)).toHaveLength(0);
  });

  it("escalates missed campaign deadlines to the region admin, naming the institutions", async () => {
    const source = fixedSource(() => [
      entry(school.tenantId, {
        rule: "campaign_missed",
        occurrence: "cmp-missed",
        daysLeft: -1,
        due: "2026-12-20",
        title: "Мониторинг ЦМН, I полугодие",
        statutory: true,
      }),
    ]);
    await system(() => runReminders({ date: "2026-12-21", sources: [source], policy }));
    const mail = (await mailTo(users.region_admin.email)).at(-1);
    expect(mail?.body.text).toContain(`${school.shortName}: Мониторинг ЦМН, I полугодие`);
    expect(mail?.body.text).toContain("Пропущенные сроки отчётности");

    // The preview of that letter names each item's institution, as the letter does.
    const preview = await withActor({ type: "user", properties: { ...users.region_admin, role: "region_admin" } }, () =>
      Reminders.preview(users.region_admin.userId, "2026-12-21", [source]),
    );
    expect(preview.entries).toEqual([
      expect.objectContaining({ rule: "campaign_missed", title: "Мониторинг ЦМН, I полугодие", institutionName: school.shortName }),
    ]);
    expect(preview.digest?.subject).toBe(mail?.subject);
  });

  it("a region admin's own preferences apply to their letter: without optional reminders, only missed statutory deadlines come", async () => {
    const { users: own, school: ownSchool } = await createTestRegion();
    const token = await tokenFor(own.region_admin);
    await call(app, "PUT", "/api/reminders/preferences", { token, body: { frequency: "daily", nonStatutory: false } });
    // A Monday: the weekly overview of overdue roadmap items (optional) and a missed monitoring deadline (statutory).
    const source = fixedSource(() => [
      entry(ownSchool.tenantId, { occurrence: "overdue-item", due: "2026-12-07", daysLeft: -7, title: "Просроченное мероприятие" }),
      entry(ownSchool.tenantId, {
        rule: "campaign_missed",
        occurrence: "missed-campaign",
        due: "2026-12-13",
        daysLeft: -1,
        title: "Мониторинг ЦМН, I полугодие",
        statutory: true,
      }),
    ]);
    const before = (await mailTo(own.region_admin.email)).length;
    await system(() => runReminders({ date: "2026-12-14", sources: [source], policy }));
    const letters = await mailTo(own.region_admin.email);
    expect(letters.length).toBe(before + 1);
    expect(letters.at(-1)?.body.text).toContain("Мониторинг ЦМН, I полугодие");
    expect(letters.at(-1)?.body.text).not.toContain("Просроченное мероприятие");
  });

  it("lets an admin preview a user's digest without sending", async () => {
    const token = await tokenFor(users.region_admin);
    const before = (await mailTo(curator.email)).length;
    const res = await call(app, "GET", `/api/reminders/preview/${curator.userId}?date=2026-12-13`, { token });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ userId: curator.userId, date: "2026-12-13" });
    expect((await mailTo(curator.email)).length).toBe(before);
    const stranger = await call(app, "GET", `/api/reminders/preview/${curator.userId}`, { token: await tokenFor(users.staff) });
    expect(stranger.status).toBe(403);
  });

  it("simulates and previews on the region's own today, not the UTC date (22:30 UTC is already the next day in Moscow)", async () => {
    const lateEvening = new Date("2026-12-15T22:30:00Z");
    const days: string[] = [];
    const source: ReminderSource = {
      name: "days",
      collect: async (region, today) => {
        if (region.regionId === school.regionId) days.push(today);
        return { entries: [], itemsRead: 0 };
      },
    };
    await system(() => runReminders({ date: "today", now: lateEvening, sources: [source], policy }));
    expect(days).toEqual(["2026-12-16"]);

    vi.useFakeTimers({ toFake: ["Date"], now: lateEvening });
    try {
      const res = await call(app, "GET", `/api/reminders/preview/${curator.userId}`, { token: await tokenFor(users.region_admin) });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ userId: curator.userId, date: "2026-12-16" });
    } finally {
      vi.useRealTimers();
    }
  });

  it("finds curators through the scope index", async () => {
    const curators = await system(() => User.inScope(school.tenantId, ["curator"]));
    expect(curators.map((u) => u.userId)).toEqual([curator.userId]);
  });
});
