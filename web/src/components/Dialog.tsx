import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import type { ApiError } from "../api/client";
import type { RecordEditing } from "../lib/useRecordEditing";
import { isStale, staleCurrent, useSubmit } from "../lib/useSubmit";
import { FormError } from "./Form";

/**
 * A modal dialog on the native <dialog>: the browser traps focus, Esc closes it and focus
 * returns to the control that opened it. Mount it to open, unmount it to close.
 */
export function Dialog({ title, onClose, children, wide }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? "dialog wide" : "dialog"}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Закрыть">
          ×
        </button>
      </div>
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}

/** «Вы уверены?» for actions that change what other people can do. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  danger,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  error?: ApiError | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog title={title} onClose={onCancel}>
      <div className="confirm-text">{children}</div>
      <FormError error={error} />
      <div className="actions">
        <button
          type="button"
          className={danger ? "button danger" : "button"}
          aria-disabled={busy || undefined}
          onClick={() => !busy && onConfirm()}
        >
          {busy ? "Подождите…" : confirmLabel}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          Отмена
        </button>
      </div>
    </Dialog>
  );
}

/**
 * «Вы уверены?» for an action on a record held at a version (deleting it, sending it). When someone changed the record
 * meanwhile (409 with the current one), the dialog says so and shows the current record, and the next confirmation acts
 * on it; `onChanged` (the list reloads) follows every attempt. By default the current record's fields are laid over the
 * one held, so what only the list has (a name read from the registry, a count) stays; `adopt` decides otherwise (e.g.
 * for an action that writes the record's fields back, where a field cleared meanwhile must stay cleared).
 */
export function VersionedConfirmDialog<T extends { version: number }>({
  record,
  title,
  confirmLabel,
  danger,
  action,
  adopt = (held, current) => ({ ...held, ...current }),
  onDone,
  onChanged,
  onCancel,
  children,
}: {
  record: T;
  title: string;
  confirmLabel: string;
  danger?: boolean;
  /** The request, made on the record as the dialog holds it (its version). */
  action: (record: T) => Promise<unknown>;
  /** The record to hold after a stale version, from the one held and the current one the answer carries. */
  adopt?: (held: T, current: Partial<T>) => T;
  onDone: (record: T) => void;
  onChanged: () => void;
  onCancel: () => void;
  /** What the action will do to the record (as the dialog holds it). */
  children: (record: T) => ReactNode;
}) {
  const [held, setHeld] = useState(record);
  const submit = useSubmit();
  const onConfirm = () =>
    void submit.run(async () => {
      try {
        await action(held);
        onDone(held);
      } catch (error) {
        const current = staleCurrent<Partial<T>>(error);
        if (current) setHeld((previous) => adopt(previous, current));
        throw error;
      } finally {
        onChanged();
      }
    });
  return (
    <ConfirmDialog
      title={title}
      confirmLabel={confirmLabel}
      danger={danger}
      busy={submit.busy}
      error={submit.error}
      onCancel={onCancel}
      onConfirm={onConfirm}
    >
      {children(held)}
      {isStale(submit.error) && <p className="hint">Список обновлён. Подтвердите ещё раз, если решение в силе.</p>}
    </ConfirmDialog>
  );
}

/**
 * «Удалить …?» for the record a register page is deleting (`editor.deleting`; nothing while there is none), over the
 * version it holds (see VersionedConfirmDialog). Once deleted, the page says `notice` of it; the list reloads after
 * every attempt.
 */
export function DeleteRecordDialog<T extends { version: number }>({
  editor,
  title,
  action,
  notice,
  children,
}: {
  editor: RecordEditing<T>;
  title: string;
  /** The DELETE request, made on the record as the dialog holds it (its version). */
  action: (record: T) => Promise<unknown>;
  notice: (deleted: T) => string;
  /** What the deletion will remove (the record as the dialog holds it). */
  children: (record: T) => ReactNode;
}) {
  if (!editor.deleting) return null;
  return (
    <VersionedConfirmDialog
      record={editor.deleting}
      title={title}
      confirmLabel="Удалить"
      danger
      action={action}
      onDone={(record) => editor.deleted(notice(record))}
      onChanged={editor.reload}
      onCancel={editor.cancelDelete}
    >
      {children}
    </VersionedConfirmDialog>
  );
}
