import { log, withActor } from "@rnc/core";
import { Roadmap } from "@rnc/core/roadmap";

/** Hourly (EventBridge cron): finishes the roadmap imports and deletions that failed requests left halfway. */
export const handler = async () =>
  withActor({ type: "system", properties: {} }, async () => {
    const done = await Roadmap.recoverPending();
    if (done.imports + done.deletions + done.failed > 0) log.info("roadmap recovery", done);
    return done;
  });
