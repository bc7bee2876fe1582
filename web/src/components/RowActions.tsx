import type { ReactNode } from "react";

/**
 * A table row's «Изменить» and «Удалить» buttons, after the row's own actions (`children`) where it has any. `what`
 * names the row for screen readers, in the accusative after the verb (e.g. «организацию «Завод»»), so each button's
 * name says what it acts on.
 */
export function RowActions({
  what,
  onEdit,
  onDelete,
  children,
}: {
  what: string;
  onEdit: () => void;
  onDelete: () => void;
  children?: ReactNode;
}) {
  return (
    <td className="row-actions">
      {children}
      <button type="button" className="button secondary" onClick={onEdit}>
        Изменить<span className="visually-hidden"> {what}</span>
      </button>
      <button type="button" className="button secondary" onClick={onDelete}>
        Удалить<span className="visually-hidden"> {what}</span>
      </button>
    </td>
  );
}
