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
