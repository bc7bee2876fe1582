import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useEffect,
  useId,
  useRef,
} from "react";
import type { ApiError } from "../api/client";

type Common = { label: string; name: string; error?: string; hint?: string };

function describedBy(hintId: string, errorId: string, hint?: string, error?: string) {
  return [hint ? hintId : "", error ? errorId : ""].filter(Boolean).join(" ") || undefined;
}

function Shell({
  id,
  label,
  hint,
  error,
  required,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={error ? "field invalid" : "field"}>
      <label htmlFor={id}>
        {label}
        {required && <span className="required"> (обязательно)</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** A labelled input; its hint and error are tied to it with aria-describedby. */
export function TextField({ label, name, error, hint, id: givenId, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <Shell id={id} label={label} hint={hint} error={error} required={input.required}>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, error)}
        {...input}
      />
    </Shell>
  );
}

/**
 * A labelled multi-line text (long names and descriptions), wired like TextField: every textarea of the app is one,
 * styled by `text-area` (a `className` given is added to it).
 */
export function TextAreaField({
  label,
  name,
  error,
  hint,
  id: givenId,
  className,
  ...textarea
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <Shell id={id} label={label} hint={hint} error={error} required={textarea.required}>
      <textarea
        id={id}
        name={name}
        className={className ? `text-area ${className}` : "text-area"}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, error)}
        {...textarea}
      />
    </Shell>
  );
}

export function SelectField({
  label,
  name,
  error,
  hint,
  id: givenId,
  children,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <Shell id={id} label={label} hint={hint} error={error} required={select.required}>
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, error)}
        {...select}
      >
        {children}
      </select>
    </Shell>
  );
}

/** A labelled checkbox (the box first, then its label), with a hint and an error tied to it like TextField's. */
export function CheckboxField({
  label,
  name,
  error,
  hint,
  id: givenId,
  ...input
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <div className={error ? "field invalid" : "field"}>
      <label className="checkbox" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, error)}
          {...input}
        />{" "}
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The form-level error: the server's message and the field messages, announced as an alert.
 * It takes focus when it appears, so it scrolls into view and keyboard users start from it.
 */
export function FormError({ error }: { error: ApiError | null | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  return (
    <div className="form-error" role="alert" tabIndex={-1} ref={ref}>
      <p className="form-error-title">{error.message}</p>
      {error.fields.length > 0 && (
        <ul>
          {error.fields.map((field) => (
            <li key={`${field.path}:${field.message}`}>{field.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function SubmitButton({ busy, children, busyLabel = "Подождите…" }: { busy: boolean; children: ReactNode; busyLabel?: string }) {
  return (
    <button type="submit" className="button" aria-disabled={busy || undefined}>
      {busy ? busyLabel : children}
    </button>
  );
}

/** A dialog form's buttons: the submit (busy while it runs) and «Отмена», which closes the dialog. */
export function DialogButtons({
  busy,
  busyLabel,
  onCancel,
  children,
}: {
  busy: boolean;
  busyLabel?: string;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <div className="actions">
      <SubmitButton busy={busy} busyLabel={busyLabel}>
        {children}
      </SubmitButton>
      <button type="button" className="button secondary" onClick={onCancel}>
        Отмена
      </button>
    </div>
  );
}
