import type { Env, Hono } from "hono";
import * as z from "@rnc/core/zod";
import { listOperations, tagDescriptions, tags } from "./openapi";

/*
 * Generating the document needs zod's JSON Schema conversion and every group's routes: it is a module of its own, which
 * the system Lambda loads only when the document is asked for (functions/api/groups/system.ts).
 */

type Schema = z.ZodMiniType;

const jsonSchema = (schema: Schema) => z.toJSONSchema(schema, { unrepresentable: "any" }) as Record<string, unknown>;
const errorSchema = { $ref: "#/components/schemas/Error" };

/** The OpenAPI 3.1 document, generated from the same schemas that validate requests. */
export function openApiDocument(app: Hono<Env>) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of listOperations(app)) {
    const path = operation.path.replace(/:(\w+)/g, "{$1}");
    const parameters = [
      ...[...operation.path.matchAll(/:(\w+)/g)].map((match) => ({
        name: match[1],
        in: "path",
        required: true,
        schema: { type: "string" },
      })),
      ...queryParameters(operation.query),
    ];
    const responses: Record<string, unknown> = {
      200: { description: "Успешно", content: { [operation.meta.produces ?? "application/json"]: {} } },
      400: { description: "Ошибка во входных данных", content: { "application/json": { schema: errorSchema } } },
    };
    if (operation.meta.auth !== "public") {
      responses[401] = { description: "Требуется вход", content: { "application/json": { schema: errorSchema } } };
    }
    if (operation.meta.permission) {
      responses[403] = { description: "Недостаточно прав", content: { "application/json": { schema: errorSchema } } };
    }
    for (const [status, description] of Object.entries(operation.meta.responses ?? {})) {
      responses[status] = { description, content: { "application/json": { schema: errorSchema } } };
    }
    paths[path] ??= {};
    paths[path][operation.method.toLowerCase()] = {
      tags: [operation.meta.tag],
      summary: operation.meta.summary,
      operationId: `${operation.method.toLowerCase()}${path.replace(/[{}]/g, "").replace(/[^a-zA-Z0-9]+(\w)?/g, (_, ch: string | undefined) => (ch ?? "").toUpperCase())}`,
      ...(operation.meta.auth === "public" ? { security: [] } : {}),
      ...(operation.meta.permission ? { "x-permission": operation.meta.permission } : {}),
      ...(operation.meta.personalData ? { "x-personal-data": true } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(operation.body
        ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(operation.body) } } } }
        : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "ЦМН: платформа региональных наставнических центров",
      version: "0.1.0",
      description:
        "API региональных наставнических центров и их организаций. Ошибки: `{ error: { code, message, details? } }`, где code — постоянный код, message — текст для человека.",
    },
    servers: [{ url: "/" }],
    tags: tags.map((name) => ({ name, description: tagDescriptions[name] })),
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: { code: { type: "string" }, message: { type: "string" }, details: { type: "object" } },
            },
          },
        },
      },
    },
    security: [{ bearer: [] }],
    paths,
  };
}

function queryParameters(schema: Schema | undefined) {
  if (!schema) return [];
  const json = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}
