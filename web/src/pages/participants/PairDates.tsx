import { TextField } from "../../components/Form";
import { dateProblem, formatDate, parseRuDate } from "../../lib/format";
import { invalid } from "../../lib/useSubmit";

/** A pair's start and end as people type them (ДД.ММ.ГГГГ), for creating a pair and for changing one. */
export function PairDatesFields({
  startDate,
  endDate,
  endHint,
  error,
}: {
  startDate: string;
  endDate: string;
  endHint?: string;
  error: (path: string) => string | undefined;
}) {
  return (
    <div className="grid-2">
      <TextField
        label="Начало"
        name="startDate"
        required
        defaultValue={formatDate(startDate)}
        placeholder="ДД.ММ.ГГГГ"
        error={error("startDate")}
      />
      <TextField
        label="Окончание"
        name="endDate"
        required
        defaultValue={formatDate(endDate)}
        placeholder="ДД.ММ.ГГГГ"
        hint={endHint}
        error={error("endDate")}
      />
    </div>
  );
}

/** The two dates of PairDatesFields as ISO dates; each one that does not exist is named in a field error. */
export function readPairDates(text: (name: string) => string): { startDate: string; endDate: string } {
  const startDate = parseRuDate(text("startDate"));
  const endDate = parseRuDate(text("endDate"));
  if (!startDate || !endDate)
    throw invalid([
      ...(startDate ? [] : [{ path: "startDate", message: dateProblem("Дата начала") }]),
      ...(endDate ? [] : [{ path: "endDate", message: dateProblem("Дата окончания") }]),
    ]);
  return { startDate, endDate };
}
