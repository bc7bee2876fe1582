import { Fn } from "aws-cdk-lib/core";
import {
  AllowedMethods,
  CachePolicy,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  OriginRequestPolicy,
  ViewerProtocolPolicy,
  type BehaviorOptions,
} from "aws-cdk-lib/aws-cloudfront";
import { HttpOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import { type StackContext, StaticSite, use } from "sst/constructs";
import { ApiStack } from "./api";

/**
 * SPA fallback as a viewer-request function on the default (S3) behaviour: a path whose last segment has no
 * file extension is a client-side route and gets /index.html. This replaces the usual distribution-wide
 * 403/404 → /index.html error responses, which would also rewrite the API's own 403/404 answers into HTML.
 */
export const spaRewriteCode = `function handler(event) {
  var request = event.request;
  var last = request.uri.split("/").pop();
  if (last.indexOf(".") === -1) request.uri = "/index.html";
  return request;
}`;

/** The paths the API serves; CloudFront sends them to the HTTP API, so app and API share one origin as locally. */
export const apiPathPatterns = ["/api/*", "/.well-known/*"] as const;

/** The React SPA (web/) on S3 + CloudFront, with the API behind the same distribution. */
export function WebStack({ stack }: StackContext) {
  const { api } = use(ApiStack);

  const apiBehavior: BehaviorOptions = {
    origin: new HttpOrigin(Fn.parseDomainName(api.url)),
    viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
    allowedMethods: AllowedMethods.ALLOW_ALL,
    cachePolicy: CachePolicy.CACHING_DISABLED,
    // All viewer headers except Host (API Gateway routes on its own host name), all query strings and cookies.
    originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
  };

  const site = new StaticSite(stack, "Web", {
    path: "web",
    buildCommand: "npm run build",
    buildOutput: "dist",
    // SST writes a Vite env typing file; keep it out of web/src (the SPA gets no build-time environment).
    vite: { types: "../.sst/web-env.d.ts" },
    cdk: {
      distribution: {
        errorResponses: [],
        defaultBehavior: {
          functionAssociations: [
            {
              eventType: FunctionEventType.VIEWER_REQUEST,
              function: new CloudFrontFunction(stack, "SpaRewrite", {
                code: FunctionCode.fromInline(spaRewriteCode),
                runtime: FunctionRuntime.JS_2_0,
              }),
            },
          ],
        },
        additionalBehaviors: Object.fromEntries(apiPathPatterns.map((pattern) => [pattern, apiBehavior])),
      },
    },
  });

  // The SPA rewrite above replaces the site's own viewer-request function; drop that now unused resource.
  site.node.tryRemoveChild("CloudFrontFunction");

  stack.addOutputs({ SiteUrl: site.url ?? "" });
  return { site };
}
