import { type Role, withActor } from "@rnc/core";
import { signAccessToken } from "@rnc/core/auth/token";
import { hashPassword } from "@rnc/core/auth/password";
import { Institution, type InstitutionInput } from "@rnc/core/institution";
import { Region } from "@rnc/core/region";
import { User, type UserInfo } from "@rnc/core/user";
import { inject } from "vitest";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export const TEST_PASSWORD = "test-password-1";
let passwordHash: Promise<string> | undefined;

export const system = <T>(fn: () => Promise<T>) => withActor({ type: "system", properties: {} }, fn);

export const institutionInput = (overrides: Partial<InstitutionInput> = {}): InstitutionInput => ({
  fullName: `Школа ${unique()}`,
  shortName: `СОШ ${unique()}`,
  type: "school",
  municipality: "Тестовый район",
  studentsTotal: 500,
  students10to19: 300,
  teachersTotal: 40,
  youngTeachers: 6,
  ...overrides,
});

/**
 * A region (in Moscow time unless told otherwise) with two institutions and a user of every role, created through the
 * product's own verbs.
 */
export async function createTestRegion(name = "Тестовый регион", options: { timeZone?: string } = {}) {
  return system(async () => {
    const region = await Region.create({
      name: `${name} ${unique()}`,
      code: `t${unique()}`.slice(0, 16),
      timeZone: options.timeZone ?? "Europe/Moscow",
    });
    const [school, college] = [
      await Institution.createInRegion(region.regionId, institutionInput()),
      await Institution.createInRegion(
        region.regionId,
        institutionInput({ type: "college", fullName: `Колледж ${unique()}`, shortName: `ГБПОУ ${unique()}` }),
      ),
    ];
    passwordHash ??= hashPassword(TEST_PASSWORD);
    const hash = await passwordHash;
    const make = (role: Role, where: { regionId?: string; tenantId?: string }) =>
      User.create({ email: `${role}.${unique()}@example.org`, fullName: `Тестовый ${role}`, role, passwordHash: hash, ...where });
    const school_ = { regionId: region.regionId, tenantId: school.tenantId };
    const users = {
      region_admin: await make("region_admin", { regionId: region.regionId }),
      region_viewer: await make("region_viewer", { regionId: region.regionId }),
      curator: await make("curator", school_),
      staff: await make("staff", school_),
      institution_viewer: await make("institution_viewer", school_),
    } satisfies Partial<Record<Role, UserInfo>>;
    return { region, school, college, users };
  });
}

export async function createPlatformAdmin() {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return system(async () =>
    User.create({
      email: `platform.${unique()}@example.org`,
      fullName: "Платформа",
      role: "platform_admin",
      passwordHash: await passwordHash,
    }),
  );
}

export const tokenFor = (user: UserInfo) =>
  signAccessToken({ userId: user.userId, email: user.email, role: user.role, regionId: user.regionId, tenantId: user.tenantId });

type AppLike = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

/** A JSON request through the app in-process (no network), as a client would send it. */
export async function call(
  app: AppLike,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await app.request(path, {
    method,
    headers: {
      ...(options.body !== undefined ? { "content-type": "application/json" } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json: json as Record<string, any> };
}

type MailMessage = { destination: { to: string[] }; subject: string; body: { text: string; html: string }; at: number };

/** Emails the mail sink holds for one recipient, newest last. */
export async function mailTo(address: string): Promise<MailMessage[]> {
  const response = await fetch(`${inject("mailEndpoint")}/store`);
  const { emails } = (await response.json()) as { emails: MailMessage[] };
  return emails.filter((mail) => mail.destination.to.some((to) => to.includes(address)));
}
