import { type Role, type UserActor, useActor } from "../actor";
import { auditItem } from "../audit";
import { nowIso } from "../auth/secret";
import { VisibleError, notFound } from "../error";
import { createId } from "../id";
import { ruCompare } from "../ru";
import { assertCan } from "../permissions";
import { transactWithSummaries } from "../stats/summary";
import { UserEntity, type userStatuses } from "./user.entity";
import { AuditEntity } from "../audit/audit.entity";
import { UniqueEntity } from "../region/region.entity";

export type UserStatus = (typeof userStatuses)[number];
export type UserInfo = {
  userId: string;
  email: string;
  fullName: string;
  role: Role;
  regionId?: string;
  tenantId?: string;
  status: UserStatus;
  createdAt: string;
};

type Stored = UserInfo & { passwordHash?: string; scope: string; updatedAt: string };
const toInfo = (row: Stored): UserInfo => ({
  userId: row.userId,
  email: row.email,
  fullName: row.fullName,
  role: row.role,
  regionId: row.regionId,
  tenantId: row.tenantId,
  status: row.status,
  createdAt: row.createdAt,
});

/** Where a user belongs: their institution, else their region, else the platform. */
export const userScope = (user: { regionId?: string; tenantId?: string }) => user.tenantId ?? user.regionId ?? "platform";

export const emailClaim = (email: string, ownerId: string) => ({ scope: "email", value: email, ownerId });

export type NewUser = { email: string; fullName: string; role: Role; regionId?: string; tenantId?: string; passwordHash?: string };

export const emailTaken = () =>
  new VisibleError("conflict", "user.email_taken", "Пользователь с таким адресом электронной почты уже зарегистрирован");

export const User = {
  /** Trusted creation (seeding, invitation acceptance builds its own transaction from `newUserItem`). */
  async create(input: NewUser): Promise<UserInfo> {
    const item = User.newUserItem(input);
    const result = await transactWithSummaries(
      { user: UserEntity, unique: UniqueEntity },
      ({ user, unique }) => [user.create(item).commit(), unique.create(emailClaim(item.email, item.userId)).commit()],
      [],
    );
    if (result.canceled) throw emailTaken();
    return toInfo(item);
  },

  newUserItem(input: NewUser): Stored {
    const now = nowIso();
    return { ...input, userId: createId("user"), scope: userScope(input), status: "active", createdAt: now, updatedAt: now };
  },

  /** Trusted lookup for sign-in: includes the password hash. */
  async findByEmail(email: string): Promise<Stored | undefined> {
    const rows = await UserEntity.query.byEmail({ email: email.trim().toLowerCase() }).go();
    return rows.data[0];
  },

  async find(userId: string): Promise<Stored | undefined> {
    return (await UserEntity.get({ userId }).go()).data ?? undefined;
  },

  /** Trusted: the active users of a scope (an institution, a region or "platform"), optionally of some roles. */
  async inScope(scope: string, roles?: Role[]): Promise<UserInfo[]> {
    const rows = await UserEntity.query.byScope({ scope }).go({ pages: "all" });
    return rows.data.filter((u) => u.status === "active" && (!roles || roles.includes(u.role))).map(toInfo);
  },

  async setPassword(userId: string, passwordHash: string): Promise<void> {
    await UserEntity.patch({ userId }).set({ passwordHash, updatedAt: nowIso() }).go();
  },

  /** Users the actor manages: a region admin sees the region's users and those of its institutions; a curator, the institution's. */
  async list(tenantId?: string): Promise<UserInfo[]> {
    const scope = await manageableScope(tenantId);
    const rows = await UserEntity.query.byScope({ scope }).go({ pages: "all" });
    return rows.data.map(toInfo).sort((a, b) => ruCompare(a.fullName, b.fullName));
  },

  async setStatus(userId: string, status: UserStatus): Promise<UserInfo> {
    const row = await User.find(userId);
    const actor = useActor() as UserActor;
    if (!row || !(await canManage(row))) throw notFound("user.not_found", "Пользователь не найден");
    if (row.userId === actor.properties.userId) {
      throw new VisibleError("conflict", "user.self_disable", "Нельзя отключить собственную учётную запись");
    }
    // Only while the one acting is still active: two administrators disabling each other at once cannot both succeed
    // (the transactions are serialised; the second finds its author disabled), so the last of them is never locked out.
    const result = await transactWithSummaries(
      { user: UserEntity, audit: AuditEntity },
      ({ user, audit }) => [
        user.patch({ userId }).set({ status, updatedAt: nowIso() }).commit(),
        user
          .check({ userId: actor.properties.userId })
          .where((attr, op) => op.eq(attr.status, "active"))
          .commit(),
        audit.create(auditItem(`user.${status}`, userId, { tenantId: row.tenantId, regionId: row.regionId })).commit(),
      ],
      [],
    );
    if (result.canceled)
      throw new VisibleError("forbidden", "auth.user_disabled", "Учётная запись отключена. Обратитесь к администратору.");
    return { ...toInfo(row), status };
  },
};

/** The user scope the current actor may manage, checking that a named institution is theirs. */
export async function manageableScope(tenantId?: string): Promise<string> {
  const actor = useActor();
  if (actor.type !== "user") throw new VisibleError("unauthorized", "auth.required", "Требуется вход в систему");
  const { role, regionId } = actor.properties;
  if (role === "curator") {
    assertCan("users.manage_institution");
    if (tenantId && tenantId !== actor.properties.tenantId) throw notFound("institution.not_found", "Организация не найдена");
    return actor.properties.tenantId ?? "";
  }
  assertCan("users.manage_region");
  if (!tenantId) return role === "platform_admin" ? "platform" : (regionId ?? "");
  const { Institution } = await import("../institution");
  await Institution.get(tenantId);
  return tenantId;
}

async function canManage(row: Stored): Promise<boolean> {
  try {
    return (await manageableScope(row.tenantId)) === row.scope || (await manageableScope()) === row.scope;
  } catch {
    return false;
  }
}
