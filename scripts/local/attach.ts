import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { withActor } from "@rnc/core";

const ROOT = new URL("../..", import.meta.url).pathname;

/**
 * Points this process at the stack `npm start` is running (its endpoints are in .data/local.json)
 * and runs `fn` as trusted system code. Core modules must be imported inside `fn` (dynamically),
 * after the environment is set.
 */
export async function withLocalStack<T>(fn: () => Promise<T>): Promise<T> {
  const file = join(ROOT, ".data/local.json");
  if (!existsSync(file)) {
    console.error("The local stack is not running. Start it first in another terminal: npm start");
    process.exit(1);
  }
  const runtime = JSON.parse(readFileSync(file, "utf8")) as {
    url: string;
    mailEndpoint: string;
    dynamoEndpoint: string;
    tableName: string;
  };
  Object.assign(process.env, {
    DDB_ENDPOINT: runtime.dynamoEndpoint,
    SES_ENDPOINT: runtime.mailEndpoint,
    TABLE_NAME: runtime.tableName,
    APP_URL: runtime.url,
    JWT_PRIVATE_KEY: readFileSync(join(ROOT, ".data/jwt-private-key.json"), "utf8"),
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  });
  return withActor({ type: "system", properties: {} }, fn);
}

export const mailInbox = () => JSON.parse(readFileSync(join(ROOT, ".data/local.json"), "utf8")).mailEndpoint as string;
