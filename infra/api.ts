import { Api, Function as SstFunction, type StackContext, use } from "sst/constructs";
import { AuthStack } from "./auth";
import { EmailStack } from "./email";
import { ExportsStack } from "./exports";
import { LAMBDA_MEMORY_MB } from "./lambda-heap";
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

/** A path prefix's routes: the prefix itself and everything under it (a greedy `{proxy+}` needs at least one segment). */
const under = (prefix: string) => [`ANY ${prefix}`, `ANY ${prefix}/{proxy+}`];

export type ApiGroup = {
  description: string;
  /** API Gateway route keys. API Gateway picks the most specific match, so a catch-all only gets what no prefix claims. */
  routes: string[];
  /** Item reads only, or reads and writes (both on the table and its indexes). */
  table: "read" | "readWrite";
  /** Sends e-mail (sign-in codes, invitations, survey links) as the SES identity. */
  email?: boolean;
  /** Starts consolidated exports (invokes the export function) and presigns their downloads. */
  exports?: boolean;
};

/**
 * The API's Lambdas, one per resource group. `functions/api/lambdas/<name>.ts` is the handler of the group's routes
 * (`functions/api/groups/<name>.ts`), so its bundle carries only that group's domain code; the paths below are where API Gateway sends them.
 * Every path of the app belongs to exactly one group (infra/stacks.test.ts checks this against the app's routes).
 */
export const apiGroups = {
  system: {
    description: "Health, JWKS, the API reference, and JSON 404s for paths no group serves",
    routes: ["ANY /api/{proxy+}", "ANY /.well-known/{proxy+}"],
    table: "read",
  },
  auth: {
    description: "Sign-in, sessions, one-time codes, password reset, invitations",
    routes: under("/api/auth"),
    table: "readWrite",
    email: true,
  },
  admin: {
    description: "Regions, institutions, users, invitations, audit",
    routes: ["/api/regions", "/api/institutions", "/api/users", "/api/invitations", "/api/audit"].flatMap(under),
    table: "readWrite",
    email: true,
  },
  participants: {
    description: "Participants, consents, forms of mentoring",
    routes: ["/api/participants", "/api/forms"].flatMap(under),
    table: "readWrite",
  },
  pairs: { description: "Pairs and groups, their plans and meetings, the board", routes: under("/api/pairs"), table: "readWrite" },
  roadmaps: {
    description: "Roadmaps, templates, the calendar feed",
    routes: ["/api/roadmaps", "/api/calendar"].flatMap(under),
    table: "readWrite",
  },
  monitoring: {
    description: "Monitoring campaigns, the annual count, KPI targets, best practices",
    routes: ["/api/monitoring", "/api/kpi", "/api/practices"].flatMap(under),
    table: "readWrite",
  },
  registers: {
    description:
      "The institution's registers: the mentor-training log, partner organisations and their contracts, mentors' rewards, the media plan, accessibility measures",
    routes: ["/api/trainings", "/api/partners", "/api/rewards", "/api/publications", "/api/accessibility-measures"].flatMap(under),
    table: "readWrite",
  },
  surveys: {
    description: "Surveys and their one-time links",
    routes: ["/api/surveys", "/api/survey-links"].flatMap(under),
    table: "readWrite",
    email: true,
  },
  reminders: { description: "Reminder preferences, unsubscribe, digest preview", routes: under("/api/reminders"), table: "readWrite" },
  stats: {
    description: "Regional statistics and consolidated exports",
    routes: ["/api/stats", "/api/reports"].flatMap(under),
    table: "readWrite",
    exports: true,
  },
} satisfies Record<string, ApiGroup>;

export type ApiGroupName = keyof typeof apiGroups;

/** The HTTP API: /api/* and /.well-known/*, each path prefix to its group's Lambda. */
export function ApiStack({ app, stack }: StackContext) {
  const { table } = use(TableStack);
  const { jwtPrivateKey } = use(AuthStack);
  const { sendEmailPolicy } = use(EmailStack);
  const exports = use(ExportsStack);

  const handlers = {} as Record<ApiGroupName, SstFunction>;
  for (const [name, group] of Object.entries(apiGroups) as [ApiGroupName, ApiGroup][]) {
    handlers[name] = new SstFunction(stack, `Api${name[0]!.toUpperCase()}${name.slice(1)}`, {
      handler: `functions/api/lambdas/${name}.handler`,
      description: `API: ${group.description}`,
      environment: { ...useAppEnvironment(app.stage), ...(group.exports ? exports.apiEnvironment : {}) },
      // Least privilege: item access on the table and its indexes, not `dynamodb:*` (which `bind` grants); SES and
      // the export function only for the groups that use them.
      permissions: [
        [table.cdk.table, group.table === "read" ? "grantReadData" : "grantReadWriteData"],
        ...(group.email ? [sendEmailPolicy()] : []),
        ...(group.exports ? exports.apiPolicies() : []),
      ],
      // Every group verifies access tokens (the auth group also signs them). SST writes the key into the
      // environment at deploy time, so a cold start makes no SSM call (functions/secrets.ts).
      bind: [jwtPrivateKey],
      prefetchSecrets: true,
      timeout: "15 seconds",
      memorySize: `${LAMBDA_MEMORY_MB} MB`,
    });
  }

  const api = new Api(stack, "Api", {
    // The browser reaches the API through the site's origin (see infra/web.ts), so no CORS is needed.
    cors: false,
    routes: Object.fromEntries(
      (Object.entries(apiGroups) as [ApiGroupName, ApiGroup][]).flatMap(([name, group]) =>
        group.routes.map((route) => [route, { function: handlers[name] }]),
      ),
    ),
  });

  stack.addOutputs({ ApiUrl: api.url });
  return { api, handlers };
}
