import { useCallback, useRef, useState } from "react";
import { ApiError } from "../api/client";
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

/** A client-side check failure, shown exactly like the server's field errors. */
export const invalid = (fields: { path: string; message: string }[]) =>
  new ApiError(400, "client.invalid", "Проверьте правильность заполнения полей", { fields });

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
