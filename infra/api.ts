import { Api, Function as SstFunction, type StackContext, use } from "sst/constructs";
import { AuthStack } from "./auth";
import { EmailStack } from "./email";
import { ExportsStack } from "./exports";
import { TableStack } from "./table";

/**
 * The environment shared by the API and the jobs. APP_URL (used in e-mail links) is the public site URL; the
 * site's CloudFront distribution routes /api/* to this API, so the API cannot reference the site's URL without a
 * dependency cycle: it is read from the APP_URL environment variable at deploy time (empty when unset).
 */
export function useAppEnvironment(stage: string) {
  const { table } = use(TableStack);
  const { sender } = use(EmailStack);
  return {
    TABLE_NAME: table.tableName,
    EMAIL_FROM: sender,
    APP_URL: process.env.APP_URL ?? "",
    STAGE: stage,
  };
}

/** The HTTP API: one Lambda (the Hono app) behind /api/* and /.well-known/*. */
export function ApiStack({ app, stack }: StackContext) {
  const { table } = use(TableStack);
  const { jwtPrivateKey } = use(AuthStack);
  const { sendEmailPolicy } = use(EmailStack);
  const exports = use(ExportsStack);

  const handler = new SstFunction(stack, "ApiHandler", {
    handler: "functions/api/lambda.handler",
    description: "The Hono API",
    environment: { ...useAppEnvironment(app.stage), ...exports.apiEnvironment },
    // Least privilege: item reads and writes on the table and its indexes, not `dynamodb:*` (which `bind` grants);
    // invoking the export function and reading its files (to presign downloads) only.
    permissions: [[table.cdk.table, "grantReadWriteData"], sendEmailPolicy(), ...exports.apiPolicies()],
    bind: [jwtPrivateKey],
    timeout: "15 seconds",
    memorySize: "1024 MB",
  });

  const api = new Api(stack, "Api", {
    // The browser reaches the API through the site's origin (see infra/web.ts), so no CORS is needed.
    cors: false,
    routes: {
      "ANY /api/{proxy+}": { function: handler },
      "ANY /.well-known/{proxy+}": { function: handler },
    },
  });

  stack.addOutputs({ ApiUrl: api.url });
  return { api, handler };
}
