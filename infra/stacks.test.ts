/**
 * Assertions on the synthesized prod app, one describe block per file in infra/. They share one synth
 * (EMAIL_DOMAIN and APP_URL set as a deploy would): SST's constructs take seconds to import, so one test
 * file per concern would multiply that. The table (prod vs dev) and the real bundles have their own files.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { CachePolicy, OriginRequestPolicy } from "aws-cdk-lib/aws-cloudfront";
import type { Hono } from "hono";
import { beforeAll, describe, expect, test } from "vitest";
import { type ApiGroup, type ApiGroupName, apiGroups } from "./api";
import {
  actionsOf,
  allStatements,
  apiRoutes,
  type CfnTemplate,
  functionByHandler,
  render,
  resolveImport,
  resourcesOf,
  resourcesOfStatement,
  roleStatements,
  selectRoute,
  type Statement,
  type Synthesized,
  synthesize,
} from "./testing";

const reminders = "functions/jobs/reminders.handler";
const recovery = "functions/jobs/roadmap-recovery.handler";
const feedback = "functions/events/ses-feedback.handler";
const exporter = "functions/jobs/export.handler";
const tableArn = "{TableStack/AWS::DynamoDB::Table.Arn}";
const tableAndIndexes = [tableArn, `${tableArn}/index/*`];
const identityArn = "arn:{AWS::Partition}:ses:eu-central-1:123456789012:identity/{EmailStack/AWS::SES::EmailIdentity}";
const configurationSetArn = "arn:{AWS::Partition}:ses:eu-central-1:123456789012:configuration-set/{EmailStack/AWS::SES::ConfigurationSet}";

/** One API Lambda per resource group: `functions/api/lambdas/<group>.ts`. */
const groups = Object.keys(apiGroups) as ApiGroupName[];
const apiHandler = (group: string) => `functions/api/lambdas/${group}.handler`;
const apiHandlers = groups.map(apiHandler);
const groupProps = (group: ApiGroupName): ApiGroup => apiGroups[group];
const sendsEmail = (group: ApiGroupName) => groupProps(group).email === true;

let app: Synthesized;
let json: Record<string, CfnTemplate>;
beforeAll(async () => {
  app = await synthesize("prod", { env: { EMAIL_DOMAIN: "mentor.example.ru", APP_URL: "https://mentor.example.ru" } });
  json = app.json;
}, 60_000);

const everywhere = (type: string) => Object.values(json).flatMap((template) => resourcesOf(template, type));
const rendered = (stack: string, statement: Statement) => resourcesOfStatement(statement).map((r) => render(json, stack, r));
const variablesOf = (stack: keyof Synthesized["json"], handler: string) =>
  functionByHandler(json[stack]!, handler)[1].Properties!.Environment.Variables as Record<string, unknown>;

