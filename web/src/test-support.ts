import { configure } from "@testing-library/react";
import { vi } from "vitest";

// The page tests wait for sign-in and the first render: on the CI machine (2 CPUs shared with DynamoDB Local and
// Chromium) that can take longer than Testing Library's default second.
configure({ asyncUtilTimeout: 5000 });

export type Call = { method: string; path: string; body: unknown };

/** Replaces window.fetch with a fake API that answers by "METHOD /path" (the URL, query included, is passed on); returns the calls made. */
export function fakeApi(routes: Record<string, (body: unknown, url: URL) => { status: number; body: unknown }>) {
  const calls: Call[] = [];
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), "http://localhost");
    const method = init?.method ?? "GET";
    const body = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
    calls.push({ method, path: url.pathname, body });
    const route = routes[`${method} ${url.pathname}`];
    const answer = route
      ? route(body, url)
      : { status: 404, body: { error: { code: "route.not_found", message: "Такого адреса в API нет" } } };
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { "content-type": "application/json" } });
  });
  return calls;
}

/** The message of the API's record.stale_version error; the pages show it as it comes. */
export const STALE_VERSION_MESSAGE = "Запись уже изменил другой пользователь. Обновите страницу и повторите изменения.";

/** The API's answer to a change made on an outdated version: 409 record.stale_version with the record as it is now. */
export const staleVersionAnswer = (current: unknown) => ({
  status: 409,
  body: { error: { code: "record.stale_version", message: STALE_VERSION_MESSAGE, details: { current } } },
});

/** A field's error as the API reports it: the field's path in the request body and the message to show at the field. */
export type FieldError = { path: string; message: string };

/** The API's answer to a request that fails validation: 400 request.invalid with the message for each field. */
export const invalidFieldsAnswer = (fields: FieldError[]) => ({
  status: 400,
  body: { error: { code: "request.invalid", message: "Проверьте правильность заполнения полей", details: { fields } } },
});
