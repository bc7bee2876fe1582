import type { Env, Hono, MiddlewareHandler } from "hono";
import { validator } from "hono/validator";
import { type Permission, VisibleError, assertCan, useActor } from "@rnc/core";
import { VALIDATE_ONLY_HEADER } from "@rnc/core/http";
import type * as z from "@rnc/core/zod";

/** The sections of the API reference, each with its Russian heading. */
export const tagDescriptions = {
  system: "Служебное: состояние сервиса, ключи подписи, документация",
  auth: "Вход, сеанс, пароль",
  platform: "Администратор платформы: регионы",
  regions: "Регионы",
  institutions: "Организации региона",
  users: "Пользователи и приглашения",
  audit: "Журнал действий",
  roadmaps: "Дорожные карты внедрения ЦМН",
  participants: "Наставники и наставляемые: реестр, согласия, импорт",
  pairs: "Наставнические пары и группы: планы и встречи",
  monitoring: "Мониторинг и отчёты в РНЦ",
  surveys: "Анкетирование",
  kpi: "Целевые показатели (KPI)",
  reminders: "Напоминания о сроках",
  reports: "Сводные отчёты региона",
  practices: "Лучшие практики наставничества",
  trainings: "Обучение наставников: мероприятия",
  partners: "Организации-партнёры и договоры",
  rewards: "Поощрения наставников",
  publications: "Медиаплан: информационное сопровождение",
  accessibility: "Меры по обеспечению доступности",
  stats: "Статистика",
} as const;
export type Tag = keyof typeof tagDescriptions;
export const tags = Object.keys(tagDescriptions) as Tag[];

export type OperationMeta = {
  tag: Tag;
  summary: string;
  /** "public" routes need no token; every other route needs a signed-in user. */
  auth?: "public";
  /** Checked here, before the handler runs: the one place routes declare who may call them. */
  permission?: Permission;
  /** Routes that return participants' personal data (checked by the isolation matrix). */
  personalData?: boolean;
  /** Extra documented statuses, e.g. { 409: "Версия устарела" }. */
  responses?: Record<number, string>;
  /** Non-JSON responses, e.g. "text/csv". */
  produces?: string;
};

type Schema = z.ZodMiniType;
const META = Symbol("openapi-meta");
type Documented = { [META]?: { operation?: OperationMeta; body?: Schema; query?: Schema } };

function annotate<T extends object>(handler: T, meta: Documented[typeof META]): T {
  (handler as Documented)[META] = meta;
  return handler;
}

/** Declares an operation: documents it and enforces its authentication and permission. */
export function op(meta: OperationMeta): MiddlewareHandler {
  return annotate<MiddlewareHandler>(
    async (_c, next) => {
      if (meta.auth !== "public" && useActor().type !== "user") {
        throw new VisibleError("unauthorized", "auth.required", "Требуется вход в систему");
      }
      if (meta.permission) assertCan(meta.permission);
      await next();
    },
    { operation: meta },
  );
}

function parse<S extends Schema>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new VisibleError("input", "request.invalid", "Проверьте правильность заполнения полей", {
    fields: result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
  });
}

/** Validates a JSON body against a core schema (415 for another content type, 400 with field errors; 204 to a validate-only request). */
export function body<S extends Schema, E extends Env = Env>(schema: S) {
  const middleware = validator("json", (value: unknown, c) => {
    const type = c.req.header("content-type") ?? "";
    if (!/^application\/([\w.-]+\+)?json\b/i.test(type)) {
      throw new VisibleError(
        "unsupported_media_type",
        "request.unsupported_media_type",
        "Ожидается тело запроса в формате JSON (Content-Type: application/json)",
      );
    }
    const parsed = parse(schema, value);
    if (c.req.header(VALIDATE_ONLY_HEADER) === "1") return c.body(null, 204);
    return parsed;
  });
  return annotate(middleware as unknown as MiddlewareHandler<E, string, { in: { json: z.input<S> }; out: { json: z.output<S> } }>, {
    body: schema,
  });
}

/** Validates the query string against a core schema. */
export function query<S extends Schema, E extends Env = Env>(schema: S) {
  return annotate(
    validator("query", (value) => parse(schema, value)) as MiddlewareHandler<
      E,
      string,
      { in: { query: Record<string, string | string[]> }; out: { query: z.output<S> } }
    >,
    { query: schema },
  );
}

export type Operation = {
  method: string;
  path: string;
  meta: OperationMeta;
  body?: Schema;
  query?: Schema;
};

/** Every documented operation of the app, read from the registered handlers. */
export function listOperations(app: Hono<Env>): Operation[] {
  const byKey = new Map<string, Operation>();
  const partial = new Map<string, Omit<Operation, "meta" | "method" | "path">>();
  for (const route of app.routes) {
    const meta = (route.handler as Documented)[META];
    if (!meta) continue;
    const key = `${route.method} ${route.path}`;
    const extra = { ...partial.get(key), ...(meta.body ? { body: meta.body } : {}), ...(meta.query ? { query: meta.query } : {}) };
    partial.set(key, extra);
    if (meta.operation) byKey.set(key, { method: route.method, path: route.path, meta: meta.operation, ...extra });
  }
  return [...byKey.values()].map((operation) => ({ ...operation, ...partial.get(`${operation.method} ${operation.path}`) }));
}
