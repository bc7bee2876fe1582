import { type FormEvent, useState } from "react";
import { api, unwrap } from "../api/client";
import { roleCan } from "../auth/access";
import { useMe } from "../auth/AuthContext";
import { FormError, SubmitButton } from "../components/Form";
import { Async, Notice } from "../components/Status";
import { useResource } from "../lib/useResource";
import { invalid, staleCurrent, useSubmit } from "../lib/useSubmit";
import { categoryLabels } from "@rnc/core/forms/catalogue";

type Forms = Awaited<ReturnType<typeof loadForms>>;
const loadForms = () => unwrap(api.forms.$get());

const categories = (codes: readonly (keyof typeof categoryLabels)[]) => codes.map((code) => categoryLabels[code].toLowerCase()).join(", ");

/**
 * The forms of mentoring the institution uses (DOMAIN.md §2.2): pairs are created and activated only in these. Until
 * the institution chooses, the defaults for its type apply.
 */
export function FormsSection() {
  const canEdit = roleCan(useMe().role, "participants.write");
  const forms = useResource(loadForms, []);
  const save = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>, current: Forms) => {
    event.preventDefault();
    const enabled = new FormData(event.currentTarget).getAll("enabled").map(String) as Forms["enabled"];
    setNotice(null);
    void save.run(async () => {
      if (enabled.length === 0) throw invalid([{ path: "enabled", message: "Включите хотя бы одну форму наставничества" }]);
      try {
        const next = await unwrap(api.forms.enabled.$put({ json: { enabled, version: current.version } }));
        forms.set(() => next);
        setNotice("Формы наставничества сохранены");
      } catch (error) {
        // Someone else saved first: show their choice, and keep the message.
        const latest = staleCurrent<Forms>(error);
        if (latest) forms.set(() => latest);
        throw error;
      }
    });
  };

  return (
    <section aria-labelledby="forms-heading">
      <h2 id="forms-heading">Формы наставничества</h2>
      <Async resource={forms}>
        {(current) => (
          <form key={current.version} onSubmit={(event) => onSubmit(event, current)} noValidate>
            <p className="hint">
              Пары и группы создаются только в выбранных формах.
              {current.isDefault ? " Сейчас действуют формы по умолчанию для вашего типа организации." : ""}
            </p>
            {notice && <Notice>{notice}</Notice>}
            <FormError error={save.error} />
            <fieldset className="field">
              <legend>Формы, которые использует организация</legend>
              {current.catalogue.map((form) => (
                <label key={form.code} className="checkbox">
                  <input
                    type="checkbox"
                    name="enabled"
                    value={form.code}
                    defaultChecked={current.enabled.includes(form.code)}
                    disabled={!canEdit}
                  />{" "}
                  {form.label}
                  <span className="hint">
                    {" "}
                    — наставник: {categories(form.mentorCategories)}; наставляемый: {categories(form.menteeCategories)}
                  </span>
                </label>
              ))}
              {save.field("enabled") && <p className="field-error">{save.field("enabled")}</p>}
            </fieldset>
            {canEdit && (
              <div className="actions">
                <SubmitButton busy={save.busy}>Сохранить формы</SubmitButton>
              </div>
            )}
          </form>
        )}
      </Async>
    </section>
  );
}
