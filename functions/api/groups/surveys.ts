import { Hono } from "hono/tiny";
import { surveyLinks, surveys } from "../routes/surveys";

/** Surveys, and the public one-time links participants answer them by. */
export const routes = new Hono().route("/api/surveys", surveys).route("/api/survey-links", surveyLinks);
