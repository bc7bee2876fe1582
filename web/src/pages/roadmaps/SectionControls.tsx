import { sectionName } from "./SectionDialog";

export type Direction = "up" | "down";

/**
 * The ids of a row's move buttons with the one just pressed first: after a move it keeps the focus, or the other one
 * does when the row reached the top or the bottom (the pressed one is then disabled).
 */
export const moveButtonIds = (id: string, direction: Direction) => [`${id}-${direction}`, `${id}-${direction === "up" ? "down" : "up"}`];

/** ↑ and ↓ for one row of a list: «Переместить {noun} выше/ниже»; `id` (optional) prefixes the buttons' ids. */
export function MoveButtons({
  id,
  noun,
  index,
  count,
  onMove,
}: {
  id?: string;
  noun: string;
  index: number;
  count: number;
  onMove: (direction: Direction) => void;
}) {
  return (
    <>
      <button
        type="button"
        id={id && `${id}-up`}
        className="icon-button"
        disabled={index === 0}
        onClick={() => onMove("up")}
        aria-label={`Переместить ${noun} выше`}
      >
        ↑
      </button>
      <button
        type="button"
        id={id && `${id}-down`}
        className="icon-button"
        disabled={index === count - 1}
        onClick={() => onMove("down")}
        aria-label={`Переместить ${noun} ниже`}
      >
        ↓
      </button>
    </>
  );
}

/**
 * A section's own controls in its heading row: add an item, edit, move up or down, remove. `id` prefixes the ids of
 * the add (`{id}-add`) and move buttons, so the page can put the focus back on them.
 */
export function SectionControls({
  id,
  section,
  index,
  count,
  onAdd,
  onEdit,
  onMove,
  onRemove,
}: {
  id: string;
  section: { number?: string; title: string };
  index: number;
  count: number;
  onAdd: () => void;
  onEdit: () => void;
  onMove: (direction: Direction) => void;
  onRemove: () => void;
}) {
  const name = sectionName(section);
  return (
    <div className="inline-controls section-controls no-print">
      <button type="button" id={`${id}-add`} className="link-button" onClick={onAdd}>
        + мероприятие<span className="visually-hidden"> в раздел {name}</span>
      </button>
      <button type="button" className="button secondary small" onClick={onEdit} aria-label={`Изменить раздел ${name}`}>
        Изменить
      </button>
      <MoveButtons id={id} noun={`раздел ${name}`} index={index} count={count} onMove={onMove} />
      <button type="button" className="button secondary small" onClick={onRemove} aria-label={`Удалить раздел ${name}`}>
        Удалить
      </button>
    </div>
  );
}
