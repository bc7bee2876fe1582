/** Mentor-training events' shapes, derived from the API's own types through the typed client. */
import type { Input, Ok, api } from "../../api/client";

export type Training = Ok<typeof api.trainings.$get>["items"][number];
export type TrainingInput = Input<typeof api.trainings.$post>;
