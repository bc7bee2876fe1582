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

/** The error and what it wraps (ElectroDB throws an ElectroError whose `cause` is the SDK's error). */
function* causes(error: unknown): Generator<object> {
  for (let depth = 0; depth < 4 && error && typeof error === "object"; depth++) {
    yield error;
    error = (error as { cause?: unknown }).cause;
  }
}

/** A throttled or failing store. */
function isStoreUnavailable(error: unknown): boolean {
  return [...causes(error)].some(isUnavailableStoreError);
}

function isUnavailableStoreError(error: object): boolean {
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

/**
 * A record DynamoDB refused as larger than its 400 KB item limit: the request's own texts made it so (each field is
 * within its length, but together they are too long), so the caller can shorten them. Anything else DynamoDB refuses
 * as invalid stays a 500: it would be our bug.
 */
function isItemTooLarge(error: unknown): boolean {
  return [...causes(error)].some((cause) => {
    const {
      name = "",
      message = "",
      CancellationReasons = [],
    } = cause as {
      name?: string;
      message?: string;
      CancellationReasons?: { Message?: string }[];
    };
    const messages = [message, ...CancellationReasons.map((reason) => reason.Message ?? "")];
    return (
      (name === "ValidationException" || name === "TransactionCanceledException") &&
      messages.some((text) => /item size.*exceeded/i.test(text))
    );
  });
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
  if (isItemTooLarge(error)) {
    return errorResponse(
      c,
      413,
      "request.record_too_large",
      "Запись получилась слишком большой для сохранения: сократите тексты или разделите её на части",
    );
  }
  if (isStoreUnavailable(error)) {
    log.warn("store unavailable", { error: error.name, detail: error.message });
    c.header("Retry-After", "1");
    return errorResponse(c, 503, "service.unavailable", "Сервис временно недоступен, повторите попытку через несколько секунд");
  }
  log.error("unhandled error", { error: error.name, detail: error.message, stack: error.stack });
  return errorResponse(c, 500, "internal", "Внутренняя ошибка сервера. Мы уже знаем о ней; повторите попытку позже.");
}
