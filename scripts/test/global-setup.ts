import type { TestProject } from "vitest/node";
import { generateSigningJwk } from "@rnc/core/auth/keys";
import { startDynamoDbLocal } from "../local/dynamodb";
import { startMailSink } from "../local/ses";

/** One DynamoDB Local and one mail sink for the whole run; each test file gets its own table (per-file.ts). */
export default async function setup(project: TestProject) {
  const [dynamo, mail] = await Promise.all([startDynamoDbLocal(), startMailSink(0)]);
  project.provide("dynamoEndpoint", dynamo.endpoint);
  project.provide("mailEndpoint", mail.endpoint);
  project.provide("jwtPrivateKey", JSON.stringify(await generateSigningJwk()));
  return async () => {
    await Promise.all([mail.stop(), dynamo.stop()]);
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    mailEndpoint: string;
    jwtPrivateKey: string;
  }
}
