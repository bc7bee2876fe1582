import { type ReactNode, useLayoutEffect, useRef, useState } from "react";

/**
 * The box a table scrolls sideways in. While the table is wider than the box (a long table, a narrow screen), the box
 * is a region named by the table's caption and takes the keyboard's focus, so that the arrow keys scroll it (WCAG
 * 2.1.1); while the table fits, it is a plain box and adds no tab stop.
 */
export function TableWrap({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollRegion, setScrollRegion] = useState<{ label: string } | undefined>();
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () =>
      setScrollRegion((current) => {
        if (box.scrollWidth <= box.clientWidth) return undefined;
        const label = box.querySelector("caption")?.textContent?.trim() || "Таблица";
        return current?.label === label ? current : { label };
      });
    measure();
    // The box narrows with the window; the table widens as rows arrive («Показать ещё»).
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    for (const table of box.querySelectorAll("table")) observer.observe(table);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className="table-wrap" {...(scrollRegion ? { role: "region", "aria-label": scrollRegion.label, tabIndex: 0 } : {})}>
      {children}
    </div>
  );
}
