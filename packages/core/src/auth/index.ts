import { type UserActor, useUser } from "../actor";
import { recordAudit } from "../audit";
import { VisibleError } from "../error";
import { createId, isId } from "../id";
import { getItems, itemKey } from "../dynamo";
import { Institution } from "../institution";
import { InstitutionEntity } from "../institution/institution.entity";
import { RegionEntity } from "../region/region.entity";
import { UserEntity } from "../user/user.entity";
import { MIN_PASSWORD_LENGTH, hashPassword, verifyPassword } from "./password";
import { appUrl, renderEmail, sendEmail } from "../email";
import { countOf, greeting } from "../ru";
import { email as emailSchema } from "../schemas";
import { User } from "../user";
import * as z from "../zod";
import { OneTimeSecretEntity, SessionEntity, ThrottleEntity } from "./auth.entity";
import { epochSeconds, hashToken, nowIso, randomCode, randomToken } from "./secret";
import { ACCESS_TOKEN_TTL_SECONDS, signAccessToken } from "./token";

export const REFRESH_TTL_SECONDS = 30 * 86_400;
const THROTTLE_WINDOW_SECONDS = 15 * 60;
export const throttleLimits = { account: 5, ip: 30 } as const;
const CODE_TTL_SECONDS = 10 * 60;
const RESET_TTL_SECONDS = 60 * 60;
const CODE_ATTEMPTS = 5;

export const password = () =>
  z
    .string({ error: "Укажите пароль" })
    .check(
      z.minLength(MIN_PASSWORD_LENGTH, { error: `Пароль должен быть не короче ${MIN_PASSWORD_LENGTH} символов` }),
      z.maxLength(200, { error: "Пароль слишком длинный" }),
    );

export const LoginInput = z.object({
  email: emailSchema(),
  password: z.string({ error: "Укажите пароль" }).check(z.minLength(1, { error: "Укажите пароль" })),
});
export const EmailInput = z.object({ email: emailSchema() });
export const CodeInput = z.object({
  email: emailSchema(),
  code: z.string({ error: "Укажите код из письма" }).check(z.trim(), z.regex(/^\d{6}$/, { error: "Код состоит из 6 цифр" })),
});
export const ResetInput = z.object({ token: z.string().check(z.minLength(10, { error: "Ссылка недействительна" })), password: password() });

export type Tokens = { accessToken: string; expiresIn: number; refreshToken: string };

const invalidCredentials = () =>
  new VisibleError("unauthorized", "auth.invalid_credentials", "Неверный адрес электронной почты или пароль");
const invalidSession = () => new VisibleError("unauthorized", "auth.session_expired", "Сеанс завершён. Войдите снова.");

// ---- throttling ----------------------------------------------------------------

const currentWindow = () => String(Math.floor(epochSeconds() / THROTTLE_WINDOW_SECONDS));

/**
 * Locked when the failures of the current and the previous 15-minute window together reach the limit, so
 * attempts that straddle a window boundary still count (a sliding window of 15–30 minutes, two GetItems).
 */
async function assertNotLocked(keys: { key: string; limit: number }[]): Promise<void> {
  const window = Number(currentWindow());
  const failures = await Promise.all(
    keys.map(async ({ key }) => {
      const [current, previous] = await Promise.all([
        ThrottleEntity.get({ key, window: String(window) }).go(),
        ThrottleEntity.get({ key, window: String(window - 1) }).go(),
      ]);
      const now = current.data?.failures ?? 0;
      return { current: now, total: now + (previous.data?.failures ?? 0) };
    }),
  );
  const locked = failures.findIndex((f, i) => f.total >= (keys[i]?.limit ?? 0));
  if (locked >= 0) {
    // Unlocked once the previous window's failures age out (end of this window), or the next one if this one alone is full.
    const limit = keys[locked]?.limit ?? 0;
    const rest = THROTTLE_WINDOW_SECONDS - (epochSeconds() % THROTTLE_WINDOW_SECONDS);
    const minutes = Math.ceil((rest + ((failures[locked]?.current ?? 0) >= limit ? THROTTLE_WINDOW_SECONDS : 0)) / 60);
    throw new VisibleError(
      "too_many_requests",
      "auth.locked",
      `Слишком много неудачных попыток входа. Повторите через ${countOf(minutes, ["минуту", "минуты", "минут"])}.`,
    );
  }
}

async function recordFailure(keys: string[]): Promise<void> {
  const window = currentWindow();
  const expiresAt = epochSeconds() + 2 * THROTTLE_WINDOW_SECONDS;
  await Promise.all(keys.map((key) => ThrottleEntity.upsert({ key, window, failures: 0, expiresAt }).add({ failures: 1 }).go()));
}

const throttleKeys = (email: string, ip: string) => [
  { key: `account:${email}`, limit: throttleLimits.account },
  { key: `ip:${ip}`, limit: throttleLimits.ip },
];

// ---- sessions ------------------------------------------------------------------

type StoredUser = NonNullable<Awaited<ReturnType<typeof User.find>>>;

