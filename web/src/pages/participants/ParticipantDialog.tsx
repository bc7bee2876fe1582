import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { api, unwrap } from "../../api/client";
import { useMe } from "../../auth/AuthContext";
import { roleCan } from "../../auth/access";
import { Dialog } from "../../components/Dialog";
import { DialogButtons, FormError, SelectField, TextAreaField, TextField } from "../../components/Form";
import { dateProblem, formatDate, parseRuDate } from "../../lib/format";
import { useResource } from "../../lib/useResource";
import { sendChecked, useSubmit } from "../../lib/useSubmit";
import { categoryLabels } from "@rnc/core/forms/catalogue";
import { sensitiveFlagLabels } from "@rnc/core/participant/labels";
import type { Category, Participant, ParticipantInput } from "./model";

type SensitiveFlag = NonNullable<ParticipantInput["sensitiveFlags"]>[number];

/**
 * The mentor's partner organisation, offered from the institution's list of partners (for those who may read it): the
 * partners page counts an organisation's mentors by this name, so choosing it from the list keeps them counted.
 */
function PartnerOrgField({ defaultValue, error }: { defaultValue?: string; error?: string }) {
  const canRead = roleCan(useMe().role, "partners.read");
  const partners = useResource(() => (canRead ? unwrap(api.partners.$get()) : Promise.resolve({ items: [] })), [canRead]);
  const names = partners.data?.items.map((partner) => partner.name) ?? [];
  return (
    <>
      <TextField
        label="Организация-партнёр"
        name="partnerOrg"
        list={names.length > 0 ? "partner-names" : undefined}
        hint={names.length > 0 ? "Выберите из списка партнёров: по этому названию наставник учитывается у организации" : undefined}
        defaultValue={defaultValue}
        error={error}
      />
      {names.length > 0 && (
        <datalist id="partner-names">
          {names.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      )}
    </>
  );
}

const list = (value: string) =>
  value
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * A new participant (no `participant`), or an edit of one: edits send the version they started from, and every field
 * the record has (an edit replaces the record, so a field left out of the form would be erased).
 */
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
      // A full date, or only the year when the date is not known (as in the import).
      const birth = text("birthDate");
      const birthYear = /^\d{4}$/.test(birth) ? Number(birth) : undefined;
      // A date that does not exist goes as typed: the server only validates such a form (sendChecked), for the other
      // fields' errors, and this one shows the form's own message.
      const parsed = birth && !birthYear ? parseRuDate(birth) : undefined;
      const birthDate = birth && !birthYear ? (parsed ?? birth) : undefined;
      const problems =
        birth && !birthYear && !parsed
          ? [{ path: "birthDate", message: `${dateProblem("Дата рождения")}. Если известен только год, укажите его, например 2012.` }]
          : [];
      const isMentor = role !== "mentee";
      const input: ParticipantInput = {
        fullName: text("fullName"),
        birthDate,
        birthYear,
        category: text("category") as Category,
        group: text("group") || undefined,
        email: text("email") || undefined,
        phone: text("phone") || undefined,
        isMentor,
        isMentee: role !== "mentor",
        requests: role !== "mentor" && text("requests") ? list(text("requests")) : undefined,
        needs: role !== "mentor" ? text("needs") || undefined : undefined,
        competences: isMentor && text("competences") ? list(text("competences")) : undefined,
        experience: isMentor ? text("experience") || undefined : undefined,
        capacity: isMentor ? Number(text("capacity") || "1") : undefined,
        partnerOrg: isMentor ? text("partnerOrg") || undefined : undefined,
        ...(canMark ? { sensitiveFlags: form.getAll("sensitiveFlags").map(String) as SensitiveFlag[] } : {}),
      };
      if (participant) {
        await sendChecked(problems, (options) =>
          api.participants[":participantId"].$put(
            { param: { participantId: participant.participantId }, json: { ...input, version: participant.version } },
            options,
          ),
        );
        onSaved?.();
        return;
      }
      const created = await sendChecked(problems, (options) => api.participants.$post({ json: input }, options));
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
            hint="Для обучающихся обязательно; если известен только год — год, например 2012"
            defaultValue={
              participant?.birthDate
                ? formatDate(participant.birthDate)
                : participant?.birthYear
                  ? String(participant.birthYear)
                  : undefined
            }
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
          <>
            <TextField
              label="Запросы"
              name="requests"
              hint="Через точку с запятой"
              defaultValue={participant?.requests?.join("; ")}
              error={submit.field("requests")}
            />
            <TextAreaField
              label="Потребности"
              name="needs"
              rows={2}
              hint="Что нужно наставляемому: учитывается при подборе наставника"
              defaultValue={participant?.needs}
              error={submit.field("needs")}
            />
          </>
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
            <PartnerOrgField defaultValue={participant?.partnerOrg} error={submit.field("partnerOrg")} />
          </div>
        )}
        {role !== "mentee" && (
          <TextAreaField
            label="Опыт"
            name="experience"
            rows={2}
            hint="Опыт наставника: учитывается при подборе"
            defaultValue={participant?.experience}
            error={submit.field("experience")}
          />
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
        <DialogButtons busy={submit.busy} onCancel={onClose}>
          Сохранить
        </DialogButtons>
      </form>
    </Dialog>
  );
}
