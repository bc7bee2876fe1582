import type { Pages } from "../lib/usePages";
import { ErrorState } from "./Status";

/**
 * Below a paged list: the error of the last page (with a retry), or «Показать ещё» while there are more pages.
 * `describedBy` (element ids) tells which list the button continues where a page has several.
 */
export function ShowMore<T>({ pages, describedBy }: { pages: Pages<T>; describedBy?: string }) {
  if (pages.error) return <ErrorState error={pages.error} onRetry={pages.items.length > 0 ? pages.more : pages.reload} />;
  if (!pages.cursor) return null;
  return (
    <p>
      <button
        type="button"
        className="button secondary"
        aria-disabled={pages.loading || undefined}
        aria-describedby={describedBy}
        onClick={pages.more}
      >
        {pages.loading ? "Загрузка…" : "Показать ещё"}
      </button>
    </p>
  );
}
