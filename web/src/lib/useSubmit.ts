import { useCallback, useRef, useState } from "react";
import { VALIDATE_ONLY_HEADER } from "@rnc/core/http";
import { type AnyResponse, ApiError, type BodyOf, toApiError, unwrap } from "../api/client";
import { asApiError } from "./useResource";

/** A form's submit state: busy while the action runs, the API's error afterwards. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const running = useRef(false);

  const run = useCallback(async (action: () => Promise<void>) => {
    if (running.current) return; // a second click while the first submit runs
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);

  /**
   * The message for one form field: the API's for that path or, when the answer's code is one of `codes` (a refusal
   * about that field as a whole, such as a duplicate name), the answer's own message.
   */
  const field = (path: string, codes: readonly string[] = []) =>
    error?.field(path) ?? (error && codes.includes(error.code) ? error.message : undefined);

  return { busy, error, setError, run, field };
}

/** A field's problem found by a form's own checks: the field's path in the request body and the message to show there. */
export type FieldProblem = { path: string; message: string };

/** A client-side check failure, shown exactly like the server's field errors. */
export const invalid = (fields: FieldProblem[]) =>
  new ApiError(400, "client.invalid", "Проверьте правильность заполнения полей", { fields });

/** Per-request options of the API client (headers). */
export type RequestOptions = { headers?: Record<string, string> };

/**
 * Sends a form whose own checks found `problems`, so that every field's problem shows at once. With none, the form is
 * sent. With some, it is not: the same request goes with the API's validate-only header (the server validates it and
 * stops, writing nothing), and the server's field errors are shown with the client's (the client's in place of the
 * server's at the same field). When that check fails for another reason (no connection), the client's are shown.
 */
export async function sendChecked<R extends AnyResponse>(
  problems: FieldProblem[],
  send: (options?: RequestOptions) => Promise<R>,
): Promise<BodyOf<R>> {
  if (problems.length === 0) return unwrap(send());
  let server: FieldProblem[] = [];
  try {
    const res = (await send({ headers: { [VALIDATE_ONLY_HEADER]: "1" } })) as unknown as Response;
    if (!res.ok) server = (await toApiError(res)).fields;
  } catch {
    // No answer: the client's own problems are all there is to show.
  }
  // The server's fields in its order (the form's), each found wrong here with the client's message instead.
  const named = new Set(server.map((field) => field.path));
  const shown = new Set<string>();
  const merged = server.flatMap((field) => {
    const own = problems.find((problem) => problem.path === field.path);
    if (!own) return [field];
    if (shown.has(own.path)) return [];
    shown.add(own.path);
    return [own];
  });
  throw invalid([...problems.filter((problem) => !named.has(problem.path)), ...merged]);
}

/** A request body made from a form, with the problems the form's own checks found in it. */
export type CheckedBody<B> = { body: B; problems: FieldProblem[] };

/** Sends a form's checked body with every field's problem shown at once (see sendChecked). */
export const sendBody = <B, R extends AnyResponse>(
  { body, problems }: CheckedBody<B>,
  send: (body: B, options?: RequestOptions) => Promise<R>,
): Promise<BodyOf<R>> => sendChecked(problems, (options) => send(body, options));

/** The API's answer (409) to a save made on an outdated version: someone else saved first. */
export const isStale = (error: unknown): error is ApiError => error instanceof ApiError && error.code === "record.stale_version";

/** The record as it is now, which a stale-version answer carries in `details.current`; undefined for any other error. */
export const staleCurrent = <T>(error: unknown): T | undefined => (isStale(error) ? (error.details.current as T | undefined) : undefined);

/**
 * An edit saved over the version the form holds. When the record changed under the form, the error is rethrown (the
 * form shows it) after: a stale version's current record is handed to `adopt` (the form shows it, and the next save is
 * made on top of it); a stale version, or an answer with one of `changedCodes` (e.g. sent or deleted meanwhile), calls
 * `onChanged` (the list reloads).
 */
export async function saveOver<T, R>(
  save: () => Promise<R>,
  adopt: (current: T) => void,
  onChanged: () => void,
  changedCodes: readonly string[] = [],
): Promise<R> {
  try {
    return await save();
  } catch (error) {
    const current = staleCurrent<T>(error);
    if (current) adopt(current);
    if (current || (error instanceof ApiError && changedCodes.includes(error.code))) onChanged();
    throw error;
  }
}
