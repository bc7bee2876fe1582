import { SignJWT, jwtVerify } from "jose";
import type { UserActor } from "../actor";
import { roles } from "../actor";
import { VisibleError } from "../error";
import { JWT_ALG, signingKey, verificationKeys } from "./keys";

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const ISSUER = "rnc-mentorship";
const AUDIENCE = "rnc-api";

export async function signAccessToken(user: UserActor["properties"]): Promise<string> {
  const key = await signingKey();
  return new SignJWT({ email: user.email, role: user.role, rid: user.regionId, tid: user.tenantId })
    .setProtectedHeader({ alg: JWT_ALG, kid: key.kid })
    .setSubject(user.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ACCESS_TOKEN_TTL_SECONDS}s`)
    .sign(key.privateKey);
}

/**
 * Verified tokens, kept until they expire so a client's repeated calls skip the signature check.
 * Bounded: the oldest entries are dropped first.
 */
const verified = new Map<string, { actor: UserActor; expiresAt: number }>();
const VERIFIED_CACHE_SIZE = 5000;

/** Verifies signature, issuer, audience and expiry; returns the actor the token speaks for. */
export async function verifyAccessToken(token: string): Promise<UserActor> {
  const cached = verified.get(token);
  if (cached && cached.expiresAt > Date.now()) return cached.actor;
  if (cached) verified.delete(token);
  const actor = await verifyUncached(token);
  if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value as string);
  const { exp } = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString()) as { exp: number };
  verified.set(token, { actor, expiresAt: exp * 1000 });
  return actor;
}

async function verifyUncached(token: string): Promise<UserActor> {
  try {
    const { payload } = await jwtVerify(token, await verificationKeys(), { issuer: ISSUER, audience: AUDIENCE });
    const role = roles.find((r) => r === payload.role);
    if (!payload.sub || !role || typeof payload.email !== "string") throw new Error("bad claims");
    return {
      type: "user",
      properties: {
        userId: payload.sub,
        email: payload.email,
        role,
        regionId: typeof payload.rid === "string" ? payload.rid : undefined,
        tenantId: typeof payload.tid === "string" ? payload.tid : undefined,
      },
    };
  } catch {
    throw new VisibleError("unauthorized", "auth.invalid_token", "Сеанс истёк или недействителен. Войдите снова.");
  }
}

/**
 * A long-lived signed token for one narrow purpose (e.g. an unsubscribe link), verified
 * against the same published keys; it can never be used as an access token (other audience).
 */
export async function signPurposeToken(purpose: string, subject: string): Promise<string> {
  const key = await signingKey();
  return new SignJWT({})
    .setProtectedHeader({ alg: JWT_ALG, kid: key.kid })
    .setSubject(subject)
    .setIssuer(ISSUER)
    .setAudience(`rnc-${purpose}`)
    .setIssuedAt()
    .sign(key.privateKey);
}

export async function verifyPurposeToken(purpose: string, token: string): Promise<string> {
  try {
    const { payload } = await jwtVerify(token, await verificationKeys(), { issuer: ISSUER, audience: `rnc-${purpose}` });
    if (!payload.sub) throw new Error("no subject");
    return payload.sub;
  } catch {
    throw new VisibleError("input", "link.invalid", "Ссылка недействительна");
  }
}
