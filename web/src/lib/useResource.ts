import { type DependencyList, useCallback, useEffect, useRef, useState } from "react";
import { ApiError, networkError } from "../api/client";

export type Resource<T> = {
  /** The last loaded data; kept while reloading so lists do not flicker after an action. */
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
  /** Replace the data locally (after an action that returned the new state). */
  set: (update: (current: T | undefined) => T | undefined) => void;
};

export const asApiError = (error: unknown): ApiError => (error instanceof ApiError ? error : networkError());

/** Loads data for a view; `deps` restart the load (a late answer of an older load is ignored). */
export function useResource<T>(load: () => Promise<T>, deps: DependencyList): Resource<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: true });
  const [nonce, setNonce] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps and the reload counter restart the load
  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true, error: undefined }));
    loadRef.current().then(
      (data) => current && setState({ data, loading: false }),
      (error: unknown) => current && setState((previous) => ({ data: previous.data, error: asApiError(error), loading: false })),
    );
    return () => {
      current = false;
    };
  }, [...deps, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const set = useCallback(
    (update: (current: T | undefined) => T | undefined) => setState((previous) => ({ ...previous, data: update(previous.data) })),
    [],
  );
  return { data: state.data, error: state.error, loading: state.loading, reload, set };
}
