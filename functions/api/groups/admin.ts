import { Hono } from "hono/tiny";
import { audit } from "../routes/audit";
import { institutions } from "../routes/institutions";
import { regions } from "../routes/regions";
import { invitations, users } from "../routes/users";

/** Administration: regions, institutions (with import and data export), users, invitations and the audit log. */
export const routes = new Hono()
  .route("/api/regions", regions)
  .route("/api/institutions", institutions)
  .route("/api/users", users)
  .route("/api/invitations", invitations)
  .route("/api/audit", audit);
