import { type Role, roleLabels, useUser } from "../actor";
import { auditItem } from "../audit";
import { type Tokens, password, startSession } from "../auth";
import { InvitationEntity } from "../auth/auth.entity";
import { hashPassword } from "../auth/password";
import { hashToken, nowIso, randomToken } from "../auth/secret";
import { appUrl, renderEmail, sendEmail } from "../email";
import { VisibleError, forbidden, notFound } from "../error";
import { createId } from "../id";
import { Institution } from "../institution";
import { Region } from "../region";
import { formatDateTime, lowerFirst } from "../ru";
import { email, institutionRef, text } from "../schemas";
import { transactWithSummaries } from "../stats/summary";
import { User, emailClaim, emailTaken, manageableScope } from "../user";
import * as z from "../zod";
import { UniqueEntity } from "../region/region.entity";
import { UserEntity } from "../user/user.entity";
import { AuditEntity } from "../audit/audit.entity";

export const INVITATION_TTL_HOURS = 72;

export const InviteInput = z.object({
  email: email(),
  role: z.enum(["region_admin", "region_viewer", "curator", "staff", "institution_viewer"], { error: "Выберите роль приглашённого" }),
  tenantId: institutionRef(),
});
export const AcceptInput = z.object({ fullName: text("ФИО", 200), password: password() });

export type InvitationInfo = {
  invitationId: string;
  email: string;
  role: Role;
  regionId?: string;
  tenantId?: string;
  createdAt: string;
  expiresAt: string;
  status: "pending" | "accepted" | "expired" | "revoked";
};

type Stored = Omit<InvitationInfo, "status"> & {
  tokenHash: string;
  scope: string;
  invitedBy: string;
  acceptedAt?: string;
  revokedAt?: string;
};

const statusOf = (row: Stored): InvitationInfo["status"] =>
  row.acceptedAt ? "accepted" : row.revokedAt ? "revoked" : row.expiresAt < nowIso() ? "expired" : "pending";

const toInfo = (row: Stored): InvitationInfo => ({
  invitationId: row.invitationId,
  email: row.email,
  role: row.role,
  regionId: row.regionId,
  tenantId: row.tenantId,
  createdAt: row.createdAt,
  expiresAt: row.expiresAt,
  status: statusOf(row),
});

const institutionRoles: Role[] = ["curator", "staff", "institution_viewer"];

/** Who may invite whom: checked here and nowhere else. */
async function resolveTarget(input: z.infer<typeof InviteInput>, regionIdForPlatform?: string) {
  const actor = useUser();
  if (actor.role === "platform_admin") {
    if (input.role !== "region_admin" || !regionIdForPlatform)
      throw forbidden("invitation.role_not_allowed", "Администратор платформы приглашает только администраторов РНЦ");
    const region = await Region.get(regionIdForPlatform);
    return { regionId: region.regionId, tenantId: undefined, scope: region.regionId, place: region.name };
  }
  if (actor.role === "curator") {
    if (input.role !== "staff" && input.role !== "institution_viewer") {
      throw forbidden("invitation.role_not_allowed", "Куратор может приглашать только членов рабочей группы и руководителя");
    }
    const scope = await manageableScope(input.tenantId);
    const institution = await Institution.find(scope);
    return { regionId: actor.regionId, tenantId: scope, scope, place: institution?.shortName ?? "" };
  }
  if (actor.role !== "region_admin") throw forbidden();
  if (institutionRoles.includes(input.role)) {
    if (!input.tenantId)
      throw new VisibleError("input", "invitation.institution_required", "Выберите организацию, в которую приглашаете сотрудника");
    const institution = await Institution.get(input.tenantId);
    return { regionId: institution.regionId, tenantId: institution.tenantId, scope: institution.tenantId, place: institution.shortName };
  }
  const region = await Region.get(actor.regionId ?? "");
  return { regionId: region.regionId, tenantId: undefined, scope: region.regionId, place: region.name };
}

/** Who invites, as the letter names them: «Иванова Мария Сергеевна (администратор РНЦ, Тестовый регион)». */
async function inviterText(): Promise<string> {
  const actor = useUser();
  const [user, place] = await Promise.all([
    User.find(actor.userId),
    actor.tenantId
      ? Institution.find(actor.tenantId).then((institution) => institution?.shortName)
      : actor.regionId
        ? Region.find(actor.regionId).then((region) => region?.name)
        : undefined,
  ]);
  if (!user?.fullName) return `${roleLabels[actor.role]}${place ? ` (${place})` : ""}`;
  return `${user.fullName} (${[lowerFirst(roleLabels[actor.role]), place].filter(Boolean).join(", ")})`;
}

async function findByToken(token: string): Promise<Stored> {
  const row = (await InvitationEntity.get({ tokenHash: hashToken(token) }).go()).data;
  if (!row) throw new VisibleError("not_found", "invitation.not_found", "Приглашение не найдено. Проверьте ссылку из письма.");
  const status = statusOf(row);
  if (status === "accepted")
    throw new VisibleError("conflict", "invitation.used", "Это приглашение уже использовано. Войдите в систему со своим паролем.");
  if (status === "revoked")
    throw new VisibleError("conflict", "invitation.revoked", "Приглашение отозвано. Обратитесь к тому, кто вас пригласил.");
  if (status === "expired")
    throw new VisibleError(
      "conflict",
      "invitation.expired",
      `Срок действия приглашения (${INVITATION_TTL_HOURS} часа) истёк. Попросите прислать новое.`,
    );
  return row;
}

