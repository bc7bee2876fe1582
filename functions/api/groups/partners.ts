import { Hono } from "hono/tiny";
import { partners } from "../routes/partners";
import { rewards } from "../routes/rewards";

/** The institution's partner organisations with their contracts, and its mentors' rewards. */
export const routes = new Hono().route("/api/partners", partners).route("/api/rewards", rewards);
