import { withActor } from "@rnc/core";
import { runExport } from "@rnc/core/reports";

/** Invoked asynchronously by the API (InvocationType Event) with the export job to run, as the region's system actor. */
export const handler = async (event: { regionId: string; exportId: string }) => {
  if (typeof event?.regionId !== "string" || typeof event?.exportId !== "string") throw new Error("export event without ids");
  await withActor({ type: "system", properties: { regionId: event.regionId } }, () => runExport(event.regionId, event.exportId));
};
