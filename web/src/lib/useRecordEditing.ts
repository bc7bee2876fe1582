import { useState } from "react";

/**
 * A register page's adding, editing and deleting of its records (of type `T`, as its list has them): the edit dialog
 * open (on `editing.record`, or on none for a new record), the record the delete confirmation asks about, and the notice
 * of what was done last. `reload` reloads the list. The dialogs are the page's own; see DeleteRecordDialog for deletion.
 */
export function useRecordEditing<T>(reload: () => void) {
  const [notice, setNotice] = useState("");
  const [editing, setEditing] = useState<{ record?: T } | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  return {
    notice,
    editing,
    deleting,
    reload,
    add: () => setEditing({}),
    edit: (record: T) => setEditing({ record }),
    remove: (record: T) => setDeleting(record),
    closeEditor: () => setEditing(null),
    /**
     * The edit dialog's `onSaved`: it closes, the page says `addedNotice` of the record saved (a new one) or
     * `savedNotice` of it and of the record edited, and the list reloads.
     */
    onSaved:
      <S>(addedNotice: (saved: S) => string, savedNotice: (saved: S, edited: T) => string) =>
      (saved: S) => {
        setEditing(null);
        setNotice(editing?.record ? savedNotice(saved, editing.record) : addedNotice(saved));
        reload();
      },
    /** The record is deleted: the confirmation closes and the page says `notice`. */
    deleted: (notice: string) => {
      setDeleting(null);
      setNotice(notice);
    },
    cancelDelete: () => setDeleting(null),
    /** Another action on a record is done (e.g. a status marked): the page says `notice`. */
    announce: (notice: string) => setNotice(notice),
  };
}

/** What useRecordEditing gives a page. */
export type RecordEditing<T> = ReturnType<typeof useRecordEditing<T>>;
