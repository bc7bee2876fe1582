import { type Role, useActor } from "./actor";
import { forbidden } from "./error";

/**
 * The permission matrix: the single place where roles are mapped to what they may do.
 * Region-scope roles get aggregates and non-personal data only; no region role has
 * `participants.read` (participants' personal data). The README renders this table.
 */
export const permissions = {
  "regions.manage": ["platform_admin"],
  "regions.read": ["platform_admin", "region_admin", "region_viewer"],
  "institutions.manage": ["region_admin"],
  "institutions.read": ["platform_admin", "region_admin", "region_viewer"],
  "institution.profile.read": ["curator", "staff", "institution_viewer"],
  "users.manage_region": ["platform_admin", "region_admin"],
  "users.manage_institution": ["curator"],
  "audit.read": ["region_admin", "curator"],
  "reminders.preview": ["region_admin", "curator"],
  "roadmap.read": ["curator", "staff", "institution_viewer"],
  "roadmap.write": ["curator", "staff"],
  "roadmap.manage": ["curator"],
  "roadmap.region_read": ["region_admin", "region_viewer"],
  "templates.manage": ["region_admin"],
  "participants.read": ["curator", "staff", "institution_viewer"],
  "participants.write": ["curator", "staff"],
  "participants.sensitive": ["curator"],
  "monitoring.manage": ["region_admin"],
  "monitoring.region_read": ["region_admin", "region_viewer"],
  "monitoring.submit": ["curator"],
  "monitoring.read": ["curator", "staff", "institution_viewer"],
  "surveys.manage": ["curator"],
  "surveys.read": ["curator", "staff", "institution_viewer"],
  "surveys.region_read": ["region_admin", "region_viewer"],
  "kpi.manage": ["region_admin"],
  "kpi.read": ["region_admin", "region_viewer", "curator", "staff", "institution_viewer"],
  "kpi.region_read": ["region_admin", "region_viewer"],
  "kpi.institution_read": ["curator", "staff", "institution_viewer"],
  "stats.region": ["platform_admin", "region_admin", "region_viewer"],
  "stats.institution": ["curator", "staff", "institution_viewer"],
  "reports.export": ["region_admin", "region_viewer"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function roleCan(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}

/** Throws 403 unless the current user actor holds the permission. System actors pass; public actors never do. */
export function assertCan(permission: Permission): void {
  const actor = useActor();
  if (actor.type === "system") return;
  if (actor.type === "user" && roleCan(actor.properties.role, permission)) return;
  throw forbidden();
}
