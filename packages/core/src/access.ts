/**
 * Roles and the permission matrix, with no server imports: the API enforces it (permissions.ts)
 * and the web app imports the same module to decide what to show.
 */

export const roles = ["platform_admin", "region_admin", "region_viewer", "curator", "staff", "institution_viewer"] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  platform_admin: "Администратор платформы",
  region_admin: "Администратор РНЦ",
  region_viewer: "Аналитик РНЦ (просмотр)",
  curator: "Куратор",
  staff: "Член рабочей группы",
  institution_viewer: "Руководитель (просмотр)",
};

/** Who gets reminder letters: an institution's curators (what falls due) and the region's admins (what was missed). */
export const reminderRecipients = { institution: "curator", region: "region_admin" } as const satisfies Record<string, Role>;

/** Roles that act inside one institution (a tenant). */
export const institutionRoles = ["curator", "staff", "institution_viewer"] as const satisfies readonly Role[];
/** Roles that act across the institutions of one region. */
export const regionRoles = ["region_admin", "region_viewer"] as const satisfies readonly Role[];

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
  "practices.read": ["curator", "staff", "institution_viewer"],
  "practices.write": ["curator", "staff"],
  "practices.send": ["curator"],
  "practices.region_read": ["region_admin", "region_viewer"],
  "practices.review": ["region_admin"],
  "trainings.read": ["curator", "staff", "institution_viewer"],
  "trainings.write": ["curator", "staff"],
  "partners.read": ["curator", "staff", "institution_viewer"],
  "partners.write": ["curator", "staff"],
  "rewards.read": ["curator", "staff", "institution_viewer"],
  "rewards.write": ["curator", "staff"],
  "publications.read": ["curator", "staff", "institution_viewer"],
  "publications.write": ["curator", "staff"],
  "accessibility.read": ["curator", "staff", "institution_viewer"],
  "accessibility.write": ["curator", "staff"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function roleCan(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}
