import { accessibilityCategoryLabels } from "@rnc/core/accessibility/labels";
import { api } from "../../api/client";
import { Dialog } from "../../components/Dialog";
import { CheckboxField, DialogButtons, FormError, SelectField, TextAreaField, TextField } from "../../components/Form";
import { useRecordForm } from "../../lib/useRecordForm";
import { checkDates, DateField, dateText } from "../../components/DateField";
import { type CheckedBody, isStale, sendBody } from "../../lib/useSubmit";
import type { AccessMeasure, AccessMeasureInput } from "./types";

type Fields = { [K in Exclude<keyof Required<AccessMeasureInput>, "done">]: string } & { done: boolean };

const fieldsOf = (measure: AccessMeasure | undefined): Fields => ({
  category: measure?.category ?? "",
  measure: measure?.measure ?? "",
  act: measure?.act ?? "",
  responsible: measure?.responsible ?? "",
  dueDate: dateText(measure?.dueDate),
  done: measure?.done ?? false,
});

/**
 * The request body: every field, an empty optional one left out (an edit replaces the measure, so that clears it), with
 * the form's own problems. An unchosen category goes as it is, for the server's message at its field; a due date that
 * does not exist goes as typed with the form's message (the server then only validates the form: sendChecked).
 */
function bodyOf(fields: Fields): CheckedBody<AccessMeasureInput> {
  const { dates, problems } = checkDates({ dueDate: { text: fields.dueDate, label: "Срок" } });
  const body = {
    category: fields.category as AccessMeasureInput["category"],
    measure: fields.measure.trim(),
    act: fields.act.trim() || undefined,
    responsible: fields.responsible.trim() || undefined,
    dueDate: dates.dueDate || undefined,
    done: fields.done,
  };
  return { body, problems };
}

/**
 * A new accessibility measure (no `measure`), or an edit of one. When someone else saved it first (409 with the current
 * one), the form shows the current one and the next save is made on top of it; when it was deleted meanwhile, the
 * server says so.
 */
export function AccessMeasureDialog({
  measure,
  onClose,
  onSaved,
  onChanged,
}: {
  measure?: AccessMeasure;
  onClose: () => void;
  onSaved: (saved: AccessMeasure) => void;
  /** The measure changed under the form (edited or deleted): the list should reload. */
  onChanged: () => void;
}) {
  const { fields, set, check, save, onSubmit } = useRecordForm({
    record: measure,
    fieldsOf,
    create: (fields) => sendBody(bodyOf(fields), (json, options) => api["accessibility-measures"].$post({ json }, options)),
    update: (fields, base) =>
      sendBody(bodyOf(fields), (body, options) =>
        api["accessibility-measures"][":measureId"].$put(
          { param: { measureId: base.measureId }, json: { ...body, version: base.version } },
          options,
        ),
      ),
    onSaved,
    onChanged,
    changedCodes: ["access_measure.not_found"],
  });

  return (
    <Dialog title={measure ? "Изменить меру доступности" : "Новая мера доступности"} onClose={onClose} wide>
      <form onSubmit={onSubmit} noValidate>
        <FormError error={save.error} />
        {isStale(save.error) && <p className="hint">В форме — актуальная запись о мере. Внесите изменения ещё раз и сохраните.</p>}
        <SelectField
          label="Категория обучающихся"
          name="category"
          required
          value={fields.category}
          onChange={set("category")}
          error={save.field("category")}
        >
          <option value="">Выберите категорию</option>
          {Object.entries(accessibilityCategoryLabels).map(([category, label]) => (
            <option key={category} value={category}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label="Мера"
          name="measure"
          rows={3}
          required
          hint="Например: индивидуальный график встреч наставника и наставляемого, занятия в дистанционном формате"
          value={fields.measure}
          onChange={set("measure")}
          error={save.field("measure")}
        />
        <TextField
          label="Распорядительный акт"
          name="act"
          hint="Номер и дата приказа, которым утверждена мера: например, приказ № 112 от 30.09.2026"
          value={fields.act}
          onChange={set("act")}
          error={save.field("act")}
        />
        <div className="grid-2">
          <TextField
            label="Ответственный"
            name="responsible"
            value={fields.responsible}
            onChange={set("responsible")}
            error={save.field("responsible")}
          />
          <DateField label="Срок" name="dueDate" value={fields.dueDate} onChange={set("dueDate")} error={save.field("dueDate")} />
        </div>
        <CheckboxField label="Мера выполнена" name="done" checked={fields.done} onChange={check("done")} error={save.field("done")} />
        <DialogButtons busy={save.busy} busyLabel="Сохраняем…" onCancel={onClose}>
          {measure ? "Сохранить изменения" : "Добавить меру"}
        </DialogButtons>
      </form>
    </Dialog>
  );
}
