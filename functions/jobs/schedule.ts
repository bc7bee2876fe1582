import { handler as reminders } from "./reminders";
import { handler as roadmapRecovery } from "./roadmap-recovery";

/**
 * The scheduled jobs. In AWS each is a Cron function (infra/jobs.ts, hourly); under
 * `npm start` scripts/local/jobs.ts runs them at the top of every hour.
 */
export type ScheduledJob = { name: string; run: (now: Date) => Promise<unknown> };

export const scheduledJobs: ScheduledJob[] = [
  { name: "reminders", run: () => reminders() },
  { name: "roadmap-recovery", run: () => roadmapRecovery() },
];
