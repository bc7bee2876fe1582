import { Hono } from "hono/tiny";
import { forms, participants } from "../routes/participants";

/** An institution's registers: participants and consents, forms of mentoring. */
export const routes = new Hono().route("/api/participants", participants).route("/api/forms", forms);
