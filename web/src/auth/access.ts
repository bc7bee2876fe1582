import { type Role, reminderRecipients } from "@rnc/core/access";
import type { InvitableRole } from "../api/types";

/** The permission matrix is the core's own module (no server imports), shared with the API. */
export { type Permission, permissions, roleCan } from "@rnc/core/access";

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

/** Whether the role gets reminder letters (and so has reminder settings). */
export const getsReminders = (role: Role) => (Object.values(reminderRecipients) as Role[]).includes(role);

/** Who may be invited by whom (mirrors the core's rule in invitation/index.ts; the server decides). */
export const invitableRoles: Partial<Record<Role, readonly InvitableRole[]>> = {
  region_admin: ["region_admin", "region_viewer", "curator", "staff", "institution_viewer"],
  curator: ["staff", "institution_viewer"],
};

export const isInstitutionRole = (role: Role) => roleScope[role] === "institution";
