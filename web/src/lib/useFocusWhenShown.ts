import { useCallback, useEffect, useRef } from "react";

/**
 * Puts the focus back after a change, once the changed content is on screen. `focusLater(ids)` names the candidates
 * (element ids, in order of preference); the next time `shown` changes to a defined value (the page passes the
 * content those elements belong to), the first of them that exists and is not disabled gets the focus.
 */
export function useFocusWhenShown(shown: unknown): (ids: string[]) => void {
  // A ref, not state: asking for the focus must not cost a render of its own.
  const pending = useRef<string[] | null>(null);

  useEffect(() => {
    if (!pending.current || shown === undefined) return;
    const target = pending.current
      .map((id) => document.getElementById(id) as HTMLButtonElement | null)
      .find((element) => element && !element.disabled);
    pending.current = null;
    target?.focus();
  }, [shown]);

  return useCallback((ids: string[]) => {
    pending.current = ids;
  }, []);
}