/** Only active users of active institutions (and existing regions) may hold a session. */
async function assertMaySignIn(user: StoredUser): Promise<void> {
  if (user.status !== "active") {
    throw new VisibleError("forbidden", "auth.user_disabled", "Учётная запись отключена. Обратитесь к администратору.");
  }
  if (user.tenantId) {
    const institution = await Institution.find(user.tenantId);
    if (institution?.status !== "active") {
      throw new VisibleError(
        "forbidden",
        "auth.institution_suspended",
        "Работа организации в системе приостановлена. Обратитесь в региональный наставнический центр.",
      );
    }
  }
}

const actorOf = (user: StoredUser): UserActor["properties"] => ({
  userId: user.userId,
  email: user.email,
  role: user.role,
  regionId: user.regionId,
  tenantId: user.tenantId,
});

export async function startSession(user: StoredUser): Promise<Tokens> {
  const sessionId = createId("session");
  const secret = randomToken();
  await SessionEntity.create({
    sessionId,
    userId: user.userId,
    tokenHash: hashToken(secret),
    rotations: 0,
    createdAt: nowIso(),
    expiresAt: epochSeconds() + REFRESH_TTL_SECONDS,
  }).go();
  return {
    accessToken: await signAccessToken(actorOf(user)),
    expiresIn: ACCESS_TOKEN_TTL_SECONDS,
    refreshToken: `${sessionId}.${secret}`,
  };
}

function parseRefreshToken(token: string | undefined): { sessionId: string; secret: string } {
  const [sessionId, secret] = (token ?? "").split(".");
  // Only a session id the store could hold is looked up (a forged cookie of any length is just an invalid session).
  if (!sessionId || !secret || !isId("session", sessionId)) throw invalidSession();
  return { sessionId, secret };
}

async function revokeSession(sessionId: string, reason: string): Promise<void> {
  await SessionEntity.patch({ sessionId })
    .set({ revokedAt: nowIso(), revokedReason: reason })
    .go()
    .catch(() => undefined);
}

const resetLinkInvalid = () =>
  new VisibleError("input", "auth.reset_link_invalid", "Ссылка для восстановления пароля недействительна или устарела. Запросите новую.");

/** A password-reset link's record while it can be used; refused as invalid otherwise. */
async function resetLinkRow(lookup: string) {
  const row = (await OneTimeSecretEntity.get({ purpose: "password_reset", lookup }).go()).data;
  if (!row || row.expiresAt < epochSeconds()) throw resetLinkInvalid();
  return row;
}

