import { type ClientResponse, hc } from "hono/client";
import type { AppType } from "../../../functions/api/app";

/** A field error as the API reports it: `{ path: "students10to19", message: "…" }`. */
export type FieldError = { path: string; message: string };

/** An error answer of the API (`{ error: { code, message, details } }`), or a network failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;
  readonly fields: FieldError[];

  constructor(status: number, code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
    this.fields = Array.isArray(details.fields) ? (details.fields as FieldError[]) : [];
  }

  /** The message for one form field, if the API named it. */
  field(path: string): string | undefined {
    return this.fields.find((field) => field.path === path)?.message;
  }
}

export const networkError = () =>
  new ApiError(0, "network", "Нет связи с сервером. Проверьте подключение к интернету и повторите попытку.");

export async function toApiError(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => undefined)) as
    | { error?: { code?: string; message?: string; details?: Record<string, unknown> } }
    | undefined;
  const error = body?.error;
  if (error?.code && error.message) return new ApiError(res.status, error.code, error.message, error.details);
  return new ApiError(res.status, "unknown", `Сервер ответил ошибкой (${res.status}). Повторите попытку позже.`);
}

export type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** Sign-in and other public auth routes answer 401 for wrong credentials: never refresh on those. */
const PUBLIC_AUTH_PATH = /\/api\/auth\/(login|refresh|logout|code\/|password\/|invitations\/)/;

const urlOf = (input: RequestInfo | URL) => (typeof input === "string" ? input : input instanceof URL ? input.href : input.url);

/**
 * The session: the access token lives in memory only; the refresh token is an httpOnly cookie
 * the browser sends to /api/auth. A 401 triggers one refresh (shared by concurrent requests,
 * because the server rotates the refresh token and treats a reused one as theft), then one retry.
 */
export class Session {
  #token: string | null = null;
  #refreshing: Promise<boolean> | null = null;
  readonly #expired = new Set<() => void>();

  constructor(
    private readonly transport: Fetch,
    private readonly origin: string,
  ) {}

  get signedIn(): boolean {
    return this.#token !== null;
  }

  setAccessToken(token: string | null): void {
    this.#token = token;
  }

  /** Called when a signed-in session ends on the server side (refresh refused). */
  onExpired(listener: () => void): () => void {
    this.#expired.add(listener);
    return () => this.#expired.delete(listener);
  }

  /** Exchanges the refresh cookie for a new access token. Resolves false when there is no live session. */
  refresh(): Promise<boolean> {
    this.#refreshing ??= this.#refresh().finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  async #refresh(): Promise<boolean> {
    let res: Response;
    try {
      res = await this.transport(`${this.origin}/api/auth/refresh`, { method: "POST", credentials: "same-origin" });
    } catch {
      throw networkError();
    }
    if (!res.ok) {
      this.#token = null;
      return false;
    }
    const body = (await res.json()) as { accessToken: string };
    this.#token = body.accessToken;
    return true;
  }

  /** Revokes the session on the server (best effort) and forgets the access token. */
  async signOut(): Promise<void> {
    this.#token = null;
    await this.transport(`${this.origin}/api/auth/logout`, { method: "POST", credentials: "same-origin" }).catch(() => undefined);
  }

  readonly fetch: Fetch = async (input, init) => {
    const send = (token: string | null) => {
      const headers = new Headers(init?.headers);
      if (token) headers.set("authorization", `Bearer ${token}`);
      return this.transport(input, { ...init, headers, credentials: "same-origin" });
    };
    const sentWith = this.#token;
    const res = await send(sentWith);
    if (res.status !== 401 || PUBLIC_AUTH_PATH.test(urlOf(input))) return res;
    // Another request may have refreshed meanwhile; otherwise refresh now.
    const renewed = (this.#token !== null && this.#token !== sentWith) || (await this.refresh());
    if (renewed) return send(this.#token);
    if (sentWith) for (const listener of this.#expired) listener();
    return res;
  };
}

/** The typed client: every path, body and answer type comes from the API's own Hono app type. */
export function createApi(options: { fetch: Fetch; origin: string }) {
  const session = new Session(options.fetch, options.origin);
  const client = hc<AppType>(options.origin, { fetch: session.fetch });
  return { session, api: client.api };
}

type SuccessStatus = 200 | 201 | 202 | 204;
/** The success body of a client call: `Ok<typeof api.institutions.$get>` is `{ items: InstitutionInfo[] }`. */
export type Ok<Endpoint> = Endpoint extends (...args: never[]) => Promise<infer R>
  ? R extends ClientResponse<infer T, infer S, "json">
    ? S extends SuccessStatus
      ? T
      : never
    : never
  : never;
/** The JSON input of a client call. */
export type Input<Endpoint> = Endpoint extends (args: infer A, ...rest: never[]) => unknown
  ? A extends { json: infer J }
    ? J
    : never
  : never;

export type AnyResponse = ClientResponse<unknown, number, "json">;
export type BodyOf<R> = R extends ClientResponse<infer T, infer S, "json"> ? (S extends SuccessStatus ? T : never) : never;

/** Awaits a client call: the success body, or an ApiError with the server's (Russian) message. */
export async function unwrap<R extends AnyResponse>(request: Promise<R>): Promise<BodyOf<R>> {
  let res: Response;
  try {
    res = (await request) as unknown as Response;
  } catch (error) {
    throw error instanceof ApiError ? error : networkError();
  }
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as BodyOf<R>;
}

const origin = typeof window === "undefined" ? "http://localhost" : window.location.origin;
export const { session, api } = createApi({ fetch: (input, init) => globalThis.fetch(input, init), origin });
