import { type FormEvent, useState } from "react";
import { downloadFromApi } from "../../lib/files";
import { Link, useParams } from "react-router";
import { api, unwrap } from "../../api/client";
import { useMe } from "../../auth/AuthContext";
import { roleCan } from "../../auth/access";
import { ConfirmDialog, Dialog } from "../../components/Dialog";
import { DialogButtons, FormError, SelectField, TextField } from "../../components/Form";
import { Async, EmptyState, Notice } from "../../components/Status";
import { dateProblem, formatDate, parseRuDate, todayIso } from "../../lib/format";
import { countOf } from "../../lib/plural";
import { useResource } from "../../lib/useResource";
import { useRecordTitle } from "../../components/PageTitle";
import { MentorRewards } from "../rewards/MentorRewards";
import { MentorSuggestions } from "./MentorSuggestions";
import { ParticipantDialog } from "./ParticipantDialog";
import { invalid, sendChecked, useSubmit } from "../../lib/useSubmit";
import { type Card, formLabels, menteeNouns, roleText } from "./model";
import { categoryLabels } from "@rnc/core/forms/catalogue";
import { pairStatusLabels } from "@rnc/core/pair/labels";
import { sensitiveFlagLabels } from "@rnc/core/participant/labels";
import { shortName } from "@rnc/core/participant/names";
import { TableWrap } from "../../components/TableWrap";
import { checkDates } from "../../components/DateField";

