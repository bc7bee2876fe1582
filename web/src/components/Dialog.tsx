import { type ReactNode, useEffect, useId, useRef } from "react";
import type { ApiError } from "../api/client";
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
