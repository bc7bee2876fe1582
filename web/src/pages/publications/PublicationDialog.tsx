import { statusOf } from "@rnc/core/publication/cadence";
import {
  publicationChannelLabels,
  publicationFormatHints,
  publicationFormatLabels,
  publicationFormats,
} from "@rnc/core/publication/labels";
import { api } from "../../api/client";
import { Dialog } from "../../components/Dialog";
import { CheckboxField, DialogButtons, FormError, SelectField, TextAreaField, TextField } from "../../components/Form";
import { parseRuDate, todayIso } from "../../lib/format";
import { checkDates, DateField, dateText } from "../../components/DateField";
import { useRecordForm } from "../../lib/useRecordForm";
import { type CheckedBody, isStale, sendBody } from "../../lib/useSubmit";
import type { Publication, PublicationInput } from "./types";

type Fields = { [K in Exclude<keyof Required<PublicationInput>, "status">]: string } & { published: boolean };

/**
 * The form's fields for a publication (a record a stale-version answer carries may have no status: statusOf reads it by
 * its date), or for a new one: dated today, so published.
 */
const fieldsOf = (publication: Publication | undefined, today: string): Fields => ({
  title: publication?.title ?? "",
  date: dateText(publication?.date ?? todayIso()),
  published: publication ? statusOf(publication, today) === "published" : true,
  channel: publication?.channel ?? "",
  format: publication?.format ?? "",
  rubric: publication?.rubric ?? "",
  url: publication?.url ?? "",
  note: publication?.note ?? "",
});

/**
 * A publication dated after today can only be planned: the form neither offers nor sends «Материал вышел» for it (a
 * date not yet typed in full is not in the future).
 */
const isFuture = (fields: Fields, today: string) => (parseRuDate(fields.date) ?? "") > today;

/**
 * The request body: every field, an empty optional one left out (an edit replaces the publication, so that clears it),
 * and the status always, with the form's own problems. An unchosen channel or form goes as it is, for the server's
 * message at its field; a date that does not exist goes as typed with the form's message (the server then only
 * validates the form: sendChecked).
 */
function bodyOf(fields: Fields, today: string): CheckedBody<PublicationInput> {
  const { dates, problems } = checkDates({ date: { text: fields.date, label: "Дата" } });
  const body = {
    title: fields.title.trim(),
    ...dates,
    status: fields.published && !isFuture(fields, today) ? "published" : "planned",
    channel: fields.channel as PublicationInput["channel"],
    format: fields.format as PublicationInput["format"],
    rubric: fields.rubric.trim() || undefined,
    url: fields.url || undefined, // a URL input's value comes without surrounding spaces
    note: fields.note.trim() || undefined,
  } satisfies PublicationInput;
  return { body, problems };
}

/**
 * A new publication of the media plan, published or planned (no `publication`), or an edit of one. When someone else
 * saved it first (409 with the current one), the form shows the current one and the next save is made on top of it;
 * when it was deleted meanwhile, the server says so.
 */
export function PublicationDialog({
  publication,
  today,
  onClose,
  onSaved,
  onChanged,
}: {
  publication?: Publication;
  /** The region's today: a publication dated later can only be planned. */
  today: string;
  onClose: () => void;
  onSaved: (saved: Publication) => void;
  /** The publication changed under the form (edited or deleted): the list should reload. */
  onChanged: () => void;
}) {
  const { fields, set, check, save, onSubmit } = useRecordForm({
    record: publication,
    fieldsOf: (record) => fieldsOf(record, today),
    create: (fields) => sendBody(bodyOf(fields, today), (json, options) => api.publications.$post({ json }, options)),
    update: (fields, base) =>
      sendBody(bodyOf(fields, today), (body, options) =>
        api.publications[":publicationId"].$put(
          { param: { publicationId: base.publicationId }, json: { ...body, version: base.version } },
          options,
        ),
      ),
    onSaved,
    onChanged,
    changedCodes: ["publication.not_found"],
  });
  const future = isFuture(fields, today);

  return (
    <Dialog title={publication ? "Изменить публикацию" : "Новая публикация"} onClose={onClose} wide>
      <form onSubmit={onSubmit} noValidate>
        <FormError error={save.error} />
        {isStale(save.error) && <p className="hint">В форме — актуальная запись о публикации. Внесите изменения ещё раз и сохраните.</p>}
        <TextField
          label="Заголовок или тема"
          name="title"
          required
          hint="Например: «Наставник года: итоги конкурса»"
          value={fields.title}
          onChange={set("title")}
          error={save.field("title")}
        />
        <div className="grid-2">
          <DateField
            label="Дата"
            name="date"
            required
            hint="Дата в будущем — публикация запланирована"
            value={fields.date}
            onChange={set("date")}
            error={save.field("date")}
          />
          <SelectField label="Канал" name="channel" required value={fields.channel} onChange={set("channel")} error={save.field("channel")}>
            <option value="">Выберите канал</option>
            {Object.entries(publicationChannelLabels).map(([channel, label]) => (
              <option key={channel} value={channel}>
                {label}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Форма материала"
            name="format"
            required
            value={fields.format}
            onChange={set("format")}
            error={save.field("format")}
          >
            <option value="">Выберите форму</option>
            {publicationFormats.map((format) => (
              <option key={format} value={format}>
                {publicationFormatHints[format]
                  ? `${publicationFormatLabels[format]} (${publicationFormatHints[format]})`
                  : publicationFormatLabels[format]}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Рубрика"
            name="rubric"
            hint="Специальная рубрика или раздел сайта о наставничестве"
            value={fields.rubric}
            onChange={set("rubric")}
            error={save.field("rubric")}
          />
        </div>
        <CheckboxField
          label="Материал вышел"
          name="published"
          checked={fields.published && !future}
          disabled={future}
          hint={
            future
              ? "Дата ещё не наступила: публикация запланирована. Когда материал выйдет, отметьте это."
              : "Снимите отметку, если материал запланирован, но ещё не вышел: такая публикация не учитывается в периодичности."
          }
          onChange={check("published")}
          error={save.field("status", ["publication.future_published"])}
        />
        <TextField
          label="Ссылка на публикацию"
          name="url"
          type="url"
          hint="Адрес на сайте, в социальной сети или СМИ, начиная с https://"
          value={fields.url}
          onChange={set("url")}
          error={save.field("url")}
        />
        <TextAreaField label="Примечание" name="note" rows={3} value={fields.note} onChange={set("note")} error={save.field("note")} />
        <DialogButtons busy={save.busy} busyLabel="Сохраняем…" onCancel={onClose}>
          {publication ? "Сохранить изменения" : "Добавить публикацию"}
        </DialogButtons>
      </form>
    </Dialog>
  );
}
