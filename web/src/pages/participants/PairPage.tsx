import { type FormEvent, useState } from "react";
import { Link, useParams } from "react-router";
import { api, unwrap } from "../../api/client";
import { useMe } from "../../auth/AuthContext";
import { roleCan } from "../../auth/access";
import { Dialog } from "../../components/Dialog";
import { DialogButtons, FormError, SelectField, TextAreaField, TextField } from "../../components/Form";
import { Async, Notice } from "../../components/Status";
import { formatDate, todayIso } from "../../lib/format";
import { countOf } from "../../lib/plural";
import { useResource } from "../../lib/useResource";
import { invalid, useSubmit } from "../../lib/useSubmit";
import { type PairPage as Page, formLabels, minuteNouns, dateProblem, parseRuDate, taskStatusLabels } from "./model";
import { TableWrap } from "../../components/TableWrap";
import { PairDatesFields, readPairDates } from "./PairDates";
import { meetingFormatLabels, meetingStageLabels, pairStatusLabels } from "@rnc/core/pair/labels";

type Dialogs = "edit" | "agreement" | "meeting" | "plan" | "complete" | "terminate" | null;
type Meeting = Page["meetings"][number];

/** A pair or group: members, what blocks activation, agreement, individual plan and meeting diary. */
export default function PairPage() {
  const { pairId = "" } = useParams();
  const me = useMe();
  const canWrite = roleCan(me.role, "participants.write");
  const page = useResource(() => unwrap(api.pairs[":pairId"].$get({ param: { pairId } })), [pairId]);
  const [dialog, setDialog] = useState<Dialogs>(null);
  // The diary entry being corrected (with dialog "meeting"); none for a new one.
  const [meeting, setMeeting] = useState<Meeting | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  const activation = useSubmit();

  const saved = (next: Page, message: string) => {
    page.set(() => next);
    setDialog(null);
    setNotice(message);
  };
  const activate = (version: number) =>
    void activation.run(async () => {
      const next = await unwrap(api.pairs[":pairId"].activate.$post({ param: { pairId }, json: { version } }));
      saved(next, "Пара активирована");
    });

  return (
    <Async resource={page}>
      {(data: Page) => {
        const { pair, plan, meetings } = data;
        const open = pair.status === "forming" || pair.status === "active";
        return (
          <>
            <p>
              <Link to="/pairs">← Все пары</Link>
            </p>
            <div className="page-header">
              <h1>
                {pair.kind === "group" ? "Группа" : "Пара"}: {formLabels[pair.form]}
              </h1>
              <span className={`badge pair-${pair.status}`} data-testid="pair-status">
                {pairStatusLabels[pair.status]}
              </span>
            </div>
            {notice && <Notice>{notice}</Notice>}
            <FormError error={activation.error} />
            <dl className="facts">
              {pair.members.map((m) => (
                <div key={m.participantId}>
                  <dt>{m.role === "mentor" ? "Наставник" : "Наставляемый"}</dt>
                  <dd>
                    <Link to={`/participants/${m.participantId}`}>{m.name}</Link>
                    {m.minor ? " (несовершеннолетний)" : ""} · согласие: {m.consent === "signed" ? "есть" : "нет"}
                  </dd>
                </div>
              ))}
              <dt>Сроки</dt>
              <dd>
                {formatDate(pair.startDate)} – {formatDate(pair.endDate)}
              </dd>
              {pair.note && (
                <>
                  <dt>Примечание</dt>
                  <dd>{pair.note}</dd>
                </>
              )}
              <dt>Соглашение</dt>
              <dd>{pair.agreement ? `№ ${pair.agreement.document} от ${formatDate(pair.agreement.signedAt)}` : "не записано"}</dd>
              {pair.terminationReason && (
                <>
                  <dt>Причина прекращения</dt>
                  <dd>{pair.terminationReason}</dd>
                </>
              )}
              {pair.results && (
                <>
                  <dt>Результаты</dt>
                  <dd>{pair.results}</dd>
                  <dt>Рефлексия</dt>
                  <dd>{pair.reflection}</dd>
                </>
              )}
            </dl>
            {pair.inactive && <p className="notice">Встреч не было 45 дней и больше: пара неактивна.</p>}
            {pair.status === "forming" && pair.problems.length > 0 && (
              <section aria-labelledby="problems">
                <h2 id="problems">Что мешает активировать</h2>
                <ul>
                  {pair.problems.map((problem) => (
                    <li key={`${problem.code}:${problem.participantId ?? ""}`}>
                      {problem.message.replace(/^Нельзя активировать пару: /, "")}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {canWrite && open && (
              <div className="actions">
                {pair.status === "forming" && (
                  <button
                    type="button"
                    className="button"
                    aria-disabled={activation.busy || undefined}
                    onClick={() => activate(pair.version)}
                  >
                    Активировать
                  </button>
                )}
                <button type="button" className="button secondary" onClick={() => setDialog("edit")}>
                  Изменить сроки и примечание
                </button>
                <button type="button" className="button secondary" onClick={() => setDialog("agreement")}>
                  {pair.agreement ? "Изменить соглашение" : "Записать соглашение"}
                </button>
                {pair.status === "active" && (
                  <button type="button" className="button secondary" onClick={() => setDialog("complete")}>
                    Завершить
                  </button>
                )}
                <button type="button" className="button danger" onClick={() => setDialog("terminate")}>
                  Прекратить
                </button>
              </div>
            )}

            <h2>Индивидуальный план</h2>
            {plan.goals.length === 0 && plan.tasks.length === 0 ? (
              <p>План ещё не составлен.</p>
            ) : (
              <>
                <h3>Цели</h3>
                <ul>
                  {plan.goals.map((goal) => (
                    <li key={goal}>{goal}</li>
                  ))}
                </ul>
                <h3>Задачи</h3>
                <ul>
                  {plan.tasks.map((task) => (
                    <li key={task.taskId}>
                      {task.title}
                      {task.dueDate ? ` — до ${formatDate(task.dueDate)}` : ""} ({taskStatusLabels[task.status]})
                    </li>
                  ))}
                </ul>
              </>
            )}
            {canWrite && open && (
              <button type="button" className="button secondary" onClick={() => setDialog("plan")}>
                Редактировать план
              </button>
            )}

            <h2>Дневник встреч</h2>
            {meetings.length === 0 ? (
              <p>Встреч пока не было.</p>
            ) : (
              <TableWrap>
                <table>
                  <caption className="visually-hidden">Дневник встреч</caption>
                  <thead>
                    <tr>
                      <th scope="col">Дата</th>
                      <th scope="col">Этап</th>
                      <th scope="col">Длительность</th>
                      <th scope="col">Формат</th>
                      <th scope="col">Заметки</th>
                      <th scope="col">Отзыв наставника</th>
                      <th scope="col">Отзыв наставляемого</th>
                      {canWrite && open && (
                        <th scope="col">
                          <span className="visually-hidden">Действия</span>
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {meetings.map((m) => (
                      <tr key={m.meetingId}>
                        <td className="nowrap">{formatDate(m.date)}</td>
                        <td>{meetingStageLabels[m.stage]}</td>
                        <td className="nowrap">{countOf(m.durationMinutes, minuteNouns)}</td>
                        <td>{m.format ? meetingFormatLabels[m.format] : "—"}</td>
                        <td>{m.notes ?? "—"}</td>
                        <td>{m.mentorFeedback ?? "—"}</td>
                        <td>{m.menteeFeedback ?? "—"}</td>
                        {canWrite && open && (
                          <td className="row-actions">
                            <button
                              type="button"
                              className="button secondary small"
                              onClick={() => {
                                setMeeting(m);
                                setDialog("meeting");
                              }}
                            >
                              Изменить<span className="visually-hidden"> запись о встрече {formatDate(m.date)}</span>
                            </button>
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
            {canWrite && open && (
              <button
                type="button"
                className="button secondary"
                onClick={() => {
                  setMeeting(undefined);
                  setDialog("meeting");
                }}
              >
                Записать встречу
              </button>
            )}

            {dialog === "agreement" && (
              <AgreementDialog data={data} onClose={() => setDialog(null)} onSaved={(next) => saved(next, "Соглашение записано")} />
            )}
            {dialog === "edit" && (
              <PairDialog data={data} onClose={() => setDialog(null)} onSaved={(next) => saved(next, "Сроки и примечание сохранены")} />
            )}
            {dialog === "meeting" && (
              <MeetingDialog
                pairId={pairId}
                meeting={meeting}
                onClose={() => setDialog(null)}
                onSaved={(next) => saved(next, meeting ? "Запись о встрече исправлена" : "Встреча записана")}
              />
            )}
            {dialog === "plan" && (
              <PlanDialog data={data} onClose={() => setDialog(null)} onSaved={(next) => saved(next, "План сохранён")} />
            )}
            {(dialog === "complete" || dialog === "terminate") && (
              <FinishDialog
                kind={dialog}
                data={data}
                onClose={() => setDialog(null)}
                onSaved={(next) => saved(next, dialog === "complete" ? "Пара завершена" : "Пара прекращена")}
              />
            )}
          </>
        );
      }}
    </Async>
  );
}

type DialogProps = { onClose: () => void; onSaved: (next: Page) => void };
const textOf = (form: FormData) => (name: string) => String(form.get(name) ?? "").trim();

function AgreementDialog({ data, onClose, onSaved }: DialogProps & { data: Page }) {
  const submit = useSubmit();
  const minors = data.pair.members.filter((m) => m.minor);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = textOf(new FormData(event.currentTarget));
    void submit.run(async () => {
      const signedAt = parseRuDate(text("signedAt"));
      if (!signedAt) throw invalid([{ path: "signedAt", message: dateProblem("Дата соглашения") }]);
      const representatives = minors.map((m) => ({
        participantId: m.participantId,
        name: text(`rep-${m.participantId}`),
        relation: text(`rel-${m.participantId}`),
      }));
      onSaved(
        await unwrap(
          api.pairs[":pairId"].agreement.$put({
            param: { pairId: data.pair.pairId },
            json: {
              signedAt,
              document: text("document"),
              scanRef: text("scanRef") || undefined,
              representatives,
              version: data.pair.version,
            },
          }),
        ),
      );
    });
  };
  return (
    <Dialog title="Соглашение между наставником и наставляемым" onClose={onClose} wide>
      <form onSubmit={onSubmit} noValidate>
        <FormError error={submit.error} />
        <div className="grid-2">
          <TextField label="Дата соглашения" name="signedAt" required defaultValue={formatDate(todayIso())} placeholder="ДД.ММ.ГГГГ" />
          <TextField label="Номер соглашения" name="document" required error={submit.field("document")} />
        </div>
        <TextField label="Ссылка на скан" name="scanRef" />
        {minors.map((m) => (
          <fieldset key={m.participantId} className="field">
            <legend>Законный представитель участника {m.name} (несовершеннолетний)</legend>
            <div className="grid-2">
              <TextField label={`ФИО представителя — ${m.name}`} name={`rep-${m.participantId}`} required />
              <TextField label={`Кем приходится — ${m.name}`} name={`rel-${m.participantId}`} required placeholder="мать, отец, опекун…" />
            </div>
          </fieldset>
        ))}
        <DialogButtons busy={submit.busy} onCancel={onClose}>
          Сохранить соглашение
        </DialogButtons>
      </form>
    </Dialog>
  );
}

/** The pair's dates and note, and its form while it is forming (among the institution's forms). */
function PairDialog({ data, onClose, onSaved }: DialogProps & { data: Page }) {
  const { pair } = data;
  const submit = useSubmit();
  // The form can change only while the pair is forming: only then are the institution's forms read.
  const forming = pair.status === "forming";
  const forms = useResource(async () => (forming ? unwrap(api.forms.$get()) : undefined), [forming]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = textOf(new FormData(event.currentTarget));
    void submit.run(async () => {
      const { startDate, endDate } = readPairDates(text);
      onSaved(
        await unwrap(
          api.pairs[":pairId"].$put({
            param: { pairId: pair.pairId },
            json: {
              form: (text("form") || pair.form) as typeof pair.form,
              startDate,
              endDate,
              note: text("note") || undefined,
              version: pair.version,
            },
          }),
        ),
      );
    });
  };
  const formChoices = [...new Set([pair.form, ...(forms.data?.enabled ?? [])])];
  return (
    <Dialog title="Сроки и примечание" onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <FormError error={submit.error} />
        {forming && (
          <SelectField label="Форма наставничества" name="form" defaultValue={pair.form} error={submit.field("form")}>
            {formChoices.map((code) => (
              <option key={code} value={code}>
                {formLabels[code]}
              </option>
            ))}
          </SelectField>
        )}
        <PairDatesFields startDate={pair.startDate} endDate={pair.endDate} error={submit.field} />
        <TextAreaField label="Примечание" name="note" rows={3} defaultValue={pair.note} error={submit.field("note")} />
        <DialogButtons busy={submit.busy} onCancel={onClose}>
          Сохранить
        </DialogButtons>
      </form>
    </Dialog>
  );
}

/** A new diary entry, or a correction of `meeting` (sent with the version it started from). */
function MeetingDialog({ pairId, meeting, onClose, onSaved }: DialogProps & { pairId: string; meeting?: Meeting }) {
  const submit = useSubmit();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = textOf(new FormData(event.currentTarget));
    void submit.run(async () => {
      const date = parseRuDate(text("date"));
      if (!date) throw invalid([{ path: "date", message: dateProblem("Дата встречи") }]);
      const fields = {
        date,
        stage: text("stage") as keyof typeof meetingStageLabels,
        durationMinutes: Number(text("durationMinutes")),
        format: (text("format") || undefined) as keyof typeof meetingFormatLabels | undefined,
        notes: text("notes") || undefined,
        mentorFeedback: text("mentorFeedback") || undefined,
        menteeFeedback: text("menteeFeedback") || undefined,
      };
      onSaved(
        await unwrap(
          meeting
            ? api.pairs[":pairId"].meetings[":meetingId"].$put({
                param: { pairId, meetingId: meeting.meetingId },
                json: { ...fields, version: meeting.version },
              })
            : api.pairs[":pairId"].meetings.$post({ param: { pairId }, json: fields }),
        ),
      );
    });
  };
  return (
    <Dialog title={meeting ? "Запись о встрече" : "Встреча"} onClose={onClose} wide>
      <form onSubmit={onSubmit} noValidate>
        <FormError error={submit.error} />
        <div className="grid-2">
          <TextField
            label="Дата"
            name="date"
            required
            defaultValue={formatDate(meeting?.date ?? todayIso())}
            placeholder="ДД.ММ.ГГГГ"
            error={submit.field("date")}
          />
          <SelectField label="Этап" name="stage" required defaultValue={meeting?.stage}>
            {Object.entries(meetingStageLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Длительность, минут"
            name="durationMinutes"
            type="number"
            min={5}
            max={600}
            defaultValue={String(meeting?.durationMinutes ?? 45)}
            required
            error={submit.field("durationMinutes")}
          />
          <SelectField label="Формат" name="format" defaultValue={meeting?.format ?? ""}>
            <option value="">Не указан</option>
            {Object.entries(meetingFormatLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
        </div>
        <TextField label="Заметки" name="notes" defaultValue={meeting?.notes} />
        <TextField label="Отзыв наставника" name="mentorFeedback" defaultValue={meeting?.mentorFeedback} />
        <TextField label="Отзыв наставляемого" name="menteeFeedback" defaultValue={meeting?.menteeFeedback} />
        <DialogButtons busy={submit.busy} onCancel={onClose}>
          {meeting ? "Сохранить" : "Записать встречу"}
        </DialogButtons>
      </form>
    </Dialog>
  );
}

function PlanDialog({ data, onClose, onSaved }: DialogProps & { data: Page }) {
  const submit = useSubmit();
  const [tasks, setTasks] = useState(data.plan.tasks.map((t) => ({ ...t, dueDate: t.dueDate ? formatDate(t.dueDate) : "" })));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = textOf(new FormData(event.currentTarget));
    void submit.run(async () => {
      const goals = text("goals")
        .split("\n")
        .map((g) => g.trim())
        .filter(Boolean);
      const titled = tasks.filter((t) => t.title.trim());
      if (titled.some((t) => t.dueDate && !parseRuDate(t.dueDate)))
        throw invalid([{ path: "tasks", message: dateProblem("Сроки задач", true) }]);
      const parsed = titled.map((t) => ({
        taskId: t.taskId || undefined,
        title: t.title,
        status: t.status,
        dueDate: t.dueDate ? parseRuDate(t.dueDate) : undefined,
      }));
      onSaved(
        await unwrap(
          api.pairs[":pairId"].plan.$put({
            param: { pairId: data.pair.pairId },
            json: { goals, tasks: parsed, version: data.plan.version },
          }),
        ),
      );
    });
  };
  const update = (i: number, patch: Partial<(typeof tasks)[number]>) =>
    setTasks((all) => all.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  return (
    <Dialog title="Индивидуальный план" onClose={onClose} wide>
      <form onSubmit={onSubmit} noValidate>
        <FormError error={submit.error} />
        <div className="field">
          <label htmlFor="plan-goals">Цели (по одной в строке)</label>
          <textarea id="plan-goals" name="goals" rows={4} defaultValue={data.plan.goals.join("\n")} />
        </div>
        {tasks.map((task, i) => (
          <fieldset key={task.taskId || `new-${i}`} className="field">
            <legend>Задача {i + 1}</legend>
            <div className="grid-2">
              <TextField label="Задача" name={`title-${i}`} value={task.title} onChange={(e) => update(i, { title: e.target.value })} />
              <TextField
                label="Срок"
                name={`due-${i}`}
                placeholder="ДД.ММ.ГГГГ"
                value={task.dueDate}
                onChange={(e) => update(i, { dueDate: e.target.value })}
              />
              <SelectField
                label="Статус"
                name={`status-${i}`}
                value={task.status}
                onChange={(e) => update(i, { status: e.target.value as typeof task.status })}
              >
                {Object.entries(taskStatusLabels).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </SelectField>
            </div>
          </fieldset>
        ))}
        <button
          type="button"
          className="button secondary"
          onClick={() => setTasks((all) => [...all, { taskId: "", title: "", dueDate: "", status: "planned" }])}
        >
          Добавить задачу
        </button>
        <DialogButtons busy={submit.busy} onCancel={onClose}>
          Сохранить план
        </DialogButtons>
      </form>
    </Dialog>
  );
}

function FinishDialog({ kind, data, onClose, onSaved }: DialogProps & { kind: "complete" | "terminate"; data: Page }) {
  const submit = useSubmit();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = textOf(new FormData(event.currentTarget));
    const param = { pairId: data.pair.pairId };
    void submit.run(async () => {
      onSaved(
        await unwrap(
          kind === "complete"
            ? api.pairs[":pairId"].complete.$post({
                param,
                json: { results: text("results"), reflection: text("reflection"), version: data.pair.version },
              })
            : api.pairs[":pairId"].terminate.$post({ param, json: { reason: text("reason"), version: data.pair.version } }),
        ),
      );
    });
  };
  return (
    <Dialog title={kind === "complete" ? "Завершение наставничества" : "Прекращение пары"} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <FormError error={submit.error} />
        {kind === "complete" ? (
          <>
            <TextField label="Результаты" name="results" required error={submit.field("results")} />
            <TextField label="Рефлексия" name="reflection" required error={submit.field("reflection")} />
          </>
        ) : (
          <TextField label="Причина" name="reason" required error={submit.field("reason")} />
        )}
        <DialogButtons busy={submit.busy} onCancel={onClose}>
          {kind === "complete" ? "Завершить" : "Прекратить"}
        </DialogButtons>
      </form>
    </Dialog>
  );
}
