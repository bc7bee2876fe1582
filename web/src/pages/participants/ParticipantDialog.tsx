import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { api, unwrap } from "../../api/client";
import { useMe } from "../../auth/AuthContext";
import { roleCan } from "../../auth/access";
import { Dialog } from "../../components/Dialog";
import { FormError, SelectField, SubmitButton, TextField } from "../../components/Form";
import { formatDate } from "../../lib/format";
import { invalid, useSubmit } from "../../lib/useSubmit";
import { categoryLabels } from "@rnc/core/forms/catalogue";
import { sensitiveFlagLabels } from "@rnc/core/participant/labels";
import { type Category, type Participant, type ParticipantInput, dateProblem, parseRuDate } from "./model";

type SensitiveFlag = NonNullable<ParticipantInput["sensitiveFlags"]>[number];

const list = (value: string) =>
  value
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** A new participant (no `participant`), or an edit of one: edits send the version they started from. */
export function ParticipantDialog({
  onClose,
  participant,
  onSaved,
}: {
  onClose: () => void;
  participant?: Participant;
  onSaved?: () => void;
}) {
  const navigate = useNavigate();
  const submit = useSubmit();
  // Accessibility marks are personal data of a special kind: only the curator sees and sets them.
  const canMark = roleCan(useMe().role, "participants.sensitive");
  const [role, setRole] = useState<"mentee" | "mentor" | "both">(
    participant ? (participant.isMentor && participant.isMentee ? "both" : participant.isMentor ? "mentor" : "mentee") : "mentee",
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    void submit.run(async () => {
      const birth = text("birthDate");
      const birthDate = birth ? parseRuDate(birth) : undefined;
      if (birth && !birthDate) throw invalid([{ path: "birthDate", message: dateProblem("Дата рождения") }]);
      const isMentor = role !== "mentee";
      const input: ParticipantInput = {
        fullName: text("fullName"),
        birthDate,
        category: text("category") as Category,
        group: text("group") || undefined,
        email: text("email") || undefined,
        phone: text("phone") || undefined,
        isMentor,
        isMentee: role !== "mentor",
        requests: role !== "mentor" && text("requests") ? list(text("requests")) : undefined,
        competences: isMentor && text("competences") ? list(text("competences")) : undefined,
        capacity: isMentor ? Number(text("capacity") || "1") : undefined,
        partnerOrg: isMentor ? text("partnerOrg") || undefined : undefined,
        ...(canMark ? { sensitiveFlags: form.getAll("sensitiveFlags").map(String) as SensitiveFlag[] } : {}),
      };
      if (participant) {
        await unwrap(
          api.participants[":participantId"].$put({
            param: { participantId: participant.participantId },
            json: { ...input, version: participant.version },
          }),
        );
        onSaved?.();
        return;
      }
      const created = await unwrap(api.participants.$post({ json: input }));
      navigate(`/participants/${created.participantId}`);
    });
  };

  return (
    <Dialog title={participant ? "Изменить данные участника" : "Новый участник"} onClose={onClose} wide>
      <form onSubmit={onSubmit} noValidate>
        <FormError error={submit.error} />
        <TextField
          label="ФИО"
          name="fullName"
          required
          autoComplete="off"
          defaultValue={participant?.fullName}
          error={submit.field("fullName")}
        />
        <div className="grid-2">
          <TextField
            label="Дата рождения"
            name="birthDate"
            placeholder="ДД.ММ.ГГГГ"
            hint="Для обучающихся обязательно"
            defaultValue={participant?.birthDate ? formatDate(participant.birthDate) : undefined}
            error={submit.field("birthDate")}
          />
          <SelectField
            label="Категория"
            name="category"
            required
            defaultValue={participant?.category ?? "pupil"}
            error={submit.field("category")}
          >
            {Object.entries(categoryLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
          <TextField label="Класс или группа" name="group" defaultValue={participant?.group} error={submit.field("group")} />
          <SelectField
            label="Роль"
            name="role"
            value={role}
            onChange={(e) => setRole(e.target.value as typeof role)}
            error={submit.field("isMentor")}
          >
            <option value="mentee">Наставляемый</option>
            <option value="mentor">Наставник</option>
            <option value="both">Наставник и наставляемый</option>
          </SelectField>
          <TextField label="Электронная почта" name="email" type="email" defaultValue={participant?.email} error={submit.field("email")} />
          <TextField label="Телефон" name="phone" type="tel" defaultValue={participant?.phone} error={submit.field("phone")} />
        </div>
        {role !== "mentor" && (
          <TextField
            label="Запросы"
            name="requests"
            hint="Через точку с запятой"
            defaultValue={participant?.requests?.join("; ")}
            error={submit.field("requests")}
          />
        )}
        {role !== "mentee" && (
          <div className="grid-2">
            <TextField
              label="Компетенции"
              name="competences"
              hint="Через точку с запятой"
              defaultValue={participant?.competences?.join("; ")}
              error={submit.field("competences")}
            />
            <TextField
              label="Сколько наставляемых одновременно"
              name="capacity"
              type="number"
              min={1}
              max={20}
              defaultValue={String(participant?.capacity ?? 1)}
              error={submit.field("capacity")}
            />
            <TextField
              label="Организация-партнёр"
              name="partnerOrg"
              defaultValue={participant?.partnerOrg}
              error={submit.field("partnerOrg")}
            />
          </div>
        )}
        {canMark && (
          <fieldset className="field">
            <legend>Меры доступности (видит только куратор)</legend>
            {Object.entries(sensitiveFlagLabels).map(([flag, label]) => (
              <label key={flag} className="checkbox">
                <input
                  type="checkbox"
                  name="sensitiveFlags"
                  value={flag}
                  defaultChecked={participant?.sensitiveFlags?.includes(flag as SensitiveFlag)}
                />{" "}
                {label}
              </label>
            ))}
            {submit.field("sensitiveFlags") && <p className="field-error">{submit.field("sensitiveFlags")}</p>}
          </fieldset>
        )}
        <div className="actions">
          <SubmitButton busy={submit.busy}>Сохранить</SubmitButton>
          <button type="button" className="button secondary" onClick={onClose}>
            Отмена
          </button>
        </div>
      </form>
    </Dialog>
  );
}
