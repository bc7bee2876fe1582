import { campaignReminders } from "../monitoring/reminders";
import { roadmapReminders } from "../roadmap/reminders";
import type { ReminderSource } from "./sources";

/** Every capability's reminder source. */
export const reminderSources: ReminderSource[] = [campaignReminders, roadmapReminders];
