import { type FormEvent, useEffect, useId, useState } from "react";
import { Link, useParams } from "react-router";
import { ApiError, type FieldError, api, unwrap } from "../../api/client";
import { useMe } from "../../auth/AuthContext";
import { roleCan } from "../../auth/access";
import { Dialog } from "../../components/Dialog";
import { DialogButtons, FormError, SelectField, TextAreaField, TextField } from "../../components/Form";
import { Async, Notice } from "../../components/Status";
import { formatDate, todayIso } from "../../lib/format";
import { useFocusWhenShown } from "../../lib/useFocusWhenShown";
import { countOf } from "../../lib/plural";
import { useResource } from "../../lib/useResource";
import { useRecordTitle } from "../../components/PageTitle";
import { sendChecked, useSubmit } from "../../lib/useSubmit";
import { type MeetingStage, type PairPage as Page, formLabels, minuteNouns, nextStage, pairTitle, taskStatusLabels } from "./model";
import { TableWrap } from "../../components/TableWrap";
import { checkDates, DateField, dateText } from "../../components/DateField";
import { PairDatesFields, checkPairDates } from "./PairDates";
import { meetingFormatLabels, meetingStageLabels, pairStatusLabels } from "@rnc/core/pair/labels";

type Dialogs = "edit" | "agreement" | "meeting" | "plan" | "complete" | "terminate" | null;
type Meeting = Page["meetings"][number];

