import { log } from "@rnc/core";
import { scheduledJobs } from "../../functions/jobs/schedule";

/**
 * The local stand-in for the cron rules in infra/jobs.ts: every job runs at the top of
 * each hour, exactly as EventBridge invokes the Lambda in AWS.
 */
export function startJobTimer(): () => void {
  let timer: NodeJS.Timeout;
  const scheduleNext = () => {
    const now = Date.now();
    const nextHour = Math.ceil((now + 1) / 3_600_000) * 3_600_000;
    timer = setTimeout(async () => {
      for (const job of scheduledJobs) {
        try {
          await job.run(new Date());
        } catch (error) {
          log.error("scheduled job failed", { job: job.name, error: (error as Error).message });
        }
      }
      scheduleNext();
    }, nextHour - now);
    timer.unref();
  };
  scheduleNext();
  return () => clearTimeout(timer);
}
