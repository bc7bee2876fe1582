import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { importJWK, jwtVerify, SignJWT } from "jose";
import { describe, expect, it } from "vitest";

describe("scripts/gen-jwt-key.ts (infra/README.md's `sst secrets set JWT_PRIVATE_KEY` step)", () => {
  it("prints one private ES256 JWK with a kid, which signs tokens its public half verifies", async () => {
    const script = fileURLToPath(new URL("./gen-jwt-key.ts", import.meta.url));
    const run = spawnSync(process.execPath, ["--import", "tsx", script], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const jwk = JSON.parse(run.stdout);
    expect(jwk).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256", kid: expect.any(String), d: expect.any(String) });
    const token = await new SignJWT({ sub: "usr_1" })
      .setProtectedHeader({ alg: "ES256", kid: jwk.kid })
      .sign(await importJWK(jwk, "ES256"));
    const { d: _private, ...publicJwk } = jwk;
    expect((await jwtVerify(token, await importJWK(publicJwk, "ES256"))).payload.sub).toBe("usr_1");
  });
});
