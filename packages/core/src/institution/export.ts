import { auditScope, listAudit } from "../audit";
import { recordAudit } from "../audit";
import { Invitation } from "../invitation";
import { assertCan } from "../permissions";
import { User } from "../user";
import { Institution } from ".";

/**
 * Everything the region may hand over when an institution leaves the platform: its profile,
 * staff accounts and invitations, and its audit log. Participants' personal data is never part
 * of a region-made export; the curator exports participants from the institution's own account.
 */
export async function exportInstitution(tenantId: string) {
  assertCan("institutions.manage");
  const institution = await Institution.get(tenantId);
  const [users, invitations] = await Promise.all([User.list(tenantId), Invitation.list(tenantId)]);
  const audit = [];
  let cursor: string | null | undefined;
  do {
    const page = await listAudit(auditScope.tenant(tenantId), { cursor: cursor ?? undefined, limit: 500 });
    audit.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  await recordAudit("institution.export", tenantId, { regionId: institution.regionId });
  return { exportedAt: new Date().toISOString(), institution, users, invitations, audit };
}
