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

type State<T> = { items: T[]; cursor: string | null; loaded: boolean; loading: boolean; error?: ApiError };

/** Where a list starts: the page given to it (already loaded), or nothing yet (the first page is on its way). */
const startFrom = <T>(first: Page<T> | undefined): State<T> =>
  first
    ? { items: first.items, cursor: first.cursor, loaded: true, loading: false }
    : { items: [], cursor: null, loaded: false, loading: true };

/**
 * A list read a page at a time (`{ items, cursor }` answers). `deps` (e.g. the filters) restart it from the first
 * page; an answer to an older request is ignored. With `initial` (a first page that came some other way, e.g. a board
 * column in the board's answer) the list starts from that page instead of loading it, and `deps` restart it from
 * `initial` again; `reload` still loads the first page.
 */
export function usePages<T>(loadPage: (cursor: string | null) => Promise<Page<T>>, deps: DependencyList, initial?: Page<T>): Pages<T> {
  const [state, setState] = useState<State<T>>(() => startFrom(initial));
  const loadRef = useRef(loadPage);
  loadRef.current = loadPage;
  const initialRef = useRef(initial);
  initialRef.current = initial;
  const generation = useRef(0);
  const mounted = useRef(false);

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
    const first = initialRef.current;
    const firstRun = !mounted.current;
    mounted.current = true;
    if (first) {
      // Already the state on mounting (a page asked for before this first run stands). After a change of `deps`,
      // back to the page given, and an answer to an older request is ignored.
      if (!firstRun) {
        generation.current += 1;
        setState(startFrom(first));
      }
      return;
    }
    setState(startFrom<T>(undefined));
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
