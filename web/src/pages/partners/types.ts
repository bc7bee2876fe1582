/** Partner organisations' shapes, derived from the API's own types through the typed client. */
import type { Input, Ok, api } from "../../api/client";

/** A partner as the list shows it: with its mentors who entered the programmes. */
export type Partner = Ok<typeof api.partners.$get>["items"][number];
/** A partner as a save answers with it (and as a stale answer's current record is). */
export type PartnerInfo = Ok<typeof api.partners.$post>;
export type PartnerInput = Input<typeof api.partners.$post>;
export type Contract = PartnerInput["contracts"][number];
