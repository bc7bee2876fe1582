/** Mentors' rewards' shapes, derived from the API's own types through the typed client. */
import type { Input, Ok, api } from "../../api/client";

/** A reward as the list shows it: with the mentor's name from the registry. */
export type Reward = Ok<typeof api.rewards.$get>["items"][number];
/** A reward as a save answers with it (and as a stale answer's current record is). */
export type RewardInfo = Ok<typeof api.rewards.$post>;
export type RewardInput = Input<typeof api.rewards.$post>;
