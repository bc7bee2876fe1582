/** Best practices' shapes, derived from the API's own types through the typed client, and their status badges. */
import type { PracticeStatus } from "@rnc/core/practice/labels";
import type { Input, Ok, api } from "../../api/client";

export type Practice = Ok<typeof api.practices.$get>["items"][number];
export type PracticeInput = Input<typeof api.practices.$post>;
export type RegionPractice = Ok<typeof api.practices.region.$get>["items"][number];

/** Badge colours (the app's AA-contrast pairs): a draft is grey, one waiting for the centre amber, a published one green. */
export const practiceStatusClass: Record<PracticeStatus, string> = {
  draft: "status-archived",
  sent: "status-suspended",
  published: "status-active",
};
