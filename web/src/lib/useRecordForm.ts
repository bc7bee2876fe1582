import { type FormEvent, useState } from "react";
import { saveOver, useSubmit } from "./useSubmit";

/** The names of a form's text fields (the ones an input's value goes into as it is). */
type TextKeys<F> = { [K in keyof F]: F[K] extends string ? K : never }[keyof F];
/** The names of a form's yes/no fields (checkboxes). */
type FlagKeys<F> = { [K in keyof F]: F[K] extends boolean ? K : never }[keyof F];

/**
 * A dialog form that adds a record (no `record`) or edits one over the version it holds. `fieldsOf` gives the form's
 * fields for a record (or for none); `create` and `update` send them (and may throw `invalid(…)` for the form's own
 * checks). When someone else saved the record first (409 with the current one), the form shows the current record and
 * the next save is made on top of it (see saveOver); that, or an answer with one of `changedCodes` (e.g. deleted
 * meanwhile), calls `onChanged` (the list reloads).
 */
export function useRecordForm<R extends { version: number }, F>({
  record,
  fieldsOf,
  create,
  update,
  onSaved,
  onChanged,
  changedCodes,
}: {
  record: R | undefined;
  fieldsOf: (record: R | undefined) => F;
  create: (fields: F) => Promise<R>;
  update: (fields: F, base: R) => Promise<R>;
  onSaved: (saved: R) => void;
  onChanged: () => void;
  changedCodes?: readonly string[];
}) {
  const [base, setBase] = useState(record);
  const [fields, setFields] = useState(() => fieldsOf(record));
  const save = useSubmit();

  /**
   * The change handler of a text field, select or text area. The value is read at once: by the time an updater runs,
   * React may have put the controlled input's previous value back.
   */
  const set = (name: TextKeys<F>) => (event: { target: { value: string } }) => {
    const value = event.target.value;
    setFields((current) => ({ ...current, [name]: value }));
  };

  /** The change handler of a checkbox (read at once, as `set` reads a value). */
  const check = (name: FlagKeys<F>) => (event: { target: { checked: boolean } }) => {
    const checked = event.target.checked;
    setFields((current) => ({ ...current, [name]: checked }));
  };

  const adopt = (current: R) => {
    setBase(current);
    setFields(fieldsOf(current));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save.run(async () => {
      onSaved(base ? await saveOver(() => update(fields, base), adopt, onChanged, changedCodes) : await create(fields));
    });
  };

  return { fields, setFields, set, check, save, onSubmit };
}
