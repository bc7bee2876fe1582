import { Hono } from "hono/tiny";
import { useUser } from "@rnc/core";
import { auditScope, listAudit } from "@rnc/core/audit";
import * as z from "@rnc/core/zod";
import { op, query } from "../openapi";

const AuditQuery = z.object({ cursor: z.optional(z.string()) });

export const audit = new Hono().get(
  "/",
  op({ tag: "audit", summary: "Журнал действий своей организации или своего региона", permission: "audit.read" }),
  query(AuditQuery),
  async (c) => {
    const user = useUser();
    const scope = user.tenantId ? auditScope.tenant(user.tenantId) : auditScope.region(user.regionId ?? "");
    return c.json(await listAudit(scope, { cursor: c.req.valid("query").cursor }));
  },
);
