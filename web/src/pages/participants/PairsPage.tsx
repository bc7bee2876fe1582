import { type FormEvent, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { api, unwrap } from "../../api/client";
import { useMe } from "../../auth/AuthContext";
import { roleCan } from "../../auth/access";
import { Dialog } from "../../components/Dialog";
import { DialogButtons, FormError, SelectField } from "../../components/Form";
import { PairDatesFields, readPairDates } from "./PairDates";
import { ShowMore } from "../../components/ShowMore";
import { Async } from "../../components/Status";
import { formatDate, todayIso } from "../../lib/format";
import { countOf, plural } from "../../lib/plural";
import { usePages } from "../../lib/usePages";
import { useResource } from "../../lib/useResource";
import { useSubmit } from "../../lib/useSubmit";
import { type BoardColumn, type FormCode, type Pair, formLabels, pairNouns } from "./model";
import { pairStatusLabels } from "@rnc/core/pair/labels";

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

function CreatePairDialog({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const submit = useSubmit();
  const people = useResource(() => unwrap(api.participants.$get({ query: { status: "active" } })), []);
  const forms = useResource(() => unwrap(api.forms.$get()), []);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    void submit.run(async () => {
      const { startDate, endDate } = readPairDates(text);
      const created = await unwrap(
        api.pairs.$post({
          json: {
            form: text("form") as FormCode,
            mentorId: text("mentorId"),
            menteeIds: form.getAll("menteeIds").map(String),
            startDate,
            endDate,
          },
        }),
      );
      navigate(`/pairs/${created.pair.pairId}`);
    });
  };
  const today = todayIso();
  const nextYear = `${Number(today.slice(0, 4)) + 1}-05-31`;
  return (
    <Dialog title="Новая пара или группа" onClose={onClose} wide>
      <Async resource={people}>
        {({ items }) => (
          <form onSubmit={onSubmit} noValidate>
            <FormError error={submit.error} />
            <SelectField label="Форма наставничества" name="form" required error={submit.field("form")}>
              {(forms.data?.enabled ?? (Object.keys(formLabels) as FormCode[])).map((code) => (
                <option key={code} value={code}>
                  {formLabels[code]}
                </option>
              ))}
            </SelectField>
            <SelectField label="Наставник" name="mentorId" required error={submit.field("mentorId")}>
              <option value="">Выберите наставника</option>
              {items
                .filter((p) => p.isMentor)
                .map((p) => (
                  <option key={p.participantId} value={p.participantId}>
                    {p.fullName}
                  </option>
                ))}
            </SelectField>
            <fieldset className="field">
              <legend>Наставляемые (один — пара, несколько — группа)</legend>
              {items
                .filter((p) => p.isMentee)
                .map((p) => (
                  <label key={p.participantId} className="checkbox">
                    <input type="checkbox" name="menteeIds" value={p.participantId} /> {p.fullName}
                  </label>
                ))}
              {submit.field("menteeIds") && <p className="field-error">{submit.field("menteeIds")}</p>}
            </fieldset>
            <PairDatesFields startDate={today} endDate={nextYear} endHint="Обычно от 3 до 12 месяцев" error={submit.field} />
            <DialogButtons busy={submit.busy} onCancel={onClose}>
              Создать черновик пары
            </DialogButtons>
          </form>
        )}
      </Async>
    </Dialog>
  );
}
