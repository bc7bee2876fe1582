import { checkDates } from "../../components/DateField";
import { TextField } from "../../components/Form";
import { formatDate } from "../../lib/format";

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

/**
 * The two dates of PairDatesFields as ISO dates, with a field error for each one that does not exist (see checkDates:
 * such a date goes as typed, and one left empty as "", for the server's message).
 */
export const checkPairDates = (text: (name: string) => string) =>
  checkDates({
    startDate: { text: text("startDate"), label: "Дата начала" },
    endDate: { text: text("endDate"), label: "Дата окончания" },
  });
