import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { SelectField } from "../../components/Form";
import { Async } from "../../components/Status";
import { formatDate } from "../../lib/format";
import { useResource } from "../../lib/useResource";
import { KpiTable } from "./KpiTable";
import "../monitoring/monitoring.css";

const thisYear = new Date().getFullYear();
export const yearOptions = [thisYear - 1, thisYear, thisYear + 1];

/** The institution's ЦМН indicators: actual (computed from live data and surveys) against the region's targets. */
export default function InstitutionKpiPage() {
  const [year, setYear] = useState(thisYear);
  const kpi = useResource(() => unwrap(api.kpi.institution.$get({ query: { year: String(year) } })), [year]);
  return (
    <>
      <h1>Целевые показатели</h1>
      <SelectField label="Год" name="year" value={String(year)} onChange={(e) => setYear(Number(e.target.value))}>
        {yearOptions.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </SelectField>
      <Async resource={kpi}>
        {(data) => (
          <>
            <p className="summary">
              {data.programmeYear}-й год программы. Факт рассчитан на {formatDate(data.asOf)}; удовлетворённость — по анкетам {data.year}{" "}
              года.
            </p>
            <KpiTable rows={data.rows} caption={`Показатели ${data.year} года`} />
          </>
        )}
      </Async>
    </>
  );
}
