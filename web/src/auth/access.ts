import type { permissions as corePermissions } from "@rnc/core";
import type { InvitableRole, Role } from "../api/types";

/**
 * The permission matrix of packages/core/src/permissions.ts. The core module also holds the
 * server-side checks (AsyncLocalStorage), so the browser cannot import it at run time. This
 * copy is checked against the core's type: a permission the core changes or removes fails
 * `tsc`; one the core adds is simply not used here until it is copied.
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
} as const satisfies Partial<typeof corePermissions>;

type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
type CoreMatrix = typeof corePermissions;
type Agreement = { [K in keyof typeof permissions]: K extends keyof CoreMatrix ? Same<(typeof permissions)[K], CoreMatrix[K]> : false };
/** Fails to compile when an entry here differs from the core's. */
export type MatrixInSync = Assert<Agreement[keyof Agreement] extends true ? true : false>;

export type Permission = keyof typeof permissions;

export function roleCan(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}

/** Where a role acts: the whole platform, one region, or one institution. */
export type Scope = "platform" | "region" | "institution";
export const roleScope: Record<Role, Scope> = {
  platform_admin: "platform",
  region_admin: "region",
  region_viewer: "region",
  curator: "institution",
  staff: "institution",
  institution_viewer: "institution",
};

/** Who may be invited by whom (mirrors the core's rule in invitation/index.ts; the server decides). */
export const invitableRoles: Partial<Record<Role, readonly InvitableRole[]>> = {
  region_admin: ["region_admin", "region_viewer", "curator", "staff", "institution_viewer"],
  curator: ["staff", "institution_viewer"],
};

export const isInstitutionRole = (role: Role) => roleScope[role] === "institution";
