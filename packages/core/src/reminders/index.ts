import { useUser, withActor } from "../actor";
import { signPurposeToken, verifyPurposeToken } from "../auth/token";
import { appUrl } from "../email";
import { VisibleError, notFound } from "../error";
import { Institution } from "../institution";
import { log } from "../log";
import { Region, type RegionInfo } from "../region";
import { User, type UserInfo, manageableScope } from "../user";
import * as z from "../zod";
import { type Digest, renderDigest } from "./digest";
import { ReminderMarkerEntity, ReminderPreferencesEntity, digestFrequencies } from "./reminder.entity";
import { addDays, daysBetween, isoWeekday } from "../dates";
import { DIGEST_HOUR, WEEKLY_DIGEST_WEEKDAY, localTime } from "./schedule";
import { type SendPolicy, createPacer, defaultSendPolicy, isSuppressed, sendRaw } from "./send";
import type { DueEntry, ReminderSource } from "./sources";
import { reminderRecipients } from "../access";

export type { DueEntry, ReminderSource } from "./sources";

export const PreferencesInput = z.object({
  frequency: z.enum(digestFrequencies, { error: "Частота: ежедневно, еженедельно или не присылать" }),
  nonStatutory: z.boolean({ error: "Укажите, присылать ли необязательные напоминания" }),
});
export type Preferences = z.infer<typeof PreferencesInput>;
const defaults: Preferences = { frequency: "daily", nonStatutory: true };

const MARKER_TTL_DAYS = 400;

async function preferencesOf(userId: string): Promise<Preferences> {
  const row = (await ReminderPreferencesEntity.get({ userId }).go()).data;
  return row ? { frequency: row.frequency, nonStatutory: row.nonStatutory } : defaults;
}

/**
 * Which of a recipient's entries go out today, given their preferences: statutory ones always; the others every day,
 * or for a weekly recipient on the weekly day together with those of the six days before (`week`), each once.
 */
export function selectForRecipient(entries: DueEntry[], prefs: Preferences, today: string, week: DueEntry[] = []): DueEntry[] {
  const weekly = prefs.frequency === "weekly" && isoWeekday(today) === WEEKLY_DIGEST_WEEKDAY;
  const optional = prefs.nonStatutory && (prefs.frequency === "daily" || weekly);
  const selected = entries.filter((entry) => entry.statutory || optional);
  if (!weekly || !optional) return selected;
  const seen = new Set(selected.map((entry) => entry.occurrence));
  for (const entry of week) {
    if (entry.statutory || seen.has(entry.occurrence)) continue;
    seen.add(entry.occurrence);
    selected.push({ ...entry, ...(entry.due ? { daysLeft: daysBetween(today, entry.due) } : {}) });
  }
  return selected;
}

/**
 * What the sources have due on `today`, and on the weekly day also what they had on each of the six days before (for
 * weekly recipients): each day through the sources' date indexes.
 */
async function collectDue(region: RegionInfo, today: string, sources: ReminderSource[]) {
  const days = isoWeekday(today) === WEEKLY_DIGEST_WEEKDAY ? [1, 2, 3, 4, 5, 6].map((back) => addDays(today, -back)) : [];
  const entries: DueEntry[] = [];
  const week: DueEntry[] = [];
  let itemsRead = 0;
  for (const day of [today, ...days]) {
    for (const source of sources) {
      const result = await source.collect(region, day);
      (day === today ? entries : week).push(...result.entries);
      itemsRead += result.itemsRead;
    }
  }
  return { entries, week, itemsRead };
}

/**
 * The unsubscribe links of a user's letters: `page`, the link in the text, opens a web page whose button unsubscribes
 * (mail scanners open links, so opening one changes nothing); `oneClick`, the List-Unsubscribe header, is the API route
 * that mail clients POST to (RFC 8058).
 */
export async function unsubscribeLinks(userId: string): Promise<{ page: string; oneClick: string }> {
  const token = await signPurposeToken("unsubscribe", userId);
  return { page: `${appUrl()}/unsubscribe/${token}`, oneClick: `${appUrl()}/api/reminders/unsubscribe/${token}` };
}

/**
 * The at-most-once marker's key of a recipient's reminder: the rule, the thing and its due date (`occurrence`), and how
 * many days are left, so that each of a thing's scheduled reminders (14, 7, 3 and 1 days before, 1 and 7 days after)
 * goes out once, and none twice.
 */
const markerKey = (entry: DueEntry) => `${entry.rule}#${entry.occurrence}${entry.daysLeft === undefined ? "" : `#${entry.daysLeft}`}`;

