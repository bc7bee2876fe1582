import { type FormEvent, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { api, unwrap } from "../../api/client";
import { useMe } from "../../auth/AuthContext";
import { roleCan } from "../../auth/access";
import { Dialog } from "../../components/Dialog";
import { CheckboxField, DialogButtons, FormError, SelectField } from "../../components/Form";
import { PairDatesFields, checkPairDates } from "./PairDates";
import { ShowMore } from "../../components/ShowMore";
import { Async } from "../../components/Status";
import { formatDate, todayIso } from "../../lib/format";
import { countOf, plural } from "../../lib/plural";
import { usePages } from "../../lib/usePages";
import { useResource } from "../../lib/useResource";
import { sendChecked, useSubmit } from "../../lib/useSubmit";
import { type BoardColumn, type Category, type FormCode, type Pair, type Participant, formLabels, pairNouns } from "./model";
import { pairStatusLabels } from "@rnc/core/pair/labels";
import { categoryLabels, formCatalogue } from "@rnc/core/forms/catalogue";

/** Pairs «Показать ещё» adds to a column (as many as the board shows at first: BOARD_PAGE of the core). */
const MORE = "20";

/**
 * The pair board: pairs and groups in four columns by status, read in one request with each column's newest pairs
 * and its count; «Показать ещё» under a column reads its next pairs.
 */
export default function PairsPage() {
  const me = useMe();
  const canWrite = roleCan(me.role, "participants.write");
  const board = useResource(() => unwrap(api.pairs.board.$get()), []);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <div className="page-header">
        <h1>Пары и группы</h1>
        {canWrite && (
          <div className="header-actions">
            <button type="button" className="button" onClick={() => setCreating(true)}>
              Создать пару
            </button>
          </div>
        )}
      </div>
      <Async resource={board}>
        {({ columns }) => (
          <div className="board">
            {columns.map((column) => (
              <Column key={column.status} column={column} />
            ))}
          </div>
        )}
      </Async>
      {creating && <CreatePairDialog onClose={() => setCreating(false)} />}
    </>
  );
}

/** «Показано 20 пар из 57»: the verb agrees with the number shown. */
const shownOf = (shown: number, total: number) =>
  `${plural(shown, ["Показана", "Показаны", "Показано"])} ${countOf(shown, pairNouns)} из ${total.toLocaleString("ru-RU")}`;

/** One status: the pairs the board brought, then page after page of the rest. */
function Column({ column }: { column: BoardColumn }) {
  const { status } = column;
  const pages = usePages(
    (cursor) => unwrap(api.pairs.$get({ query: { status, limit: MORE, ...(cursor ? { cursor } : {}) } })),
    [column],
    column,
  );
  const headingId = `column-${status}`;
  const noteId = `column-${status}-shown`;
  const paged = pages.cursor !== null || pages.items.length > column.items.length;
  // Pairs that changed status after the board was read may make the loaded pages outnumber the count it gave.
  const total = Math.max(column.total, pages.items.length);

  const list = useRef<HTMLUListElement>(null);

  return (
    <section className="board-column" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {pairStatusLabels[status]} <span className="sub">{countOf(total, pairNouns)}</span>
      </h2>
      {paged && (
        <p id={noteId} className="sub" aria-live="polite">
          {pages.cursor ? shownOf(pages.items.length, total) : "Показаны все пары"}
        </p>
      )}
      <ul ref={list} aria-busy={pages.loading || undefined}>
        {pages.items.map((pair) => (
          <li key={pair.pairId} className="board-card">
            <PairCard pair={pair} />
          </li>
        ))}
      </ul>
      <ShowMore pages={pages} describedBy={noteId} list={list} />
    </section>
  );
}

function PairCard({ pair }: { pair: Pair }) {
  const mentor = pair.members.find((m) => m.role === "mentor");
  const mentees = pair.members.filter((m) => m.role === "mentee");
  return (
    <>
      <Link to={`/pairs/${pair.pairId}`}>
        {mentor?.name} → {mentees.map((m) => m.name).join(", ")}
      </Link>
      <span className="sub">
        {formLabels[pair.form]}
        {pair.kind === "group" ? " · группа" : ""} · {formatDate(pair.startDate)} – {formatDate(pair.endDate)}
      </span>
      {pair.inactive && <span className="badge status-suspended">Нет встреч 45 дней</span>}
    </>
  );
}

type Person = Participant;

/** «Иванова Мария Сергеевна — Педагог»: a person as the pair dialog lists them. */
const personText = (person: Person) => `${person.fullName} — ${categoryLabels[person.category]}`;

/**
 * The people of one role for the chosen form: those whose category the form allows first, then (when all are shown)
 * the others. The ones already chosen stay listed, so that a change of form never drops a choice unseen.
 */
function forForm(people: Person[], allowed: readonly Category[], showAll: boolean, chosen: (person: Person) => boolean) {
  const fitting = people.filter((p) => allowed.includes(p.category));
  const others = people.filter((p) => !allowed.includes(p.category) && (showAll || chosen(p)));
  return { fitting, others };
}

