import { Hono } from "hono/tiny";
import { accessibilityMeasures } from "../routes/accessibility";
import { partners } from "../routes/partners";
import { publications } from "../routes/publications";
import { rewards } from "../routes/rewards";
import { trainings } from "../routes/trainings";

/**
 * The institution's registers: the mentor-training log (which monitoring counts from), partner organisations with
 * their contracts, mentors' rewards, the media plan and accessibility measures.
 */
export const routes = new Hono()
  .route("/api/trainings", trainings)
  .route("/api/partners", partners)
  .route("/api/rewards", rewards)
  .route("/api/publications", publications)
  .route("/api/accessibility-measures", accessibilityMeasures);