/** Claims the at-most-once markers; returns the entries this run owns (a concurrent run gets the others or none). */
async function claim(userId: string, entries: DueEntry[], now: Date): Promise<DueEntry[]> {
  const claimed: DueEntry[] = [];
  const expiresAt = Math.floor(now.getTime() / 1000) + MARKER_TTL_DAYS * 86_400;
  for (const entry of entries) {
    try {
      await ReminderMarkerEntity.create({
        userId,
        key: markerKey(entry),
        status: "claimed",
        at: now.toISOString(),
        expiresAt,
      }).go();
      claimed.push(entry);
    } catch (error) {
      if ((error as Error).message.includes("conditional request failed")) continue;
      throw error;
    }
  }
  return claimed;
}

async function release(userId: string, entries: DueEntry[]): Promise<void> {
  await Promise.all(entries.map((entry) => ReminderMarkerEntity.delete({ userId, key: markerKey(entry) }).go()));
}

async function markSent(userId: string, entries: DueEntry[]): Promise<void> {
  await Promise.all(
    entries.map((entry) =>
      ReminderMarkerEntity.patch({ userId, key: markerKey(entry) })
        .set({ status: "sent" })
        .go(),
    ),
  );
}

export type RunReport = {
  regions: number;
  recipients: number;
  sent: number;
  skippedDuplicates: number;
  suppressed: number;
  failed: number;
  itemsRead: number;
};

/** `digest` renders the letter of the entries this run owns, with `unsubscribeUrl` (the page link) in its text. */
type Delivery = {
  user: UserInfo;
  entries: DueEntry[];
  digest: (entries: DueEntry[], unsubscribeUrl: string) => Digest;
  /** The institutions' short names, for a letter that lists several (the region admin's). */
  institutionNames?: Map<string, string>;
};

async function deliver(delivery: Delivery, now: Date, policy: SendPolicy, pace: () => Promise<void>, report: RunReport): Promise<void> {
  const { user } = delivery;
  report.recipients += 1;
  if (await isSuppressed(user.email)) {
    report.suppressed += 1;
    return;
  }
  const owned = await claim(user.userId, delivery.entries, now);
  report.skippedDuplicates += delivery.entries.length - owned.length;
  if (owned.length === 0) return;
  try {
    // One token per letter: the link in the text and the List-Unsubscribe header carry the same one.
    const links = await unsubscribeLinks(user.userId);
    const digest = delivery.digest(owned, links.page);
    await pace();
    // The MIME composer is only needed when a digest is actually sent: loaded on first use.
    const { composeDigest } = await import("./mime");
    await sendRaw(await composeDigest(user.email, digest, links.oneClick), policy);
    await markSent(user.userId, owned);
    report.sent += 1;
  } catch (error) {
    // Released so a later run retries; the other recipients are not blocked.
    await release(user.userId, owned);
    report.failed += 1;
    log.error("reminder digest failed", { userId: user.userId, error: (error as Error).message });
  }
}

export type RunOptions = {
  now?: Date;
  /**
   * Run every region as if it were 09:00 local (the `npm run job:reminders` simulation): on this date, or with `"today"`
   * on each region's own today.
   */
  date?: string;
  sources: ReminderSource[];
  policy?: SendPolicy;
};

function regionToday(region: RegionInfo, options: RunOptions, now: Date): string | undefined {
  if (options.date === "today") return localTime(now, region.timeZone).date;
  if (options.date) return options.date;
  const local = localTime(now, region.timeZone);
  return local.hour === DIGEST_HOUR ? local.date : undefined;
}

/**
 * The daily reminder job. Called hourly; each region is handled in the run where its local time is 09:00.
 * Curators get one digest of what is due for their institution; region admins get the weekly summary
 * (Mondays) and the escalation on the day after a campaign deadline.
 */
export async function runReminders(options: RunOptions): Promise<RunReport> {
  const now = options.now ?? new Date();
  const policy = options.policy ?? defaultSendPolicy();
  const pace = createPacer(policy.ratePerSecond);
  const report: RunReport = { regions: 0, recipients: 0, sent: 0, skippedDuplicates: 0, suppressed: 0, failed: 0, itemsRead: 0 };
  for (const region of await Region.listAll()) {
    const today = regionToday(region, options, now);
    if (!today) continue;
    report.regions += 1;
    const { entries, week, itemsRead } = await collectDue(region, today, options.sources);
    report.itemsRead += itemsRead;
    for (const delivery of await deliveriesFor(region, entries, today, week)) await deliver(delivery, now, policy, pace, report);
  }
  return report;
}

