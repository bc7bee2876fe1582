import { peekActor } from "../actor";
import { createId } from "../id";
import { useRequestID } from "../log";
import { epochSeconds } from "../auth/secret";
import { VisibleError } from "../error";
import { AuditEntity } from "./audit.entity";
import type { AuditAction } from "./actions";

export const auditRetentionDays = () => Number(process.env.AUDIT_RETENTION_DAYS ?? 365);

export type AuditInfo = {
  auditId: string;
  at: string;
  actorId: string;
  actorRole: string;
  tenantId?: string;
  regionId?: string;
  action: string;
  target: string;
  requestId?: string;
};

export const auditScope = {
  tenant: (tenantId: string) => `T#${tenantId}`,
  region: (regionId: string) => `R#${regionId}`,
  platform: "PLATFORM",
};

type AuditActor = { userId: string; role: string };

/**
 * The audit item for an action, to be written alone or inside the action's transaction.
 * The actor is the current one, or `by` where the action itself establishes who it is (sign-in).
 */
export function auditItem(action: AuditAction, target: string, where: { tenantId?: string; regionId?: string }, by?: AuditActor) {
  const actor = peekActor();
  const props: AuditActor | undefined = by ?? (actor?.type === "user" ? actor.properties : undefined);
  const at = new Date();
  return {
    scope: where.tenantId ? auditScope.tenant(where.tenantId) : where.regionId ? auditScope.region(where.regionId) : auditScope.platform,
    auditId: createId("audit"),
    at: at.toISOString(),
    actorId: props?.userId ?? actor?.type ?? "anonymous",
    actorRole: props?.role ?? actor?.type ?? "anonymous",
    tenantId: where.tenantId,
    regionId: where.regionId,
    action,
    target,
    requestId: useRequestID(),
    expiresAt: epochSeconds(at) + auditRetentionDays() * 86_400,
  };
}

export async function recordAudit(action: AuditAction, target: string, where: { tenantId?: string; regionId?: string }, by?: AuditActor) {
  await AuditEntity.create(auditItem(action, target, where, by)).go();
}

/** A cursor that is not one this list handed out: unparsable, or a key DynamoDB refuses as the query's starting key. */
function isBadCursor(error: unknown): boolean {
  for (let e = error as { name?: string; message?: string; cause?: unknown } | undefined, depth = 0; e && depth < 3; depth++) {
    if (e.name === "ValidationException" || /cursor/i.test(e.message ?? "")) return true;
    e = e.cause as typeof e;
  }
  return false;
}

export async function listAudit(scope: string, options: { cursor?: string; limit?: number } = {}) {
  const page = await AuditEntity.query
    .byScope({ scope })
    .go({ order: "desc", limit: options.limit ?? 50, cursor: options.cursor ?? null })
    .catch((error: unknown) => {
      if (options.cursor && isBadCursor(error)) {
        throw new VisibleError(
          "input",
          "audit.invalid_cursor",
          "Ссылка на следующую страницу журнала недействительна: откройте журнал заново",
        );
      }
      throw error;
    });
  return {
    items: page.data.map(({ scope: _scope, expiresAt: _ttl, ...event }): AuditInfo => event),
    cursor: page.cursor,
  };
}
