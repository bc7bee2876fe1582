import "../secrets";
import { withActor } from "@rnc/core";
import { runReminders } from "@rnc/core/reminders";
import { reminderSources } from "@rnc/core/reminders/registry";

/** Hourly (EventBridge cron): handles the regions whose local time is 09:00. */
export const handler = async () => withActor({ type: "system", properties: {} }, () => runReminders({ sources: reminderSources }));
