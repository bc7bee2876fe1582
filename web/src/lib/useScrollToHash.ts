import { useEffect } from "react";
import { useLocation } from "react-router";

/**
 * Brings the element the address's #fragment names into view once the content it belongs to is shown. The browser
 * does that on its own only for content present when the document loads; a page whose content loads afterwards (an
 * emailed link to a roadmap's item, `/roadmaps/…#item-…`, opened directly or after signing in) does it here, once.
 */
export function useScrollToHash(shown: boolean): void {
  const { hash } = useLocation();
  useEffect(() => {
    if (!shown || hash.length < 2) return;
    document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView({ block: "start" });
  }, [shown, hash]);
}
