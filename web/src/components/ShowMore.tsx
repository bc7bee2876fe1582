import { type RefObject, useLayoutEffect, useRef } from "react";
import type { Pages } from "../lib/usePages";
import { ErrorState } from "./Status";

/** What to focus for the item at `index` of a list: its first link or button, else the item itself. */
function focusItem(list: HTMLElement | null | undefined, index: number) {
  const item = list?.children[index] ?? list?.children[index - 1];
  if (!(item instanceof HTMLElement)) return;
  const control = item.matches("a[href], button") ? item : item.querySelector<HTMLElement>("a[href], button");
  if (control) return control.focus();
  item.tabIndex = -1;
  item.focus();
}

/**
 * Below a paged list: the error of the last page (with a retry), or «Показать ещё» while there are more pages.
 * `describedBy` (element ids) tells which list the button continues where a page has several. `list` is the element
 * whose children are the items: when the button that had the keyboard's focus goes (the last page came, or a page
 * failed), the focus moves to the first item that page brought, or to «Повторить», instead of being lost.
 */
export function ShowMore<T>({ pages, describedBy, list }: { pages: Pages<T>; describedBy?: string; list?: RefObject<HTMLElement | null> }) {
  const holder = useRef<HTMLDivElement>(null);
  // How many items were shown when the button (or «Повторить») asked for the next page; null when not waiting.
  const askedAt = useRef<number | null>(null);
  const ask = (load: () => void) => () => {
    askedAt.current = pages.items.length;
    load();
  };
  useLayoutEffect(() => {
    const before = askedAt.current;
    if (before === null || pages.loading) return;
    askedAt.current = null;
    const focused = document.activeElement;
    if (focused && focused !== document.body) return;
    const control = holder.current?.querySelector("button");
    if (control) control.focus();
    else focusItem(list?.current, before);
  }, [pages.loading, list]);

  return (
    <div ref={holder}>
      {pages.error ? (
        <ErrorState error={pages.error} onRetry={pages.items.length > 0 ? ask(pages.more) : pages.reload} />
      ) : (
        pages.cursor && (
          <p>
            <button
              type="button"
              className="button secondary"
              aria-disabled={pages.loading || undefined}
              aria-describedby={describedBy}
              onClick={ask(pages.more)}
            >
              {pages.loading ? "Загрузка…" : "Показать ещё"}
            </button>
          </p>
        )
      )}
    </div>
  );
}