async function deliveriesFor(region: RegionInfo, entries: DueEntry[], today: string, week: DueEntry[]): Promise<Delivery[]> {
  const deliveries: Delivery[] = [];
  const byTenant = new Map<string, { today: DueEntry[]; week: DueEntry[] }>();
  const of = (tenantId: string) => byTenant.get(tenantId) ?? byTenant.set(tenantId, { today: [], week: [] }).get(tenantId)!;
  for (const entry of entries) of(entry.tenantId).today.push(entry);
  for (const entry of week) of(entry.tenantId).week.push(entry);
  for (const [tenantId, due] of byTenant) {
    for (const curator of await User.inScope(tenantId, [reminderRecipients.institution])) {
      const selected = selectForRecipient(due.today, await preferencesOf(curator.userId), today, due.week);
      if (selected.length === 0) continue;
      deliveries.push({
        user: curator,
        entries: selected,
        digest: (owned, unsubscribeUrl) =>
          renderDigest({
            recipientName: curator.fullName,
            heading: "Напоминания о сроках по вашей организации:",
            entries: owned,
            appUrl: appUrl(),
            unsubscribeUrl,
          }),
      });
    }
  }
  const escalations = entries.filter(
    (e) => e.rule === "campaign_missed" || (isoWeekday(today) === WEEKLY_DIGEST_WEEKDAY && (e.daysLeft ?? 0) < 0),
  );
  if (escalations.length > 0) {
    const names = new Map<string, string>();
    for (const tenantId of new Set(escalations.map((e) => e.tenantId)))
      names.set(tenantId, (await Institution.find(tenantId))?.shortName ?? tenantId);
    for (const admin of await User.inScope(region.regionId, [reminderRecipients.region])) {
      // The admin's own choice applies as to a curator: missed statutory deadlines always come.
      const selected = selectForRecipient(escalations, await preferencesOf(admin.userId), today);
      if (selected.length === 0) continue;
      deliveries.push({
        user: admin,
        institutionNames: names,
        entries: selected.map((e) => ({
          ...e,
          occurrence: `${e.tenantId}#${e.occurrence}`,
          link: e.regionLink ?? `/region/stats/${e.tenantId}`,
        })),
        digest: (owned, unsubscribeUrl) =>
          renderDigest({
            recipientName: admin.fullName,
            heading: "Организации региона с просроченными сроками:",
            entries: owned,
            appUrl: appUrl(),
            unsubscribeUrl,
            groupByInstitution: names,
          }),
      });
    }
  }
  return deliveries;
}

export const Reminders = {
  async preferences(): Promise<Preferences> {
    return preferencesOf(useUser().userId);
  },

  async setPreferences(input: Preferences): Promise<Preferences> {
    await ReminderPreferencesEntity.put({ userId: useUser().userId, ...input, updatedAt: new Date().toISOString() }).go();
    return input;
  },

  /** Public (signed link, RFC 8058 one-click): turns off non-statutory reminders. */
  async unsubscribe(token: string): Promise<{ email: string }> {
    const userId = await verifyPurposeToken("unsubscribe", token);
    const user = await User.find(userId);
    if (!user) throw new VisibleError("input", "link.invalid", "Ссылка недействительна");
    const prefs = await preferencesOf(userId);
    await ReminderPreferencesEntity.put({
      userId,
      frequency: prefs.frequency,
      nonStatutory: false,
      updatedAt: new Date().toISOString(),
    }).go();
    return { email: user.email };
  },

  /**
   * An admin's preview of what a user's digest would contain on a date (by default the user's region's today);
   * nothing is claimed or sent.
   */
  async preview(userId: string, requestedDate: string | undefined, sources: ReminderSource[]) {
    const user = await User.find(userId);
    const scope = user ? await manageableScope(user.tenantId).catch(() => undefined) : undefined;
    if (!user || !scope || (user.tenantId ?? user.regionId) !== scope || !user.regionId)
      throw notFound("user.not_found", "Пользователь не найден");
    const region = await Region.find(user.regionId);
    if (!region) throw notFound("region.not_found", "Регион не найден");
    const date = requestedDate ?? localTime(new Date(), region.timeZone).date;
    // The caller's right to see this user's digest is checked above; the sources read as the job would.
    const deliveries = await withActor({ type: "system", properties: { regionId: region.regionId } }, async () => {
      const { entries, week } = await collectDue(region, date, sources);
      return deliveriesFor(region, entries, date, week);
    });
    const mine = deliveries.find((d) => d.user.userId === userId);
    if (!mine) return { userId, date, entries: [], digest: null };
    return {
      userId,
      date,
      entries: mine.entries.map((entry) => ({ ...entry, institutionName: mine.institutionNames?.get(entry.tenantId) })),
      digest: mine.digest(mine.entries, (await unsubscribeLinks(userId)).page),
    };
  },
};
