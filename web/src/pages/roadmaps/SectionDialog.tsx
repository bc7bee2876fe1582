import { type FormEvent, useState } from "react";
import { Dialog } from "../../components/Dialog";
import { DialogButtons, FormError, TextAreaField, TextField } from "../../components/Form";
import { type FieldProblem, isStale, staleCurrent, useSubmit } from "../../lib/useSubmit";

export type SectionFields = { number: string; title: string };

/** How controls name a section: by its number, or by its title when it has none. */
export const sectionName = (section: { number?: string; title: string }) => (section.number ? section.number : `«${section.title}»`);

/**
 * Adds a section (no `section`) or renames and renumbers one. `onSave` gets the fields, the version the edit started
 * from and the form's own problems (a title left empty), which it refuses together with any others (a request to the
 * API goes through sendChecked); when the server answers that someone else changed the section first (409 with the
 * current one), the form shows the current number and title and the next save is made on top of them.
 */
export function SectionDialog({
  section,
  suggestedNumber = "",
  onClose,
  onSave,
  onStale,
}: {
  section?: { number?: string; title: string; version?: number };
  suggestedNumber?: string;
  onClose: () => void;
  onSave: (fields: SectionFields, version: number | undefined, problems: FieldProblem[]) => Promise<void>;
  /** The section changed under the form: the page should reload too. */
  onStale?: () => void;
}) {
  const [form, setForm] = useState<SectionFields>({ number: section?.number ?? suggestedNumber, title: section?.title ?? "" });
  const [version, setVersion] = useState(section?.version);
  const save = useSubmit();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = form.title.trim() ? [] : [{ path: "title", message: "Заполните поле «Название раздела»" }];
    void save.run(async () => {
      try {
        await onSave({ number: form.number.trim(), title: form.title.trim() }, version, problems);
      } catch (error) {
        if (isStale(error)) {
          const current = staleCurrent<Partial<SectionFields> & { version?: number }>(error);
          if (current) {
            setForm({ number: current.number ?? "", title: current.title ?? "" });
            setVersion(current.version);
          }
          onStale?.();
        }
        throw error;
      }
    });
  };

  const stale = isStale(save.error);
  return (
    <Dialog title={section ? "Изменить раздел" : "Новый раздел"} onClose={onClose} wide>
      <form onSubmit={submit} noValidate>
        <FormError error={save.error} />
        {stale && <p className="hint">В форме — актуальные номер и название раздела. Внесите изменения ещё раз и сохраните.</p>}
        <TextField
          label="№ раздела"
          name="number"
          hint="Например, 7; можно оставить пустым"
          value={form.number}
          onChange={(e) => setForm({ ...form, number: e.target.value })}
          error={save.field("number")}
        />
        <TextAreaField
          label="Название раздела"
          name="title"
          required
          rows={3}
          value={form.title}
          onChange={(e) => setForm({ ...form, title: e.target.value })}
          error={save.field("title")}
        />
        <DialogButtons busy={save.busy} busyLabel="Сохраняем…" onCancel={onClose}>
          {section ? "Сохранить" : "Добавить раздел"}
        </DialogButtons>
      </form>
    </Dialog>
  );
}

/** The next section number after the numeric ones («7» after 1–6, «1» for the first), or nothing when they are not plain numbers. */
export function nextSectionNumber(sections: { number?: string }[]): string {
  const numbers = sections.map((section) => section.number?.trim().replace(/\.$/, "") ?? "");
  if (numbers.some((number) => !/^\d+$/.test(number))) return "";
  return String(Math.max(0, ...numbers.map(Number)) + 1);
}
