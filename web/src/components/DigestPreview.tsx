import { digestSections, whenText } from "@rnc/core/reminders/sections";
import { type FormEvent, Fragment, useState } from "react";
import { type Ok, api, unwrap } from "../api/client";
import { formatDate, todayIso } from "../lib/format";
import { invalid, useSubmit } from "../lib/useSubmit";
import { checkDates, DateField, dateText } from "./DateField";
import { FormError, SubmitButton } from "./Form";
import { EmptyState } from "./Status";

type Preview = Ok<(typeof api.reminders.preview)[":userId"]["$get"]>;

/**
 * What the morning letter of reminders to a user would hold on a chosen day (nothing is sent): its subject and its
 * items by section, or that there would be no letter. A region admin's letter names each item's institution, as the
 * letter does.
 */
export function DigestPreview({ userId }: { userId: string }) {
  const [date, setDate] = useState(() => dateText(todayIso()));
  const [shown, setShown] = useState<Preview | null>(null);
  const show = useSubmit();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setShown(null);
    if (!date.trim()) return show.setError(invalid([{ path: "date", message: "Укажите дату сводки" }]));
    void show.run(async () => {
      // The form's one field: its problem is all there is to show (the day goes in the query, not in a body to validate).
      const { dates, problems } = checkDates({ date: { text: date, label: "Дата сводки" } });
      if (problems.length > 0) throw invalid(problems);
      setShown(await unwrap(api.reminders.preview[":userId"].$get({ param: { userId }, query: dates })));
    });
  };

  const digest = shown?.digest;
  return (
    <>
      <form onSubmit={onSubmit} noValidate>
        <FormError error={show.error} />
        <DateField
          label="Дата сводки"
          name="date"
          required
          value={date}
          onChange={(e) => setDate(e.target.value)}
          error={show.field("date")}
        />
        <div className="actions">
          <SubmitButton busy={show.busy}>Показать сводку</SubmitButton>
        </div>
      </form>
      <div aria-live="polite">
        {shown &&
          (digest ? (
            <p className="summary">
              Письмо на {formatDate(shown.date)}, тема: «{digest.subject}»
            </p>
          ) : (
            <EmptyState title={`Сводка на ${formatDate(shown.date)} пуста: письма не будет`} />
          ))}
      </div>
      {shown &&
        digest &&
        digestSections.map((section) => {
          const entries = shown.entries.filter((entry) => section.rules.includes(entry.rule));
          if (entries.length === 0) return null;
          return (
            <Fragment key={section.heading}>
              <h3>
                {section.heading} ({entries.length})
              </h3>
              <ul>
                {entries.map((entry) => {
                  const when = whenText(entry);
                  return (
                    <li key={`${entry.rule}#${entry.occurrence}`}>
                      {[entry.institutionName, entry.title].filter(Boolean).join(": ")}
                      {when && ` (${when})`}
                    </li>
                  );
                })}
              </ul>
            </Fragment>
          );
        })}
    </>
  );
}
