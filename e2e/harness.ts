import { existsSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContext, type Page, chromium } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
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
};

export type SentEmail = { destination: { to: string[] }; subject: string; body: { text?: string; html?: string } };

/**
 * The whole product for one test file: the local stack in-process (in-memory DynamoDB Local,
 * the mail sink, the API and the built web app on one origin, the demo region seeded) and a
 * headless Debian Chromium. Both are stopped after the file's tests.
 */
export function useHarness(): Harness {
  const harness = {} as Harness;

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
  }, 120_000);

  afterAll(async () => {
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

/** The navigation a role should see: the home link, then its sections from the app's one registry (web/src/sections.ts). */
export const navLabelsFor = (role: Role) => ["Главная", ...sectionsFor(role).map((section) => section.label)];
