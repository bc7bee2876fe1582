import { describe, expect, it } from "vitest";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { ddb, tableName } from "@rnc/core/dynamo";
import { call, createTestRegion, tokenFor } from "../../scripts/test/fixtures";
import { cancelledAsInvalid, onTransactions } from "../../scripts/test/transactions";
import { app } from "./app";
import { MAX_BODY_BYTES } from "./compose";
import { listOperations, tags } from "./openapi";
import { VALIDATE_ONLY_HEADER } from "@rnc/core/http";

/** Test-only: how many items the table holds (a scan is fine here, never on request paths). */
async function itemCount(): Promise<number> {
  const result = await ddb.send(new ScanCommand({ TableName: tableName(), Select: "COUNT" }));
  return result.Count ?? 0;
}

describe("API conventions", () => {
  it("answers health with the store reachable", async () => {
    const res = await call(app, "GET", "/api/health");
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: "ok" });
    expect(res.headers.get("x-request-id")).toMatch(/^req_/);
  });

  it("answers health 503 when the table does not answer a read", async () => {
    const table = process.env.TABLE_NAME;
    process.env.TABLE_NAME = "no-such-table";
    try {
      const res = await call(app, "GET", "/api/health");
      expect(res.status).toBe(503);
      expect(res.json.error.code).toBe("service.store_unavailable");
    } finally {
      process.env.TABLE_NAME = table;
    }
  });

  it("publishes a JWKS with the current ES256 key", async () => {
    const res = await call(app, "GET", "/.well-known/jwks.json");
    expect(res.status).toBe(200);
    expect(res.json.keys[0]).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256", use: "sig" });
    expect(res.json.keys[0].d).toBeUndefined();
  });

  it("serves an OpenAPI 3.1 document where every operation has a known tag and summary", async () => {
    const res = await call(app, "GET", "/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe("3.1.0");
    const operations = Object.values(res.json.paths as Record<string, Record<string, { tags: string[]; summary: string }>>).flatMap((p) =>
      Object.values(p),
    );
    expect(operations.length).toBe(listOperations(app).length);
    for (const operation of operations) {
      expect(tags).toContain(operation.tags[0]);
      expect(operation.summary.length).toBeGreaterThan(3);
    }
    // The reference page's headings and introduction are in Russian.
    expect(res.json.info.description).toMatch(/^API региональных наставнических центров/);
    expect(res.json.tags.map((tag: { name: string }) => tag.name)).toEqual([...tags]);
    for (const tag of res.json.tags as { description: string }[]) expect(tag.description).toMatch(/^[А-ЯЁ]/);
    const login = res.json.paths["/api/auth/login"].post;
    expect(login.requestBody.content["application/json"].schema.required).toEqual(["email", "password"]);
    expect(res.json.paths["/api/institutions/{tenantId}"].get.parameters[0]).toMatchObject({ name: "tenantId", in: "path" });
  });

  it("serves the interactive reference page", async () => {
    const res = await call(app, "GET", "/api/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.text).toContain("/api/openapi.json");
  });
});

