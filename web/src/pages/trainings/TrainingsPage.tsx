import { trainingKindLabels } from "@rnc/core/training/labels";
import { api, unwrap } from "../../api/client";
import { useMe } from "../../auth/AuthContext";
import { roleCan } from "../../auth/access";
import { DeleteRecordDialog } from "../../components/Dialog";
import { Async, EmptyState, Notice } from "../../components/Status";
import { RowActions } from "../../components/RowActions";
import { TableWrap } from "../../components/TableWrap";
import { formatDate } from "../../lib/format";
import { countOf, nouns } from "../../lib/plural";
import { useRecordEditing } from "../../lib/useRecordEditing";
import { useResource } from "../../lib/useResource";
import { TrainingDialog } from "./TrainingDialog";
import type { Training } from "./types";

/** The institution's log of mentor-training events: monitoring counts the events of its period from it. */
export default function TrainingsPage() {
  const me = useMe();
  const canWrite = roleCan(me.role, "trainings.write");
  const trainings = useResource(() => unwrap(api.trainings.$get()), []);
  const editor = useRecordEditing<Training>(trainings.reload);
  return (
    <>
      <h1>Обучение наставников</h1>
      <p className="summary">
        Курсы, семинары, консультации и обмен опытом для наставников и кураторов, которые провела ваша организация или в которых участвовали
        её наставники.
      </p>
      {editor.notice && <Notice>{editor.notice}</Notice>}
      {canWrite && (
        <p>
          <button type="button" className="button" onClick={editor.add}>
            Добавить мероприятие
          </button>
        </p>
      )}
      <Async resource={trainings}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title="Мероприятий пока нет">
              <p>
                Записывайте сюда каждое мероприятие по обучению наставников: курсы повышения квалификации, семинары, установочные сессии,
                консультации, конференции и круглые столы по обмену опытом.
              </p>
              <p>
                Показатель «Проведено мероприятий по обучению наставников» в отчёте мониторинга заполняется автоматически: форма считает
                мероприятия из этого журнала, даты которых входят в её отчётный период.
              </p>
            </EmptyState>
          ) : (
            <>
              <p>
                {countOf(data.items.length, nouns.activity)}, {countOf(sum(data.items), nouns.participant)}
              </p>
              <TableWrap>
                <table>
                  <caption className="visually-hidden">Мероприятия по обучению наставников</caption>
                  <thead>
                    <tr>
                      <th scope="col">Дата</th>
                      <th scope="col">Мероприятие</th>
                      <th scope="col">Вид</th>
                      <th scope="col">Организатор</th>
                      <th scope="col">Участники</th>
                      <th scope="col">Документы об обучении</th>
                      <th scope="col">Примечание</th>
                      {canWrite && <th scope="col">Действия</th>}
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((training) => (
                      <tr key={training.trainingId}>
                        <td className="nowrap">{formatDate(training.date)}</td>
                        <th scope="row">{training.title}</th>
                        <td>{trainingKindLabels[training.kind]}</td>
                        <td>{training.organiser ?? "—"}</td>
                        <td className="nowrap">{countOf(training.participants, nouns.participant)}</td>
                        <td>{training.certificates ? "Выданы" : "Нет"}</td>
                        <td className="note-cell">{training.note ?? "—"}</td>
                        {canWrite && (
                          <RowActions
                            what={`мероприятие «${training.title}»`}
                            onEdit={() => editor.edit(training)}
                            onDelete={() => editor.remove(training)}
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
        <TrainingDialog
          training={editor.editing.record}
          onClose={editor.closeEditor}
          onSaved={editor.onSaved(
            (saved) => `Мероприятие «${saved.title}» добавлено`,
            (saved) => `Мероприятие «${saved.title}» сохранено`,
          )}
          onChanged={trainings.reload}
        />
      )}
      <DeleteRecordDialog
        editor={editor}
        title="Удалить мероприятие?"
        action={(training) =>
          unwrap(
            api.trainings[":trainingId"].$delete({
              param: { trainingId: training.trainingId },
              query: { version: String(training.version) },
            }),
          )
        }
        notice={(training) => `Мероприятие «${training.title}» удалено`}
      >
        {(training) => (
          <p>
            Запись о мероприятии «{training.title}» от {formatDate(training.date)} будет удалена без возможности восстановления.
            Неотправленные отчёты мониторинга за его период перестанут его учитывать.
          </p>
        )}
      </DeleteRecordDialog>
    </>
  );
}

/** How many took part in the events, all together. */
const sum = (items: Training[]) => items.reduce((total, training) => total + training.participants, 0);
