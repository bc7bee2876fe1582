import { type ReactNode, useId, useLayoutEffect, useRef, useState } from "react";
import type { ApiError } from "../api/client";
import type { RecordEditing } from "../lib/useRecordEditing";
import { isStale, staleCurrent, useSubmit } from "../lib/useSubmit";
import { FormError } from "./Form";

/** The control that opened a dialog, and what finds it again when a re-render has replaced it with a new element. */
type Opener = { element: HTMLElement; tag: string; id: string; name: string | null; label: string };

const labelOf = (element: Element) => (element.getAttribute("aria-label") ?? element.textContent ?? "").replace(/\s+/g, " ").trim();

function rememberOpener(): Opener | undefined {
  const element = document.activeElement;
  if (!(element instanceof HTMLElement) || element === document.body || element === document.documentElement) return undefined;
  return { element, tag: element.tagName, id: element.id, name: element.getAttribute("name"), label: labelOf(element) };
}

/** Focuses an element if it can take focus now (in the page, not hidden, not disabled): whether it did. */
function tryFocus(element: Element | null | undefined): boolean {
  if (!(element instanceof HTMLElement) || !element.isConnected) return false;
  element.focus();
  return document.activeElement === element;
}

/**
 * The opener itself while it is in the page, else the element that took its place: the same id, the same name, or the
 * only control of its kind with the same label (a row's «Изменить» of many is not guessed).
 */
function focusOpener(opener: Opener): boolean {
  if (tryFocus(opener.element)) return true;
  if (opener.id && tryFocus(document.getElementById(opener.id))) return true;
  const sameTag = [...document.querySelectorAll<HTMLElement>(opener.tag)];
  if (opener.name && tryFocus(sameTag.find((element) => element.getAttribute("name") === opener.name))) return true;
  const sameLabel = opener.label ? sameTag.filter((element) => labelOf(element) === opener.label) : [];
  return sameLabel.length === 1 && tryFocus(sameLabel[0]);
}

/** The page's main heading (focusable by script only), else the main region: focus never falls back to <body>. */
function focusMainHeading() {
  const heading = document.querySelector<HTMLElement>("main h1") ?? document.querySelector<HTMLElement>("h1");
  if (heading && !heading.hasAttribute("tabindex")) heading.tabIndex = -1;
  if (!tryFocus(heading)) tryFocus(document.querySelector("main"));
}

const focusLost = () => !document.activeElement || document.activeElement === document.body;

/** How long after a dialog closes a re-render that removes the control given focus (a list reloading) is followed. */
const FOLLOW_MS = 3000;

/**
 * Returns focus to the dialog's opener once the close's render is done. When the opener is gone (its row deleted),
 * focus goes to the page's main heading; while the page re-renders shortly after (the list reloads), focus that falls
 * back to <body>, or still rests on that heading, moves to the opener's replacement as soon as it appears. Nothing is
 * moved once the user has moved focus elsewhere.
 */
function returnFocus(dialog: HTMLDialogElement | null, opener: Opener | undefined) {
  queueMicrotask(() => {
    // Opened again meanwhile (React's development re-run of effects), or another dialog has taken focus.
    if (dialog?.isConnected && dialog.open) return;
    if (!focusLost() && document.activeElement !== opener?.element && document.activeElement?.closest("dialog[open]")) return;
    let placed: Element | null = null;
    let onHeading = false;
    const place = () => {
      if (opener && focusOpener(opener)) {
        onHeading = false;
      } else if (focusLost() || !onHeading) {
        focusMainHeading();
        onHeading = true;
      }
      placed = document.activeElement;
    };
    place();
    const observer = new MutationObserver(() => {
      if (document.activeElement !== placed && !focusLost()) return stop();
      if (focusLost() || onHeading) place();
    });
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
    };
    const timer = setTimeout(stop, FOLLOW_MS);
    observer.observe(document.body, { childList: true, subtree: true });
  });
}

/**
 * A modal dialog on the native <dialog>: the browser traps focus, Esc closes it and focus returns to the control that
 * opened it (or, when that control is gone, to its replacement or the page's main heading; never to <body>). Mount it
 * to open, unmount it to close.
 */
export function Dialog({ title, onClose, children, wide }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // A layout effect: its cleanup runs while the <dialog> is still in the page (a passive effect's runs after it is
  // removed, when closing it no longer returns focus).
  useLayoutEffect(() => {
    const dialog = ref.current;
    const opener = rememberOpener();
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      returnFocus(dialog, opener);
    };
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
