/**
 * Test support for the infra stacks (not a test itself): synthesizes the real SST app from sst.config.ts
 * offline, as `sst deploy` would, and returns the CloudFormation templates for assertions.
 *
 * SST v2 skips its AWS bootstrap lookups when NODE_ENV is "test" (vitest sets it), so no credentials or network
 * are needed. Two build steps are replaced by stubs unless asked for:
 * - Lambda bundling (esbuild + an `npm install` in the artifact folder): the stub still fails the synth when a
 *   handler's source file does not exist. `bundle: true` runs SST's real build (see bundle.test.ts).
 * - The StaticSite build (`npm run build` in web/) and its packaging: the stub uploads a one-file fixture
 *   instead; everything else in the site (bucket, distribution, uploader, invalidation) is SST's own.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, parse } from "node:path";
import { Template } from "aws-cdk-lib/assertions";
import { Asset } from "aws-cdk-lib/aws-s3-assets";
import { App, getStack, StaticSite } from "sst/constructs";
import { useFunctions } from "sst/constructs/Function.js";
import { initProject, useProject } from "sst/project.js";
import { useRuntimeHandlers } from "sst/runtime/handlers.js";
import { vi } from "vitest";
import type { SSTConfig } from "sst";
import sstConfig from "../sst.config";
import { ApiStack } from "./api";
import { AuthStack } from "./auth";
import { EmailStack } from "./email";
import { ExportsStack } from "./exports";
import { JobsStack } from "./jobs";
import { TableStack } from "./table";
import { WebStack } from "./web";

export const account = "123456789012";
export const stacks = { TableStack, AuthStack, EmailStack, ExportsStack, ApiStack, JobsStack, WebStack };
export type StackName = keyof typeof stacks;

export type Synthesized = {
  stage: string;
  /** The project's output folder for this synth: a fresh temporary folder, kept only with `bundle: true` (bundles in `artifacts/`). */
  out: string;
  templates: Record<StackName, Template>;
  json: Record<StackName, CfnTemplate>;
};

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties are free-form JSON that the tests read deeply.
export type CfnResource = { Type: string; Properties?: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string };
export type CfnTemplate = { Resources: Record<string, CfnResource>; Outputs?: Record<string, { Value: unknown }> };

type SiteInternals = { buildApp(): void; createS3Assets(): Asset[]; bundleFilenamesAsset(): Asset | undefined };

/**
 * Builds the whole app for `stage` with the deploy-time environment given in `env` (EMAIL_DOMAIN, APP_URL;
 * an undefined value unsets the variable).
 */
export async function synthesize(
  stage: string,
  options: { bundle?: boolean; env?: Record<string, string | undefined> } = {},
): Promise<Synthesized> {
  for (const [name, value] of Object.entries(options.env ?? {})) vi.stubEnv(name, value);
  await initProject({ stage });
  const project = useProject();
  // A private output folder per synth: test files run in parallel processes, and SST clears the folders it writes.
  const out = mkdtempSync(join(tmpdir(), "rnc-sst-"));
  project.paths.out = out;
  project.paths.artifacts = join(out, "artifacts");

  const spies = [...stubSiteBuild(out), ...(options.bundle ? [] : [stubFunctionBundling()])];
  try {
    const config: SSTConfig = sstConfig;
    const { name, region } = await config.config({ stage });
    const app = new App({ mode: "deploy", stage, name, region, account }, { outdir: join(out, "cdk.out") });
    await config.stacks(app);
    await app.finish();
    const templates = Object.fromEntries(Object.entries(stacks).map(([key, fn]) => [key, Template.fromStack(getStack(fn))])) as Record<
      StackName,
      Template
    >;
    const json = Object.fromEntries(Object.entries(templates).map(([key, t]) => [key, t.toJSON()])) as Record<StackName, CfnTemplate>;
    // Stub bundles are of no further use; real ones are read by the caller, which removes `out` itself.
    if (!options.bundle) rmSync(out, { recursive: true, force: true });
    return { stage, out, templates, json };
  } finally {
    for (const spy of spies) spy.mockRestore();
    vi.unstubAllEnvs();
  }
}

