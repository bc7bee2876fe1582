/**
 * `npm run job:reminders -- --date 2026-12-13`: runs the reminder job against the running local
 * stack as if it were 09:00 on that date in every region (without `--date`, on each region's own today).
 * The mail inbox shows what was sent.
 */
import { parseArgs } from "node:util";
import { mailInbox, withLocalStack } from "./local/attach";

const { values } = parseArgs({ options: { date: { type: "string" } } });
if (values.date && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) {
  console.error("--date must be YYYY-MM-DD");
  process.exit(1);
}

const report = await withLocalStack(async () => {
  const { runReminders } = await import("@rnc/core/reminders");
  const { reminderSources } = await import("@rnc/core/reminders/registry");
  return runReminders({ date: values.date ?? "today", sources: reminderSources });
});
console.log(`Reminders for ${values.date ?? "today"}:`, report);
console.log(`Mail inbox: ${mailInbox()}`);
