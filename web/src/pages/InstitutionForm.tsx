import { type FormEvent, useState } from "react";
import { api, unwrap } from "../api/client";
import type { Institution, InstitutionInput, InstitutionType } from "../api/types";
import { Dialog } from "../components/Dialog";
import { DialogButtons, FormError, SelectField, TextField } from "../components/Form";
import { institutionTypeLabels } from "../lib/labels";
import { type FieldProblem, isStale, sendChecked, staleCurrent, useSubmit } from "../lib/useSubmit";

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

/** A headcount as typed: a whole number, or the problem with it (none for an optional one left empty). */
function readCount({ key, label, ...rest }: (typeof counts)[number], text: string): { value?: number; problem?: FieldProblem } {
  const typed = text.trim();
  if (typed === "") return "optional" in rest ? {} : { problem: { path: key, message: `Заполните поле «${label}»` } };
  return /^\d+$/.test(typed)
    ? { value: Number(typed) }
    : { problem: { path: key, message: `Поле «${label}»: укажите целое число, 0 или больше` } };
}

/**
 * The body the API expects, with every problem the form finds itself (required fields, headcounts), all at once in
 * the server's wording. The server checks the rest (formats, a taken name), also when the form has problems
 * (sendChecked); a headcount with a problem goes empty, for the form's message to stand at its field.
 */
function toInput(draft: Draft): { input: InstitutionInput; problems: FieldProblem[] } {
  const read = Object.fromEntries(counts.map((count) => [count.key, readCount(count, draft[count.key])])) as Record<
    CountKey,
    ReturnType<typeof readCount>
  >;
  const problems = [
    ...required.filter(({ key }) => !draft[key].trim()).map(({ key, label }) => ({ path: key, message: `Заполните поле «${label}»` })),
    ...(draft.type ? [] : [{ path: "type", message: "Выберите тип организации" }]),
    ...counts.flatMap(({ key }) => (read[key].problem ? [read[key].problem] : [])),
  ];
  const input = {
    fullName: draft.fullName,
    shortName: draft.shortName,
    type: draft.type as InstitutionType,
    municipality: draft.municipality,
    studentsTotal: read.studentsTotal.value as number,
    students10to19: read.students10to19.value as number,
    ...(read.students15to19.value === undefined ? {} : { students15to19: read.students15to19.value }),
    teachersTotal: read.teachersTotal.value as number,
    youngTeachers: read.youngTeachers.value as number,
    ...(draft.contactEmail.trim() ? { contactEmail: draft.contactEmail } : {}),
    ...(draft.contactPhone.trim() ? { contactPhone: draft.contactPhone } : {}),
  } satisfies InstitutionInput;
  return { input, problems };
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
    void submit.run(async () => {
      if (!institution || version === undefined)
        return onSaved(await sendChecked(problems, (options) => api.institutions.$post({ json: input }, options)));
      try {
        onSaved(
          await sendChecked(problems, (options) =>
            api.institutions[":tenantId"].$put({ param: { tenantId: institution.tenantId }, json: { ...input, version } }, options),
          ),
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
