declare module "sst/node/config" {
  export interface SecretResources {
    JWT_PRIVATE_KEY: { value: string };
  }
}

/** What SST's `bind` puts in the environment for a secret that is to be read from SSM at run time. */
const FETCH_FROM_SSM = "__FETCH_FROM_SSM__";

/**
 * In AWS, the JWT signing key is an SST secret bound to the function with `prefetchSecrets` (infra/api.ts,
 * infra/jobs.ts): at deploy time SST writes its value into the function's environment, so a cold start reads it
 * from there and loads no SSM client. Only between CloudFormation's update of a function and SST's prefetch does
 * the variable still hold the marker; then `sst/node/config` fetches the value from SSM (loaded on that path only).
 * Locally and in tests, JWT_PRIVATE_KEY is set directly and nothing here runs.
 */
if (process.env.SST_APP && !process.env.JWT_PRIVATE_KEY) {
  const bound = process.env.SST_Secret_value_JWT_PRIVATE_KEY;
  process.env.JWT_PRIVATE_KEY = bound && bound !== FETCH_FROM_SSM ? bound : (await import("sst/node/config")).Config.JWT_PRIVATE_KEY;
}

export {};
