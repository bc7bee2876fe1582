import { campaignReminders } from "../monitoring/reminders";
import { quietPairReminders } from "../pair/reminders";
import { roadmapReminders } from "../roadmap/reminders";
import { surveyReminders } from "../survey/reminders";
import type { ReminderSource } from "./sources";

/** Every capability's reminder source. */
export const reminderSources: ReminderSource[] = [campaignReminders, roadmapReminders, surveyReminders, quietPairReminders];