/**
 * A new pair or group: its form, then a mentor and mentees whose categories fit that form (each person with their
 * category; «Показать всех» lists the others too, after them), and its dates. The server enforces the fit on
 * activation; the lists only keep unfitting choices out of the way.
 */
function CreatePairDialog({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const submit = useSubmit();
  const people = useResource(() => unwrap(api.participants.$get({ query: { status: "active" } })), []);
  const forms = useResource(() => unwrap(api.forms.$get()), []);
  const formChoices = forms.data?.enabled ?? (Object.keys(formLabels) as FormCode[]);
  const [chosenForm, setChosenForm] = useState<FormCode | "">("");
  const form = chosenForm || formChoices[0];
  const definition = formCatalogue.find((f) => f.code === form);
  const [mentorId, setMentorId] = useState("");
  const [menteeIds, setMenteeIds] = useState<string[]>([]);
  const [showAll, setShowAll] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = textOf(new FormData(event.currentTarget));
    void submit.run(async () => {
      const { dates, problems } = checkPairDates(text);
      const json = { form: form as FormCode, mentorId, menteeIds, ...dates };
      const created = await sendChecked(problems, (options) => api.pairs.$post({ json }, options));
      navigate(`/pairs/${created.pair.pairId}`);
    });
  };
  const today = todayIso();
  const nextYear = `${Number(today.slice(0, 4)) + 1}-05-31`;
  return (
    <Dialog title="Новая пара или группа" onClose={onClose} wide>
      <Async resource={people}>
        {({ items }) => {
          const mentors = forForm(
            items.filter((p) => p.isMentor),
            definition?.mentorCategories ?? [],
            showAll,
            (p) => p.participantId === mentorId,
          );
          const mentees = forForm(
            items.filter((p) => p.isMentee),
            definition?.menteeCategories ?? [],
            showAll,
            (p) => menteeIds.includes(p.participantId),
          );
          const allowedText = (categories: readonly Category[] = []) => categories.map((c) => categoryLabels[c]).join(", ");
          const menteeBox = (p: Person, fits: boolean) => (
            <label key={p.participantId} className="checkbox">
              <input
                type="checkbox"
                name="menteeIds"
                value={p.participantId}
                checked={menteeIds.includes(p.participantId)}
                onChange={(e) => {
                  const { checked } = e.target;
                  setMenteeIds((all) => (checked ? [...all, p.participantId] : all.filter((id) => id !== p.participantId)));
                }}
              />{" "}
              {personText(p)}
              {fits ? "" : " (не подходит для формы)"}
            </label>
          );
          return (
            <form onSubmit={onSubmit} noValidate>
              <FormError error={submit.error} />
              <SelectField
                label="Форма наставничества"
                name="form"
                required
                value={form}
                onChange={(e) => setChosenForm(e.target.value as FormCode)}
                error={submit.field("form")}
              >
                {formChoices.map((code) => (
                  <option key={code} value={code}>
                    {formLabels[code]}
                  </option>
                ))}
              </SelectField>
              {definition && (
                <p className="hint">
                  Наставник: {allowedText(definition.mentorCategories)}. Наставляемые: {allowedText(definition.menteeCategories)}.
                </p>
              )}
              <CheckboxField
                label="Показать всех участников, не только подходящих для формы"
                name="showAll"
                checked={showAll}
                onChange={(e) => setShowAll(e.target.checked)}
              />
              <SelectField
                label="Наставник"
                name="mentorId"
                required
                value={mentorId}
                onChange={(e) => setMentorId(e.target.value)}
                hint={mentors.fitting.length === 0 ? "Нет активных наставников подходящей категории" : undefined}
                error={submit.field("mentorId")}
              >
                <option value="">Выберите наставника</option>
                {mentors.others.length === 0 ? (
                  personOptions(mentors.fitting)
                ) : (
                  <>
                    <optgroup label="Подходят для формы">{personOptions(mentors.fitting)}</optgroup>
                    <optgroup label="Другие категории">{personOptions(mentors.others)}</optgroup>
                  </>
                )}
              </SelectField>
              <fieldset className="field">
                <legend>Наставляемые (один — пара, несколько — группа)</legend>
                {mentees.fitting.length === 0 && <p className="hint">Нет активных наставляемых подходящей категории</p>}
                {mentees.fitting.map((p) => menteeBox(p, true))}
                {mentees.others.length > 0 && (
                  <>
                    <p className="hint">Другие категории:</p>
                    {mentees.others.map((p) => menteeBox(p, false))}
                  </>
                )}
                {submit.field("menteeIds") && <p className="field-error">{submit.field("menteeIds")}</p>}
              </fieldset>
              <PairDatesFields startDate={today} endDate={nextYear} endHint="Обычно от 3 до 12 месяцев" error={submit.field} />
              <DialogButtons busy={submit.busy} onCancel={onClose}>
                Создать черновик пары
              </DialogButtons>
            </form>
          );
        }}
      </Async>
    </Dialog>
  );
}

const personOptions = (people: Person[]) =>
  people.map((p) => (
    <option key={p.participantId} value={p.participantId}>
      {personText(p)}
    </option>
  ));

const textOf = (form: FormData) => (name: string) => String(form.get(name) ?? "").trim();
