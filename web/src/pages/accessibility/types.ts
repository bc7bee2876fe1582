/** Accessibility measures' shapes, derived from the API's own types through the typed client. */
import type { Input, Ok, api } from "../../api/client";

export type AccessMeasure = Ok<(typeof api)["accessibility-measures"]["$get"]>["items"][number];
export type AccessMeasureInput = Input<(typeof api)["accessibility-measures"]["$post"]>;
