import { useRef, useState } from "react";
import { Link } from "react-router";
import { api, unwrap } from "../../api/client";
import { useMe } from "../../auth/AuthContext";
import { roleCan } from "../../auth/access";
import { ShowMore } from "../../components/ShowMore";
import { EmptyState, Loading } from "../../components/Status";
import { formatDate } from "../../lib/format";
import { countOf } from "../../lib/plural";
import { usePages } from "../../lib/usePages";
import { categoryLabels } from "@rnc/core/forms/catalogue";
import { participantStatusLabels } from "@rnc/core/participant/labels";
import { type Category, type Participant, participantNouns, roleText } from "./model";
import { ParticipantDialog } from "./ParticipantDialog";
import { SelectField, TextField } from "../../components/Form";
import { TableWrap } from "../../components/TableWrap";

type Filters = {
  q: string;
  role: "" | "mentor" | "mentee";
  category: "" | Category;
  consent: "" | "signed" | "missing";
  minor: "" | "true" | "false";
  /** Without one the registry leaves out the anonymised; with one it shows only that status. */
  status: "" | Participant["status"];
};

/** Rows per page of the registry (the API reads the name-ordered index a page at a time). */
const PAGE_SIZE = "50";

/** The registry of mentors and mentees: search, filters, and adding a person. */
export default function ParticipantsPage() {
  const me = useMe();
  const canWrite = roleCan(me.role, "participants.write");
  const [filters, setFilters] = useState<Filters>({ q: "", role: "", category: "", consent: "", minor: "", status: "" });
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== "")) as Record<string, string>;
  const rows = useRef<HTMLTableSectionElement>(null);
  const list = usePages(
    (cursor) => unwrap(api.participants.$get({ query: { ...query, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } })),
    [JSON.stringify(query)],
  );
  const [adding, setAdding] = useState(false);
  const set = (key: keyof Filters) => (e: { target: { value: string } }) => setFilters((f) => ({ ...f, [key]: e.target.value }));

  return (
    <>
      <div className="page-header">
        <h1>Участники</h1>
        {canWrite && (
          <div className="header-actions">
            <button type="button" className="button" onClick={() => setAdding(true)}>
              Добавить участника
            </button>
            <Link to="/participants/import" className="button secondary">
              Импорт из файла
            </Link>
          </div>
        )}
      </div>
      <search className="filters" aria-label="Поиск и фильтры">
        <TextField label="Поиск" name="q" type="search" value={filters.q} onChange={set("q")} hint="ФИО, класс, запросы, компетенции" />
        <SelectField label="Роль" name="role" value={filters.role} onChange={set("role")}>
          <option value="">Все</option>
          <option value="mentor">Наставники</option>
          <option value="mentee">Наставляемые</option>
        </SelectField>
        <SelectField label="Категория" name="category" value={filters.category} onChange={set("category")}>
          <option value="">Все</option>
          {Object.entries(categoryLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField label="Согласие на обработку ПД" name="consent" value={filters.consent} onChange={set("consent")}>
          <option value="">Все</option>
          <option value="signed">Есть</option>
          <option value="missing">Нет</option>
        </SelectField>
        <SelectField label="Возраст" name="minor" value={filters.minor} onChange={set("minor")}>
          <option value="">Все</option>
          <option value="true">Несовершеннолетние</option>
          <option value="false">Совершеннолетние</option>
        </SelectField>
        <SelectField label="Статус" name="status" value={filters.status} onChange={set("status")}>
          <option value="">Все, кроме обезличенных</option>
          {Object.entries(participantStatusLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
      </search>
      {!list.loaded && !list.error && <Loading />}
      {list.loaded &&
        (list.items.length === 0 ? (
          <EmptyState title="Участников не найдено">{canWrite && <p>Добавьте участника или импортируйте базу из файла.</p>}</EmptyState>
        ) : (
          <>
            <p className="summary" aria-live="polite">
              {list.cursor ? "Показаны первые " : "Найдено: "}
              {countOf(list.items.length, participantNouns)}
            </p>
            <TableWrap>
              <table>
                <caption className="visually-hidden">Участники</caption>
                <thead>
                  <tr>
                    <th scope="col">ФИО</th>
                    <th scope="col">Категория</th>
                    <th scope="col">Класс или группа</th>
                    <th scope="col">Роль</th>
                    <th scope="col">Дата рождения</th>
                    <th scope="col">Согласие</th>
                  </tr>
                </thead>
                <tbody ref={rows}>
                  {list.items.map((p) => (
                    <tr key={p.participantId}>
                      <th scope="row">
                        <Link to={`/participants/${p.participantId}`}>{p.fullName}</Link>
                        {p.status !== "active" && <span className="sub">{participantStatusLabels[p.status]}</span>}
                      </th>
                      <td>{categoryLabels[p.category]}</td>
                      <td>{p.group ?? "—"}</td>
                      <td>{roleText(p)}</td>
                      <td className="nowrap">
                        {p.birthDate ? formatDate(p.birthDate) : (p.birthYear ?? "—")}
                        {p.minor && <span className="sub">несовершеннолетний</span>}
                      </td>
                      <td>
                        <span className={`badge ${p.consent === "signed" ? "status-active" : "status-suspended"}`}>
                          {p.consent === "signed" ? "Есть" : "Нет"}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </>
        ))}
      <ShowMore pages={list} list={rows} />
      {adding && <ParticipantDialog onClose={() => setAdding(false)} />}
    </>
  );
}
