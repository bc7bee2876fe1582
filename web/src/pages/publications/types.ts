/** The media plan's shapes, derived from the API's own types through the typed client. */
import type { Input, Ok, api } from "../../api/client";

export type PublicationList = Ok<typeof api.publications.$get>;
export type Publication = PublicationList["items"][number];
/** How regularly the institution publishes: the last published one dated today or earlier, and the days since. */
export type Cadence = PublicationList["cadence"];
export type PublicationInput = Input<typeof api.publications.$post>;
