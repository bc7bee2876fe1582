import { formCatalogue } from "@rnc/core/forms/catalogue";
import { api, unwrap } from "../../api/client";
import { Dialog } from "../../components/Dialog";
import { DialogButtons, FormError, SelectField, TextAreaField, TextField } from "../../components/Form";
import { useRecordForm } from "../../lib/useRecordForm";
import { isStale } from "../../lib/useSubmit";
import type { Practice, PracticeInput } from "./types";

type Fields = { [K in keyof Required<PracticeInput>]: string };

const fieldsOf = (practice: Practice | undefined): Fields => ({
  title: practice?.title ?? "",
  description: practice?.description ?? "",
  form: practice?.form ?? "",
  authors: practice?.authors ?? "",
  sourceEvent: practice?.sourceEvent ?? "",
  siteUrl: practice?.siteUrl ?? "",
});

/** The request body: every field, an empty optional one left out (an edit replaces the practice, so that clears it). */
const bodyOf = (fields: Fields): PracticeInput => ({
  title: fields.title.trim(),
  description: fields.description.trim(),
  form: (fields.form || undefined) as PracticeInput["form"],
  authors: fields.authors.trim() || undefined,
  sourceEvent: fields.sourceEvent.trim() || undefined,
  siteUrl: fields.siteUrl.trim() || undefined,
});

/**
 * A new practice (no `practice`), or an edit of a draft. When someone else saved the draft first (409 with the current
 * practice), the form shows the current one and the next save is made on top of it; when it was sent meanwhile, the
 * server's message says it can no longer change.
 */
export function PracticeDialog({
  practice,
  onClose,
  onSaved,
  onChanged,
}: {
  practice?: Practice;
  onClose: () => void;
  onSaved: (saved: Practice) => void;
  /** The practice changed under the form (edited or sent): the list should reload. */
  onChanged: () => void;
}) {
  const { fields, set, save, onSubmit } = useRecordForm({
    record: practice,
    fieldsOf,
    create: (fields) => unwrap(api.practices.$post({ json: bodyOf(fields) })),
    update: (fields, base) =>
      unwrap(
        api.practices[":practiceId"].$put({
          param: { practiceId: base.practiceId },
          json: { ...bodyOf(fields), version: base.version },
        }),
      ),
    onSaved,
    onChanged,
    changedCodes: ["practice.not_draft"],
  });

  return (
    <Dialog title={practice ? "Изменить практику" : "Новая практика"} onClose={onClose} wide>
      <form onSubmit={onSubmit} noValidate>
        <FormError error={save.error} />
        {isStale(save.error) && <p className="hint">В форме — актуальная версия практики. Внесите изменения ещё раз и сохраните.</p>}
        <TextField label="Название" name="title" required value={fields.title} onChange={set("title")} error={save.field("title")} />
        <TextAreaField
          label="Описание"
          name="description"
          required
          rows={8}
          hint="Суть практики как методической разработки: цель, участники, что делали и какой получили результат"
          value={fields.description}
          onChange={set("description")}
          error={save.field("description")}
        />
        <SelectField label="Форма наставничества" name="form" value={fields.form} onChange={set("form")} error={save.field("form")}>
          <option value="">Не указана</option>
          {formCatalogue.map((form) => (
            <option key={form.code} value={form.code}>
              {form.label}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Авторы"
          name="authors"
          hint="Наставник, пара или группа; указываются с их согласия на публикацию"
          value={fields.authors}
          onChange={set("authors")}
          error={save.field("authors")}
        />
        <TextField
          label="Где представлена"
          name="sourceEvent"
          hint="Например: круглый стол, итоговая конференция"
          value={fields.sourceEvent}
          onChange={set("sourceEvent")}
          error={save.field("sourceEvent")}
        />
        <TextField
          label="Ссылка на сайте организации"
          name="siteUrl"
          type="url"
          hint="Адрес страницы с практикой, начинается с https://"
          value={fields.siteUrl}
          onChange={set("siteUrl")}
          error={save.field("siteUrl")}
        />
        <DialogButtons busy={save.busy} busyLabel="Сохраняем…" onCancel={onClose}>
          {practice ? "Сохранить изменения" : "Добавить практику"}
        </DialogButtons>
      </form>
    </Dialog>
  );
}
