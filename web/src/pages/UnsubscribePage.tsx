import { useEffect, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { api, unwrap } from "../api/client";
import { useSubmit } from "../lib/useSubmit";

/**
 * The «отписаться» link of a reminder letter. Opening the page changes nothing (mail scanners open links on their
 * own): the button sends the unsubscribe request.
 */
export default function UnsubscribePage() {
  const { token = "" } = useParams();
  const [email, setEmail] = useState<string | null>(null);
  const submit = useSubmit();
  const invalid = submit.error?.code === "link.invalid";

  const unsubscribe = () =>
    void submit.run(async () => {
      const done = await unwrap(api.reminders.unsubscribe[":token"].$post({ param: { token } }));
      setEmail(done.email);
    });

  if (email !== null) return <Done email={email} />;

  return (
    <>
      <h1>Отписка от напоминаний</h1>
      <p>
        Вы перестанете получать необязательные напоминания ЦМН: о сроках мероприятий дорожной карты, об анкетах и о парах без встреч.
        Напоминания о сроках мониторинга и отчётности обязательны и будут приходить по-прежнему.
      </p>
      {submit.error && (
        <div className="form-error" role="alert">
          <p className="form-error-title">{invalid ? "Ссылка недействительна" : submit.error.message}</p>
          {invalid && <p>Откройте ссылку «отписаться» из последнего письма с напоминаниями: возможно, она скопирована не полностью.</p>}
        </div>
      )}
      <div className="actions">
        <button type="button" className="button" aria-disabled={submit.busy || undefined} onClick={unsubscribe}>
          {submit.busy ? "Отписываем…" : "Отписаться от напоминаний"}
        </button>
      </div>
    </>
  );
}

function Done({ email }: { email: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The button just pressed is gone: the focus goes to the result.
  useEffect(() => heading.current?.focus(), []);
  return (
    <>
      {/* The focus lands on the heading, which reads the result out with it. */}
      <h1 ref={heading} tabIndex={-1} aria-describedby="unsubscribe-result">
        Вы отписались от напоминаний
      </h1>
      <p className="notice" id="unsubscribe-result">
        Необязательные напоминания больше не будут приходить на адрес {email}. Напоминания о сроках мониторинга и отчётности обязательны и
        будут приходить по-прежнему.
      </p>
      <p>
        <Link to="/">Перейти в систему</Link>
      </p>
    </>
  );
}
