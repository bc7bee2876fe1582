import { accessibilityCategoryLabels } from "@rnc/core/accessibility/labels";
import { api, unwrap } from "../../api/client";
import { useMe } from "../../auth/AuthContext";
import { roleCan } from "../../auth/access";
import { DeleteRecordDialog } from "../../components/Dialog";
import { Async, EmptyState, Notice } from "../../components/Status";
import { RowActions } from "../../components/RowActions";
import { TableWrap } from "../../components/TableWrap";
import { formatDate } from "../../lib/format";
import { type PluralForms, countOf, nouns } from "../../lib/plural";
import { useRecordEditing } from "../../lib/useRecordEditing";
import { useResource } from "../../lib/useResource";
import { AccessMeasureDialog } from "./AccessMeasureDialog";
import type { AccessMeasure } from "./types";

/** «из них 3 выполнены»: the participle agrees with «мера». */
const done: PluralForms = ["выполнена", "выполнены", "выполнены"];

/**
 * The institution's measures making its mentoring programmes accessible to categories of learners (the administrative
 * act's list), by category.
 */
export default function AccessibilityPage() {
  const me = useMe();
  const canWrite = roleCan(me.role, "accessibility.write");
  const measures = useResource(() => unwrap(api["accessibility-measures"].$get()), []);
  const editor = useRecordEditing<AccessMeasure>(measures.reload);

  return (
    <>
      <h1>Меры по обеспечению доступности</h1>
      <p className="summary">
        Меры, которые обеспечивают участие в наставничестве обучающихся с ОВЗ и инвалидностью, в трудной жизненной ситуации, с отдалённых
        территорий и других категорий: кто за них отвечает, к какому сроку, каким распорядительным актом они утверждены.
      </p>
      {editor.notice && <Notice>{editor.notice}</Notice>}
      {canWrite && (
        <p>
          <button type="button" className="button" onClick={editor.add}>
            Добавить меру
          </button>
        </p>
      )}
      <Async resource={measures}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title="Мер пока нет">
              <p>
                Перенесите сюда меры из распорядительного акта организации о доступности программ наставничества: для каждой категории
                обучающихся — что делается, кто отвечает и к какому сроку. Мера, общая для всех, записывается с категорией «Все категории
                обучающихся».
              </p>
            </EmptyState>
          ) : (
            <>
              <p>{countLine(items)}</p>
              <TableWrap>
                <table>
                  <caption className="visually-hidden">Меры по обеспечению доступности программ наставничества</caption>
                  <thead>
                    <tr>
                      <th scope="col">Категория</th>
                      <th scope="col">Мера</th>
                      <th scope="col">Распорядительный акт</th>
                      <th scope="col">Ответственный</th>
                      <th scope="col">Срок</th>
                      <th scope="col">Выполнена</th>
                      {canWrite && <th scope="col">Действия</th>}
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((measure) => (
                      <tr key={measure.measureId}>
                        <td>{accessibilityCategoryLabels[measure.category]}</td>
                        <th scope="row" className="note-cell">
                          {measure.measure}
                        </th>
                        <td>{measure.act ?? "—"}</td>
                        <td>{measure.responsible ?? "—"}</td>
                        <td className="nowrap">{measure.dueDate ? formatDate(measure.dueDate) : "—"}</td>
                        <td>{measure.done ? "Да" : "Нет"}</td>
                        {canWrite && (
                          <RowActions
                            what={`меру «${shortened(measure.measure)}»`}
                            onEdit={() => editor.edit(measure)}
                            onDelete={() => editor.remove(measure)}
                          />
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </>
          )
        }
      </Async>
      {editor.editing && (
        <AccessMeasureDialog
          measure={editor.editing.record}
          onClose={editor.closeEditor}
          onSaved={editor.onSaved(
            (saved) => `Мера «${shortened(saved.measure)}» добавлена`,
            (saved) => `Мера «${shortened(saved.measure)}» сохранена`,
          )}
          onChanged={measures.reload}
        />
      )}
      <DeleteRecordDialog
        editor={editor}
        title="Удалить меру?"
        action={(measure) =>
          unwrap(
            api["accessibility-measures"][":measureId"].$delete({
              param: { measureId: measure.measureId },
              query: { version: String(measure.version) },
            }),
          )
        }
        notice={(measure) => `Мера «${shortened(measure.measure)}» удалена`}
      >
        {(measure) => (
          <p>
            Мера «{shortened(measure.measure)}» ({accessibilityCategoryLabels[measure.category]}) будет удалена без возможности
            восстановления.
          </p>
        )}
      </DeleteRecordDialog>
    </>
  );
}

/** «5 мер, из них 3 выполнены», «1 мера, пока не выполнена» or «2 меры, ни одна ещё не выполнена». */
function countLine(items: AccessMeasure[]) {
  const doneCount = items.filter((measure) => measure.done).length;
  const ofThem =
    doneCount > 0 ? `из них ${countOf(doneCount, done)}` : items.length === 1 ? "пока не выполнена" : "ни одна ещё не выполнена";
  return `${countOf(items.length, nouns.measure)}, ${ofThem}`;
}

/** How much of a measure's text names it in a button's label or a message (a measure may be a paragraph). */
const NAME_LENGTH = 80;
/** The measure's text, or its first words up to NAME_LENGTH characters and «…». */
const shortened = (text: string) => (text.length <= NAME_LENGTH ? text : `${text.slice(0, NAME_LENGTH + 1).replace(/\s+\S*$/, "")}…`);
