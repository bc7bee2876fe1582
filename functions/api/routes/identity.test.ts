import { describe, expect, it } from "vitest";
import { hashToken } from "@rnc/core/auth/secret";
import { storeMetrics } from "@rnc/core/dynamo";
import { addressName } from "@rnc/core/ru";
import {
  TEST_PASSWORD,
  call,
  createPlatformAdmin,
  createTestRegion,
  institutionInput,
  mailTo,
  tokenFor,
} from "../../../scripts/test/fixtures";
import { app } from "../app";

const login = (email: string, password: string, ip = "198.51.100.1") =>
  call(app, "POST", "/api/auth/login", { body: { email, password }, headers: { "x-forwarded-for": ip } });

const refreshCookie = (res: { headers: Headers }) => /rnc_refresh=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
const withCookie = (cookie: string | undefined) => ({ cookie: `rnc_refresh=${cookie}` });

describe("sign-in", async () => {
  const { users, school, region } = await createTestRegion();

  it("signs in with email and password: a 15-minute ES256 token and a hardened refresh cookie", async () => {
    const res = await login(users.curator.email.toUpperCase(), TEST_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.json.expiresIn).toBe(900);
    const [header, payload] = (res.json.accessToken as string)
      .split(".")
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, "base64url").toString()));
    expect(header.alg).toBe("ES256");
    expect(payload).toMatchObject({ sub: users.curator.userId, role: "curator", tid: school.tenantId });
    expect(payload.exp - payload.iat).toBe(900);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const calls = storeMetrics.calls;
    const me = await call(app, "GET", "/api/auth/me", { token: res.json.accessToken });
    expect(me.json).toMatchObject({
      email: users.curator.email,
      role: "curator",
      region: { regionId: region.regionId, name: region.name },
      institution: { tenantId: school.tenantId, shortName: school.shortName },
    });
    // The user, the region and the institution in one round trip to the store.
    expect(storeMetrics.calls - calls).toBe(1);
  });

  it("answers a wrong email and a wrong password identically (no account enumeration)", async () => {
    const wrongPassword = await login(users.staff.email, "wrong-password-123", "198.51.100.2");
    const wrongEmail = await login("nobody@example.org", "wrong-password-123", "198.51.100.2");
    expect(wrongPassword.status).toBe(401);
    expect(wrongEmail.status).toBe(401);
    expect(wrongEmail.json).toEqual(wrongPassword.json);
    expect(wrongEmail.json.error.message).toBe("Неверный адрес электронной почты или пароль");
  });

  it("locks an account after 5 failures, even for the right password", async () => {
    for (let i = 0; i < 5; i++)
      expect((await login(users.institution_viewer.email, "wrong-password-123", `203.0.113.${i}`)).status).toBe(401);
    const locked = await login(users.institution_viewer.email, TEST_PASSWORD, "203.0.113.99");
    expect(locked.status).toBe(429);
    expect(locked.json.error.code).toBe("auth.locked");
    expect(locked.json.error.message).toMatch(/Повторите через \d+ минут/);
  });

  it("throttles one IP trying many accounts", async () => {
    for (let i = 0; i < 30; i++) await login(`guess${i}@example.org`, "wrong-password-123", "192.0.2.200");
    const res = await login(users.region_viewer.email, TEST_PASSWORD, "192.0.2.200");
    expect(res.status).toBe(429);
    expect((await login(users.region_viewer.email, TEST_PASSWORD, "192.0.2.201")).status).toBe(200);
  });

  it("rotates the refresh token on every use; reusing a spent one revokes the whole session", async () => {
    const first = refreshCookie(await login(users.region_admin.email, TEST_PASSWORD));
    const rotated = await call(app, "POST", "/api/auth/refresh", { headers: withCookie(first) });
    expect(rotated.status).toBe(200);
    const second = refreshCookie(rotated);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    const reuse = await call(app, "POST", "/api/auth/refresh", { headers: withCookie(first) });
    expect(reuse.status).toBe(401);
    expect(reuse.json.error.code).toBe("auth.session_expired");
    // The family is revoked: even the newest token no longer works.
    expect((await call(app, "POST", "/api/auth/refresh", { headers: withCookie(second) })).status).toBe(401);
  });

  it("sign-out revokes the session", async () => {
    const cookie = refreshCookie(await login(users.region_admin.email, TEST_PASSWORD, "198.51.100.9"));
    expect((await call(app, "POST", "/api/auth/logout", { headers: withCookie(cookie) })).status).toBe(200);
    expect((await call(app, "POST", "/api/auth/refresh", { headers: withCookie(cookie) })).status).toBe(401);
  });

  it("signs in with a one-time code sent by email, once", async () => {
    const sent = await call(app, "POST", "/api/auth/code/request", { body: { email: users.staff.email } });
    expect(sent.status).toBe(202);
    const mail = (await mailTo(users.staff.email)).at(-1);
    const code = /(\d{6})/.exec(mail?.subject ?? "")?.[1];
    expect(code).toMatch(/^\d{6}$/);
    expect(mail?.body.html).toContain(code);
    // Greeted by name as the other letters are.
    expect(mail?.body.text.startsWith(`Код для входа в систему ЦМН\n\nЗдравствуйте, ${addressName(users.staff.fullName)}!\n`)).toBe(true);
    const ok = await call(app, "POST", "/api/auth/code/verify", { body: { email: users.staff.email, code } });
    expect(ok.status).toBe(200);
    expect(ok.json.accessToken).toBeTruthy();
    const again = await call(app, "POST", "/api/auth/code/verify", { body: { email: users.staff.email, code } });
    expect(again.json.error.code).toBe("auth.invalid_code");
    // Unknown addresses get the same answer and no email.
    expect((await call(app, "POST", "/api/auth/code/request", { body: { email: "ghost@example.org" } })).status).toBe(202);
    expect(await mailTo("ghost@example.org")).toHaveLength(0);
  });

  it("resets a password by an emailed link: weak passwords are refused, the link works once", async () => {
    const user = (await createTestRegion()).users.curator;
    await call(app, "POST", "/api/auth/password/forgot", { body: { email: user.email } });
    const letter = (await mailTo(user.email)).at(-1);
    expect(letter?.body.html).toContain(`<p>Здравствуйте, ${addressName(user.fullName)}!</p>`);
    const link = /\/reset-password\/([\w-]+)/.exec(letter?.body.text ?? "");
    const token = link?.[1];
    expect(token).toBeTruthy();
    // The link's page checks it when it opens, before a password is typed: usable now, for the hour it was issued for.
    const opened = await call(app, "GET", `/api/auth/password/reset/${token}`);
    expect(opened.status, opened.text).toBe(200);
    expect(Date.parse(opened.json.expiresAt) - Date.now()).toBeGreaterThan(30 * 60_000);
    const weak = await call(app, "POST", "/api/auth/password/reset", { body: { token, password: "short" } });
    expect(weak.status).toBe(400);
    expect(weak.json.error.details.fields[0]).toEqual({ path: "password", message: "Пароль должен быть не короче 10 символов" });
    expect((await call(app, "POST", "/api/auth/password/reset", { body: { token, password: "new-password-42" } })).status).toBe(200);
    expect((await login(user.email, "new-password-42", "198.51.100.50")).status).toBe(200);
    expect((await login(user.email, TEST_PASSWORD, "198.51.100.50")).status).toBe(401);
    const reused = await call(app, "POST", "/api/auth/password/reset", { body: { token, password: "another-password-1" } });
    expect(reused.json.error.code).toBe("auth.reset_link_invalid");
    for (const dead of [token, "not-a-link-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"]) {
      const checked = await call(app, "GET", `/api/auth/password/reset/${dead}`);
      expect(checked.status).toBe(400);
      expect(checked.json.error).toMatchObject({
        code: "auth.reset_link_invalid",
        message: "Ссылка для восстановления пароля недействительна или устарела. Запросите новую.",
      });
    }
  });
});

