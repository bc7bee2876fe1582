/**
 * A table row's «Изменить» and «Удалить» buttons. `what` names the row for screen readers, in the accusative after
 * the verb (e.g. «организацию «Завод»»), so each button's name says what it acts on.
 */
export function RowActions({ what, onEdit, onDelete }: { what: string; onEdit: () => void; onDelete: () => void }) {
  return (
    <td className="row-actions">
      <button type="button" className="button secondary" onClick={onEdit}>
        Изменить<span className="visually-hidden"> {what}</span>
      </button>
      <button type="button" className="button secondary" onClick={onDelete}>
        Удалить<span className="visually-hidden"> {what}</span>
      </button>
    </td>
  );
}
