import { Config, type StackContext } from "sst/constructs";

/**
 * The JWT signing key: an ES256 private JWK (JSON, with `kid`), stored by SST as an encrypted SSM parameter.
 * Set it per stage with `npx sst secrets set JWT_PRIVATE_KEY "$(npx tsx scripts/gen-jwt-key.ts)" --stage <name>`.
 */
export function AuthStack({ stack }: StackContext) {
  const jwtPrivateKey = new Config.Secret(stack, "JWT_PRIVATE_KEY");
  return { jwtPrivateKey };
}