function stubSiteBuild(out: string) {
  const fixture = join(out, "site-fixture");
  mkdirSync(fixture, { recursive: true });
  writeFileSync(join(fixture, "index.html"), "<!doctype html><title>fixture</title>");
  const site = StaticSite.prototype as unknown as SiteInternals;
  return [
    vi.spyOn(site, "buildApp").mockImplementation(() => {}),
    vi.spyOn(site, "createS3Assets").mockImplementation(function (this: StaticSite) {
      return [new Asset(this, "Asset0", { path: fixture })];
    }),
    vi.spyOn(site, "bundleFilenamesAsset").mockImplementation(() => undefined),
  ];
}

const sourceExtensions = [".ts", ".tsx", ".mts", ".js", ".mjs"];

function stubFunctionBundling() {
  return vi.spyOn(useRuntimeHandlers(), "build").mockImplementation(async (functionID) => {
    const props = useFunctions().fromID(functionID);
    const handler = props?.handler;
    if (!handler) return { type: "error" as const, errors: [`Function ${functionID} has no handler`] };
    const { dir, name } = parse(handler);
    const source = sourceExtensions.map((ext) => join(dir, name + ext)).find((file) => existsSync(file));
    if (!source) return { type: "error" as const, errors: [`Could not find file for handler "${handler}"`] };
    const bundleOut = join(useProject().paths.artifacts, functionID);
    const bundle = join(bundleOut, dir, `${name}.mjs`);
    mkdirSync(dirname(bundle), { recursive: true });
    writeFileSync(bundle, `export const ${parse(handler).ext.slice(1)} = async () => ({});\n`);
    return { type: "success" as const, handler, out: bundleOut, sourcemap: undefined };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Template queries

/** Every resource of `type` in a template, as [logicalId, resource]. */
export function resourcesOf(template: CfnTemplate, type: string): [string, CfnResource][] {
  return Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);
}

/** The single Lambda function whose Handler is `handler` (throws unless there is exactly one in the template). */
export function functionByHandler(template: CfnTemplate, handler: string): [string, CfnResource] {
  const found = resourcesOf(template, "AWS::Lambda::Function").filter(([, fn]) => fn.Properties?.Handler === handler);
  if (found.length !== 1) throw new Error(`expected one function with handler ${handler}, found ${found.length}`);
  return found[0]!;
}

export type Statement = { Effect: string; Action: string | string[]; Resource?: unknown; NotAction?: unknown; Principal?: unknown };
export type LocatedStatement = { stack: string; resource: string; type: string; statement: Statement };

/** Every policy statement in every template: identity policies (inline, managed, role inline) and resource policies. */
export function allStatements(json: Record<string, CfnTemplate>): LocatedStatement[] {
  const located: LocatedStatement[] = [];
  for (const [stack, template] of Object.entries(json)) {
    for (const [resource, { Type: type, Properties: props }] of Object.entries(template.Resources)) {
      const documents = [props?.PolicyDocument, ...(props?.Policies ?? []).map((p: { PolicyDocument: unknown }) => p.PolicyDocument)];
      for (const document of documents) {
        if (!document) continue;
        for (const statement of (document as { Statement: Statement[] }).Statement) located.push({ stack, resource, type, statement });
      }
    }
  }
  return located;
}

/** The statements of the inline policies attached to the execution role of the given function. */
export function roleStatements(template: CfnTemplate, functionLogicalId: string): Statement[] {
  const fn = template.Resources[functionLogicalId];
  const roleId = fn?.Properties?.Role?.["Fn::GetAtt"]?.[0];
  if (!roleId) throw new Error(`function ${functionLogicalId} has no role in this template`);
  return resourcesOf(template, "AWS::IAM::Policy")
    .filter(([, policy]) => (policy.Properties?.Roles ?? []).some((role: { Ref?: string }) => role.Ref === roleId))
    .flatMap(([, policy]) => policy.Properties?.PolicyDocument.Statement as Statement[]);
}

export const actionsOf = (statement: Statement): string[] => [statement.Action ?? []].flat();
export const resourcesOfStatement = (statement: Statement): unknown[] => [statement.Resource ?? []].flat();

/** The output value that a cross-stack `Fn::ImportValue` reads, with the stack that exports it. */
export function resolveImport(json: Record<string, CfnTemplate>, exportName: string): { stack: string; value: unknown } {
  for (const [stack, template] of Object.entries(json)) {
    for (const output of Object.values(template.Outputs ?? {}) as { Value: unknown; Export?: { Name: string } }[]) {
      if (output.Export?.Name === exportName) return { stack, value: output.Value };
    }
  }
  throw new Error(`no stack exports ${exportName}`);
}

/**
 * Renders a CloudFormation value as a readable string, following cross-stack imports: `Ref`s and `GetAtt`s of
 * resources become `{Stack/ResourceType}` and `{Stack/ResourceType.Attribute}`, pseudo parameters `{AWS::...}`.
 * E.g. the table grant renders as `{TableStack/AWS::DynamoDB::Table.Arn}/index/*`.
 */
export function render(json: Record<string, CfnTemplate>, stack: string, value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value !== "object" || value === null) throw new Error(`cannot render ${JSON.stringify(value)}`);
  const v = value as Record<string, unknown>;
  if ("Ref" in v) {
    if (String(v.Ref).startsWith("AWS::")) return `{${v.Ref}}`;
    return `{${stack}/${typeOf(json, stack, String(v.Ref))}}`;
  }
  if ("Fn::GetAtt" in v) {
    const [id, attribute] = v["Fn::GetAtt"] as [string, string];
    return `{${stack}/${typeOf(json, stack, id)}.${attribute}}`;
  }
  if ("Fn::Join" in v) {
    const [separator, parts] = v["Fn::Join"] as [string, unknown[]];
    return parts.map((part) => render(json, stack, part)).join(separator);
  }
  if ("Fn::ImportValue" in v) {
    const imported = resolveImport(json, String(v["Fn::ImportValue"]));
    return render(json, imported.stack, imported.value);
  }
  throw new Error(`cannot render ${JSON.stringify(v)}`);
}

function typeOf(json: Record<string, CfnTemplate>, stack: string, logicalId: string): string {
  const type = json[stack]?.Resources[logicalId]?.Type;
  if (!type) throw new Error(`${stack} has no resource ${logicalId}`);
  return type;
}

/** The HTTP API's routes in a template: each route key with the logical id and handler of the Lambda it invokes. */
export function apiRoutes(template: CfnTemplate): { routeKey: string; functionId: string; handler: string }[] {
  return resourcesOf(template, "AWS::ApiGatewayV2::Route").map(([, route]) => {
    const target = JSON.stringify(route.Properties?.Target);
    const integrationId = /"Ref":"([^"]+)"/.exec(target)?.[1];
    const integration = integrationId ? template.Resources[integrationId] : undefined;
    if (integration?.Type !== "AWS::ApiGatewayV2::Integration") throw new Error(`route ${route.Properties?.RouteKey} has no integration`);
    const functionId = integration.Properties?.IntegrationUri?.["Fn::GetAtt"]?.[0] as string;
    return { routeKey: route.Properties!.RouteKey as string, functionId, handler: template.Resources[functionId]?.Properties?.Handler };
  });
}

/**
 * The route API Gateway (HTTP API) selects for a request path among `ANY <path>` route keys whose only variable is a
 * trailing greedy `{proxy+}`: an exact route first, else the greedy route with the longest prefix (a greedy variable
 * matches one or more segments).
 */
export function selectRoute(routeKeys: string[], path: string): string | undefined {
  const exact = routeKeys.find((key) => key === `ANY ${path}`);
  if (exact) return exact;
  return routeKeys
    .filter((key) => key.endsWith("/{proxy+}"))
    .map((key) => ({ key, prefix: key.slice("ANY ".length, -"{proxy+}".length) }))
    .filter(({ prefix }) => path.startsWith(prefix) && path.length > prefix.length)
    .sort((a, b) => b.prefix.length - a.prefix.length)[0]?.key;
}
