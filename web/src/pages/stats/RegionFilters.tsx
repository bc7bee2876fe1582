import type { Institution } from "../../api/types";
import { SelectField } from "../../components/Form";
import { typeLabels } from "./types";

type InstitutionType = Institution["type"];

/** What the region's numbers are narrowed to: a municipality, a type of institution, a year ("" = all / current). */
export type RegionFilter = { municipality: string; type: InstitutionType | ""; period: string };
export const noRegionFilter: RegionFilter = { municipality: "", type: "", period: "" };

/** The filter as request fields: only those set. */
export const filterFields = (filter: RegionFilter) =>
  Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== "")) as {
    municipality?: string;
    type?: InstitutionType;
    period?: string;
  };

const thisYear = new Date().getFullYear();
const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3];

/** The three selects the dashboard and the consolidated report share. */
export function RegionFilterFields({
  filter,
  municipalities,
  onChange,
}: {
  filter: RegionFilter;
  municipalities: readonly string[];
  onChange: (next: RegionFilter) => void;
}) {
  const set = (key: keyof RegionFilter) => (e: { target: { value: string } }) => onChange({ ...filter, [key]: e.target.value });
  return (
    <>
      <SelectField label="Муниципалитет" name="municipality" value={filter.municipality} onChange={set("municipality")}>
        <option value="">Все</option>
        {municipalities.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </SelectField>
      <SelectField label="Тип организации" name="type" value={filter.type} onChange={set("type")}>
        <option value="">Все</option>
        {Object.entries(typeLabels).map(([code, label]) => (
          <option key={code} value={code}>
            {label}
          </option>
        ))}
      </SelectField>
      <SelectField label="Период (год)" name="period" value={filter.period} onChange={set("period")}>
        <option value="">Текущий</option>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </SelectField>
    </>
  );
}
