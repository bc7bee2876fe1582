import type { LambdaEvent } from "hono/aws-lambda";
import { describe, expect, it } from "vitest";
import { createTestRegion, tokenFor } from "../../scripts/test/fixtures";
import { handler as adminHandler } from "./lambdas/admin";
import { handler as systemHandler } from "./lambdas/system";

type HttpApiEvent = Extract<LambdaEvent, { version: "2.0" }>;

function event(method: string, path: string, options: { token?: string; body?: string; base64?: boolean } = {}): HttpApiEvent {
  return {
    version: "2.0",
    routeKey: "ANY /api/{proxy+}",
    rawPath: path,
    rawQueryString: "",
    headers: {
      host: "api.example.org",
      "content-type": "application/json",
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    requestContext: {
      accountId: "123456789012",
      apiId: "api",
      domainName: "api.example.org",
      domainPrefix: "api",
      http: { method, path, protocol: "HTTP/1.1", sourceIp: "203.0.113.7", userAgent: "vitest" },
      requestId: "lambda-request-1",
      routeKey: "ANY /api/{proxy+}",
      stage: "$default",
      time: "21/Nov/2026:09:00:00 +0000",
      timeEpoch: 1_795_251_600_000,
    },
    body: options.body ?? null,
    isBase64Encoded: options.base64 ?? false,
  } as unknown as HttpApiEvent;
}

type Handler = typeof systemHandler;
const context = {} as Parameters<Handler>[1];
type Result = { statusCode: number; body: string; headers?: Record<string, string> };
const invoke = async (e: HttpApiEvent, handler: Handler = adminHandler) => (await handler(e, context)) as unknown as Result;

describe("the API Lambda handlers (API Gateway HTTP API, payload 2.0), one per group", () => {
  it("serves health and carries the API Gateway request id", async () => {
    const result = await invoke(event("GET", "/api/health"), systemHandler);
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ status: "ok" });
    expect(result.headers?.["x-request-id"]).toBe("lambda-request-1");
  });

  it("authenticates a bearer token and creates an institution from a base64 body", async () => {
    const { users, region } = await createTestRegion();
    const body = Buffer.from(
      JSON.stringify({
        fullName: "Лицей через Lambda",
        shortName: "Лицей",
        type: "school",
        municipality: "Район",
        studentsTotal: 1,
        students10to19: 1,
        teachersTotal: 1,
        youngTeachers: 0,
      }),
    ).toString("base64");
    const result = await invoke(event("POST", "/api/institutions", { token: await tokenFor(users.region_admin), body, base64: true }));
    expect(result.statusCode).toBe(201);
    expect(JSON.parse(result.body)).toMatchObject({ shortName: "Лицей", regionId: region.regionId, status: "active", version: 1 });
  });

  it("answers an unauthenticated call with a JSON 401", async () => {
    const result = await invoke(event("GET", "/api/institutions"));
    expect(result.statusCode).toBe(401);
    expect(JSON.parse(result.body).error.code).toBe("auth.required");
  });

  it("serves only its own group: another group's path is a JSON 404, its own path with another method a 405", async () => {
    const elsewhere = await invoke(event("GET", "/api/participants"));
    expect(elsewhere.statusCode).toBe(404);
    expect(JSON.parse(elsewhere.body).error.code).toBe("route.not_found");
    const wrongMethod = await invoke(event("DELETE", "/api/institutions"));
    expect(wrongMethod.statusCode).toBe(405);
    expect(wrongMethod.headers?.allow).toBe("GET, POST");
  });

  it("the system group answers paths no group claims (API Gateway's catch-all) with a JSON 404", async () => {
    const result = await invoke(event("GET", "/api/no-such-thing"), systemHandler);
    expect(result.statusCode).toBe(404);
    expect(JSON.parse(result.body).error.code).toBe("route.not_found");
  });

  it("the system group serves the OpenAPI document of the whole API, not only of its own routes", async () => {
    const result = await invoke(event("GET", "/api/openapi.json"), systemHandler);
    expect(result.statusCode).toBe(200);
    const paths = Object.keys(JSON.parse(result.body).paths);
    expect(paths).toContain("/api/participants/{participantId}");
    expect(paths).toContain("/api/calendar/{secret}");
  });
});
