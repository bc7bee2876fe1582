import { Cron, type StackContext, use } from "sst/constructs";
import { useAppEnvironment } from "./api";
import { AuthStack } from "./auth";
import { EmailStack } from "./email";
import { TableStack } from "./table";

/**
 * Scheduled jobs. Reminders run hourly: regions span UTC+2..UTC+12, and the handler itself picks the regions
 * whose local time is 09:00. It writes at-most-once markers, hence read/write on the table. The roadmap recovery runs
 * hourly at half past (Roadmap.recoverPending).
 */
export function JobsStack({ app, stack }: StackContext) {
  const { table } = use(TableStack);
  const { sendEmailPolicy } = use(EmailStack);
  // The digests' unsubscribe links are signed with the JWT key.
  const { jwtPrivateKey } = use(AuthStack);

  const reminders = new Cron(stack, "Reminders", {
    schedule: "cron(0 * * * ? *)",
    job: {
      function: {
        handler: "functions/jobs/reminders.handler",
        description: "Hourly reminders (09:00 local time per region)",
        environment: useAppEnvironment(app.stage),
        permissions: [[table.cdk.table, "grantReadWriteData"], sendEmailPolicy()],
        bind: [jwtPrivateKey],
        // The key is written into the environment at deploy time (no SSM call at cold start; functions/secrets.ts).
        prefetchSecrets: true,
        timeout: "5 minutes",
      },
    },
  });

  // Roadmap imports and deletions that a failed request left halfway are finished within the hour (no e-mail, no key).
  const roadmapRecovery = new Cron(stack, "RoadmapRecovery", {
    schedule: "cron(30 * * * ? *)",
    job: {
      function: {
        handler: "functions/jobs/roadmap-recovery.handler",
        description: "Hourly: finishes roadmap imports and deletions left halfway",
        environment: useAppEnvironment(app.stage),
        permissions: [[table.cdk.table, "grantReadWriteData"]],
        timeout: "5 minutes",
      },
    },
  });

  return { reminders, roadmapRecovery };
}
