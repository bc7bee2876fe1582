import { todayIso } from "../lib/format";
import { SelectField } from "./Form";

/** How many years back the filter offers (all years are one more choice). */
const YEARS_SHOWN = 5;

/** The current year (YYYY) in the user's region's calendar: a dated register shows it at first. */
export const currentYear = () => todayIso().slice(0, 4);

/** The «Год» choice of a dated register: one of the last few years, or all years (the value ""). */
export function YearFilter({ value, onChange }: { value: string; onChange: (year: string) => void }) {
  const thisYear = Number(currentYear());
  return (
    <div className="grid-2">
      <SelectField label="Год" name="year" value={value} onChange={(event) => onChange(event.target.value)}>
        {Array.from({ length: YEARS_SHOWN }, (_, back) => String(thisYear - back)).map((year) => (
          <option key={year} value={year}>
            {year}
          </option>
        ))}
        <option value="">Все годы</option>
      </SelectField>
    </div>
  );
}
