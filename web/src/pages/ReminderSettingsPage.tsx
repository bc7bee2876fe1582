import { type FormEvent, useState } from "react";
import { api, unwrap } from "../api/client";
import { useMe } from "../auth/AuthContext";
import { getsReminders, roleCan } from "../auth/access";
import { FormError, SubmitButton } from "../components/Form";
import { Async } from "../components/Status";
import { DigestPreview } from "../components/DigestPreview";
import { useResource } from "../lib/useResource";
import { useSubmit } from "../lib/useSubmit";

type Choice = "daily" | "weekly" | "off";

const choices: { value: Choice; label: string }[] = [
  { value: "daily", label: "Каждый день" },
  { value: "weekly", label: "Раз в неделю, по понедельникам" },
  { value: "off", label: "Не присылать" },
];

/** The stored preferences as one choice: «Не присылать» also when the user unsubscribed through a letter's link. */
const choiceOf = (prefs: { frequency: Choice; nonStatutory: boolean }): Choice => (prefs.nonStatutory ? prefs.frequency : "off");

/** The signed-in user's own reminder letters: how often the optional reminders come (the statutory ones always do). */
export default function ReminderSettingsPage() {
  const me = useMe();
  if (!getsReminders(me.role))
    return (
      <>
        <h1>Напоминания</h1>
        <p>Письма с напоминаниями получают кураторы организаций и администраторы РНЦ; вашей роли они не приходят.</p>
      </>
    );
  return <Settings />;
}

function Settings() {
  const me = useMe();
  const prefs = useResource(() => unwrap(api.reminders.preferences.$get()), []);
  return (
    <>
      <h1>Напоминания</h1>
      <p>
        Напоминания приходят одним письмом в 09:00 по времени региона. Напоминания о сроках мониторинга и отчётности в РНЦ обязательны и
        приходят всегда.
      </p>
      <Async resource={prefs}>{(current) => <SettingsForm initial={choiceOf(current)} />}</Async>
      {roleCan(me.role, "reminders.preview") && (
        <section aria-labelledby="digest-preview-heading">
          <h2 id="digest-preview-heading">Предпросмотр сводки</h2>
          <p>Что пришло бы вам в письме в выбранный день, с учётом сохранённых настроек. Ничего не отправляется.</p>
          <DigestPreview userId={me.userId} />
        </section>
      )}
    </>
  );
}

function SettingsForm({ initial }: { initial: Choice }) {
  const [choice, setChoice] = useState<Choice>(initial);
  const [saved, setSaved] = useState(false);
  const submit = useSubmit();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void submit.run(async () => {
      const json = choice === "off" ? { frequency: "off" as const, nonStatutory: false } : { frequency: choice, nonStatutory: true };
      await unwrap(api.reminders.preferences.$put({ json }));
      setSaved(true);
    });
  };
  return (
    <form onSubmit={onSubmit} noValidate className="card">
      <FormError error={submit.error} />
      <fieldset>
        <legend>Необязательные напоминания: мероприятия дорожной карты, анкеты, пары без встреч</legend>
        {choices.map(({ value, label }) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="frequency"
              value={value}
              checked={choice === value}
              onChange={() => {
                setChoice(value);
                setSaved(false);
              }}
            />{" "}
            {label}
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <SubmitButton busy={submit.busy}>Сохранить</SubmitButton>
      </div>
      <p role="status" className={saved ? "notice" : undefined}>
        {saved ? "Настройки сохранены" : ""}
      </p>
    </form>
  );
}
