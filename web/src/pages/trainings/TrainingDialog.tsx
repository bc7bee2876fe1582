import { trainingKindLabels } from "@rnc/core/training/labels";
import { api } from "../../api/client";
import { Dialog } from "../../components/Dialog";
import { CheckboxField, DialogButtons, FormError, SelectField, TextAreaField, TextField } from "../../components/Form";
import { todayIso } from "../../lib/format";
import { checkDates, DateField, dateText } from "../../components/DateField";
import { useRecordForm } from "../../lib/useRecordForm";
import { type CheckedBody, isStale, sendBody } from "../../lib/useSubmit";
import type { Training, TrainingInput } from "./types";

type Fields = { [K in Exclude<keyof Required<TrainingInput>, "certificates">]: string } & { certificates: boolean };

const fieldsOf = (training: Training | undefined): Fields => ({
  title: training?.title ?? "",
  kind: training?.kind ?? "",
  date: dateText(training?.date ?? todayIso()),
  organiser: training?.organiser ?? "",
  participants: training ? String(training.participants) : "",
  certificates: training?.certificates ?? false,
  note: training?.note ?? "",
});

/**
 * The request body: every field, an empty optional one left out (an edit replaces the event, so that clears it), with
 * the form's own problems. An unchosen kind goes as it is, for the server's message at its field; an empty number of
 * participants (or one the browser could not read as a number), which would otherwise go as 0, is left out with the
 * form's message, and a date that does not exist goes as typed with the form's message (the server then only validates
 * the form: sendChecked).
 */
function bodyOf(fields: Fields): CheckedBody<TrainingInput> {
  const { dates, problems } = checkDates({ date: { text: fields.date, label: "Дата" } });
  const noCount = fields.participants.trim() === "";
  const body = {
    title: fields.title.trim(),
    kind: fields.kind as TrainingInput["kind"],
    date: dates.date,
    organiser: fields.organiser.trim() || undefined,
    participants: noCount ? undefined : Number(fields.participants),
    certificates: fields.certificates,
    note: fields.note.trim() || undefined,
  };
  return {
    body: body as TrainingInput,
    problems: [...(noCount ? [{ path: "participants", message: "Укажите число участников" }] : []), ...problems],
  };
}

/**
 * A new event (no `training`), or an edit of one. When someone else saved it first (409 with the current event), the
 * form shows the current one and the next save is made on top of it; when it was deleted meanwhile, the server says so.
 */
export function TrainingDialog({
  training,
  onClose,
  onSaved,
  onChanged,
}: {
  training?: Training;
  onClose: () => void;
  onSaved: (saved: Training) => void;
  /** The event changed under the form (edited or deleted): the list should reload. */
  onChanged: () => void;
}) {
  const { fields, set, check, save, onSubmit } = useRecordForm({
    record: training,
    fieldsOf,
    create: (fields) => sendBody(bodyOf(fields), (json, options) => api.trainings.$post({ json }, options)),
    update: (fields, base) =>
      sendBody(bodyOf(fields), (body, options) =>
        api.trainings[":trainingId"].$put({ param: { trainingId: base.trainingId }, json: { ...body, version: base.version } }, options),
      ),
    onSaved,
    onChanged,
    changedCodes: ["training.not_found"],
  });

  return (
    <Dialog title={training ? "Изменить мероприятие" : "Новое мероприятие"} onClose={onClose} wide>
      <form onSubmit={onSubmit} noValidate>
        <FormError error={save.error} />
        {isStale(save.error) && <p className="hint">В форме — актуальная запись о мероприятии. Внесите изменения ещё раз и сохраните.</p>}
        <TextField
          label="Название"
          name="title"
          required
          hint="Например: семинар «Наставничество в школе: с чего начать»"
          value={fields.title}
          onChange={set("title")}
          error={save.field("title")}
        />
        <div className="grid-2">
          <SelectField label="Вид" name="kind" required value={fields.kind} onChange={set("kind")} error={save.field("kind")}>
            <option value="">Выберите вид</option>
            {Object.entries(trainingKindLabels).map(([kind, label]) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </SelectField>
          <DateField label="Дата" name="date" required value={fields.date} onChange={set("date")} error={save.field("date")} />
          <TextField
            label="Организатор"
            name="organiser"
            hint="Кто проводил: ваша организация, РНЦ, институт развития образования"
            value={fields.organiser}
            onChange={set("organiser")}
            error={save.field("organiser")}
          />
          <TextField
            label="Участников"
            name="participants"
            type="number"
            min={0}
            step={1}
            required
            hint="Сколько наставников и кураторов обучались"
            value={fields.participants}
            onChange={set("participants")}
            error={save.field("participants")}
          />
        </div>
        <CheckboxField
          label="Выданы документы об обучении"
          name="certificates"
          checked={fields.certificates}
          onChange={check("certificates")}
        />
        <TextAreaField label="Примечание" name="note" rows={3} value={fields.note} onChange={set("note")} error={save.field("note")} />
        <DialogButtons busy={save.busy} busyLabel="Сохраняем…" onCancel={onClose}>
          {training ? "Сохранить изменения" : "Добавить мероприятие"}
        </DialogButtons>
      </form>
    </Dialog>
  );
}
