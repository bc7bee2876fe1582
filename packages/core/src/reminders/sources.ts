/** What a reminder is about. Each capability (roadmaps, monitoring, pairs, surveys) contributes a source. */
export type ReminderRule =
  | "roadmap_due"
  | "roadmap_overdue"
  | "campaign_published"
  | "campaign_due"
  | "campaign_missed"
  | "federal_count_due"
  | "survey_pending"
  | "pair_inactive";

export type DueEntry = {
  tenantId: string;
  rule: ReminderRule;
  /**
   * Stable key of the thing and its due date. With the rule, the days left and the recipient it identifies one
   * reminder (sent at most once); a weekly digest lists a thing once, whichever of its reminders fell in the week.
   */
  occurrence: string;
  title: string;
  /** YYYY-MM-DD, when the thing has a due date. */
  due?: string;
  /** Days from today to `due` (negative when overdue). */
  daysLeft?: number;
  /** Path inside the web app, e.g. `/roadmaps/rmp_…#item-…`. */
  link: string;
  /** Where the region's admin sees it, for an entry escalated to the region (the institution's summary if not given). */
  regionLink?: string;
  /** Statutory reminders (monitoring, the federal count) cannot be turned off. */
  statutory: boolean;
};

export type RegionRef = { regionId: string; timeZone: string };

export type ReminderSource = {
  name: string;
  /** Everything due for the region's institutions relative to `today`, read through the due-date index only. */
  collect(region: RegionRef, today: string): Promise<{ entries: DueEntry[]; itemsRead: number }>;
};

/** Days before a due date on which reminders go out. */
export const reminderOffsets = {
  roadmap: [7, 3, 1],
  roadmapOverdue: [1, 7],
  campaign: [14, 7, 3, 1],
} as const;
