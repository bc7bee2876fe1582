import { describe, expect, it, vi } from "vitest";
import { ApiError, type Fetch, createApi, unwrap } from "./client";

const ORIGIN = "http://app.test";
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const expired = () => json(401, { error: { code: "auth.required", message: "Требуется вход в систему" } });

/** A fake server: answers by path, and records what the client sent. */
function fakeServer(answer: (path: string, auth: string | null, call: number) => Response | Promise<Response>) {
  const calls: { path: string; method: string; auth: string | null; credentials?: RequestCredentials }[] = [];
  const transport: Fetch = async (input, init) => {
    const url = new URL(String(input));
    const auth = new Headers(init?.headers).get("authorization");
    calls.push({ path: url.pathname + url.search, method: init?.method ?? "GET", auth, credentials: init?.credentials });
    return answer(url.pathname, auth, calls.length);
  };
  return { calls, transport };
}

describe("the API client's session", () => {
  it("on a 401 refreshes once with the cookie, then retries with the new token", async () => {
    const server = fakeServer((path, auth) => {
      if (path === "/api/auth/refresh") return json(200, { accessToken: "fresh", expiresIn: 900 });
      return auth === "Bearer fresh" ? json(200, { items: [] }) : expired();
    });
    const { session, api } = createApi({ fetch: server.transport, origin: ORIGIN });
    session.setAccessToken("stale");

    expect(await unwrap(api.institutions.$get({ query: {} }))).toEqual({ items: [] });
    expect(server.calls.map((c) => [c.method, c.path, c.auth])).toEqual([
      ["GET", "/api/institutions", "Bearer stale"],
      ["POST", "/api/auth/refresh", null],
      ["GET", "/api/institutions", "Bearer fresh"],
    ]);
    expect(server.calls.every((c) => c.credentials === "same-origin")).toBe(true);
  });

  it("shares one refresh between concurrent requests (the server rotates the refresh token)", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const server = fakeServer(async (path, auth) => {
      if (path === "/api/auth/refresh") {
        await gate;
        return json(200, { accessToken: "fresh", expiresIn: 900 });
      }
      return auth === "Bearer fresh" ? json(200, { ok: path }) : expired();
    });
    const { session, api } = createApi({ fetch: server.transport, origin: ORIGIN });
    session.setAccessToken("stale");

    const both = Promise.all([unwrap(api.users.$get({ query: {} })), unwrap(api.invitations.$get({ query: {} }))]);
    await vi.waitFor(() => expect(server.calls.filter((c) => c.path === "/api/auth/refresh")).toHaveLength(1));
    release();
    await both;
    expect(server.calls.filter((c) => c.path === "/api/auth/refresh")).toHaveLength(1);
    expect(server.calls.filter((c) => c.auth === "Bearer fresh")).toHaveLength(2);
  });

  it("when the session is over: reports it once, and the call fails with the server's message", async () => {
    const server = fakeServer((path) =>
      path === "/api/auth/refresh"
        ? json(401, { error: { code: "auth.session_expired", message: "Сеанс завершён. Войдите снова." } })
        : expired(),
    );
    const { session, api } = createApi({ fetch: server.transport, origin: ORIGIN });
    const onExpired = vi.fn();
    session.onExpired(onExpired);
    session.setAccessToken("stale");

    const error = await unwrap(api.audit.$get({ query: {} })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe("Требуется вход в систему");
    expect(onExpired).toHaveBeenCalledTimes(1);
    expect(session.signedIn).toBe(false);
    expect(server.calls.map((c) => c.path)).toEqual(["/api/audit", "/api/auth/refresh"]);
  });

  it("never refreshes on a failed sign-in, and exposes field errors", async () => {
    const server = fakeServer(() =>
      json(401, { error: { code: "auth.invalid_credentials", message: "Неверный адрес электронной почты или пароль" } }),
    );
    const { api } = createApi({ fetch: server.transport, origin: ORIGIN });
    const error = (await unwrap(api.auth.login.$post({ json: { email: "a@b.ru", password: "x" } })).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe("auth.invalid_credentials");
    expect(server.calls).toHaveLength(1);

    const invalid = fakeServer(() =>
      json(400, {
        error: {
          code: "request.invalid",
          message: "Проверьте правильность заполнения полей",
          details: { fields: [{ path: "email", message: "Укажите корректный адрес электронной почты, например ivanova@school.ru" }] },
        },
      }),
    );
    const other = createApi({ fetch: invalid.transport, origin: ORIGIN });
    const fields = (await unwrap(other.api.auth.password.forgot.$post({ json: { email: "нет" } })).catch((e: unknown) => e)) as ApiError;
    expect(fields.field("email")).toMatch(/^Укажите корректный адрес/);
  });

  it("turns a network failure into a Russian message", async () => {
    const { api } = createApi({
      fetch: () => Promise.reject(new TypeError("Failed to fetch")),
      origin: ORIGIN,
    });
    const error = (await unwrap(api.health.$get()).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe("network");
    expect(error.message).toMatch(/Нет связи с сервером/);
  });

  it("signs out on the server and forgets the token", async () => {
    const server = fakeServer(() => json(200, { ok: true }));
    const { session } = createApi({ fetch: server.transport, origin: ORIGIN });
    session.setAccessToken("token");
    await session.signOut();
    expect(session.signedIn).toBe(false);
    expect(server.calls.map((c) => [c.method, c.path, c.credentials])).toEqual([["POST", "/api/auth/logout", "same-origin"]]);
  });
});
