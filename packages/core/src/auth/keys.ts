import { type CryptoKey, type JWK, createLocalJWKSet, exportJWK, generateKeyPair, importJWK } from "jose";

export const JWT_ALG = "ES256";

type SigningKey = { kid: string; privateKey: CryptoKey; publicJwk: JWK };
let cached: Promise<SigningKey> | undefined;

/**
 * The current signing key: an ES256 private JWK (with `kid`) in `JWT_PRIVATE_KEY`
 * (an SST secret in AWS; generated into .data/ by the local runtime).
 */
export function signingKey(): Promise<SigningKey> {
  cached ??= (async () => {
    const raw = process.env.JWT_PRIVATE_KEY;
    if (!raw) throw new Error("JWT_PRIVATE_KEY is not set");
    const jwk = JSON.parse(raw) as JWK;
    if (!jwk.kid) throw new Error("JWT_PRIVATE_KEY has no kid");
    const privateKey = (await importJWK(jwk, JWT_ALG)) as CryptoKey;
    const { d: _private, ...publicJwk } = jwk;
    return { kid: jwk.kid, privateKey, publicJwk: { ...publicJwk, alg: JWT_ALG, use: "sig" } };
  })();
  return cached;
}

/**
 * The published key set: the current key plus previous public keys still accepted
 * during a rotation (`JWT_PREVIOUS_PUBLIC_KEYS`, a JSON array of public JWKs).
 */
export async function jwks(): Promise<{ keys: JWK[] }> {
  const current = await signingKey();
  const previous = JSON.parse(process.env.JWT_PREVIOUS_PUBLIC_KEYS ?? "[]") as JWK[];
  return { keys: [current.publicJwk, ...previous] };
}

let keySet: Promise<ReturnType<typeof createLocalJWKSet>> | undefined;
export function verificationKeys() {
  keySet ??= jwks().then((set) => createLocalJWKSet(set));
  return keySet;
}

/** A new private JWK for `JWT_PRIVATE_KEY` (used by scripts/gen-jwt-key.ts and the local runtime). */
export async function generateSigningJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(JWT_ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, alg: JWT_ALG, kid: `k${Date.now().toString(36)}` };
}
