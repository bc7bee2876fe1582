import { type FormEvent, useEffect, useRef, useState } from "react";
import { useParams } from "react-router";
import { api, unwrap } from "../../api/client";
import { FormError, SubmitButton, TextAreaField } from "../../components/Form";
import { Loading } from "../../components/Status";
import { formatDateTime } from "../../lib/format";
import { useResource } from "../../lib/useResource";
import { useSubmit } from "../../lib/useSubmit";
import type { PublicSurvey, Question } from "./types";
import "../monitoring/monitoring.css";

type Answer = number | string | string[];

/** Public: a participant answers a questionnaire by a one-time link, without signing in. */
export default function SurveyAnswerPage() {
  const { token = "" } = useParams();
  const survey = useResource(() => unwrap(api["survey-links"][":token"].$get({ param: { token } })), [token]);
  const [done, setDone] = useState(false);

  if (done) return <Done />;
  if (survey.data) return <AnswerForm token={token} survey={survey.data} onDone={() => setDone(true)} />;
  if (survey.error) {
    const titles: Record<string, string> = {
      "survey.link_used": "Анкета уже заполнена",
      "survey.link_expired": "Срок действия ссылки истёк",
      "survey.link_not_found": "Ссылка не найдена",
      "survey.closed": "Анкета закрыта",
    };
    const title = titles[survey.error.code];
    return (
      <>
        <h1>{title ?? "Не удалось открыть анкету"}</h1>
        <p role={title ? undefined : "alert"}>{survey.error.message}</p>
        {!title && (
          <button type="button" className="button secondary" onClick={survey.reload}>
            Повторить
          </button>
        )}
      </>
    );
  }
  return <Loading label="Открываем анкету…" />;
}

function Done() {
  const heading = useRef<HTMLHeadingElement>(null);
  // The button just pressed is gone: the focus goes to the result, which is read out with the heading.
  useEffect(() => heading.current?.focus(), []);
  return (
    <>
      <h1 ref={heading} tabIndex={-1} aria-describedby="survey-result">
        Спасибо!
      </h1>
      <p id="survey-result">Ваши ответы сохранены. Страницу можно закрыть.</p>
    </>
  );
}

function AnswerForm({ token, survey, onDone }: { token: string; survey: PublicSurvey; onDone: () => void }) {
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const submit = useSubmit();
  const set = (id: string, value: Answer) => setAnswers((a) => ({ ...a, [id]: value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run(async () => {
      await unwrap(api["survey-links"][":token"].$post({ param: { token }, json: { answers } }));
      onDone();
    });
  };
  return (
    <>
      <h1>{survey.title}</h1>
      {survey.institutionName && <p className="summary">{survey.institutionName}</p>}
      {survey.description && <p>{survey.description}</p>}
      <p className="hint">
        {survey.phase === "entry" ? "Анкета на входе в программу. " : survey.phase === "exit" ? "Анкета на выходе из программы. " : ""}
        Ссылка действует до {formatDateTime(survey.expiresAt, survey.timeZone)} и может быть использована один раз.
      </p>
      <form onSubmit={onSubmit} noValidate>
        <FormError error={submit.error} />
        {survey.questions.map((q, i) => (
          <QuestionField
            key={q.id}
            number={i + 1}
            question={q}
            value={answers[q.id]}
            onChange={(v) => set(q.id, v)}
            error={submit.field(`answers.${q.id}`)}
          />
        ))}
        <div className="actions">
          <SubmitButton busy={submit.busy} busyLabel="Отправляем…">
            Отправить ответы
          </SubmitButton>
        </div>
      </form>
    </>
  );
}

function QuestionField({
  number,
  question,
  value,
  onChange,
  error,
}: {
  number: number;
  question: Question;
  value: Answer | undefined;
  onChange: (value: Answer) => void;
  error?: string;
}) {
  const errorId = `answer-${question.id}-error`;
  const legend = (
    <legend>
      {number}. {question.text}
      {question.required && <span className="required"> (обязательно)</span>}
    </legend>
  );
  const errorText = error && (
    <p id={errorId} className="field-error">
      {error}
    </p>
  );
  if (question.kind === "text")
    return (
      <TextAreaField
        id={`answer-${question.id}`}
        label={`${number}. ${question.text}`}
        name={`answer-${question.id}`}
        required={question.required}
        rows={3}
        value={typeof value === "string" ? value : ""}
        onChange={(e) => onChange(e.target.value)}
        error={error}
      />
    );
  if (question.kind === "scale")
    return (
      <fieldset className={error ? "field invalid" : "field"} aria-describedby={error ? errorId : undefined}>
        {legend}
        <p className="hint">1 — совсем нет, 10 — полностью</p>
        <div className="scale-options">
          {Array.from({ length: 10 }, (_, i) => i + 1).map((score) => (
            <label key={score}>
              <input type="radio" name={`answer-${question.id}`} value={score} checked={value === score} onChange={() => onChange(score)} />
              {score}
            </label>
          ))}
        </div>
        {errorText}
      </fieldset>
    );
  const options = question.options ?? [];
  const chosen = Array.isArray(value) ? value : [];
  const single = question.kind === "single";
  return (
    <fieldset className={error ? "field invalid" : "field"} aria-describedby={error ? errorId : undefined}>
      {legend}
      {options.map((option) => (
        <label key={option} className="choice">
          <input
            type={single ? "radio" : "checkbox"}
            name={`answer-${question.id}`}
            value={option}
            checked={single ? value === option : chosen.includes(option)}
            onChange={(e) => onChange(single ? option : e.target.checked ? [...chosen, option] : chosen.filter((c) => c !== option))}
          />
          {option}
        </label>
      ))}
      {errorText}
    </fieldset>
  );
}