describe("bad input gets a clear JSON error with a stable code, and nothing is written", async () => {
  const { users } = await createTestRegion();
  const token = await tokenFor(users.region_admin);
  const valid = {
    fullName: "Школа для проверки ввода",
    shortName: "Проверка",
    type: "school",
    municipality: "Район",
    studentsTotal: 10,
    students10to19: 5,
    teachersTotal: 3,
    youngTeachers: 1,
  };

  const cases: { name: string; init: RequestInit; status: number; code: string }[] = [
    {
      name: "malformed JSON",
      init: { method: "POST", headers: { "content-type": "application/json" }, body: '{"fullName": "Школа",' },
      status: 400,
      code: "request.malformed_json",
    },
    {
      name: "wrong content type",
      init: { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify(valid) },
      status: 415,
      code: "request.unsupported_media_type",
    },
    {
      name: "a body over 1 MB",
      init: {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...valid, fullName: "я".repeat(MAX_BODY_BYTES) }),
      },
      status: 413,
      code: "request.too_large",
    },
    {
      name: "invalid fields",
      init: {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...valid, studentsTotal: -1, type: "university" }),
      },
      status: 400,
      code: "request.invalid",
    },
    { name: "a wrong method", init: { method: "DELETE" }, status: 405, code: "route.method_not_allowed" },
  ];

  it.each(cases)("$name → $status $code", async ({ init, status, code }) => {
    const before = await itemCount();
    const response = await app.request("/api/institutions", { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(response.status).toBe(status);
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(/[А-Яа-яЁё]/);
    expect(await itemCount()).toBe(before);
  });

  it("a validate-only request is validated and answered, and never written: 400 with every field, or 204 when valid", async () => {
    const before = await itemCount();
    const headers = { [VALIDATE_ONLY_HEADER]: "1" };
    const invalid = await call(app, "POST", "/api/institutions", {
      token,
      headers,
      body: { ...valid, fullName: "", contactEmail: "не-почта" },
    });
    expect(invalid.status).toBe(400);
    expect((invalid.json.error.details.fields as { path: string }[]).map((f) => f.path).sort()).toEqual(["contactEmail", "fullName"]);
    const validOnly = await call(app, "POST", "/api/institutions", {
      token,
      headers,
      body: { ...valid, fullName: "Школа, которой не будет" },
    });
    expect(validOnly.status).toBe(204);
    expect(await itemCount()).toBe(before);
    const names = (await call(app, "GET", "/api/institutions", { token })).json.items.map((i: { fullName: string }) => i.fullName);
    expect(names).not.toContain("Школа, которой не будет");
  });

  it("lists every invalid field with a Russian message", async () => {
    const res = await call(app, "POST", "/api/institutions", {
      token,
      body: { ...valid, studentsTotal: 5, students10to19: 9, contactEmail: "не-почта" },
    });
    expect(res.status).toBe(400);
    const fields = res.json.error.details.fields as { path: string; message: string }[];
    expect(fields.map((f) => f.path).sort()).toEqual(["contactEmail", "students10to19"]);
    expect(fields.find((f) => f.path === "students10to19")?.message).toContain("не может быть больше");
  });

  it("an absurdly long id in the path is a 404, never a store error; its length is counted in bytes, as keys are", async () => {
    const curator = await tokenFor(users.curator);
    for (const id of ["x".repeat(5000), "x".repeat(1020), "я".repeat(300)]) {
      for (const path of [`/api/institutions/${id}`, `/api/participants/${id}`, `/api/pairs/${id}`]) {
        const res = await call(app, "GET", path, { token: path.startsWith("/api/institutions") ? token : curator });
        expect(res.status, path.slice(0, 40)).toBe(404);
        expect(res.json.error.code).toBe("route.not_found");
      }
    }
  });

  it("a forged refresh cookie of any length, an over-long email or a malformed institution id is refused, never a store error", async () => {
    const refresh = await app.request("/api/auth/refresh", {
      method: "POST",
      headers: { cookie: `rnc_refresh=${"x".repeat(2100)}.x` },
    });
    expect(refresh.status).toBe(401);
    const login = await call(app, "POST", "/api/auth/login", {
      body: { email: `${"a".repeat(2100)}@school.ru`, password: "x".repeat(12) },
    });
    expect(login.status).toBe(400);
    expect(login.json.error.details.fields[0].message).toBe("Адрес электронной почты длиннее 254 символов");
    const invite = await call(app, "POST", "/api/invitations", {
      token,
      body: { email: "new.curator@school.ru", role: "curator", tenantId: "x".repeat(2100) },
    });
    expect(invite.status).toBe(400);
    expect(invite.json.error.details.fields[0].message).toBe("Некорректный идентификатор организации");
  });

  // Every field within its own limit (50 questions of 500 characters, 20 options of 200), about 450 KB together.
  const largeQuestions = Array.from({ length: 50 }, (_, i) => ({
    id: `q${i}`,
    kind: "single",
    text: "в".repeat(500),
    required: true,
    options: Array.from({ length: 20 }, (_, j) => `${j} ${"о".repeat(190)}`),
  }));

  it("a record over DynamoDB's 400 KB item limit is a 413 with a Russian message, and nothing is written", async () => {
    const curator = await tokenFor(users.curator);
    const questions = largeQuestions;
    const before = await itemCount();
    const res = await call(app, "POST", "/api/surveys", {
      token: curator,
      body: { title: "Большая анкета", audience: "any", purpose: "custom", questions },
    });
    expect(res.status).toBe(413);
    expect(res.json.error).toEqual({
      code: "request.record_too_large",
      message: "Запись получилась слишком большой для сохранения: сократите тексты или разделите её на части",
    });
    expect(await itemCount()).toBe(before);
  });

  it("an edit that would grow a record over the limit is a 413 too, not a conflict: DynamoDB cancels its transaction as invalid", async () => {
    const curator = await tokenFor(users.curator);
    const small = {
      title: "Анкета",
      audience: "any",
      purpose: "custom",
      questions: [{ id: "q0", kind: "text", text: "Вопрос", required: true }],
    };
    const created = await call(app, "POST", "/api/surveys", { token: curator, body: small });
    expect(created.status).toBe(201);
    const surveyId = created.json.surveyId as string;
    // The edit's transaction answered as DynamoDB answers an update that grows an item over 400 KB.
    const res = await onTransactions(
      async () => {
        throw cancelledAsInvalid();
      },
      () =>
        call(app, "PUT", `/api/surveys/${surveyId}`, {
          token: curator,
          body: { ...small, questions: largeQuestions, version: created.json.version },
        }),
    );
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe("request.record_too_large");
    const after = await call(app, "GET", `/api/surveys/${surveyId}`, { token: curator });
    expect(after.json).toMatchObject({ version: created.json.version, questions: small.questions });
  });

  it("an unknown route is a 404 JSON error", async () => {
    const res = await call(app, "GET", "/api/no-such-thing");
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe("route.not_found");
  });

  it("a missing or forged token is a 401, never a 500", async () => {
    expect((await call(app, "GET", "/api/institutions")).json.error.code).toBe("auth.required");
    const forged = await call(app, "GET", "/api/institutions", { token: `${token.slice(0, -4)}AAAA` });
    expect(forged.status).toBe(401);
    expect(forged.json.error.code).toBe("auth.invalid_token");
  });

  it("a role without the permission gets 403", async () => {
    const res = await call(app, "POST", "/api/institutions", { token: await tokenFor(users.curator), body: valid });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("auth.forbidden");
  });
});
