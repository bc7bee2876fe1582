import { type DependencyList, useCallback, useEffect, useRef, useState } from "react";
import type { ApiError } from "../api/client";
import { asApiError } from "./useResource";

export type Page<T> = { items: T[]; cursor: string | null };

export type Pages<T> = {
  /** Every item loaded so far, pages in order. */
  items: T[];
  /** Where the next page starts; null when the last page is loaded. */
  cursor: string | null;
  loading: boolean;
  /** The first page has arrived (an empty list is then really empty). */
  loaded: boolean;
  error: ApiError | undefined;
  /** Loads the next page (after a failed one: that page again). */
  more: () => void;
  /** Starts again from the first page. */
  reload: () => void;
};

/**
 * A list read a page at a time (`{ items, cursor }` answers). `deps` (e.g. the filters) restart it from the first
 * page; an answer to an older request is ignored.
 */
export function usePages<T>(loadPage: (cursor: string | null) => Promise<Page<T>>, deps: DependencyList): Pages<T> {
  const [state, setState] = useState<{ items: T[]; cursor: string | null; loaded: boolean; loading: boolean; error?: ApiError }>({
    items: [],
    cursor: null,
    loaded: false,
    loading: true,
  });
  const loadRef = useRef(loadPage);
  loadRef.current = loadPage;
  const generation = useRef(0);

  const fetchPage = useCallback((after: string | null) => {
    const current = ++generation.current;
    setState((previous) => ({ ...previous, loading: true, error: undefined }));
    loadRef.current(after).then(
      (page) =>
        current === generation.current &&
        setState((previous) => ({
          items: after ? [...previous.items, ...page.items] : page.items,
          cursor: page.cursor,
          loaded: true,
          loading: false,
        })),
      (error: unknown) =>
        current === generation.current && setState((previous) => ({ ...previous, loading: false, error: asApiError(error) })),
    );
  }, []);

  useEffect(() => {
    setState({ items: [], cursor: null, loaded: false, loading: true });
    fetchPage(null);
  }, [...deps, fetchPage]);

  const latest = useRef(state);
  latest.current = state;
  const more = useCallback(() => {
    const { loading, cursor } = latest.current;
    if (!loading && cursor) fetchPage(cursor);
  }, [fetchPage]);
  const reload = useCallback(() => fetchPage(null), [fetchPage]);
  // `error` again: optional in the state, a required key of Pages (TypeScript refuses the spread alone).
  return { ...state, error: state.error, more, reload };
}
