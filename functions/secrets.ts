import { Config } from "sst/node/config";

declare module "sst/node/config" {
  export interface SecretResources {
    JWT_PRIVATE_KEY: { value: string };
  }
}

/**
 * In AWS, SST binds the JWT signing key as a secret that `sst/node/config` fetches from SSM at cold
 * start; the core reads it from the environment, as it does locally and in tests.
 */
if (process.env.SST_APP && !process.env.JWT_PRIVATE_KEY) process.env.JWT_PRIVATE_KEY = Config.JWT_PRIVATE_KEY;
