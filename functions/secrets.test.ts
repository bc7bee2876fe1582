import { afterEach, describe, expect, it, vi } from "vitest";

describe("the JWT key in AWS (functions/secrets.ts)", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("takes the value SST prefetched into the environment at deploy time", async () => {
    vi.stubEnv("SST_APP", "rnc-mentorship");
    vi.stubEnv("JWT_PRIVATE_KEY", undefined);
    vi.stubEnv("SST_Secret_value_JWT_PRIVATE_KEY", '{"kid":"k1"}');
    await import("./secrets");
    expect(process.env.JWT_PRIVATE_KEY).toBe('{"kid":"k1"}');
  });

  it("leaves a directly set key alone (the local runtime and tests)", async () => {
    vi.stubEnv("SST_APP", undefined);
    vi.stubEnv("JWT_PRIVATE_KEY", '{"kid":"local"}');
    await import("./secrets");
    expect(process.env.JWT_PRIVATE_KEY).toBe('{"kid":"local"}');
  });
});
