import { Hono } from "hono/tiny";
import { pairs } from "../routes/pairs";

/** An institution's mentoring pairs and groups with their plans and meetings, and the pairs board. */
export const routes = new Hono().route("/api/pairs", pairs);
