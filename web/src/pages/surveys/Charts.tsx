/** Accessible bar charts without a charting library: each bar is a list item with its number in text. */
export function Bars({ items, label }: { items: { label: string; value: number; text: string; className?: string }[]; label: string }) {
  const max = Math.max(1, ...items.map((i) => i.value));
  return (
    <ul className="bar-chart" aria-label={label}>
      {items.map((item) => (
        <li key={item.label}>
          <span>{item.label}</span>
          <span className="bar-track" aria-hidden="true">
            <span className={`bar-fill ${item.className ?? ""}`} style={{ width: `${(item.value / max) * 100}%`, display: "block" }} />
          </span>
          <span>{item.text}</span>
        </li>
      ))}
    </ul>
  );
}
