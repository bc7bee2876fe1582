import { Hono } from "hono/tiny";
import { pairs } from "../routes/pairs";
import { forms, participants } from "../routes/participants";

/** An institution's registers: participants and consents, forms of mentoring, pairs and groups with their plans and meetings. */
export const routes = new Hono().route("/api/participants", participants).route("/api/forms", forms).route("/api/pairs", pairs);
