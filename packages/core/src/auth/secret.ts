import { createHash, randomBytes, randomInt } from "node:crypto";

/** A random URL-safe token (256 bits) for links and refresh tokens. */
export const randomToken = () => randomBytes(32).toString("base64url");
/** A 6-digit one-time code. */
export const randomCode = () => String(randomInt(0, 1_000_000)).padStart(6, "0");
/** Tokens are stored only as SHA-256 hashes (they are high-entropy, so no salt is needed). */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

export const nowIso = () => new Date().toISOString();
export const epochSeconds = (date = new Date()) => Math.floor(date.getTime() / 1000);
