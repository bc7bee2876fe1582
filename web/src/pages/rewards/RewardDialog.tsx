import { rewardLevelLabels, rewardMeasureLabels } from "@rnc/core/reward/labels";
import { api } from "../../api/client";
import { Dialog } from "../../components/Dialog";
import { DialogButtons, FormError, SelectField, TextAreaField, TextField } from "../../components/Form";
import { todayIso } from "../../lib/format";
import { checkDates, DateField, dateText } from "../../components/DateField";
import { useRecordForm } from "../../lib/useRecordForm";
import { isStale, sendChecked } from "../../lib/useSubmit";
import { MentorPicker } from "../participants/MentorPicker";
import type { RewardInfo, RewardInput } from "./types";

type Fields = { [K in keyof Required<RewardInput>]: string };

/** The server's refusals of the person chosen, shown at the mentor's field. */
const mentorRefusals = ["participant.not_found", "reward.not_mentor", "reward.participant_inactive"];

const fieldsOf = (reward: RewardInfo | undefined): Fields => ({
  participantId: reward?.participantId ?? "",
  measure: reward?.measure ?? "",
  level: reward?.level ?? "",
  date: dateText(reward?.date ?? todayIso()),
  basis: reward?.basis ?? "",
  note: reward?.note ?? "",
});

/**
 * The reward's own fields (the person goes only with a new one): an empty optional one left out (an edit replaces the
 * record, so that clears it), with the form's own problems. An unchosen measure or level goes as it is, for the
 * server's message at its field; a date that does not exist goes as typed with the form's message (the server then
 * only validates the form: sendChecked).
 */
const detailsOf = (fields: Fields) => {
  const { dates, problems } = checkDates({ date: { text: fields.date, label: "Дата" } });
  const details = {
    measure: fields.measure as RewardInput["measure"],
    level: fields.level as RewardInput["level"],
    ...dates,
    basis: fields.basis.trim() || undefined,
    note: fields.note.trim() || undefined,
  };
  return { details, problems };
};

/**
 * A new reward to a mentor chosen from the registry (no `reward`), or an edit of one, whose mentor stays. When someone
 * else saved it first (409 with the current one), the form shows the current one and the next save is made on top of
 * it; when it was deleted meanwhile, the server says so.
 */
export function RewardDialog({
  reward,
  onClose,
  onSaved,
  onChanged,
}: {
  /** The reward edited, with its mentor's name. */
  reward?: RewardInfo & { fullName: string };
  onClose: () => void;
  onSaved: (saved: RewardInfo) => void;
  /** The reward changed under the form (edited or deleted): the list should reload. */
  onChanged: () => void;
}) {
  const { fields, setFields, set, save, onSubmit } = useRecordForm({
    record: reward,
    fieldsOf,
    create: (fields) => {
      // An unchosen mentor is left out: the server refuses that too, with the form's message, among the other fields'.
      const { details, problems } = detailsOf(fields);
      const json = { ...(fields.participantId ? { participantId: fields.participantId } : {}), ...details } as RewardInput;
      const unchosen = fields.participantId ? [] : [{ path: "participantId", message: "Выберите наставника" }];
      return sendChecked([...unchosen, ...problems], (options) => api.rewards.$post({ json }, options));
    },
    update: (fields, base) => {
      const { details, problems } = detailsOf(fields);
      return sendChecked(problems, (options) =>
        api.rewards[":rewardId"].$put({ param: { rewardId: base.rewardId }, json: { ...details, version: base.version } }, options),
      );
    },
    onSaved,
    onChanged,
    changedCodes: ["reward.not_found"],
  });

  return (
    <Dialog title={reward ? "Изменить запись о поощрении" : "Новое поощрение"} onClose={onClose} wide>
      <form onSubmit={onSubmit} noValidate>
        <FormError error={save.error} />
        {isStale(save.error) && <p className="hint">В форме — актуальная запись о поощрении. Внесите изменения ещё раз и сохраните.</p>}
        {reward ? (
          <div className="field">
            <p>
              <strong>Наставник:</strong> {reward.fullName}
            </p>
            <p className="hint">Наставника в записи не изменить: поощрение, записанное не тому человеку, удалите и запишите заново.</p>
          </div>
        ) : (
          <MentorPicker
            value={fields.participantId}
            onChange={(participantId) => setFields((current) => ({ ...current, participantId }))}
            error={save.field("participantId", mentorRefusals)}
          />
        )}
        <SelectField
          label="Мера поощрения"
          name="measure"
          required
          value={fields.measure}
          onChange={set("measure")}
          error={save.field("measure")}
        >
          <option value="">Выберите меру поощрения</option>
          {Object.entries(rewardMeasureLabels).map(([measure, label]) => (
            <option key={measure} value={measure}>
              {label}
            </option>
          ))}
        </SelectField>
        <div className="grid-2">
          <SelectField label="Уровень" name="level" required value={fields.level} onChange={set("level")} error={save.field("level")}>
            <option value="">Выберите уровень</option>
            {Object.entries(rewardLevelLabels).map(([level, label]) => (
              <option key={level} value={level}>
                {label}
              </option>
            ))}
          </SelectField>
          <DateField label="Дата" name="date" required value={fields.date} onChange={set("date")} error={save.field("date")} />
        </div>
        <TextField
          label="Основание"
          name="basis"
          hint="Приказ или решение: например, приказ № 45 от 20.05.2026"
          value={fields.basis}
          onChange={set("basis")}
          error={save.field("basis")}
        />
        <TextAreaField label="Примечание" name="note" rows={3} value={fields.note} onChange={set("note")} error={save.field("note")} />
        <DialogButtons busy={save.busy} busyLabel="Сохраняем…" onCancel={onClose}>
          {reward ? "Сохранить изменения" : "Записать поощрение"}
        </DialogButtons>
      </form>
    </Dialog>
  );
}
