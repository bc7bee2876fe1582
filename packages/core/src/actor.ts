import { createContext } from "./context";
import { VisibleError } from "./error";

export { type Role, institutionRoles, regionRoles, roleLabels, roles } from "./access";
import type { Role } from "./access";

export type UserActor = {
  type: "user";
  properties: { userId: string; email: string; role: Role; regionId?: string; tenantId?: string };
};
/** Trusted code (scheduled jobs, seeding) acting for the platform or re-entering one region or tenant. */
export type SystemActor = { type: "system"; properties: { regionId?: string; tenantId?: string } };
export type PublicActor = { type: "public"; properties: Record<string, never> };
export type Actor = UserActor | SystemActor | PublicActor;

const ActorContext = createContext<Actor>("actor");

export const withActor = ActorContext.with;
export const useActor = ActorContext.use;
export const peekActor = ActorContext.peek;

export function useUser(): UserActor["properties"] {
  const actor = useActor();
  if (actor.type !== "user") throw new VisibleError("unauthorized", "auth.required", "Требуется вход в систему");
  return actor.properties;
}

/** The tenant (institution) the current actor acts in; from the verified token or trusted system code only. */
export function useTenantID(): string {
  const actor = useActor();
  const tenantId = actor.type === "public" ? undefined : actor.properties.tenantId;
  if (!tenantId) throw new VisibleError("forbidden", "auth.no_institution", "Действие доступно только сотрудникам организации");
  return tenantId;
}

/** The region the current actor acts in. */
export function useRegionID(): string {
  const actor = useActor();
  const regionId = actor.type === "public" ? undefined : actor.properties.regionId;
  if (!regionId) throw new VisibleError("forbidden", "auth.no_region", "Действие доступно только в рамках региона");
  return regionId;
}
