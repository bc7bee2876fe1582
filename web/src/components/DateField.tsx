import type { ComponentProps } from "react";
import { dateProblem, formatDate, parseRuDate } from "../lib/format";
import type { FieldProblem } from "../lib/useSubmit";
import { TextField } from "./Form";

/**
 * The app's one date field: a date typed as ДД.ММ.ГГГГ (as on the participant and pair pages), never the browser's
 * date input, whose format follows the browser's language. Forms hold the text; `checkDates` turns it into the ISO
 * dates the API takes, and `dateText` shows an ISO date in it.
 */
export function DateField(props: Omit<ComponentProps<typeof TextField>, "type" | "placeholder">) {
  return <TextField placeholder="ДД.ММ.ГГГГ" autoComplete="off" {...props} />;
}

/** An ISO date (or none) as a DateField's text. */
export const dateText = (iso: string | undefined | null) => (iso ? formatDate(iso) : "");

type DateEntry = {
  /** What the person typed. */
  text: string;
  /** The field's name in the message («Дата», «Срок»…). */
  label: string;
};

/**
 * The typed dates of a form, keyed by their field's path (the API's path for it, so the server's errors land at the
 * same field), as ISO dates, with a field error for every one that does not exist, all of them at once. One left empty
 * reads as "" (the form leaves it out, or sends it for the server's message when it is required); one that does not
 * exist reads as typed (see sendChecked: the server only validates such a form, for the other fields' errors).
 */
export function checkDates<K extends string>(entries: Record<K, DateEntry>): { dates: Record<K, string>; problems: FieldProblem[] } {
  const dates = {} as Record<K, string>;
  const problems: FieldProblem[] = [];
  for (const [path, { text, label }] of Object.entries(entries) as [K, DateEntry][]) {
    const typed = text.trim();
    const iso = typed ? parseRuDate(typed) : "";
    if (iso === undefined) problems.push({ path, message: dateProblem(label) });
    dates[path] = iso ?? typed;
  }
  return { dates, problems };
}
