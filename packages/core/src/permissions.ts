import { type Permission, roleCan } from "./access";
import { useActor } from "./actor";
import { forbidden } from "./error";

export { type Permission, permissions, roleCan } from "./access";

/** Throws 403 unless the current user actor holds the permission. System actors pass; public actors never do. */
export function assertCan(permission: Permission): void {
  const actor = useActor();
  if (actor.type === "system") return;
  if (actor.type === "user" && roleCan(actor.properties.role, permission)) return;
  throw forbidden();
}