describe("api.ts", () => {
  test("one HTTP API whose every route invokes a group's Lambda (AWS_PROXY, payload 2.0); one Lambda per group", () => {
    const apis = everywhere("AWS::ApiGatewayV2::Api");
    expect(apis).toHaveLength(1);
    expect(apis[0]![1].Properties!.ProtocolType).toBe("HTTP");

    const stack = json.ApiStack!;
    const functions = resourcesOf(stack, "AWS::Lambda::Function").filter(([, fn]) =>
      String(fn.Properties!.Handler).startsWith("functions/"),
    );
    expect(functions.map(([, fn]) => fn.Properties!.Handler).sort()).toEqual([...apiHandlers].sort());
    for (const group of groups) expect(existsSync(`functions/api/lambdas/${group}.ts`), group).toBe(true);

    const routes = apiRoutes(stack);
    expect(new Set(routes.map((route) => route.routeKey)).size).toBe(routes.length);
    for (const route of routes) expect(apiHandlers, route.routeKey).toContain(route.handler);
    for (const [, integration] of resourcesOf(stack, "AWS::ApiGatewayV2::Integration")) {
      expect(integration.Properties).toMatchObject({ IntegrationType: "AWS_PROXY", PayloadFormatVersion: "2.0" });
    }
    // Paths no group claims (and /.well-known) go to the system group, which answers unknown paths with a JSON 404.
    const keys = routes.map((route) => route.routeKey);
    const handlerOf = (path: string) => routes.find((route) => route.routeKey === selectRoute(keys, path))?.handler;
    expect(handlerOf("/api/no-such-resource")).toBe(apiHandler("system"));
    expect(handlerOf("/.well-known/jwks.json")).toBe(apiHandler("system"));
  });

  test("every operation of the app is routed to the Lambda of the one group that serves it", { timeout: 60_000 }, async () => {
    // Derived from the app's own route list (the one the OpenAPI document is generated from), so a new route, a new
    // prefix or a new group cannot be left unrouted or sent to a Lambda that does not serve it.
    const { app: api } = await import("../functions/api/app");
    const { listOperations } = await import("../functions/api/openapi");
    const servedBy = new Map<string, string[]>();
    for (const group of groups) {
      const { routes } = (await import(pathToFileURL(resolve(`functions/api/groups/${group}.ts`)).href)) as { routes: Hono };
      for (const operation of listOperations(routes)) {
        const key = `${operation.method} ${operation.path}`;
        servedBy.set(key, [...(servedBy.get(key) ?? []), group]);
      }
    }
    const routes = apiRoutes(json.ApiStack!);
    const keys = routes.map((route) => route.routeKey);
    const operations = listOperations(api);
    expect(operations.length).toBeGreaterThan(100);
    expect(servedBy.size).toBe(operations.length);

    const misrouted: string[] = [];
    const reached = new Set<string>();
    for (const { method, path } of operations) {
      const routeKey = selectRoute(keys, path.replace(/:\w+/g, "x"));
      const handler = routes.find((route) => route.routeKey === routeKey)?.handler;
      const serving = servedBy.get(`${method} ${path}`) ?? [];
      if (serving.length !== 1 || handler !== apiHandler(serving[0]!)) {
        misrouted.push(
          `${method} ${path}: routed by ${routeKey ?? "no route"} to ${handler ?? "nothing"}, served by ${serving.join(" and ") || "no group"}`,
        );
      } else reached.add(serving[0]!);
    }
    expect(misrouted).toEqual([]);
    expect([...reached].sort()).toEqual([...groups].sort());
  });

  test.each(groups)("the %s Lambda: nodejs22.x on arm64, 15 s, 1024 MB", (group) => {
    const [, handler] = functionByHandler(json.ApiStack!, apiHandler(group));
    expect(handler.Properties).toMatchObject({ Runtime: "nodejs22.x", Architectures: ["arm64"], Timeout: 15, MemorySize: 1024 });
  });

  test.each(groups)("the %s Lambda's environment: table name, sender, site URL (from the deploy's APP_URL) and stage", (group) => {
    const variables = variablesOf("ApiStack", apiHandler(group));
    expect(render(json, "ApiStack", variables.TABLE_NAME)).toBe("{TableStack/AWS::DynamoDB::Table}");
    expect(variables).toMatchObject({ EMAIL_FROM: "noreply@mentor.example.ru", APP_URL: "https://mentor.example.ru", STAGE: "prod" });
  });

  test("the app's own functions all get the default props (nodejs22.x, arm64)", () => {
    const functions = everywhere("AWS::Lambda::Function").filter(([, fn]) => String(fn.Properties!.Handler).startsWith("functions/"));
    expect(functions.map(([, fn]) => fn.Properties!.Handler).sort()).toEqual(
      [...apiHandlers, feedback, exporter, reminders, recovery].sort(),
    );
    for (const [, fn] of functions) expect(fn.Properties).toMatchObject({ Runtime: "nodejs22.x", Architectures: ["arm64"] });
  });
});