/** A pair or group: members, what blocks activation, agreement, individual plan and meeting diary. */
export default function PairPage() {
  const { pairId = "" } = useParams();
  const me = useMe();
  const canWrite = roleCan(me.role, "participants.write");
  const page = useResource(() => unwrap(api.pairs[":pairId"].$get({ param: { pairId } })), [pairId]);
  useRecordTitle(page.data && pairTitle(page.data.pair));
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
                meetings={meetings}
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

type Representative = { name: string; relation: string };

/** «Заполните поле …» → «заполните поле …», to follow a name and a colon. */
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * The representative who signed the active consent of each minor named in `ids` (when a legal representative signed
 * it), read from their cards; none while loading or when a card cannot be read (the fields are then left to fill in).
 */
function useConsentRepresentatives(ids: string[]): Record<string, Representative> {
  const [found, setFound] = useState<Record<string, Representative>>({});
  const key = ids.join(",");
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `ids`, which is a new array at each render
  useEffect(() => {
    let current = true;
    for (const participantId of ids) {
      unwrap(api.participants[":participantId"].$get({ param: { participantId } })).then(
        (card) => {
          const consent = card.consents.find((c) => c.active && c.signerKind === "legal_representative");
          if (!current || !consent?.representativeName) return;
          const representative = { name: consent.representativeName, relation: consent.representativeRelation ?? "" };
          setFound((all) => ({ ...all, [participantId]: representative }));
        },
        () => undefined,
      );
    }
    return () => {
      current = false;
    };
  }, [key]);
  return found;
}

/**
 * The agreement: its date, number and scan, and for each minor member the legal representative who signed for them.
 * An agreement already recorded fills the form in; otherwise a minor's representative comes from the minor's consent
 * when a legal representative signed it (until someone types there). Every error is shown at its own field, and a
 * representative's names the child in the summary.
 */
function AgreementDialog({ data, onClose, onSaved }: DialogProps & { data: Page }) {
  const submit = useSubmit();
  const { agreement } = data.pair;
  const minors = data.pair.members.filter((m) => m.minor);
  const recorded = (participantId: string) => agreement?.representatives?.find((r) => r.participantId === participantId);
  const [typed, setTyped] = useState<Record<string, Representative>>(() =>
    Object.fromEntries(
      minors.map((m) => {
        const r = recorded(m.participantId);
        return [m.participantId, { name: r?.name ?? "", relation: r?.relation ?? "" }];
      }),
    ),
  );
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const fromConsents = useConsentRepresentatives(
    minors.filter((m) => m.consent === "signed" && !recorded(m.participantId)).map((m) => m.participantId),
  );
  /** What a minor's fields show: what was typed there, else the consent's representative. */
  const shown = (participantId: string): Representative =>
    touched[participantId]
      ? (typed[participantId] ?? { name: "", relation: "" })
      : (fromConsents[participantId] ?? typed[participantId] ?? { name: "", relation: "" });
  const type = (participantId: string, field: keyof Representative) => (event: { target: { value: string } }) => {
    const { value } = event.target;
    const before = shown(participantId);
    setTouched((all) => ({ ...all, [participantId]: true }));
    setTyped((all) => ({ ...all, [participantId]: { ...before, [field]: value } }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = textOf(new FormData(event.currentTarget));
    void submit.run(async () => {
      const { dates, problems } = checkDates({ signedAt: { text: text("signedAt"), label: "Дата соглашения" } });
      const representatives = minors.map((m) => ({
        participantId: m.participantId,
        name: shown(m.participantId).name.trim(),
        relation: shown(m.participantId).relation.trim(),
      }));
      const json = {
        ...dates,
        document: text("document"),
        scanRef: text("scanRef") || undefined,
        representatives,
        version: data.pair.version,
      };
      try {
        onSaved(
          await sendChecked(problems, (options) =>
            api.pairs[":pairId"].agreement.$put({ param: { pairId: data.pair.pairId }, json }, options),
          ),
        );
      } catch (error) {
        // The server numbers the representatives in the order they were sent: the minors' order.
        throw relabelFields(error, (field) => {
          const at = /^representatives\.(\d+)\./.exec(field.path);
          const minor = at ? minors[Number(at[1])] : undefined;
          return minor ? { ...field, message: `Представитель участника ${minor.name}: ${lowerFirst(field.message)}` } : field;
        });
      }
    });
  };
  return (
    <Dialog title="Соглашение между наставником и наставляемым" onClose={onClose} wide>
      <form onSubmit={onSubmit} noValidate>
        <FormError error={submit.error} />
        <div className="grid-2">
          <DateField
            label="Дата соглашения"
            name="signedAt"
            required
            defaultValue={dateText(agreement?.signedAt ?? todayIso())}
            error={submit.field("signedAt")}
          />
          <TextField
            label="Номер соглашения"
            name="document"
            required
            defaultValue={agreement?.document}
            error={submit.field("document")}
          />
        </div>
        <TextField label="Ссылка на скан" name="scanRef" defaultValue={agreement?.scanRef} error={submit.field("scanRef")} />
        {minors.map((m, i) => (
          <fieldset key={m.participantId} className="field">
            <legend>Законный представитель участника {m.name} (несовершеннолетний)</legend>
            {!touched[m.participantId] && fromConsents[m.participantId] && (
              <p className="hint">Заполнено из согласия на обработку персональных данных, подписанного представителем.</p>
            )}
            <div className="grid-2">
              <TextField
                label={`ФИО представителя — ${m.name}`}
                name={`rep-${m.participantId}`}
                required
                value={shown(m.participantId).name}
                onChange={type(m.participantId, "name")}
                error={submit.field(`representatives.${i}.name`) ?? submit.field(`representatives.${i}.participantId`)}
              />
              <TextField
                label={`Кем приходится — ${m.name}`}
                name={`rel-${m.participantId}`}
                required
                placeholder="мать, отец, опекун…"
                value={shown(m.participantId).relation}
                onChange={type(m.participantId, "relation")}
                error={submit.field(`representatives.${i}.relation`)}
              />
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
      const { dates, problems } = checkPairDates(text);
      const json = {
        form: (text("form") || pair.form) as typeof pair.form,
        ...dates,
        note: text("note") || undefined,
        version: pair.version,
      };
      onSaved(await sendChecked(problems, (options) => api.pairs[":pairId"].$put({ param: { pairId: pair.pairId }, json }, options)));
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
function MeetingDialog({
  pairId,
  meeting,
  meetings,
  onClose,
  onSaved,
}: DialogProps & { pairId: string; meeting?: Meeting; meetings: readonly Meeting[] }) {
  const submit = useSubmit();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = textOf(new FormData(event.currentTarget));
    void submit.run(async () => {
      const { dates, problems } = checkDates({ date: { text: text("date"), label: "Дата встречи" } });
      // An empty number field (or one the browser could not read as a number) would go as 0: it gets the form's message
      // (the server then only validates the form).
      const duration = text("durationMinutes");
      if (duration === "") problems.push({ path: "durationMinutes", message: "Укажите длительность встречи" });
      const fields = {
        ...dates,
        stage: text("stage") as MeetingStage,
        durationMinutes: Number(duration),
        format: (text("format") || undefined) as keyof typeof meetingFormatLabels | undefined,
        notes: text("notes") || undefined,
        mentorFeedback: text("mentorFeedback") || undefined,
        menteeFeedback: text("menteeFeedback") || undefined,
      };
      onSaved(
        await sendChecked(problems, (options) =>
          meeting
            ? api.pairs[":pairId"].meetings[":meetingId"].$put(
                { param: { pairId, meetingId: meeting.meetingId }, json: { ...fields, version: meeting.version } },
                options,
              )
            : api.pairs[":pairId"].meetings.$post({ param: { pairId }, json: fields }, options),
        ),
      );
    });
  };
  return (
    <Dialog title={meeting ? "Запись о встрече" : "Встреча"} onClose={onClose} wide>
      <form onSubmit={onSubmit} noValidate>
        <FormError error={submit.error} />
        <div className="grid-2">
          <DateField label="Дата" name="date" required defaultValue={dateText(meeting?.date ?? todayIso())} error={submit.field("date")} />
          <SelectField
            label="Этап"
            name="stage"
            required
            defaultValue={meeting?.stage ?? nextStage(meetings)}
            error={submit.field("stage")}
          >
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
          <SelectField label="Формат" name="format" defaultValue={meeting?.format ?? ""} error={submit.field("format")}>
            <option value="">Не указан</option>
            {Object.entries(meetingFormatLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
        </div>
        <TextField label="Заметки" name="notes" defaultValue={meeting?.notes} error={submit.field("notes")} />
        <TextField
          label="Отзыв наставника"
          name="mentorFeedback"
          defaultValue={meeting?.mentorFeedback}
          error={submit.field("mentorFeedback")}
        />
        <TextField
          label="Отзыв наставляемого"
          name="menteeFeedback"
          defaultValue={meeting?.menteeFeedback}
          error={submit.field("menteeFeedback")}
        />
        <DialogButtons busy={submit.busy} onCancel={onClose}>
          {meeting ? "Сохранить" : "Записать встречу"}
        </DialogButtons>
      </form>
    </Dialog>
  );
}

/** A task as the plan form holds it: its due date as typed, and a key that stays with it when an earlier one is removed. */
type TaskFields = Omit<Page["plan"]["tasks"][number], "dueDate"> & { dueDate: string; key: number };

let lastTaskKey = 0;

/**
 * The goals (one a line) and the tasks of the plan, a group of fields for each, added and removed with buttons (the
 * focus goes to the added task's first field, or after a removal to the task that took its place). A task left
 * without a title is not saved. A problem with a task (a due date that does not exist, or the server's refusal) is
 * shown at that task's own field and named with the task's number in the summary.
 */
function PlanDialog({ data, onClose, onSaved }: DialogProps & { data: Page }) {
  const submit = useSubmit();
  const [tasks, setTasks] = useState<TaskFields[]>(() =>
    data.plan.tasks.map((t) => ({ ...t, dueDate: dateText(t.dueDate), key: ++lastTaskKey })),
  );
  const prefix = useId();
  const titleId = (task: TaskFields | undefined) => (task ? `${prefix}-task-${task.key}-title` : "");
  const addId = `${prefix}-add-task`;
  const focusLater = useFocusWhenShown(tasks);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = textOf(new FormData(event.currentTarget));
    void submit.run(async () => {
      const goals = text("goals")
        .split("\n")
        .map((g) => g.trim())
        .filter(Boolean);
      // The server numbers the tasks it is sent; the form's number of each is kept to show its errors at its fields. A
      // due date that does not exist is named as the server would name it (by the task's place in the request), and
      // then, as the server's errors are, at the form's task.
      const titled = tasks.flatMap((task, index) => (task.title.trim() ? [{ task, index }] : []));
      const { dates, problems } = checkDates(
        Object.fromEntries(titled.map(({ task }, sent) => [`tasks.${sent}.dueDate`, { text: task.dueDate, label: "срок" }])),
      );
      const parsed = titled.map(({ task }, sent) => ({
        taskId: task.taskId || undefined,
        title: task.title.trim(),
        status: task.status,
        dueDate: dates[`tasks.${sent}.dueDate`] || undefined,
      }));
      const json = { goals, tasks: parsed, version: data.plan.version };
      try {
        onSaved(
          await sendChecked(problems, (options) => api.pairs[":pairId"].plan.$put({ param: { pairId: data.pair.pairId }, json }, options)),
        );
      } catch (error) {
        throw relabelFields(error, (field) => {
          const at = /^tasks\.(\d+)\.(.+)$/.exec(field.path);
          const index = at ? titled[Number(at[1])]?.index : undefined;
          return at && index !== undefined ? { path: `tasks.${index}.${at[2]}`, message: `Задача ${index + 1}: ${field.message}` } : field;
        });
      }
    });
  };
  const update = (i: number, patch: Partial<TaskFields>) => setTasks((all) => all.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  const add = () => {
    const added: TaskFields = { key: ++lastTaskKey, taskId: "", title: "", dueDate: "", status: "planned" };
    focusLater([titleId(added)]);
    setTasks((all) => [...all, added]);
  };
  const remove = (i: number) => {
    focusLater([titleId(tasks[i + 1]), titleId(tasks[i - 1]), addId]);
    setTasks((all) => all.filter((_, j) => j !== i));
    // The errors are about the tasks as they were numbered: they no longer fit.
    submit.setError(null);
  };
  return (
    <Dialog title="Индивидуальный план" onClose={onClose} wide>
      <form onSubmit={onSubmit} noValidate>
        <FormError error={submit.error} />
        <TextAreaField
          label="Цели (по одной в строке)"
          name="goals"
          rows={4}
          defaultValue={data.plan.goals.join("\n")}
          error={submit.field("goals")}
        />
        {tasks.map((task, i) => {
          const at = (name: string) => submit.field(`tasks.${i}.${name}`);
          return (
            <fieldset key={task.key} className="field">
              <legend>Задача {i + 1}</legend>
              <div className="grid-2">
                <TextField
                  id={titleId(task)}
                  label="Задача"
                  name={`title-${i}`}
                  value={task.title}
                  onChange={(e) => update(i, { title: e.target.value })}
                  error={at("title")}
                />
                <DateField
                  label="Срок"
                  name={`due-${i}`}
                  value={task.dueDate}
                  onChange={(e) => update(i, { dueDate: e.target.value })}
                  error={at("dueDate")}
                />
                <SelectField
                  label="Статус"
                  name={`status-${i}`}
                  value={task.status}
                  onChange={(e) => update(i, { status: e.target.value as typeof task.status })}
                  error={at("status")}
                >
                  {Object.entries(taskStatusLabels).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </SelectField>
              </div>
              <p>
                <button type="button" className="button secondary small" onClick={() => remove(i)}>
                  Удалить задачу
                  <span className="visually-hidden">{task.title.trim() ? ` «${task.title.trim()}»` : ` ${i + 1}`}</span>
                </button>
              </p>
            </fieldset>
          );
        })}
        <p>
          <button type="button" id={addId} className="button secondary" onClick={add}>
            Добавить задачу
          </button>
        </p>
        <DialogButtons busy={submit.busy} onCancel={onClose}>
          Сохранить план
        </DialogButtons>
      </form>
    </Dialog>
  );
}

/**
 * The error with each of its field errors passed through `relabel` (to the form's own path, with a message that names
 * the row it is about, since the summary lists the messages alone); any other error as it is.
 */
function relabelFields(error: unknown, relabel: (field: FieldError) => FieldError): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error;
  return new ApiError(error.status, error.code, error.message, { ...error.details, fields: error.fields.map(relabel) });
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
