import type { ReminderSource } from "./sources";

/** Every capability's reminder source, in digest order. */
export const reminderSources: ReminderSource[] = [];
