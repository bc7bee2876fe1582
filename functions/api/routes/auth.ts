import type { Context } from "hono";
import { Hono } from "hono/tiny";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { Auth, CodeInput, EmailInput, LoginInput, REFRESH_TTL_SECONDS, ResetInput, type Tokens } from "@rnc/core/auth";
import { AcceptInput, Invitation } from "@rnc/core/invitation";
import { body, op } from "../openapi";

export const REFRESH_COOKIE = "rnc_refresh";
const COOKIE_PATH = "/api/auth";

/** The refresh token travels only in an httpOnly, Secure, SameSite=Strict cookie scoped to the auth routes. */
function issue(c: Context, tokens: Tokens) {
  setCookie(c, REFRESH_COOKIE, tokens.refreshToken, {
    httpOnly: true,
    secure: true,
    sameSite: "Strict",
    path: COOKIE_PATH,
    maxAge: REFRESH_TTL_SECONDS,
  });
  return c.json({ accessToken: tokens.accessToken, expiresIn: tokens.expiresIn });
}

function clientIp(c: Context): string {
  const event = (c.env as { event?: { requestContext?: { http?: { sourceIp?: string } } } } | undefined)?.event;
  return event?.requestContext?.http?.sourceIp ?? c.req.header("x-forwarded-for")?.split(",")[0]?.trim() ?? "local";
}

const signedIn = { 401: "Неверные данные для входа", 429: "Слишком много попыток" };

export const auth = new Hono()
  .post(
    "/login",
    op({ tag: "auth", summary: "Вход по адресу почты и паролю", auth: "public", responses: signedIn }),
    body(LoginInput),
    async (c) => issue(c, await Auth.login(c.req.valid("json"), clientIp(c))),
  )
  .post(
    "/refresh",
    op({ tag: "auth", summary: "Обновить токен доступа (refresh-cookie)", auth: "public", responses: { 401: "Сеанс завершён" } }),
    async (c) => issue(c, await Auth.refresh(getCookie(c, REFRESH_COOKIE))),
  )
  .post("/logout", op({ tag: "auth", summary: "Выйти (отозвать сеанс)", auth: "public" }), async (c) => {
    await Auth.logout(getCookie(c, REFRESH_COOKIE));
    deleteCookie(c, REFRESH_COOKIE, { path: COOKIE_PATH, secure: true });
    return c.json({ ok: true as const });
  })
  .post(
    "/code/request",
    op({ tag: "auth", summary: "Отправить одноразовый код для входа на почту", auth: "public" }),
    body(EmailInput),
    async (c) => {
      await Auth.requestCode(c.req.valid("json").email);
      return c.json({ sent: true as const }, 202);
    },
  )
  .post(
    "/code/verify",
    op({ tag: "auth", summary: "Войти по одноразовому коду", auth: "public", responses: signedIn }),
    body(CodeInput),
    async (c) => issue(c, await Auth.verifyCode(c.req.valid("json"), clientIp(c))),
  )
  .post(
    "/password/forgot",
    op({ tag: "auth", summary: "Отправить ссылку для восстановления пароля", auth: "public" }),
    body(EmailInput),
    async (c) => {
      await Auth.forgotPassword(c.req.valid("json").email);
      return c.json({ sent: true as const }, 202);
    },
  )
  .get(
    "/password/reset/:token",
    op({
      tag: "auth",
      summary: "Проверить ссылку для восстановления пароля",
      auth: "public",
      responses: { 400: "Ссылка недействительна или устарела" },
    }),
    async (c) => c.json(await Auth.checkResetLink(c.req.param("token"))),
  )
  .post(
    "/password/reset",
    op({ tag: "auth", summary: "Задать новый пароль по ссылке из письма", auth: "public" }),
    body(ResetInput),
    async (c) => {
      await Auth.resetPassword(c.req.valid("json"));
      return c.json({ ok: true as const });
    },
  )
  .get("/me", op({ tag: "auth", summary: "Текущий пользователь" }), async (c) => c.json(await Auth.me()))
  .get(
    "/invitations/:token",
    op({
      tag: "auth",
      summary: "Сведения о приглашении по ссылке",
      auth: "public",
      responses: { 404: "Приглашение не найдено", 409: "Приглашение использовано или истекло" },
    }),
    async (c) => c.json(await Invitation.preview(c.req.param("token"))),
  )
  .post(
    "/invitations/:token/accept",
    op({
      tag: "auth",
      summary: "Принять приглашение: задать ФИО и пароль",
      auth: "public",
      responses: { 409: "Приглашение использовано или истекло" },
    }),
    body(AcceptInput),
    async (c) => issue(c, await Invitation.accept(c.req.param("token"), c.req.valid("json"))),
  );
