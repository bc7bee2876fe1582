import { type FormEvent, useState } from "react";
import { api, unwrap } from "../api/client";
import type { Institution, InstitutionInput, InstitutionType } from "../api/types";
import { Dialog } from "../components/Dialog";
import { DialogButtons, FormError, SelectField, TextField } from "../components/Form";
import { institutionTypeLabels } from "../lib/labels";
import { invalid, isStale, staleCurrent, useSubmit } from "../lib/useSubmit";

const counts = [
  { key: "studentsTotal", label: "Обучающихся всего" },
  { key: "students10to19", label: "Из них в возрасте 10–19 лет (полных лет на 1 января)" },
  { key: "students15to19", label: "Из них в возрасте 15–19 лет (на 1 января, необязательно)", optional: true },
  { key: "teachersTotal", label: "Педагогов всего" },
  { key: "youngTeachers", label: "Из них молодых специалистов (стаж 0–3 года)" },
] as const;
type CountKey = (typeof counts)[number]["key"];
type TextKey = Exclude<keyof InstitutionInput, CountKey | "type">;

/** The form keeps every field as typed text; numbers are parsed on submit. */
type Draft = Record<TextKey | CountKey, string> & { type: InstitutionType | "" };

const emptyDraft: Draft = {
  fullName: "",
  shortName: "",
  type: "",
  municipality: "",
  studentsTotal: "",
  students10to19: "",
  students15to19: "",
  teachersTotal: "",
  youngTeachers: "",
  contactEmail: "",
  contactPhone: "",
};

const toDraft = (institution: Institution): Draft => ({
  fullName: institution.fullName,
  shortName: institution.shortName,
  type: institution.type,
  municipality: institution.municipality,
  studentsTotal: String(institution.studentsTotal),
  students10to19: String(institution.students10to19),
  students15to19: institution.students15to19 === undefined ? "" : String(institution.students15to19),
  teachersTotal: String(institution.teachersTotal),
  youngTeachers: String(institution.youngTeachers),
  contactEmail: institution.contactEmail ?? "",
  contactPhone: institution.contactPhone ?? "",
});

const required = [
  { key: "fullName", label: "Полное наименование" },
  { key: "shortName", label: "Краткое наименование" },
  { key: "municipality", label: "Муниципалитет" },
] as const;

/**
 * The body the API expects, or every field a person must fix first: all of them at once, in
 * the server's wording. The server checks the rest (formats, headcounts, a taken name).
 */
function toInput(draft: Draft) {
  const problems = [
    ...required.filter(({ key }) => !draft[key].trim()).map(({ key, label }) => ({ path: key, message: `Заполните поле «${label}»` })),
    ...(draft.type ? [] : [{ path: "type", message: "Выберите тип организации" }]),
    ...counts
      .filter((count) => !(("optional" in count && draft[count.key].trim() === "") || /^\d+$/.test(draft[count.key].trim())))
      .map(({ key, label }) => ({ path: key, message: `Поле «${label}»: укажите целое число, 0 или больше` })),
  ];
  if (problems.length > 0) return { problems };
  const input = {
    fullName: draft.fullName,
    shortName: draft.shortName,
    type: draft.type as InstitutionType,
    municipality: draft.municipality,
    studentsTotal: Number(draft.studentsTotal),
    students10to19: Number(draft.students10to19),
    ...(draft.students15to19.trim() ? { students15to19: Number(draft.students15to19) } : {}),
    teachersTotal: Number(draft.teachersTotal),
    youngTeachers: Number(draft.youngTeachers),
    ...(draft.contactEmail.trim() ? { contactEmail: draft.contactEmail } : {}),
    ...(draft.contactPhone.trim() ? { contactPhone: draft.contactPhone } : {}),
  } satisfies InstitutionInput;
  return { input };
}

/** Create (no `institution`) or edit an institution. Edits send the version they started from. */
export function InstitutionForm({
  institution,
  onClose,
  onSaved,
  onStale,
}: {
  institution?: Institution;
  onClose: () => void;
  onSaved: (saved: Institution) => void;
  /** The record changed under the form: the list should reload too. */
  onStale?: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(institution ? toDraft(institution) : emptyDraft);
  const [version, setVersion] = useState(institution?.version);
  const submit = useSubmit();
  const set = (key: keyof Draft) => (event: { target: { value: string } }) => {
    // Read now: React may restore the input's old value before the updater runs.
    const { value } = event.target;
    setDraft((current) => ({ ...current, [key]: value }));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { input, problems } = toInput(draft);
    if (!input) return submit.setError(invalid(problems));
    void submit.run(async () => {
      if (!institution || version === undefined) return onSaved(await unwrap(api.institutions.$post({ json: input })));
      try {
        onSaved(
          await unwrap(api.institutions[":tenantId"].$put({ param: { tenantId: institution.tenantId }, json: { ...input, version } })),
        );
      } catch (error) {
        // Someone else saved first: load their version, so the change can be redone on top of it.
        if (isStale(error)) {
          const current =
            staleCurrent<Institution>(error) ??
            (await unwrap(api.institutions[":tenantId"].$get({ param: { tenantId: institution.tenantId } })));
          setDraft(toDraft(current));
          setVersion(current.version);
          onStale?.();
        }
        throw error;
      }
    });
  };

  const stale = isStale(submit.error);
  return (
    <Dialog title={institution ? `Изменить: ${institution.shortName}` : "Новая организация"} onClose={onClose} wide>
      <form onSubmit={onSubmit} noValidate>
        <FormError error={submit.error} />
        {stale && <p className="hint">В форме — актуальные сведения. Внесите изменения ещё раз и сохраните.</p>}
        <TextField
          label="Полное наименование"
          name="fullName"
          required
          value={draft.fullName}
          onChange={set("fullName")}
          error={submit.field("fullName")}
          hint="Как в уставе"
        />
        <div className="grid-2">
          <TextField
            label="Краткое наименование"
            name="shortName"
            required
            value={draft.shortName}
            onChange={set("shortName")}
            error={submit.field("shortName")}
            hint="Например: МБОУ СОШ № 1"
          />
          <SelectField label="Тип организации" name="type" required value={draft.type} onChange={set("type")} error={submit.field("type")}>
            <option value="">Выберите тип</option>
            {Object.entries(institutionTypeLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
        </div>
        <TextField
          label="Муниципалитет"
          name="municipality"
          required
          value={draft.municipality}
          onChange={set("municipality")}
          error={submit.field("municipality")}
        />
        <fieldset>
          <legend>Численность</legend>
          <div className="grid-2">
            {counts.map((count) => (
              <TextField
                key={count.key}
                label={count.label}
                name={count.key}
                inputMode="numeric"
                required={!("optional" in count)}
                value={draft[count.key]}
                onChange={set(count.key)}
                error={submit.field(count.key)}
              />
            ))}
          </div>
        </fieldset>
        <div className="grid-2">
          <TextField
            label="Электронная почта"
            name="contactEmail"
            type="email"
            value={draft.contactEmail}
            onChange={set("contactEmail")}
            error={submit.field("contactEmail")}
          />
          <TextField
            label="Телефон"
            name="contactPhone"
            type="tel"
            value={draft.contactPhone}
            onChange={set("contactPhone")}
            error={submit.field("contactPhone")}
          />
        </div>
        <DialogButtons busy={submit.busy} busyLabel="Сохраняем…" onCancel={onClose}>
          {institution ? "Сохранить изменения" : "Добавить организацию"}
        </DialogButtons>
      </form>
    </Dialog>
  );
}