export const Auth = {
  async login(input: z.infer<typeof LoginInput>, ip: string): Promise<Tokens> {
    const keys = throttleKeys(input.email, ip);
    await assertNotLocked(keys);
    const user = await User.findByEmail(input.email);
    const valid = await verifyPassword(input.password, user?.passwordHash);
    if (!user || !valid) {
      await recordFailure(keys.map((k) => k.key));
      throw invalidCredentials();
    }
    await assertMaySignIn(user);
    const tokens = await startSession(user);
    await recordAudit("auth.login", user.userId, { tenantId: user.tenantId, regionId: user.regionId }, user);
    return tokens;
  },

  /** Rotates the refresh token. Presenting a spent token revokes the whole session (family). */
  async refresh(refreshToken: string | undefined): Promise<Tokens> {
    const { sessionId, secret } = parseRefreshToken(refreshToken);
    const session = (await SessionEntity.get({ sessionId }).go()).data;
    if (!session || session.revokedAt || session.expiresAt < epochSeconds()) throw invalidSession();
    if (session.tokenHash !== hashToken(secret)) {
      await revokeSession(sessionId, "reuse");
      throw invalidSession();
    }
    const user = await User.find(session.userId);
    if (!user) throw invalidSession();
    await assertMaySignIn(user);
    const next = randomToken();
    try {
      await SessionEntity.patch({ sessionId })
        .set({ tokenHash: hashToken(next) })
        .add({ rotations: 1 })
        .where((attr, op) => `${op.eq(attr.tokenHash, session.tokenHash)} AND ${op.notExists(attr.revokedAt)}`)
        .go();
    } catch {
      // Another request rotated it first: this token is now spent.
      await revokeSession(sessionId, "reuse");
      throw invalidSession();
    }
    return { accessToken: await signAccessToken(actorOf(user)), expiresIn: ACCESS_TOKEN_TTL_SECONDS, refreshToken: `${sessionId}.${next}` };
  },

  async logout(refreshToken: string | undefined): Promise<void> {
    const [sessionId] = (refreshToken ?? "").split(".");
    if (sessionId) await revokeSession(sessionId, "logout");
  },

  /** Sends a 6-digit sign-in code. Answers the same whether or not the account exists. */
  async requestCode(email: string): Promise<void> {
    const user = await User.findByEmail(email);
    if (user?.status !== "active") return;
    const code = randomCode();
    await OneTimeSecretEntity.put({
      purpose: "login_code",
      lookup: user.email,
      userId: user.userId,
      secretHash: hashToken(code),
      attempts: 0,
      expiresAt: epochSeconds() + CODE_TTL_SECONDS,
    }).go();
    await sendEmail({
      to: user.email,
      subject: `Код для входа: ${code}`,
      ...renderEmail({
        heading: "Код для входа в систему ЦМН",
        paragraphs: [
          greeting(user.fullName),
          `Ваш одноразовый код: ${code}`,
          "Код действует 10 минут. Если вы не запрашивали вход, просто проигнорируйте это письмо.",
        ],
      }),
    });
  },

  async verifyCode(input: z.infer<typeof CodeInput>, ip: string): Promise<Tokens> {
    const keys = throttleKeys(input.email, ip);
    await assertNotLocked(keys);
    const row = (await OneTimeSecretEntity.get({ purpose: "login_code", lookup: input.email }).go()).data;
    const valid = row && row.expiresAt >= epochSeconds() && row.attempts < CODE_ATTEMPTS && row.secretHash === hashToken(input.code);
    if (!row || !valid) {
      await recordFailure(keys.map((k) => k.key));
      if (row)
        await OneTimeSecretEntity.patch({ purpose: "login_code", lookup: input.email })
          .add({ attempts: 1 })
          .go()
          .catch(() => undefined);
      throw new VisibleError("unauthorized", "auth.invalid_code", "Код неверный или устарел. Запросите новый код.");
    }
    // Single use: only the request that deletes the code may sign in with it.
    try {
      await OneTimeSecretEntity.delete({ purpose: "login_code", lookup: input.email })
        .where((attr, op) => op.eq(attr.secretHash, row.secretHash))
        .go();
    } catch {
      throw new VisibleError("unauthorized", "auth.invalid_code", "Код неверный или устарел. Запросите новый код.");
    }
    const user = await User.find(row.userId);
    if (!user) throw invalidCredentials();
    await assertMaySignIn(user);
    const tokens = await startSession(user);
    await recordAudit("auth.login_code", user.userId, { tenantId: user.tenantId, regionId: user.regionId }, user);
    return tokens;
  },

  /** Emails a password-reset link (valid 1 hour). Answers the same whether or not the account exists. */
  async forgotPassword(email: string): Promise<void> {
    const user = await User.findByEmail(email);
    if (user?.status !== "active") return;
    const token = randomToken();
    await OneTimeSecretEntity.put({
      purpose: "password_reset",
      lookup: hashToken(token),
      userId: user.userId,
      secretHash: hashToken(token),
      attempts: 0,
      expiresAt: epochSeconds() + RESET_TTL_SECONDS,
    }).go();
    await sendEmail({
      to: user.email,
      subject: "Восстановление пароля",
      ...renderEmail({
        heading: "Восстановление пароля в системе ЦМН",
        paragraphs: [
          greeting(user.fullName),
          "Чтобы задать новый пароль, перейдите по ссылке. Ссылка действует 1 час и может быть использована один раз.",
        ],
        action: { label: "Задать новый пароль", url: `${appUrl()}/reset-password/${token}` },
        footer: "Если вы не запрашивали восстановление, проигнорируйте это письмо: пароль останется прежним.",
      }),
    });
  },

  /** Whether a password-reset link can still be used, so that its page says so before a new password is typed. */
  async checkResetLink(token: string): Promise<{ expiresAt: string }> {
    const row = await resetLinkRow(hashToken(token));
    return { expiresAt: new Date(row.expiresAt * 1000).toISOString() };
  },

  async resetPassword(input: z.infer<typeof ResetInput>): Promise<void> {
    const lookup = hashToken(input.token);
    const row = await resetLinkRow(lookup);
    try {
      await OneTimeSecretEntity.delete({ purpose: "password_reset", lookup })
        .where((attr, op) => op.exists(attr.secretHash))
        .go();
    } catch {
      throw resetLinkInvalid();
    }
    await User.setPassword(row.userId, await hashPassword(input.password));
    const user = await User.find(row.userId);
    await recordAudit("auth.password_reset", row.userId, { tenantId: user?.tenantId, regionId: user?.regionId }, user);
  },

  /** The signed-in user with the names of their region and institution. */
  async me() {
    const actor = useUser();
    // The token names the user's region and institution (they never change): the three items in one BatchGetItem.
    const requests = [
      UserEntity.get({ userId: actor.userId }),
      actor.regionId ? RegionEntity.get({ regionId: actor.regionId }) : undefined,
      actor.tenantId ? InstitutionEntity.get({ tenantId: actor.tenantId }) : undefined,
    ] as const;
    const items = await getItems(requests.flatMap((request) => (request ? [itemKey(request)] : [])));
    const next = () => items.shift();
    const user = UserEntity.parse({ Item: next() }).data;
    const region = requests[1] ? RegionEntity.parse({ Item: next() }).data : undefined;
    const institution = requests[2] ? InstitutionEntity.parse({ Item: next() }).data : undefined;
    if (!user) throw invalidSession();
    return {
      userId: user.userId,
      email: user.email,
      fullName: user.fullName,
      role: user.role,
      region: region ? { regionId: region.regionId, name: region.name, timeZone: region.timeZone } : undefined,
      institution: institution ? { tenantId: institution.tenantId, shortName: institution.shortName, type: institution.type } : undefined,
    };
  },
};
