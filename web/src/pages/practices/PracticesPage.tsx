import { practiceStatusLabels } from "@rnc/core/practice/labels";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { useMe } from "../../auth/AuthContext";
import { roleCan } from "../../auth/access";
import { VersionedConfirmDialog } from "../../components/Dialog";
import { Async, EmptyState, Notice } from "../../components/Status";
import { TableWrap } from "../../components/TableWrap";
import { formatDate } from "../../lib/format";
import { useResource } from "../../lib/useResource";
import { PracticeDialog } from "./PracticeDialog";
import { PracticeSummary } from "./PracticeSummary";
import { type Practice, practiceStatusClass } from "./types";
import "../monitoring/monitoring.css";
import "./practices.css";

/** What asking to delete or to send a draft says, and what the page says when it is done. */
const confirmations = {
  delete: {
    title: "Удалить практику?",
    confirmLabel: "Удалить",
    text: (title: string) => `Черновик практики «${title}» будет удалён без возможности восстановления.`,
    done: (title: string) => `Практика «${title}» удалена`,
  },
  send: {
    title: "Отправить практику в РНЦ?",
    confirmLabel: "Отправить в РНЦ",
    text: (title: string) =>
      `Практика «${title}» уйдёт в региональный наставнический центр. Изменить её можно будет, только если РНЦ вернёт её на доработку.`,
    done: (title: string) => `Практика «${title}» отправлена в РНЦ`,
  },
};

/** The institution's best practices: writing them up as drafts, sending them to the regional centre, and what it decided. */
export default function PracticesPage() {
  const me = useMe();
  const canWrite = roleCan(me.role, "practices.write");
  const canSend = roleCan(me.role, "practices.send");
  const practices = useResource(() => unwrap(api.practices.$get()), []);
  const [notice, setNotice] = useState("");
  const [editing, setEditing] = useState<Practice | "new" | null>(null);
  const [confirming, setConfirming] = useState<{ practice: Practice; action: keyof typeof confirmations } | null>(null);
  const ask = (practice: Practice, action: keyof typeof confirmations) => setConfirming({ practice, action });

  return (
    <>
      <h1>Лучшие практики</h1>
      <p className="summary">
        Опыт наставничества вашей организации, оформленный в методические разработки, для публикации на платформе РНЦ.
      </p>
      {notice && <Notice>{notice}</Notice>}
      {canWrite && (
        <p>
          <button type="button" className="button" onClick={() => setEditing("new")}>
            Добавить практику
          </button>
        </p>
      )}
      <Async resource={practices}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title="Практик пока нет">
              <p>
                Лучшая практика — удачный опыт наставничества вашей организации, оформленный в методическую разработку: с кем работали, что
                делали и какой получили результат. Такие практики выявляют на итоговом мероприятии или круглом столе.
              </p>
              <p>
                Отправленные практики региональный наставнический центр публикует на своей онлайн-платформе. Обычно их отправляют до 20
                декабря вместе с итоговым сборником.
              </p>
            </EmptyState>
          ) : (
            <TableWrap>
              <table>
                <caption className="visually-hidden">Лучшие практики организации</caption>
                <thead>
                  <tr>
                    <th scope="col">Практика</th>
                    <th scope="col">Статус</th>
                    {canWrite && <th scope="col">Действия</th>}
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((practice) => (
                    <tr key={practice.practiceId}>
                      <th scope="row">
                        <PracticeSummary practice={practice} />
                      </th>
                      <td>
                        <PracticeStatus practice={practice} />
                      </td>
                      {canWrite && (
                        <td className="row-actions">
                          {practice.status === "draft" && (
                            <>
                              <button type="button" className="button secondary" onClick={() => setEditing(practice)}>
                                Изменить<span className="visually-hidden"> практику «{practice.title}»</span>
                              </button>
                              <button type="button" className="button secondary" onClick={() => ask(practice, "delete")}>
                                Удалить<span className="visually-hidden"> практику «{practice.title}»</span>
                              </button>
                              {canSend && (
                                <button type="button" className="button" onClick={() => ask(practice, "send")}>
                                  Отправить в РНЦ<span className="visually-hidden"> практику «{practice.title}»</span>
                                </button>
                              )}
                            </>
                          )}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </Async>
      {editing && (
        <PracticeDialog
          practice={editing === "new" ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setNotice(editing === "new" ? `Практика «${saved.title}» добавлена как черновик` : `Практика «${saved.title}» сохранена`);
            practices.reload();
          }}
          onChanged={practices.reload}
        />
      )}
      {confirming && (
        <VersionedConfirmDialog
          key={`${confirming.practice.practiceId} ${confirming.action}`}
          record={confirming.practice}
          title={confirmations[confirming.action].title}
          confirmLabel={confirmations[confirming.action].confirmLabel}
          danger={confirming.action === "delete"}
          action={(practice) => {
            const param = { practiceId: practice.practiceId };
            return confirming.action === "delete"
              ? unwrap(api.practices[":practiceId"].$delete({ param, query: { version: String(practice.version) } }))
              : unwrap(api.practices[":practiceId"].send.$post({ param, json: { version: practice.version } }));
          }}
          onDone={(practice) => {
            setConfirming(null);
            setNotice(confirmations[confirming.action].done(practice.title));
          }}
          onChanged={practices.reload}
          onCancel={() => setConfirming(null)}
        >
          {(practice) => <p>{confirmations[confirming.action].text(practice.title)}</p>}
        </VersionedConfirmDialog>
      )}
    </>
  );
}

/** Where the practice is: its status, when it was sent and published, the publication, and the centre's comment on a return. */
function PracticeStatus({ practice }: { practice: Practice }) {
  return (
    <>
      <span className={`badge ${practiceStatusClass[practice.status]}`}>{practiceStatusLabels[practice.status]}</span>
      {practice.sentAt && <div className="hint">Отправлена {formatDate(practice.sentAt)}</div>}
      {practice.publishedAt && <div className="hint">Опубликована {formatDate(practice.publishedAt)}</div>}
      {practice.platformUrl && (
        <div>
          <a href={practice.platformUrl} rel="noreferrer">
            Публикация на платформе РНЦ<span className="visually-hidden"> — «{practice.title}»</span>
          </a>
        </div>
      )}
      {practice.status === "draft" && practice.returnComment && (
        <div>
          <span className="badge status-returned">Возвращена на доработку</span>
          <div className="hint">Комментарий РНЦ{practice.returnedAt && ` от ${formatDate(practice.returnedAt)}`}:</div>
          <p className="practice-text">{practice.returnComment}</p>
        </div>
      )}
    </>
  );
}
