/** Error kinds map to HTTP statuses in exactly one place (functions/api/errors.ts). */
export type ErrorKind =
  | "input"
  | "unsupported_media_type"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_many_requests"
  | "unavailable";

/**
 * An error whose code and (Russian) message are safe to show to the user.
 * `code` is stable and dotted (`institution.name_taken`); `details` carries extra
 * machine-readable data such as field errors or the current state on a conflict.
 */
export class VisibleError extends Error {
  constructor(
    public readonly kind: ErrorKind,
    public readonly code: string,
    message: string,
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "VisibleError";
  }
}

export const notFound = (code: string, message = "Запись не найдена") => new VisibleError("not_found", code, message);
export const forbidden = (code = "auth.forbidden", message = "Недостаточно прав для этого действия") =>
  new VisibleError("forbidden", code, message);