export const Invitation = {
  async create(input: z.infer<typeof InviteInput>, regionIdForPlatform?: string): Promise<InvitationInfo> {
    const target = await resolveTarget(input, regionIdForPlatform);
    if (await User.findByEmail(input.email)) throw emailTaken();
    const token = randomToken();
    const created = new Date();
    const row: Stored = {
      invitationId: createId("invitation"),
      tokenHash: hashToken(token),
      email: input.email,
      role: input.role,
      scope: target.scope,
      regionId: target.regionId,
      tenantId: target.tenantId,
      invitedBy: useUser().userId,
      createdAt: created.toISOString(),
      expiresAt: new Date(created.getTime() + INVITATION_TTL_HOURS * 3_600_000).toISOString(),
    };
    await transactWithSummaries(
      { invitation: InvitationEntity, audit: AuditEntity },
      ({ invitation, audit }) => [
        invitation.create(row).commit(),
        audit.create(auditItem("invitation.create", row.invitationId, { tenantId: row.tenantId, regionId: row.regionId })).commit(),
      ],
      [],
    );
    await sendEmail({
      to: input.email,
      subject: "Приглашение в систему ЦМН",
      ...renderEmail({
        heading: "Приглашение в систему сопровождения наставничества (ЦМН)",
        paragraphs: [
          `${await inviterText()} приглашает вас в систему сопровождения наставничества (ЦМН).`,
          `Роль: ${roleLabels[input.role]}.`,
          target.tenantId ? `Организация: ${target.place}.` : `Регион: ${target.place}.`,
          `Чтобы принять приглашение, перейдите по ссылке и задайте пароль. Ссылка действует до ${formatDateTime(row.expiresAt)} (мск) и может быть использована один раз.`,
        ],
        action: { label: "Принять приглашение", url: `${appUrl()}/invite/${token}` },
        footer: "Если вы не ждали этого письма, просто проигнорируйте его.",
      }),
    });
    return toInfo(row);
  },

  /** Public: what the invitation is for, before it is accepted. */
  async preview(token: string) {
    const row = await findByToken(token);
    const [region, institution] = await Promise.all([
      row.regionId ? Region.find(row.regionId) : undefined,
      row.tenantId ? Institution.find(row.tenantId) : undefined,
    ]);
    return {
      email: row.email,
      role: row.role,
      regionName: region?.name,
      institutionName: institution?.shortName,
      expiresAt: row.expiresAt,
    };
  },

  /** Public: creates the account and signs in. The invitation is spent in the same transaction. */
  async accept(token: string, input: z.infer<typeof AcceptInput>): Promise<Tokens> {
    const row = await findByToken(token);
    const user = User.newUserItem({
      email: row.email,
      fullName: input.fullName,
      role: row.role,
      regionId: row.regionId,
      tenantId: row.tenantId,
      passwordHash: await hashPassword(input.password),
    });
    const result = await transactWithSummaries(
      { invitation: InvitationEntity, user: UserEntity, unique: UniqueEntity, audit: AuditEntity },
      ({ invitation, user: users, unique, audit }) => [
        invitation
          .patch({ tokenHash: row.tokenHash })
          .set({ acceptedAt: nowIso() })
          .where((attr, op) => `${op.notExists(attr.acceptedAt)} AND ${op.notExists(attr.revokedAt)}`)
          .commit(),
        users.create(user).commit(),
        unique.create(emailClaim(user.email, user.userId)).commit(),
        audit.create(auditItem("invitation.accept", user.userId, { tenantId: row.tenantId, regionId: row.regionId }, user)).commit(),
      ],
      [],
    );
    if (result.canceled) {
      const [spent, , emailClash] = result.reasons.map((code) => code !== "None");
      if (spent)
        throw new VisibleError("conflict", "invitation.used", "Это приглашение уже использовано. Войдите в систему со своим паролем.");
      if (emailClash) throw emailTaken();
      throw new VisibleError("conflict", "invitation.used", "Это приглашение уже использовано.");
    }
    return startSession(user);
  },

  async list(tenantId?: string): Promise<InvitationInfo[]> {
    const scope = await manageableScope(tenantId);
    const rows = await InvitationEntity.query.byScope({ scope }).go({ pages: "all", order: "desc" });
    return rows.data.map(toInfo);
  },

  async revoke(invitationId: string, tenantId?: string): Promise<InvitationInfo> {
    const scope = await manageableScope(tenantId);
    const rows = await InvitationEntity.query.byScope({ scope, invitationId }).go();
    const row = rows.data[0];
    if (!row) throw notFound("invitation.not_found", "Приглашение не найдено");
    if (statusOf(row) !== "pending")
      throw new VisibleError("conflict", "invitation.not_pending", "Приглашение уже использовано, отозвано или истекло");
    const revokedAt = nowIso();
    await transactWithSummaries(
      { invitation: InvitationEntity, audit: AuditEntity },
      ({ invitation, audit }) => [
        invitation
          .patch({ tokenHash: row.tokenHash })
          .set({ revokedAt })
          .where((attr, op) => op.notExists(attr.acceptedAt))
          .commit(),
        audit.create(auditItem("invitation.revoke", invitationId, { tenantId: row.tenantId, regionId: row.regionId })).commit(),
      ],
      [],
    );
    return toInfo({ ...row, revokedAt });
  },
};