/** The participant card: the person, their consents and their pairs. */
export default function ParticipantPage() {
  const { participantId = "" } = useParams();
  const me = useMe();
  const canWrite = roleCan(me.role, "participants.write");
  const isCurator = roleCan(me.role, "participants.sensitive");
  const card = useResource(() => unwrap(api.participants[":participantId"].$get({ param: { participantId } })), [participantId]);
  useRecordTitle(card.data && shortName(card.data.participant.fullName));
  const [consenting, setConsenting] = useState(false);
  const [editing, setEditing] = useState(false);
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  // The day the person withdrew (a paper withdrawal may be recorded later): today unless the curator changes it.
  const [withdrawnOn, setWithdrawnOn] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const change = useSubmit();

  const [anonymising, setAnonymising] = useState(false);
  const anonymise = () =>
    void change.run(async () => {
      await unwrap(api.participants[":participantId"].anonymise.$post({ param: { participantId } }));
      setAnonymising(false);
      setNotice("Данные участника обезличены");
      card.reload();
    });

  const withdraw = () => {
    if (!withdrawing) return;
    void change.run(async () => {
      const withdrawnAt = parseRuDate(withdrawnOn);
      if (!withdrawnAt) throw invalid([{ path: "withdrawnAt", message: dateProblem("Дата отзыва") }]);
      const next = await unwrap(
        api.participants[":participantId"].consents[":consentId"].withdraw.$post({
          param: { participantId, consentId: withdrawing },
          json: { withdrawnAt },
        }),
      );
      card.set(() => next);
      setWithdrawing(null);
      setNotice("Согласие отозвано: пары участника прекращены, обработка данных ограничена");
    });
  };

  return (
    <Async resource={card}>
      {({ participant: p, consents, pairs }: Card) => (
        <>
          <p>
            <Link to="/participants">← Все участники</Link>
          </p>
          <div className="page-header">
            <h1>{p.fullName}</h1>
            <div className="header-actions">
              {canWrite && p.status === "active" && (
                <button type="button" className="button secondary" onClick={() => setEditing(true)}>
                  Изменить
                </button>
              )}
              {canWrite && p.status !== "anonymised" && (
                <button type="button" className="button" onClick={() => setConsenting(true)}>
                  Записать согласие
                </button>
              )}
              {isCurator && (
                <>
                  <a
                    className="button secondary"
                    href={`/api/participants/${participantId}/export?format=xlsx`}
                    onClick={(e) => downloadExport(e, participantId, "xlsx")}
                  >
                    Выгрузить данные (XLSX)
                  </a>
                  <a
                    className="button secondary"
                    href={`/api/participants/${participantId}/export?format=json`}
                    onClick={(e) => downloadExport(e, participantId, "json")}
                  >
                    Выгрузить данные (JSON)
                  </a>
                </>
              )}
              {isCurator && p.status !== "anonymised" && (
                <button type="button" className="button secondary" onClick={() => setAnonymising(true)}>
                  Обезличить
                </button>
              )}
            </div>
          </div>
          {notice && <Notice>{notice}</Notice>}
          {p.restricted && (
            <p className="notice">
              Обработка персональных данных ограничена: {p.status === "anonymised" ? "данные обезличены" : "согласие отозвано"}.
            </p>
          )}
          <dl className="facts">
            <dt>Категория</dt>
            <dd>{categoryLabels[p.category]}</dd>
            <dt>Роль</dt>
            <dd>{roleText(p)}</dd>
            <dt>Дата рождения</dt>
            <dd>
              {p.birthDate ? formatDate(p.birthDate) : (p.birthYear ?? "—")}
              {p.minor ? " (несовершеннолетний)" : ""}
            </dd>
            <dt>Класс или группа</dt>
            <dd>{p.group ?? "—"}</dd>
            {p.email && (
              <>
                <dt>Электронная почта</dt>
                <dd>{p.email}</dd>
              </>
            )}
            {p.phone && (
              <>
                <dt>Телефон</dt>
                <dd>{p.phone}</dd>
              </>
            )}
            {p.isMentee && (
              <>
                <dt>Запросы</dt>
                <dd>{p.requests?.join("; ") || "—"}</dd>
                <dt>Потребности</dt>
                <dd>{p.needs || "—"}</dd>
              </>
            )}
            {p.isMentor && (
              <>
                <dt>Компетенции</dt>
                <dd>{p.competences?.join("; ") || "—"}</dd>
                <dt>Опыт</dt>
                <dd>{p.experience || "—"}</dd>
                <dt>Нагрузка</dt>
                <dd>
                  {countOf(p.activeMentees, menteeNouns)} из {p.capacity ?? 1}
                </dd>
                <dt>Организация-партнёр</dt>
                <dd>{p.partnerOrg ?? "—"}</dd>
              </>
            )}
            {p.sensitiveFlags && (
              <>
                <dt>Меры доступности (видит только куратор)</dt>
                <dd>{p.sensitiveFlags.length ? p.sensitiveFlags.map((f) => sensitiveFlagLabels[f] ?? f).join(", ") : "—"}</dd>
              </>
            )}
          </dl>

          <h2>Согласия на обработку персональных данных</h2>
          {consents.length === 0 ? (
            <EmptyState title="Согласия нет">
              <p>
                {p.minor ? "Участник несовершеннолетний: согласие подписывает законный представитель." : "Запишите согласие участника."}
              </p>
            </EmptyState>
          ) : (
            <TableWrap>
              <table>
                <caption className="visually-hidden">Согласия на обработку персональных данных</caption>
                <thead>
                  <tr>
                    <th scope="col">Подписал</th>
                    <th scope="col">Дата</th>
                    <th scope="col">Документ</th>
                    <th scope="col">Состояние</th>
                    {canWrite && (
                      <th scope="col">
                        <span className="visually-hidden">Действия</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {consents.map((c) => (
                    <tr key={c.consentId}>
                      <td>
                        {c.signerKind === "self" ? "Сам участник" : `Законный представитель: ${c.representativeName ?? "—"}`}
                        {c.representativeRelation && <span className="sub">{c.representativeRelation}</span>}
                      </td>
                      <td className="nowrap">{formatDate(c.signedAt)}</td>
                      <td>{c.document}</td>
                      <td>{c.withdrawnAt ? `Отозвано ${formatDate(c.withdrawnAt)}` : c.active ? "Действует" : "Заменено новым"}</td>
                      {canWrite && (
                        <td className="row-actions">
                          {!c.withdrawnAt && (
                            <button
                              type="button"
                              className="button small danger"
                              onClick={() => {
                                change.setError(null);
                                setWithdrawnOn(formatDate(todayIso()));
                                setWithdrawing(c.consentId);
                              }}
                            >
                              Отозвать
                            </button>
                          )}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}

          <h2>Пары и группы</h2>
          {pairs.length === 0 ? (
            <p>Участник пока не входит ни в одну пару.</p>
          ) : (
            <ul>
              {pairs.map((m) => (
                <li key={m.pairId}>
                  <Link to={`/pairs/${m.pairId}`}>
                    {formLabels[m.form]} — {m.role === "mentor" ? "наставник" : "наставляемый"}
                  </Link>{" "}
                  ({pairStatusLabels[m.status]})
                </li>
              ))}
            </ul>
          )}

          {p.isMentor && roleCan(me.role, "rewards.read") && <MentorRewards participantId={participantId} />}

          {canWrite && p.isMentee && p.status === "active" && <MentorSuggestions participantId={participantId} />}

          {editing && (
            <ParticipantDialog
              participant={p}
              onClose={() => setEditing(false)}
              onSaved={() => {
                setEditing(false);
                card.reload();
              }}
            />
          )}

          {consenting && (
            <ConsentDialog
              participantId={participantId}
              minor={p.minor}
              onClose={() => setConsenting(false)}
              onSaved={() => {
                setConsenting(false);
                setNotice("Согласие записано");
                card.reload();
              }}
            />
          )}
          {anonymising && (
            <ConfirmDialog
              title="Обезличить данные участника?"
              confirmLabel="Обезличить"
              danger
              busy={change.busy}
              error={change.error}
              onConfirm={anonymise}
              onCancel={() => setAnonymising(false)}
            >
              <p>ФИО, контакты и запросы будут удалены безвозвратно; сводные показатели организации не изменятся.</p>
            </ConfirmDialog>
          )}
          {withdrawing && (
            <ConfirmDialog
              title="Отозвать согласие?"
              confirmLabel="Отозвать согласие"
              danger
              busy={change.busy}
              error={change.error}
              onConfirm={withdraw}
              onCancel={() => setWithdrawing(null)}
            >
              <p>Все пары участника будут прекращены с причиной «отзыв согласия», обработка его данных будет ограничена.</p>
              <TextField
                label="Дата отзыва"
                name="withdrawnAt"
                placeholder="ДД.ММ.ГГГГ"
                hint="Когда участник (или его законный представитель) отозвал согласие"
                value={withdrawnOn}
                onChange={(e) => setWithdrawnOn(e.target.value)}
                error={change.field("withdrawnAt")}
              />
            </ConfirmDialog>
          )}
        </>
      )}
    </Async>
  );
}

/** Everything stored about the person (their right of access): a workbook to hand over, or JSON for machines. */
async function downloadExport(event: { preventDefault: () => void }, participantId: string, format: "xlsx" | "json") {
  event.preventDefault();
  await downloadFromApi(`/api/participants/${participantId}/export?format=${format}`, `participant-${participantId}.${format}`);
}

function ConsentDialog({
  participantId,
  minor,
  onClose,
  onSaved,
}: {
  participantId: string;
  minor: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const submit = useSubmit();
  const [signer, setSigner] = useState<"self" | "legal_representative">(minor ? "legal_representative" : "self");
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    void submit.run(async () => {
      // A date that does not exist goes as typed with the form's message: the server then only validates the form
      // (sendChecked), for the other fields' errors.
      const { dates, problems } = checkDates({ signedAt: { text: text("signedAt"), label: "Дата подписания" } });
      const json = {
        signerKind: signer,
        representativeName: signer === "legal_representative" ? text("representativeName") || undefined : undefined,
        representativeRelation: signer === "legal_representative" ? text("representativeRelation") || undefined : undefined,
        ...dates,
        document: text("document"),
        scanRef: text("scanRef") || undefined,
      };
      await sendChecked(problems, (options) =>
        api.participants[":participantId"].consents.$post({ param: { participantId }, json }, options),
      );
      onSaved();
    });
  };
  const today = todayIso();
  return (
    <Dialog title="Согласие на обработку персональных данных" onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <FormError error={submit.error} />
        {minor && <p className="hint">Участник несовершеннолетний: согласие подписывает законный представитель.</p>}
        <SelectField label="Кто подписал" name="signerKind" value={signer} onChange={(e) => setSigner(e.target.value as typeof signer)}>
          <option value="self">Сам участник</option>
          <option value="legal_representative">Законный представитель</option>
        </SelectField>
        {signer === "legal_representative" && (
          <div className="grid-2">
            <TextField label="ФИО законного представителя" name="representativeName" required error={submit.field("representativeName")} />
            <TextField
              label="Кем приходится"
              name="representativeRelation"
              required
              placeholder="мать, отец, опекун…"
              error={submit.field("representativeRelation")}
            />
          </div>
        )}
        <div className="grid-2">
          <TextField
            label="Дата подписания"
            name="signedAt"
            required
            defaultValue={`${today.slice(8, 10)}.${today.slice(5, 7)}.${today.slice(0, 4)}`}
            placeholder="ДД.ММ.ГГГГ"
            error={submit.field("signedAt")}
          />
          <TextField label="Номер или версия документа" name="document" required error={submit.field("document")} />
        </div>
        <TextField label="Ссылка на скан" name="scanRef" error={submit.field("scanRef")} />
        <DialogButtons busy={submit.busy} onCancel={onClose}>
          Сохранить согласие
        </DialogButtons>
      </form>
    </Dialog>
  );
}
