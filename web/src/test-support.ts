import { VALIDATE_ONLY_HEADER } from "@rnc/core/http";
import { configure, within } from "@testing-library/react";
import { expect, vi } from "vitest";

// The page tests wait for sign-in and the first render: on the CI machine (2 CPUs shared with DynamoDB Local and
// Chromium) that can take longer than Testing Library's default second.
configure({ asyncUtilTimeout: 5000 });

/** A request the fake API saw; `validateOnly` when it asked only to validate its body (see sendChecked). */
export type Call = { method: string; path: string; body: unknown; validateOnly?: true };

/**
 * Replaces window.fetch with a fake API that answers by "METHOD /path" (the URL, query included, is passed on); returns
 * the calls made. A validate-only request gets the route's answer when it is an error, and 204 otherwise (as the API,
 * which validates the body and stops).
 */
export function fakeApi(routes: Record<string, (body: unknown, url: URL) => { status: number; body: unknown }>) {
  const calls: Call[] = [];
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), "http://localhost");
    const method = init?.method ?? "GET";
    const body = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
    const validateOnly = new Headers(init?.headers).get(VALIDATE_ONLY_HEADER) === "1";
    calls.push({ method, path: url.pathname, body, ...(validateOnly ? { validateOnly: true as const } : {}) });
    const route = routes[`${method} ${url.pathname}`];
    const answer = route
      ? route(body, url)
      : { status: 404, body: { error: { code: "route.not_found", message: "Такого адреса в API нет" } } };
    if (validateOnly && answer.status < 300) return new Response(null, { status: 204 });
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

/** The calls that could have changed something: every one but reads and validate-only requests. */
export const writes = (calls: Call[]) =>
  calls.filter((call) => call.method !== "GET" && !call.validateOnly && !call.path.startsWith("/api/auth/"));

/** The messages in a form's error summary, in order. */
export const summaryOf = (scope: HTMLElement) =>
  within(within(scope).getByRole("alert"))
    .getAllByRole("listitem")
    .map((item) => item.textContent);

/** A field's own error message (tied to it with aria-describedby), after checking that it is marked invalid. */
export function fieldErrorOf(scope: HTMLElement, label: RegExp | string) {
  const input = within(scope).getByLabelText(label);
  expect(input.getAttribute("aria-invalid")).toBe("true");
  const id = input
    .getAttribute("aria-describedby")
    ?.split(" ")
    .find((part) => part.endsWith("-error"));
  return id ? document.getElementById(id)?.textContent : undefined;
}

/**
 * A route of the fake API that validates the body as the API does, refusing every field `check` finds wrong at once
 * (400 request.invalid), and otherwise answers with `ok`.
 */
export const validating =
  (
    check: (body: Record<string, unknown>) => FieldError[],
    ok: (body: unknown) => { status: number; body: unknown } = () => ({ status: 200, body: {} }),
  ) =>
  (body: unknown) => {
    const fields = check(body as Record<string, unknown>);
    return fields.length > 0 ? invalidFieldsAnswer(fields) : ok(body);
  };

/** Whether a body's value is a date the API takes (an ISO date); a date that does not exist goes to it as typed. */
export const isIsoDate = (value: unknown) => typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