describe("jobs.ts", () => {
  test("two hourly rules: the reminders on the hour, the roadmap recovery at half past", () => {
    expect(everywhere("AWS::Events::Rule")).toHaveLength(2);
    const rules = resourcesOf(json.JobsStack!, "AWS::Events::Rule");
    for (const [handler, schedule] of [
      [reminders, "cron(0 * * * ? *)"],
      [recovery, "cron(30 * * * ? *)"],
    ] as const) {
      const [id] = functionByHandler(json.JobsStack!, handler);
      const target = [{ Arn: { "Fn::GetAtt": [id, "Arn"] }, Id: "Target0" }];
      const matching = rules.filter(([, rule]) => JSON.stringify(rule.Properties!.Targets) === JSON.stringify(target));
      expect(matching).toHaveLength(1);
      expect(matching[0]![1].Properties).toMatchObject({ ScheduleExpression: schedule, State: "ENABLED" });
      app.templates.JobsStack.hasResourceProperties("AWS::Lambda::Permission", {
        Action: "lambda:InvokeFunction",
        Principal: "events.amazonaws.com",
        FunctionName: { "Fn::GetAtt": [id, "Arn"] },
      });
    }
  });

  test.each([reminders, recovery])("%s: five minutes and the API's environment", (handler) => {
    const [, fn] = functionByHandler(json.JobsStack!, handler);
    expect(fn.Properties).toMatchObject({ Runtime: "nodejs22.x", Architectures: ["arm64"], Timeout: 300 });
    const variables = variablesOf("JobsStack", handler);
    expect(render(json, "JobsStack", variables.TABLE_NAME)).toBe("{TableStack/AWS::DynamoDB::Table}");
    expect(variables).toMatchObject({ EMAIL_FROM: "noreply@mentor.example.ru", APP_URL: "https://mentor.example.ru", STAGE: "prod" });
  });
});

describe("auth.ts", () => {
  test("JWT_PRIVATE_KEY is an SST secret (the value lives in SSM, set with `sst secrets set`, never in a template)", () => {
    const metadata = JSON.parse(json.AuthStack!.Outputs!.SSTMetadata!.Value as string);
    expect(metadata.metadata).toEqual([
      expect.objectContaining({ id: "JWT_PRIVATE_KEY", type: "Secret", data: { name: "JWT_PRIVATE_KEY" } }),
    ]);
  });

  const bound = [...apiHandlers.map((handler) => ["ApiStack", handler] as const), ["JobsStack", reminders] as const];

  test.each(bound)(
    "it is bound to %s: %s (verifies or signs tokens or links): a fetch-from-SSM marker, read access to exactly that parameter",
    (stack, handler) => {
      const [id] = functionByHandler(json[stack]!, handler);
      expect(variablesOf(stack, handler).SST_Secret_value_JWT_PRIVATE_KEY).toBe("__FETCH_FROM_SSM__");
      const ssm = roleStatements(json[stack]!, id).filter((s) => actionsOf(s).some((a) => a.startsWith("ssm:")));
      expect(ssm).toHaveLength(1);
      expect(actionsOf(ssm[0]!)).toEqual(["ssm:GetParameters"]);
      expect(rendered(stack, ssm[0]!)).toEqual([
        "arn:{AWS::Partition}:ssm:eu-central-1:123456789012:parameter/sst/rnc-mentorship/prod/Secret/JWT_PRIVATE_KEY/value",
        "arn:{AWS::Partition}:ssm:eu-central-1:123456789012:parameter/sst/rnc-mentorship/.fallback/Secret/JWT_PRIVATE_KEY/value",
      ]);
    },
  );

  test.each(bound)(
    "%s: %s gets the value written into its environment at deploy time (SST's secret prefetcher), so a cold start makes no SSM call",
    (stack, handler) => {
      const [id] = functionByHandler(json[stack]!, handler);
      const prefetchers = resourcesOf(json[stack]!, "Custom::SecretPrefetcher").filter(
        ([, resource]) => resource.Properties!.functionName?.Ref === id,
      );
      expect(prefetchers).toHaveLength(1);
      // The deploy-time handler may update only this function's configuration.
      const updates = allStatements({ [stack]: json[stack]! }).filter(({ statement }) =>
        actionsOf(statement).includes("lambda:UpdateFunctionConfiguration"),
      );
      expect(
        updates.filter(({ statement }) => JSON.stringify(statement.Resource) === JSON.stringify({ "Fn::GetAtt": [id, "Arn"] })),
      ).toHaveLength(1);
      for (const { statement } of updates) expect(JSON.stringify(statement.Resource)).toMatch(/^\{"Fn::GetAtt":\["\w+","Arn"\]\}$/);
    },
  );

  test.each([
    ["EmailStack", feedback],
    ["JobsStack", recovery],
  ] as const)("%s: %s, which signs no tokens, does not get it", (stack, handler) => {
    const [id] = functionByHandler(json[stack]!, handler);
    expect(Object.keys(variablesOf(stack, handler))).not.toContain("SST_Secret_value_JWT_PRIVATE_KEY");
    expect(roleStatements(json[stack]!, id).flatMap(actionsOf)).not.toContain("ssm:GetParameters");
  });
});

