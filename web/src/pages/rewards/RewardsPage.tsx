import { rewardLevelLabels, rewardMeasureLabels } from "@rnc/core/reward/labels";
import { useState } from "react";
import { Link } from "react-router";
import { api, unwrap } from "../../api/client";
import { useMe } from "../../auth/AuthContext";
import { roleCan } from "../../auth/access";
import { DeleteRecordDialog } from "../../components/Dialog";
import { Async, EmptyState, Notice } from "../../components/Status";
import { RowActions } from "../../components/RowActions";
import { TableWrap } from "../../components/TableWrap";
import { YearFilter, currentYear } from "../../components/YearFilter";
import { formatDate } from "../../lib/format";
import { countOf, nouns, outOf } from "../../lib/plural";
import { useRecordEditing } from "../../lib/useRecordEditing";
import { useResource } from "../../lib/useResource";
import { RewardDialog } from "./RewardDialog";
import type { Reward } from "./types";

/** The mentors' rewards, the latest first, of one year (the current one at first) or of all years. */
export default function RewardsPage() {
  const me = useMe();
  const canWrite = roleCan(me.role, "rewards.write");
  /** The year shown; "" for all years. */
  const [year, setYear] = useState(currentYear);
  const rewards = useResource(() => unwrap(api.rewards.$get({ query: year ? { year } : {} })), [year]);
  const editor = useRecordEditing<Reward>(rewards.reload);

  return (
    <>
      <h1>Поощрения наставников</h1>
      <p className="summary">
        Благодарности, грамоты, благодарственные письма, стимулирующие выплаты, победы в конкурсах и другие меры поощрения наставников вашей
        организации — на уровне организации, муниципалитета, региона и страны.
      </p>
      {editor.notice && <Notice>{editor.notice}</Notice>}
      <YearFilter value={year} onChange={setYear} />
      {canWrite && (
        <p>
          <button type="button" className="button" onClick={editor.add}>
            Записать поощрение
          </button>
        </p>
      )}
      <Async resource={rewards}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={year ? `Поощрений за ${year} год нет` : "Поощрений пока нет"}>
              <p>
                Записывайте сюда каждое поощрение наставника: благодарность, грамоту, благодарственное письмо (в том числе родителям
                наставника-обучающегося), стимулирующую выплату, победу в конкурсе или выдвижение на него.
              </p>
            </EmptyState>
          ) : (
            <>
              <p>
                {countOf(data.items.length, nouns.reward)} у{" "}
                {outOf(new Set(data.items.map((reward) => reward.participantId)).size, ["наставника", "наставников"])}
              </p>
              <TableWrap>
                <table>
                  <caption className="visually-hidden">{year ? `Поощрения наставников за ${year} год` : "Поощрения наставников"}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Дата</th>
                      <th scope="col">Наставник</th>
                      <th scope="col">Мера поощрения</th>
                      <th scope="col">Уровень</th>
                      <th scope="col">Основание</th>
                      <th scope="col">Примечание</th>
                      {canWrite && <th scope="col">Действия</th>}
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((reward) => (
                      <tr key={reward.rewardId}>
                        <td className="nowrap">{formatDate(reward.date)}</td>
                        <th scope="row">
                          <Link to={`/participants/${reward.participantId}`}>{reward.fullName}</Link>
                        </th>
                        <td>{rewardMeasureLabels[reward.measure]}</td>
                        <td>{rewardLevelLabels[reward.level]}</td>
                        <td>{reward.basis ?? "—"}</td>
                        <td className="note-cell">{reward.note ?? "—"}</td>
                        {canWrite && (
                          <RowActions what={rewardOf(reward)} onEdit={() => editor.edit(reward)} onDelete={() => editor.remove(reward)} />
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
        <RewardDialog
          reward={editor.editing.record}
          onClose={editor.closeEditor}
          onSaved={editor.onSaved(
            (saved) => `Поощрение записано: ${rewardMeasureLabels[saved.measure]}, ${formatDate(saved.date)}`,
            (saved, edited) => `Запись о поощрении сохранена: ${edited.fullName}, ${rewardMeasureLabels[saved.measure]}`,
          )}
          onChanged={rewards.reload}
        />
      )}
      <DeleteRecordDialog
        editor={editor}
        title="Удалить запись о поощрении?"
        action={(reward) =>
          unwrap(api.rewards[":rewardId"].$delete({ param: { rewardId: reward.rewardId }, query: { version: String(reward.version) } }))
        }
        notice={(reward) => `Запись о поощрении удалена: ${reward.fullName}, ${rewardMeasureLabels[reward.measure]}`}
      >
        {(reward) => (
          <p>
            Запись о поощрении «{rewardMeasureLabels[reward.measure]}» от {formatDate(reward.date)} (наставник — {reward.fullName}) будет
            удалена без возможности восстановления.
          </p>
        )}
      </DeleteRecordDialog>
    </>
  );
}

/** A reward named for a screen reader's button label: «поощрение: Грамота, Иванова Мария Сергеевна, 15.05.2026». */
const rewardOf = (reward: Reward) => `поощрение: ${rewardMeasureLabels[reward.measure]}, ${reward.fullName}, ${formatDate(reward.date)}`;
