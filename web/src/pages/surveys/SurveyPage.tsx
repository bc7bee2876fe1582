import { type FormEvent, useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { api, unwrap } from "../../api/client";
import { useMe } from "../../auth/AuthContext";
import { roleCan } from "../../auth/access";
import { ConfirmDialog } from "../../components/Dialog";
import { FormError, SelectField, SubmitButton, TextAreaField, TextField } from "../../components/Form";
import { QrCode } from "../../components/QrCode";
import { Async, EmptyState, Notice } from "../../components/Status";
import { formatDateTime } from "../../lib/format";
import { countOf } from "../../lib/plural";
import { type Resource, useResource } from "../../lib/useResource";
import { useRecordTitle } from "../../components/PageTitle";
import { sendChecked, useSubmit } from "../../lib/useSubmit";
import { monitoringNouns, percent } from "../monitoring/types";
import { surveyAudienceLabels, surveyPhaseLabels, surveyPurposeLabels } from "@rnc/core/survey/labels";
import { questionKindLabels } from "@rnc/core/survey/questions";
import { Bars } from "./Charts";
import {
  type Question,
  type SendResult,
  type Survey,
  type SurveyLinkInfo,
  answeredText,
  linkStatusLabels,
  preparedText,
  surveyStatusLabels,
} from "./types";
import "../monitoring/monitoring.css";
import { TableWrap } from "../../components/TableWrap";

/** One questionnaire: its questions (editable until sent), sending links, who answered, and the results. */
export default function SurveyPage() {
  const { surveyId = "" } = useParams();
  const me = useMe();
  const survey = useResource(() => unwrap(api.surveys[":surveyId"].$get({ param: { surveyId } })), [surveyId]);
  useRecordTitle(survey.data?.title);
  const canManage = roleCan(me.role, "surveys.manage");
  return (
    <>
      <p>
        <Link to="/surveys">← Все анкеты</Link>
      </p>
      <Async resource={survey}>
        {(data) => (
          <>
            <h1>{data.title}</h1>
            <p className="summary">
              {surveyPurposeLabels[data.purpose]}. {surveyAudienceLabels[data.audience]}. {surveyStatusLabels[data.status]}:{" "}
              {answeredText(data.responseCount, data.sentCount)}.
            </p>
            {canManage && data.status === "draft" ? (
              <Builder survey={data} onSaved={(next) => survey.set(() => next)} />
            ) : (
              <QuestionList questions={data.questions} />
            )}
            {canManage && data.status === "open" && <CloseSurvey surveyId={surveyId} onClosed={(next) => survey.set(() => next)} />}
            <Sending survey={data} canManage={canManage} onSent={survey.reload} />
            {data.responseCount > 0 && <ResultsView surveyId={surveyId} version={data.responseCount} />}
          </>
        )}
      </Async>
    </>
  );
}

/** Stops taking answers: unused links stop working and no more reminders about missing answers come. */
function CloseSurvey({ surveyId, onClosed }: { surveyId: string; onClosed: (next: Survey) => void }) {
  const close = useSubmit();
  const [asking, setAsking] = useState(false);
  const confirm = () =>
    void close.run(async () => {
      onClosed(await unwrap(api.surveys[":surveyId"].close.$post({ param: { surveyId } })));
      setAsking(false);
    });
  return (
    <p className="actions">
      <button type="button" className="button secondary" onClick={() => setAsking(true)}>
        Завершить приём ответов
      </button>
      {asking && (
        <ConfirmDialog
          title="Завершить приём ответов?"
          confirmLabel="Завершить"
          busy={close.busy}
          error={close.error}
          onConfirm={confirm}
          onCancel={() => setAsking(false)}
        >
          Неиспользованные ссылки перестанут действовать, новые отправить будет нельзя. Полученные ответы и результаты сохранятся.
        </ConfirmDialog>
      )}
    </p>
  );
}

function QuestionList({ questions }: { questions: Question[] }) {
  return (
    <section aria-labelledby="questions-title">
      <h2 id="questions-title">Вопросы</h2>
      <ol>
        {questions.map((q) => (
          <li key={q.id}>
            {q.text}{" "}
            <span className="hint">
              ({questionKindLabels[q.kind]}
              {q.required ? ", обязательный" : ""})
            </span>
            {q.options && <div className="hint">Варианты: {q.options.join("; ")}</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Builder({ survey, onSaved }: { survey: Survey; onSaved: (next: Survey) => void }) {
  const [title, setTitle] = useState(survey.title);
  const [audience, setAudience] = useState(survey.audience);
  const [description, setDescription] = useState(survey.description ?? "");
  const [questions, setQuestions] = useState<Question[]>(survey.questions);
  const [notice, setNotice] = useState("");
  const save = useSubmit();
  useEffect(() => setQuestions(survey.questions), [survey]);

  const update = (i: number, change: Partial<Question>) => setQuestions((qs) => qs.map((q, j) => (j === i ? { ...q, ...change } : q)));
  const add = (kind: Question["kind"]) => {
    const used = new Set(questions.map((q) => q.id));
    let n = questions.length + 1;
    while (used.has(`q${n}`)) n++;
    setQuestions((qs) => [
      ...qs,
      {
        id: `q${n}`,
        kind,
        text: "",
        required: kind !== "text",
        ...(kind === "single" || kind === "multiple" ? { options: ["Да", "Нет"] } : {}),
      },
    ]);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const empty = questions.flatMap((q, i) =>
      q.text.trim() ? [] : [{ path: `questions.${i}.text`, message: `Впишите текст вопроса № ${i + 1}` }],
    );
    void save.run(async () => {
      const next = await sendChecked(empty, (options) =>
        api.surveys[":surveyId"].$put(
          {
            param: { surveyId: survey.surveyId },
            json: {
              title,
              description: description.trim() || undefined,
              audience,
              purpose: survey.purpose,
              questions,
              version: survey.version,
            },
          },
          options,
        ),
      );
      onSaved(next);
      setNotice("Анкета сохранена");
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <h2>Вопросы</h2>
      <p className="hint">Вопросы можно менять, пока анкета не разослана.</p>
      {notice && <Notice>{notice}</Notice>}
      <FormError error={save.error} />
      <TextField
        label="Название анкеты"
        name="title"
        required
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={save.field("title")}
      />
      <TextAreaField
        label="Пояснение для участников"
        name="description"
        rows={2}
        hint="Участник видит его над вопросами"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={save.field("description")}
      />
      <SelectField
        label="Кому адресована"
        name="audience"
        value={audience}
        onChange={(e) => setAudience(e.target.value as Survey["audience"])}
      >
        {Object.entries(surveyAudienceLabels).map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </SelectField>
      {questions.map((q, i) => (
        <fieldset key={q.id} className="question-editor">
          <legend>
            Вопрос № {i + 1}: {questionKindLabels[q.kind]}
            {q.satisfaction ? " — входит в показатель удовлетворённости" : ""}
          </legend>
          <TextField
            label="Текст вопроса"
            name={`text-${q.id}`}
            required
            value={q.text}
            onChange={(e) => update(i, { text: e.target.value })}
            error={save.field(`questions.${i}.text`)}
          />
          {(q.kind === "single" || q.kind === "multiple") && (
            <TextField
              label="Варианты ответа"
              name={`options-${q.id}`}
              hint="Через точку с запятой"
              value={(q.options ?? []).join("; ")}
              onChange={(e) =>
                update(i, {
                  options: e.target.value
                    .split(";")
                    .map((o) => o.trim())
                    .filter(Boolean),
                })
              }
              error={save.field(`questions.${i}.options`)}
            />
          )}
          <label className="checkbox">
            <input type="checkbox" checked={q.required} onChange={(e) => update(i, { required: e.target.checked })} /> Обязательный
          </label>
          {q.kind === "scale" && audience !== "any" && (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={q.satisfaction ?? false}
                onChange={(e) => update(i, { satisfaction: e.target.checked || undefined })}
              />{" "}
              Учитывать в показателе удовлетворённости
            </label>
          )}
          <button type="button" className="link-button" onClick={() => setQuestions((qs) => qs.filter((_, j) => j !== i))}>
            Удалить вопрос<span className="visually-hidden"> № {i + 1}</span>
          </button>
        </fieldset>
      ))}
      <div className="actions">
        {(Object.keys(questionKindLabels) as Question["kind"][]).map((kind) => (
          <button key={kind} type="button" className="button secondary" onClick={() => add(kind)}>
            + {questionKindLabels[kind]}
          </button>
        ))}
      </div>
      <div className="actions">
        <SubmitButton busy={save.busy}>Сохранить анкету</SubmitButton>
      </div>
    </form>
  );
}

/**
 * The institution's participants the survey is for (mentors, mentees or everyone), to tick as recipients: only people
 * whose data may be processed (active, with a signed consent), as the server checks too. Their registry ids let the
 * entry and exit answers of one person be compared.
 */
function RegistryPicker({
  audience,
  selected,
  answered,
  onChange,
  error,
}: {
  audience: Survey["audience"];
  selected: ReadonlySet<string>;
  /** Who has answered already (in the chosen round): shown, but not offered again; the API refuses them. */
  answered: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  error?: string;
}) {
  const people = useResource(() => unwrap(api.participants.$get({ query: {} })), []);
  const [filter, setFilter] = useState("");
  return (
    <fieldset className={error ? "field invalid" : "field"} aria-describedby="recipients-hint">
      <legend>Получатели{selected.size ? ` (выбрано: ${selected.size})` : ""}</legend>
      <p id="recipients-hint" className="hint">
        Участники из базы с согласием на обработку данных. Тем, у кого нет почты, ссылка будет подготовлена для печати — её нужно передать
        лично.
      </p>
      <Async resource={people}>
        {({ items }) => {
          const candidates = items.filter(
            (p) =>
              p.status === "active" &&
              p.consent === "signed" &&
              (audience === "any" || (audience === "mentor" ? p.isMentor : p.isMentee)) &&
              p.fullName.toLowerCase().includes(filter.trim().toLowerCase()),
          );
          return (
            <>
              <label htmlFor="recipient-filter">Поиск по ФИО</label>
              <input id="recipient-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
              {candidates.length === 0 ? (
                <p>Подходящих участников нет.</p>
              ) : (
                <ul className="checklist">
                  {candidates.map((p) => (
                    <li key={p.participantId}>
                      <label>
                        <input
                          type="checkbox"
                          disabled={answered.has(p.participantId)}
                          checked={selected.has(p.participantId) && !answered.has(p.participantId)}
                          onChange={(e) => {
                            const next = new Set(selected);
                            if (e.target.checked) next.add(p.participantId);
                            else next.delete(p.participantId);
                            onChange(next);
                          }}
                        />{" "}
                        {p.fullName} {p.email ? `(${p.email})` : "(без почты — ссылка для печати)"}
                        {answered.has(p.participantId) ? " — анкета уже заполнена" : ""}
                      </label>
                    </li>
                  ))}
                </ul>
              )}
            </>
          );
        }}
      </Async>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}

/**
 * The sending form and the list of who the survey went to, from one read of its links: the form does not offer again
 * those who have answered (in the chosen round of a growth survey).
 */
function Sending({ survey, canManage, onSent }: { survey: Survey; canManage: boolean; onSent: () => void }) {
  const links = useResource(
    async () =>
      survey.sentCount > 0 ? (await unwrap(api.surveys[":surveyId"].links.$get({ param: { surveyId: survey.surveyId } }))).items : [],
    [survey.surveyId, survey.sentCount, survey.responseCount],
  );
  return (
    <>
      {canManage && survey.status !== "closed" && <SendForm survey={survey} links={links.data ?? []} onSent={onSent} />}
      {survey.sentCount > 0 && <Links links={links} />}
    </>
  );
}

/** Who answered through one of the links in a round (a growth survey's phase; the others have one). */
const answeredIn = (links: readonly SurveyLinkInfo[], phase: "" | "entry" | "exit") =>
  new Set(links.filter((link) => link.status === "answered" && (link.phase ?? "") === phase).map((link) => link.participantId));

function SendForm({ survey, links, onSent }: { survey: Survey; links: readonly SurveyLinkInfo[]; onSent: () => void }) {
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [phase, setPhase] = useState<"" | "entry" | "exit">("");
  const answered = answeredIn(links, phase);
  const [programme, setProgramme] = useState("");
  const [days, setDays] = useState("14");
  const [result, setResult] = useState<SendResult | null>(null);
  const send = useSubmit();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const expiresInDays = Number(days);
    // Every problem at once: the form's own, and the server's for the rest (sendChecked). A growth survey's stage is
    // checked here, as the server checks it only when sending.
    const problems = [
      ...([...picked].every((id) => answered.has(id)) ? [{ path: "recipients", message: "Выберите хотя бы одного участника" }] : []),
      ...(survey.purpose === "growth" && !phase
        ? [{ path: "phase", message: "Укажите этап: анкета личностного роста заполняется на входе и на выходе из программы" }]
        : []),
      ...(Number.isInteger(expiresInDays) && expiresInDays >= 1 && expiresInDays <= 60
        ? []
        : [{ path: "expiresInDays", message: "Срок действия ссылок — целое число дней от 1 до 60" }]),
    ];
    const json = {
      recipients: [...picked].filter((id) => !answered.has(id)).map((participantId) => ({ participantId })),
      ...(phase ? { phase } : {}),
      ...(programme.trim() ? { programme: programme.trim() } : {}),
      expiresInDays,
    };
    void send.run(async () => {
      const sent = await sendChecked(problems, (options) =>
        api.surveys[":surveyId"].send.$post({ param: { surveyId: survey.surveyId }, json }, options),
      );
      setResult(sent);
      setPicked(new Set());
      onSent();
    });
  };
  return (
    <section aria-labelledby="send-title">
      <h2 id="send-title">Рассылка</h2>
      <form onSubmit={onSubmit} noValidate className="card no-print">
        <FormError error={send.error} />
        <RegistryPicker
          audience={survey.audience}
          selected={picked}
          answered={answered}
          onChange={setPicked}
          error={send.field("recipients")}
        />
        {survey.purpose === "growth" && (
          <>
            <SelectField
              label="Этап"
              name="phase"
              required
              value={phase}
              onChange={(e) => setPhase(e.target.value as "" | "entry" | "exit")}
              error={send.field("phase")}
            >
              <option value="">— выберите —</option>
              {Object.entries(surveyPhaseLabels).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </SelectField>
            <TextField
              label="Программа (форма наставничества)"
              name="programme"
              hint="Например: Ученик – ученик"
              value={programme}
              onChange={(e) => setProgramme(e.target.value)}
              error={send.field("programme")}
            />
          </>
        )}
        <TextField
          label="Срок действия ссылок, дней"
          name="expiresInDays"
          type="number"
          min={1}
          max={60}
          hint="За 3 дня до окончания срока придёт напоминание, если ответили не все"
          value={days}
          onChange={(e) => setDays(e.target.value)}
          error={send.field("expiresInDays")}
        />
        <SubmitButton busy={send.busy} busyLabel="Отправляем…">
          Отправить ссылки
        </SubmitButton>
      </form>
      {result && (
        <div>
          <Notice>
            {preparedText(result.sent)}, по почте отправлено: {result.emailed}. Ссылки действуют до {formatDateTime(result.expiresAt)} и
            работают один раз.
          </Notice>
          {result.printable.length > 0 && (
            <>
              <h3>Ссылки для печати</h3>
              <p className="hint no-print">
                Эти ссылки показываются только сейчас. Распечатайте страницу и передайте каждому участнику его ссылку.
              </p>
              <ul className="printable-links">
                {result.printable.map((p) => (
                  <li key={p.participantId}>
                    <QrCode value={p.url} label={`QR-код ссылки на анкету для: ${p.name}`} />
                    <span>
                      <strong>{p.name}</strong>: {p.url}
                    </span>
                  </li>
                ))}
              </ul>
              <button type="button" className="button secondary no-print" onClick={() => window.print()}>
                Печать
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}

function Links({ links }: { links: Resource<SurveyLinkInfo[]> }) {
  return (
    <section aria-labelledby="links-title" className="no-print">
      <h2 id="links-title">Кому отправлена</h2>
      <Async resource={links}>
        {(items) => (
          <ul>
            {items.map((link) => (
              <li key={link.linkId}>
                {link.name} — {linkStatusLabels[link.status]}
                {link.delivery === "print" ? " (ссылка для печати)" : ""}
                {link.phase ? `, ${link.phase === "entry" ? "вход" : "выход"}` : ""}
              </li>
            ))}
          </ul>
        )}
      </Async>
    </section>
  );
}

function ResultsView({ surveyId, version }: { surveyId: string; version: number }) {
  const results = useResource(() => unwrap(api.surveys[":surveyId"].results.$get({ param: { surveyId } })), [surveyId, version]);
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">Итоги</h2>
      <Async resource={results}>
        {(data) => (
          <>
            <p className="summary">
              {countOf(data.responses, monitoringNouns.answer)}.
              {data.satisfaction && ` Удовлетворённость: ${percent(data.satisfaction.percent)} (средняя оценка × 10).`}
            </p>
            {data.questions.map((q) => (
              <div key={q.id}>
                <h3>{q.text}</h3>
                <p className="hint">Ответили: {q.answered}</p>
                {q.scale && (
                  <>
                    <p>Средняя оценка: {q.scale.mean === null ? "—" : String(q.scale.mean).replace(".", ",")}</p>
                    <Bars
                      label={`Распределение оценок: ${q.text}`}
                      items={q.scale.counts.map((count, i) => ({ label: `${i + 1}`, value: count, text: String(count) }))}
                    />
                  </>
                )}
                {q.options && (
                  <Bars
                    label={`Ответы: ${q.text}`}
                    items={q.options.map((o) => ({ label: o.option, value: o.count, text: `${o.count} (${percent(o.percent)})` }))}
                  />
                )}
                {q.texts &&
                  (q.texts.length === 0 ? (
                    <EmptyState title="Свободных ответов нет" />
                  ) : (
                    <ul>
                      {q.texts.map((text, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: answers are anonymous and may repeat
                        <li key={i}>{text}</li>
                      ))}
                    </ul>
                  ))}
              </div>
            ))}
            {data.entryExit.length > 0 && (
              <>
                <h2>Вход и выход по программам</h2>
                {data.entryExit.map((programme) => (
                  <div key={programme.programme}>
                    <h3>
                      {programme.programme}: вход — {programme.entryCount}, выход — {programme.exitCount}
                    </h3>
                    <TableWrap>
                      <table>
                        <caption className="visually-hidden">{`${programme.programme}: вход и выход`}</caption>
                        <thead>
                          <tr>
                            <th scope="col">Характеристика</th>
                            <th scope="col">Вход</th>
                            <th scope="col">Выход</th>
                            <th scope="col">Изменение</th>
                          </tr>
                        </thead>
                        <tbody>
                          {programme.rows.map((row) => (
                            <tr key={row.id}>
                              <th scope="row">{row.characteristic ?? row.text}</th>
                              <td>{row.entryMean ?? "—"}</td>
                              <td>{row.exitMean ?? "—"}</td>
                              <td className={row.improved === true ? "kpi-achieved" : row.improved === false ? "kpi-behind" : undefined}>
                                {row.delta === null ? "—" : `${row.delta > 0 ? "+" : ""}${String(row.delta).replace(".", ",")}`}
                                {row.improved === true ? " (улучшение)" : row.improved === false ? " (ухудшение)" : ""}
                              </td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </TableWrap>
                  </div>
                ))}
              </>
            )}
          </>
        )}
      </Async>
    </section>
  );
}