describe("institutions", async () => {
  const { users, region, college } = await createTestRegion();
  const admin = await tokenFor(users.region_admin);

  it("refuses a duplicate name in the region (case, quotes and spaces ignored) and stores nothing", async () => {
    const input = institutionInput({ fullName: "МБОУ «Гимназия № 7»" });
    expect((await call(app, "POST", "/api/institutions", { token: admin, body: input })).status).toBe(201);
    const dup = await call(app, "POST", "/api/institutions", { token: admin, body: { ...input, fullName: "мбоу  гимназия № 7" } });
    expect(dup.status).toBe(409);
    expect(dup.json.error).toMatchObject({
      code: "institution.name_taken",
      message: "Организация «мбоу  гимназия № 7» уже есть в этом регионе",
    });
    const list = await call(app, "GET", "/api/institutions", { token: admin });
    expect(list.json.items.filter((i: { fullName: string }) => i.fullName.includes("Гимназия № 7"))).toHaveLength(1);
  });

  it("refuses a short name another institution of the region has, on create and on edit; a renamed one frees its old name", async () => {
    const first = await call(app, "POST", "/api/institutions", { token: admin, body: institutionInput({ shortName: "Лицей № 7" }) });
    expect(first.status, first.text).toBe(201);
    const dup = await call(app, "POST", "/api/institutions", { token: admin, body: institutionInput({ shortName: "лицей  №  7" }) });
    expect(dup.status).toBe(409);
    expect(dup.json.error).toMatchObject({
      code: "institution.short_name_taken",
      message: "Краткое наименование «лицей  №  7» уже у другой организации этого региона",
    });
    const second = await call(app, "POST", "/api/institutions", { token: admin, body: institutionInput({ shortName: "Лицей № 8" }) });
    const { tenantId, regionId: _r, status: _s, createdAt: _c, updatedAt: _u, ...editable } = second.json;
    const clash = await call(app, "PUT", `/api/institutions/${tenantId}`, { token: admin, body: { ...editable, shortName: "Лицей № 7" } });
    expect(clash.json.error.code).toBe("institution.short_name_taken");
    expect((await call(app, "GET", `/api/institutions/${tenantId}`, { token: admin })).json.shortName).toBe("Лицей № 8");
    // The first takes another short name: «Лицей № 7» is free again, and the second may take it.
    const { tenantId: firstId, regionId: _r1, status: _s1, createdAt: _c1, updatedAt: _u1, ...firstEditable } = first.json;
    const moved = await call(app, "PUT", `/api/institutions/${firstId}`, {
      token: admin,
      body: { ...firstEditable, shortName: "Лицей № 7 им. Пушкина" },
    });
    expect(moved.status, moved.text).toBe(200);
    const taken = await call(app, "PUT", `/api/institutions/${tenantId}`, { token: admin, body: { ...editable, shortName: "Лицей № 7" } });
    expect(taken.status, taken.text).toBe(200);
  });

  it("the later of two concurrent edits gets 409 with the current state", async () => {
    const base = await call(app, "GET", `/api/institutions/${college.tenantId}`, { token: admin });
    const { tenantId: _t, regionId: _r, status: _s, createdAt: _c, updatedAt: _u, ...editable } = base.json;
    const [a, b] = await Promise.all([
      call(app, "PUT", `/api/institutions/${college.tenantId}`, { token: admin, body: { ...editable, municipality: "Первый район" } }),
      call(app, "PUT", `/api/institutions/${college.tenantId}`, { token: admin, body: { ...editable, municipality: "Второй район" } }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    const winner = a.status === 200 ? a : b;
    expect(loser.json.error.code).toBe("record.stale_version");
    expect(loser.json.error.details.current).toMatchObject({ version: 2, municipality: winner.json.municipality });
  });

  it("a suspended institution's users cannot sign in; data is kept; activation restores access", async () => {
    const { users: u, school } = await createTestRegion();
    const token = await tokenFor(u.region_admin);
    expect((await call(app, "POST", `/api/institutions/${school.tenantId}/suspend`, { token })).json.status).toBe("suspended");
    const denied = await login(u.curator.email, TEST_PASSWORD, "198.51.100.77");
    expect(denied.status).toBe(403);
    expect(denied.json.error.code).toBe("auth.institution_suspended");
    expect((await call(app, "GET", `/api/institutions/${school.tenantId}`, { token })).json.fullName).toBe(school.fullName);
    await call(app, "POST", `/api/institutions/${school.tenantId}/activate`, { token });
    expect((await login(u.curator.email, TEST_PASSWORD, "198.51.100.77")).status).toBe(200);
    await call(app, "POST", `/api/institutions/${school.tenantId}/archive`, { token });
    const reopen = await call(app, "POST", `/api/institutions/${school.tenantId}/activate`, { token });
    expect(reopen.json.error.code).toBe("institution.archived");
  });

  it("records writes in the audit log: the region sees its own, the curator sees the institution's", async () => {
    const log = await call(app, "GET", "/api/audit", { token: admin });
    expect(log.json.items.map((e: { action: string }) => e.action)).toContain("institution.create");
    expect(log.json.items.every((e: { regionId: string }) => e.regionId === region.regionId)).toBe(true);
    await login(users.curator.email, TEST_PASSWORD, "198.51.100.60");
    const own = await call(app, "GET", "/api/audit", { token: await tokenFor(users.curator) });
    expect(own.json.items[0]).toMatchObject({ action: "auth.login", actorId: users.curator.userId, tenantId: users.curator.tenantId });
  });
});

describe("invitations", async () => {
  const { users, school, region } = await createTestRegion();
  const admin = await tokenFor(users.region_admin);

  async function invite(email: string, role = "curator") {
    const res = await call(app, "POST", "/api/invitations", { token: admin, body: { email, role, tenantId: school.tenantId } });
    expect(res.status).toBe(201);
    const mail = (await mailTo(email)).at(-1);
    const token = /\/invite\/([\w-]+)/.exec(mail?.body.text ?? "")?.[1] ?? "";
    return { invitation: res.json, token, mail };
  }

  it("invites a curator by email; the link creates the account once", async () => {
    const { token, mail } = await invite("new.curator@example.org");
    expect(mail?.subject).toBe("Приглашение в систему ЦМН");
    expect(mail?.body.text).toContain("Роль: Куратор.");
    // Says who invites: name, role and region.
    expect(mail?.body.text).toContain(`${users.region_admin.fullName} (администратор РНЦ, ${region.name}) приглашает вас`);
    const preview = await call(app, "GET", `/api/auth/invitations/${token}`);
    expect(preview.json).toMatchObject({ email: "new.curator@example.org", role: "curator", institutionName: school.shortName });
    const accepted = await call(app, "POST", `/api/auth/invitations/${token}/accept`, {
      body: { fullName: "Новикова Ольга Ивановна", password: "curator-pass-1" },
    });
    expect(accepted.status).toBe(200);
    const me = await call(app, "GET", "/api/auth/me", { token: accepted.json.accessToken });
    expect(me.json).toMatchObject({ fullName: "Новикова Ольга Ивановна", role: "curator", institution: { tenantId: school.tenantId } });
    const again = await call(app, "POST", `/api/auth/invitations/${token}/accept`, {
      body: { fullName: "Кто-то", password: "curator-pass-2" },
    });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("invitation.used");
  });

  it("a curator's invitation names the curator and the institution", async () => {
    const email = `invited.staff.${Date.now().toString(36)}@example.org`;
    const res = await call(app, "POST", "/api/invitations", { token: await tokenFor(users.curator), body: { email, role: "staff" } });
    expect(res.status, res.text).toBe(201);
    const text = (await mailTo(email)).at(-1)?.body.text ?? "";
    expect(text).toContain(`${users.curator.fullName} (куратор, ${school.shortName}) приглашает вас в систему`);
  });

  it("an expired invitation is refused with a clear message", async () => {
    const { token } = await invite("late.staff@example.org", "staff");
    // Expiry is immutable in the API; age the stored item directly to simulate 72 hours passing.
    const { ddb, tableName } = await import("@rnc/core/dynamo");
    const { UpdateCommand } = await import("@aws-sdk/lib-dynamodb");
    await ddb.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: `INVITE#${hashToken(token)}`, sk: "INVITATION" },
        UpdateExpression: "SET expiresAt = :past",
        ExpressionAttributeValues: { ":past": new Date(Date.now() - 1000).toISOString() },
      }),
    );
    const res = await call(app, "POST", `/api/auth/invitations/${token}/accept`, {
      body: { fullName: "Опоздавший", password: "late-password-1" },
    });
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({ code: "invitation.expired" });
    expect(res.json.error.message).toContain("72 часа");
  });

  it("refuses an invalid email, an already registered one, and a role the inviter may not grant", async () => {
    const bad = await call(app, "POST", "/api/invitations", {
      token: admin,
      body: { email: "not-an-email", role: "curator", tenantId: school.tenantId },
    });
    expect(bad.json.error.details.fields[0].message).toBe("Укажите корректный адрес электронной почты, например ivanova@school.ru");
    const taken = await call(app, "POST", "/api/invitations", {
      token: admin,
      body: { email: users.staff.email, role: "staff", tenantId: school.tenantId },
    });
    expect(taken.json.error.code).toBe("user.email_taken");
    const curator = await tokenFor(users.curator);
    const escalate = await call(app, "POST", "/api/invitations", {
      token: curator,
      body: { email: "boss@example.org", role: "region_admin" },
    });
    expect(escalate.status).toBe(403);
    expect(escalate.json.error.code).toBe("invitation.role_not_allowed");
  });

  it("the platform admin creates a region and invites its first admin", async () => {
    const platform = await tokenFor(await createPlatformAdmin());
    const created = await call(app, "POST", "/api/regions", {
      token: platform,
      body: { name: "Новая область", code: `n${Date.now() % 100000}`, timeZone: "Asia/Yekaterinburg" },
    });
    expect(created.status).toBe(201);
    const badZone = await call(app, "POST", "/api/regions", {
      token: platform,
      body: { name: "Ошибка", code: "err1", timeZone: "Mars/Olympus" },
    });
    expect(badZone.json.error.details.fields[0].path).toBe("timeZone");
    const invited = await call(app, "POST", `/api/regions/${created.json.regionId}/invitations`, {
      token: platform,
      body: { email: "head.rnc@example.org", role: "region_admin" },
    });
    expect(invited.status).toBe(201);
    expect(invited.json).toMatchObject({ role: "region_admin", regionId: created.json.regionId, status: "pending" });
  });
});
