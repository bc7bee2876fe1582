/**
 * `npx tsx scripts/gen-jwt-key.ts`: prints a new ES256 private JWK (with `kid`) as JSON, for
 * `npx sst secrets set JWT_PRIVATE_KEY "$(npx tsx scripts/gen-jwt-key.ts)" --stage <name>` (infra/README.md).
 */
import { generateSigningJwk } from "@rnc/core/auth/keys";

console.log(JSON.stringify(await generateSigningJwk()));
