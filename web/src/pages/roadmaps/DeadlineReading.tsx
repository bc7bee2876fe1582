import { formatDate } from "../../lib/format";

/** How a deadline text was read: the server's label (or its warning) and the due dates it gives. */
export type Reading = { deadlineLabel: string; dueDates: string[]; warning?: string };

/** The reading as one line of text, for a field's hint: «октябрь 2026: 31.10.2026». */
export function readingText(reading: Reading): string {
  const dates = reading.dueDates.map((date) => formatDate(date)).join(", ");
  const meaning = reading.warning ? `⚠ ${reading.warning}` : reading.deadlineLabel;
  return dates ? `${meaning}: ${dates}` : meaning;
}

/** The reading in a table cell: a warning stands out; the due dates in ДД.ММ.ГГГГ underneath. */
export function DeadlineReadingView({ reading }: { reading: Reading }) {
  return (
    <>
      {reading.warning ? <span className="warning-text">{reading.warning}</span> : reading.deadlineLabel}
      {reading.dueDates.length > 0 && <span className="deadline-label">{reading.dueDates.map((date) => formatDate(date)).join(", ")}</span>}
    </>
  );
}
