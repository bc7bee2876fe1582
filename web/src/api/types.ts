/** The shapes the web works with, all derived from the API's own types through the typed client. */
import type { Input, Ok, api } from "./client";

export type Tokens = Ok<typeof api.auth.login.$post>;
export type Me = Ok<typeof api.auth.me.$get>;
export type Role = Me["role"];
export type InvitationPreview = Ok<(typeof api.auth.invitations)[":token"]["$get"]>;

export type Region = Ok<(typeof api.regions)[":regionId"]["$get"]>;
export type RegionInput = Input<typeof api.regions.$post>;

export type Institution = Ok<(typeof api.institutions)[":tenantId"]["$get"]>;
export type InstitutionInput = Input<typeof api.institutions.$post>;
export type InstitutionType = Institution["type"];
export type InstitutionStatus = Institution["status"];

export type User = Ok<typeof api.users.$get>["items"][number];
export type UserStatus = User["status"];
export type Invitation = Ok<typeof api.invitations.$get>["items"][number];
export type InvitationStatus = Invitation["status"];
export type InviteInput = Input<typeof api.invitations.$post>;
export type InvitableRole = InviteInput["role"];

export type AuditPage = Ok<typeof api.audit.$get>;
export type AuditEvent = AuditPage["items"][number];
