import { Hono } from "hono/tiny";
import { auth } from "../routes/auth";

/** Sign-in, sessions, one-time codes, password reset, accepting an invitation: the only group that signs access tokens. */
export const routes = new Hono().route("/api/auth", auth);
