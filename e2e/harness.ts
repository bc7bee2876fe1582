import { existsSync } from "node:fs";
import { join } from "node:path";
import { type APIRequestContext, type Browser, type BrowserContext, type Page, chromium, request } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { type LocalStack, ROOT, startLocalStack } from "../scripts/local/stack";
import type { Role } from "../web/src/api/types";
import { sectionsFor } from "../web/src/sections";

export const WEB_DIR = join(ROOT, "web/dist");
export const DEMO_PASSWORD = "demo-password-1";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export type Harness = {
  stack: LocalStack;
  browser: Browser;
  /** A fresh browser context (its own cookies) with a page on the app. */
  newPage: () => Promise<{ context: BrowserContext; page: Page }>;
  /** Emails the mail sink received for an address, oldest first. */
  mailTo: (address: string) => Promise<SentEmail[]>;
  /** The API called directly, for what a test sets up or checks outside the browser. */
  api: Api;
};

/**
 * JSON through the API, with a bearer token when one is given; any status other than the expected one (201 for POST,
 * 200 for GET) fails the test with the server's answer. Calls go through a request context of their own, not a
 * browser's, so the refresh cookies of their sign-ins never sign a browser page in.
 */
export type Api = {
  <T = unknown>(method: "GET" | "POST", path: string, token?: string, data?: unknown, status?: number): Promise<T>;
  /** Signs in with email and password: the access token. */
  login: (email: string, password?: string) => Promise<string>;
};

function jsonApi(context: APIRequestContext): Api {
  const call = async <T = unknown>(
    method: "GET" | "POST",
    path: string,
    token?: string,
    data?: unknown,
    status = method === "POST" ? 201 : 200,
  ) => {
    const res = await context.fetch(path, { method, headers: token ? { authorization: `Bearer ${token}` } : {}, data });
    expect(res.status(), `${method} ${path}: ${await res.text()}`).toBe(status);
    return (await res.json()) as T;
  };
  const login = async (email: string, password = DEMO_PASSWORD) =>
    (await call<{ accessToken: string }>("POST", "/api/auth/login", undefined, { email, password }, 200)).accessToken;
  return Object.assign(call, { login });
}

export type SentEmail = { destination: { to: string[] }; subject: string; body: { text?: string; html?: string } };

/**
 * The whole product for one test file: the local stack in-process (in-memory DynamoDB Local,
 * the mail sink, the API and the built web app on one origin, the demo region seeded) and a
 * headless Debian Chromium. Both are stopped after the file's tests.
 */
export function useHarness(): Harness {
  const harness = {} as Harness;
  let apiContext: APIRequestContext | undefined;

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIR, "index.html"))) {
      throw new Error("web/dist is missing: run `npm run build -w web` first (the root `npm test` does it)");
    }
    // Emails should link to this stack, not to the test default.
    delete process.env.APP_URL;
    harness.stack = await startLocalStack({ port: 0, mailPort: 0, seedDemo: true, webDir: WEB_DIR });
    harness.browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
    harness.newPage = async () => {
      const context = await harness.browser.newContext({ baseURL: harness.stack.url, locale: "ru-RU", timezoneId: "Europe/Moscow" });
      context.setDefaultTimeout(20_000);
      const page = await context.newPage();
      return { context, page };
    };
    harness.mailTo = async (address) => {
      const res = await fetch(`${harness.stack.mailUrl}/store`);
      const { emails } = (await res.json()) as { emails: SentEmail[] };
      return emails.filter((email) => email.destination.to.some((to) => to.includes(address)));
    };
    apiContext = await request.newContext({ baseURL: harness.stack.url });
    harness.api = jsonApi(apiContext);
  }, 120_000);

  afterAll(async () => {
    await apiContext?.dispose();
    await harness.browser?.close();
    await harness.stack?.stop();
  }, 60_000);

  return harness;
}

/** Signs in through the form with email and password. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Пароль", { exact: false }).fill(password);
  await page.getByRole("button", { name: "Войти", exact: true }).click();
}

/** The number a text shows, read from its digits alone («1 234 участника» → 1234). */
export const digits = (text: string | null) => Number((text ?? "").replace(/\D/g, ""));

/** The navigation a role should see: the home link, then its sections from the app's one registry (web/src/sections.ts). */
export const navLabelsFor = (role: Role) => ["Главная", ...sectionsFor(role).map((section) => section.label)];
