import { Hono } from "hono/tiny";
import { accessibilityMeasures } from "../routes/accessibility";
import { partners } from "../routes/partners";
import { publications } from "../routes/publications";
import { rewards } from "../routes/rewards";

/** The institution's registers: partner organisations with their contracts, mentors' rewards, the media plan, accessibility measures. */
export const routes = new Hono()
  .route("/api/partners", partners)
  .route("/api/rewards", rewards)
  .route("/api/publications", publications)
  .route("/api/accessibility-measures", accessibilityMeasures);