describe("email.ts", () => {
  const one = (type: string) => {
    const found = resourcesOf(json.EmailStack!, type);
    expect(found, type).toHaveLength(1);
    return found[0]!;
  };

  test("a domain identity from EMAIL_DOMAIN whose default configuration set is ours", () => {
    const [configurationSetId] = one("AWS::SES::ConfigurationSet");
    const [, identity] = one("AWS::SES::EmailIdentity");
    expect(identity.Properties).toMatchObject({
      EmailIdentity: "mentor.example.ru",
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: configurationSetId } },
    });
  });

  test("bounces and complaints go to an SNS topic that only SES, for this configuration set, may publish to", () => {
    const [configurationSetId] = one("AWS::SES::ConfigurationSet");
    const [topicId] = one("AWS::SNS::Topic");
    const [, destination] = one("AWS::SES::ConfigurationSetEventDestination");
    expect(destination.Properties).toEqual({
      ConfigurationSetName: { Ref: configurationSetId },
      EventDestination: { Enabled: true, MatchingEventTypes: ["bounce", "complaint"], SnsDestination: { TopicARN: { Ref: topicId } } },
    });
    const [, topicPolicy] = one("AWS::SNS::TopicPolicy");
    expect(topicPolicy.Properties!.Topics).toEqual([{ Ref: topicId }]);
    const [statement] = topicPolicy.Properties!.PolicyDocument.Statement;
    expect(statement).toMatchObject({ Action: "sns:Publish", Effect: "Allow", Principal: { Service: "ses.amazonaws.com" } });
    expect(render(json, "EmailStack", statement.Condition.StringEquals["AWS:SourceArn"])).toBe(configurationSetArn);
  });

  test("the feedback function is subscribed to the topic, may be invoked by SNS, and knows the table", () => {
    const [topicId] = one("AWS::SNS::Topic");
    const [feedbackId] = functionByHandler(json.EmailStack!, feedback);
    const [, subscription] = one("AWS::SNS::Subscription");
    expect(subscription.Properties).toEqual({
      Protocol: "lambda",
      TopicArn: { Ref: topicId },
      Endpoint: { "Fn::GetAtt": [feedbackId, "Arn"] },
    });
    app.templates.EmailStack.hasResourceProperties("AWS::Lambda::Permission", {
      Action: "lambda:InvokeFunction",
      Principal: "sns.amazonaws.com",
      SourceArn: { Ref: topicId },
      FunctionName: { "Fn::GetAtt": [feedbackId, "Arn"] },
    });
    expect(render(json, "EmailStack", variablesOf("EmailStack", feedback).TABLE_NAME)).toBe("{TableStack/AWS::DynamoDB::Table}");
  });

  test("outputs: the identity ARN, the sender address and the DKIM records to publish", () => {
    const outputs = json.EmailStack!.Outputs!;
    expect(outputs.EmailSender!.Value).toBe("noreply@mentor.example.ru");
    expect(render(json, "EmailStack", outputs.EmailIdentityArn!.Value)).toBe(identityArn);
    for (const n of [1, 2, 3]) {
      expect(render(json, "EmailStack", outputs[`DkimCname${n}`]!.Value)).toBe(
        `{EmailStack/AWS::SES::EmailIdentity.DkimDNSTokenName${n}} CNAME {EmailStack/AWS::SES::EmailIdentity.DkimDNSTokenValue${n}}`,
      );
    }
  });
});

