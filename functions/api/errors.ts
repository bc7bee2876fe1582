import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type ErrorKind, VisibleError, log } from "@rnc/core";

const statusOf: Record<ErrorKind, ContentfulStatusCode> = {
  input: 400,
  unsupported_media_type: 415,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_many_requests: 429,
  unavailable: 503,
};

export type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

export function errorResponse(c: Context, status: ContentfulStatusCode, code: string, message: string, details?: Record<string, unknown>) {
  const body: ErrorBody = { error: { code, message, ...(details ? { details } : {}) } };
  return c.json(body, status);
}

/** A throttled or failing store, also when wrapped (ElectroDB throws an ElectroError whose `cause` is the SDK's error). */
function isStoreUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object") return false;
  const cause = (error as { cause?: unknown }).cause;
  if (depth < 3 && cause && isStoreUnavailable(cause, depth + 1)) return true;
  const name = (error as { name?: string }).name ?? "";
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? 0;
  return (
    [
      "ProvisionedThroughputExceededException",
      "ThrottlingException",
      "RequestLimitExceeded",
      "InternalServerError",
      "ServiceUnavailable",
    ].includes(name) ||
    status >= 500 ||
    ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT"].includes((error as { code?: string }).code ?? "")
  );
}

/** The one mapping from errors to HTTP answers. Anything unexpected is a logged 500 that shows no internals. */
export function onError(error: Error, c: Context) {
  if (error instanceof VisibleError) {
    if (error.kind === "unavailable") log.warn("unavailable", { code: error.code });
    return errorResponse(c, statusOf[error.kind], error.code, error.message, error.details);
  }
  if (error instanceof HTTPException) {
    if (error.status === 413) {
      return errorResponse(c, 413, "request.too_large", "Слишком большой запрос: тело не должно превышать 1 МБ");
    }
    if (error.status === 400 && /json/i.test(error.message)) {
      return errorResponse(c, 400, "request.malformed_json", "Тело запроса не является корректным JSON");
    }
    return errorResponse(c, error.status as ContentfulStatusCode, "request.rejected", "Запрос отклонён");
  }
  if (isStoreUnavailable(error)) {
    log.warn("store unavailable", { error: error.name, detail: error.message });
    c.header("Retry-After", "1");
    return errorResponse(c, 503, "service.unavailable", "Сервис временно недоступен, повторите попытку через несколько секунд");
  }
  log.error("unhandled error", { error: error.name, detail: error.message, stack: error.stack });
  return errorResponse(c, 500, "internal", "Внутренняя ошибка сервера. Мы уже знаем о ней; повторите попытку позже.");
}