describe("web.ts", () => {
  type Behavior = Record<string, any>;
  const distribution = () => {
    const distributions = everywhere("AWS::CloudFront::Distribution");
    expect(distributions).toHaveLength(1);
    return resourcesOf(json.WebStack!, "AWS::CloudFront::Distribution")[0]![1].Properties!.DistributionConfig as Behavior;
  };
  const originOf = (config: Behavior, behavior: Behavior) => (config.Origins as Behavior[]).find((o) => o.Id === behavior.TargetOriginId)!;

  test.each(["/api/*", "/.well-known/*"])(
    "CloudFront sends %s to the HTTP API: uncached, all methods, all viewer data but Host",
    (pattern) => {
      const config = distribution();
      const behavior = (config.CacheBehaviors as Behavior[]).find((b) => b.PathPattern === pattern);
      expect(behavior).toBeDefined();
      expect(behavior).toMatchObject({
        CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
        OriginRequestPolicyId: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
        ViewerProtocolPolicy: "https-only",
      });
      expect([...behavior!.AllowedMethods].sort()).toEqual(["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]);
      expect(behavior!.FunctionAssociations).toBeUndefined();

      // The origin is the endpoint the API stack exports, over HTTPS.
      const origin = originOf(config, behavior!);
      expect(origin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: "https-only" });
      const imports = [...JSON.stringify(origin.DomainName).matchAll(/"Fn::ImportValue":"([^"]+)"/g)].map((m) => m[1]!);
      expect(imports).toHaveLength(1);
      const { stack, value } = resolveImport(json, imports[0]!);
      expect(render(json, stack, value)).toBe("{ApiStack/AWS::ApiGatewayV2::Api.ApiEndpoint}");
    },
  );

  test("the SPA is served from S3 and falls back to index.html without rewriting the API's error responses", () => {
    const config = distribution();
    const defaults = config.DefaultCacheBehavior as Behavior;
    expect(originOf(config, defaults).S3OriginConfig).toBeDefined();
    expect(config.DefaultRootObject).toBe("index.html");
    // Distribution-wide error responses would also turn the API's 403/404 into 200 + index.html.
    expect(config.CustomErrorResponses).toBeUndefined();

    const functions = resourcesOf(json.WebStack!, "AWS::CloudFront::Function");
    expect(functions).toHaveLength(1);
    const [functionId, fn] = functions[0]!;
    expect(defaults.FunctionAssociations).toEqual([
      { EventType: "viewer-request", FunctionARN: { "Fn::GetAtt": [functionId, "FunctionARN"] } },
    ]);

    const handler = new Function(`${fn.Properties!.FunctionCode}\nreturn handler;`)() as (event: unknown) => { uri: string };
    const rewrite = (uri: string) => handler({ request: { uri, headers: {} } }).uri;
    expect(rewrite("/")).toBe("/index.html");
    expect(rewrite("/login")).toBe("/index.html");
    expect(rewrite("/regions/42/roadmap/")).toBe("/index.html");
    expect(rewrite("/assets/index-3f9a.js")).toBe("/assets/index-3f9a.js");
    expect(rewrite("/swagger-ui/swagger-ui.css")).toBe("/swagger-ui/swagger-ui.css");
    expect(rewrite("/favicon.ico")).toBe("/favicon.ico");
  });

  test("the site's files are deployed to a private bucket, then the cache is invalidated", () => {
    const web = app.templates.WebStack;
    web.hasResourceProperties("AWS::S3::Bucket", {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    web.resourceCountIs("Custom::S3Uploader", 1);
    web.resourceCountIs("Custom::CloudFrontInvalidator", 1);
  });
});

describe("least privilege, across every policy in every stack", () => {
  const serviceOf = (action: string) => action.split(":")[0]!.toLowerCase();
  const statementsOf = (stack: "ApiStack" | "JobsStack" | "EmailStack", handler: string) =>
    roleStatements(json[stack]!, functionByHandler(json[stack]!, handler)[0]);
  const readWrite = ["GetItem", "BatchGetItem", "Query", "ConditionCheckItem", "PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem"];
  const tableAdmin = ["DeleteTable", "UpdateTable", "CreateTable", "RestoreTableFromBackup", "UpdateTimeToLive", "DeleteBackup"];

  test("there are policies to check", () => {
    // Guards the scans below against silently checking nothing.
    expect(allStatements(json).filter(({ type }) => type === "AWS::IAM::Policy").length).toBeGreaterThanOrEqual(5);
  });

  test("no statement allows `*` or `<service>:*`, and none uses NotAction", () => {
    const offenders = allStatements(json).filter(
      ({ statement }) =>
        statement.Effect === "Allow" &&
        (statement.NotAction !== undefined || actionsOf(statement).some((action) => action === "*" || /^[\w-]+:\*$/.test(action))),
    );
    expect(offenders).toEqual([]);
  });

  test("no DynamoDB or SES statement has Resource `*`", () => {
    const offenders = allStatements(json).filter(
      ({ statement }) =>
        actionsOf(statement).some((action) => ["dynamodb", "ses"].includes(serviceOf(action))) &&
        resourcesOfStatement(statement).includes("*"),
    );
    expect(offenders).toEqual([]);
  });

  test("every DynamoDB statement is scoped to the table and its indexes (the exporter's update to region-owned items)", () => {
    const dynamo = allStatements(json).filter(({ statement }) => actionsOf(statement).some((a) => serviceOf(a) === "dynamodb"));
    expect(dynamo).toHaveLength(groups.length + 5); // each API group, reminders, recovery, SES feedback, exporter (read; update of R# items)
    for (const { stack, statement } of dynamo) {
      if (actionsOf(statement).join() === "dynamodb:UpdateItem") {
        expect(stack).toBe("ExportsStack");
        expect(rendered(stack, statement)).toEqual([tableArn]);
        expect((statement as { Condition?: unknown }).Condition).toEqual({
          "ForAllValues:StringLike": { "dynamodb:LeadingKeys": ["R#*"] },
        });
      } else expect(rendered(stack, statement)).toEqual(tableAndIndexes);
    }
  });

  test("every SES statement allows only sending, as the identity (with its configuration set)", () => {
    const ses = allStatements(json).filter(({ statement }) => actionsOf(statement).some((a) => serviceOf(a) === "ses"));
    expect(ses).toHaveLength(groups.filter((group) => sendsEmail(group)).length + 1); // the API groups that send, reminders
    for (const { stack, statement } of ses) {
      expect(actionsOf(statement).sort()).toEqual(["ses:SendEmail", "ses:SendRawEmail"]);
      expect(rendered(stack, statement)).toEqual([identityArn, configurationSetArn]);
    }
  });

  const readOnly = ["GetItem", "BatchGetItem", "Query", "ConditionCheckItem", "DescribeTable"];
  const writes = ["PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem"];
  const accessOf = (group: ApiGroupName) => groupProps(group).table;

  test.each([
    ...groups.map((group) => ["ApiStack", apiHandler(group), accessOf(group), sendsEmail(group)] as const),
    ["JobsStack", reminders, "readWrite", true] as const,
    ["JobsStack", recovery, "readWrite", false] as const,
  ])("%s: %s may %s items, sends e-mail as the identity: %s, and administers nothing", (stack, handler, access, email) => {
    const statements = statementsOf(stack, handler);
    const dynamo = statements.filter((s) => actionsOf(s).some((a) => a.startsWith("dynamodb:")));
    expect(dynamo).toHaveLength(1);
    const actions = actionsOf(dynamo[0]!);
    for (const action of access === "read" ? readOnly : readWrite) expect(actions).toContain(`dynamodb:${action}`);
    if (access === "read") for (const action of writes) expect(actions).not.toContain(`dynamodb:${action}`);
    for (const action of tableAdmin) expect(actions).not.toContain(`dynamodb:${action}`);
    const ses = statements.filter((s) => actionsOf(s).some((a) => a.startsWith("ses:")));
    expect(ses).toHaveLength(email ? 1 : 0);
    if (email) expect(rendered(stack, ses[0]!)).toEqual([identityArn, configurationSetArn]);
  });

  test("the SES feedback function may only write to the table", () => {
    const statements = statementsOf("EmailStack", feedback).filter((s) => !actionsOf(s).every((a) => a.startsWith("xray:")));
    expect(statements).toHaveLength(1);
    expect(actionsOf(statements[0]!).sort()).toEqual([
      "dynamodb:BatchWriteItem",
      "dynamodb:DeleteItem",
      "dynamodb:DescribeTable",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
    ]);
    expect(rendered("EmailStack", statements[0]!)).toEqual(tableAndIndexes);
  });
});

describe("exports.ts", () => {
  const bucketArn = "{ExportsStack/AWS::S3::Bucket.Arn}";
  const exporterStatements = () => roleStatements(json.ExportsStack!, functionByHandler(json.ExportsStack!, exporter)[0]);

  test("a private bucket: all public access blocked, TLS only, files expire after 7 days", () => {
    const buckets = resourcesOf(json.ExportsStack!, "AWS::S3::Bucket");
    expect(buckets).toHaveLength(1);
    const [bucketId, bucket] = buckets[0]!;
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LifecycleConfiguration: { Rules: [expect.objectContaining({ ExpirationInDays: 7, Status: "Enabled" })] },
    });
    const [, policy] = resourcesOf(json.ExportsStack!, "AWS::S3::BucketPolicy").find(([, p]) => p.Properties!.Bucket.Ref === bucketId)!;
    const deny = (policy.Properties!.PolicyDocument.Statement as (Statement & { Condition?: unknown })[]).find(
      (st) => st.Effect === "Deny",
    );
    expect(deny).toMatchObject({ Action: "s3:*", Condition: { Bool: { "aws:SecureTransport": "false" } } });
  });

  test("the export function: 15 minutes, 1024 MB, the table and the bucket in its environment", () => {
    const [, fn] = functionByHandler(json.ExportsStack!, exporter);
    expect(fn.Properties).toMatchObject({ Runtime: "nodejs22.x", Architectures: ["arm64"], Timeout: 900, MemorySize: 1024 });
    const variables = variablesOf("ExportsStack", exporter);
    expect(render(json, "ExportsStack", variables.TABLE_NAME)).toBe("{TableStack/AWS::DynamoDB::Table}");
    expect(render(json, "ExportsStack", variables.EXPORTS_BUCKET)).toBe("{ExportsStack/AWS::S3::Bucket}");
    expect(Object.keys(variables)).not.toContain("SST_Secret_value_JWT_PRIVATE_KEY");
  });

  test("it reads the table, updates only region-owned items, and puts/gets objects in its bucket only", () => {
    const statements = exporterStatements().filter((st) => !actionsOf(st).every((a) => a.startsWith("xray:")));
    const dynamo = statements.filter((st) => actionsOf(st).some((a) => a.startsWith("dynamodb:")));
    const writes = ["PutItem", "DeleteItem", "BatchWriteItem"].map((a) => `dynamodb:${a}`);
    expect(dynamo.flatMap(actionsOf).filter((a) => writes.includes(a))).toEqual([]);
    const reads = dynamo.find((st) => actionsOf(st).includes("dynamodb:Query"));
    expect(rendered("ExportsStack", reads!)).toEqual(tableAndIndexes);
    expect(actionsOf(reads!)).not.toContain("dynamodb:UpdateItem");
    const s3 = statements.filter((st) => actionsOf(st).some((a) => a.startsWith("s3:")));
    expect(s3).toHaveLength(1);
    expect(actionsOf(s3[0]!).sort()).toEqual(["s3:GetObject", "s3:PutObject"]);
    expect(rendered("ExportsStack", s3[0]!)).toEqual([`${bucketArn}/*`]);
    expect(statements.flatMap(actionsOf).filter((a) => !a.startsWith("dynamodb:") && !a.startsWith("s3:"))).toEqual([]);
  });

  test("the stats group's API Lambda may invoke that function only, and get its bucket's objects only (to presign downloads)", () => {
    const api = apiHandler("stats");
    const [apiId] = functionByHandler(json.ApiStack!, api);
    const statements = roleStatements(json.ApiStack!, apiId);
    const invoke = statements.filter((st) => actionsOf(st).some((a) => a.startsWith("lambda:")));
    expect(invoke).toHaveLength(1);
    expect(actionsOf(invoke[0]!)).toEqual(["lambda:InvokeFunction"]);
    expect(rendered("ApiStack", invoke[0]!)).toEqual(["{ExportsStack/AWS::Lambda::Function.Arn}"]);
    const s3 = statements.filter((st) => actionsOf(st).some((a) => a.startsWith("s3:")));
    expect(s3).toHaveLength(1);
    expect(actionsOf(s3[0]!)).toEqual(["s3:GetObject"]);
    expect(rendered("ApiStack", s3[0]!)).toEqual([`${bucketArn}/*`]);
    const variables = variablesOf("ApiStack", api);
    expect(render(json, "ApiStack", variables.EXPORTS_BUCKET)).toBe("{ExportsStack/AWS::S3::Bucket}");
    expect(render(json, "ApiStack", variables.EXPORT_FUNCTION_NAME)).toBe("{ExportsStack/AWS::Lambda::Function}");
  });

  test.each([
    ...groups.filter((group) => group !== "stats").map((group) => ["ApiStack", apiHandler(group)] as const),
    ["JobsStack", reminders] as const,
    ["JobsStack", recovery] as const,
  ])("%s: %s gets neither the bucket nor the function", (stack, handler) => {
    const [id] = functionByHandler(json[stack]!, handler);
    const actions = roleStatements(json[stack]!, id).flatMap(actionsOf);
    expect(actions.filter((a) => a.startsWith("s3:") || a.startsWith("lambda:"))).toEqual([]);
    expect(Object.keys(variablesOf(stack, handler))).not.toContain("EXPORT_FUNCTION_NAME");
  });
});

describe("deploy-time environment", () => {
  test("without EMAIL_DOMAIN and APP_URL: the example.org placeholder and an empty APP_URL", { timeout: 60_000 }, async () => {
    const bare = await synthesize("prod", { env: { EMAIL_DOMAIN: undefined, APP_URL: undefined } });
    const [, apiFn] = functionByHandler(bare.json.ApiStack, apiHandler("auth"));
    const [, remindersFn] = functionByHandler(bare.json.JobsStack, reminders);
    for (const fn of [apiFn, remindersFn]) {
      expect(fn.Properties!.Environment.Variables).toMatchObject({ EMAIL_FROM: "noreply@example.org", APP_URL: "" });
    }
    expect(resourcesOf(bare.json.EmailStack, "AWS::SES::EmailIdentity")[0]![1].Properties!.EmailIdentity).toBe("example.org");
  });
});
