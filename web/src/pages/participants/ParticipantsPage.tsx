import { type FormEvent, useState } from "react";
import { Link, useNavigate } from "react-router";
import { api, unwrap } from "../../api/client";
import { useMe } from "../../auth/AuthContext";
import { roleCan } from "../../auth/access";
import { Dialog } from "../../components/Dialog";
import { FormError, SelectField, SubmitButton, TextField } from "../../components/Form";
import { Async, EmptyState } from "../../components/Status";
import { formatDate } from "../../lib/format";
import { countOf } from "../../lib/plural";
import { useResource } from "../../lib/useResource";
import { invalid, useSubmit } from "../../lib/useSubmit";
import { type Category, type ParticipantInput, categoryLabels, parseRuDate, participantNouns, roleText } from "./model";

type Filters = {
  q: string;
  role: "" | "mentor" | "mentee";
  category: "" | Category;
  consent: "" | "signed" | "missing";
  minor: "" | "true" | "false";
};

/** The registry of mentors and mentees: search, filters, and adding a person. */
export default function ParticipantsPage() {
  const me = useMe();
  const canWrite = roleCan(me.role, "participants.write");
  const [filters, setFilters] = useState<Filters>({ q: "", role: "", category: "", consent: "", minor: "" });
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== "")) as Record<string, string>;
  const list = useResource(() => unwrap(api.participants.$get({ query })), [JSON.stringify(query)]);
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
      </search>
      <Async resource={list}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title="Участников не найдено">{canWrite && <p>Добавьте участника или импортируйте базу из файла.</p>}</EmptyState>
          ) : (
            <>
              <p className="summary" aria-live="polite">
                {countOf(items.length, participantNouns)}
              </p>
              <div className="table-wrap">
                <table>
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
                  <tbody>
                    {items.map((p) => (
                      <tr key={p.participantId}>
                        <th scope="row">
                          <Link to={`/participants/${p.participantId}`}>{p.fullName}</Link>
                          {p.restricted && <span className="sub">Обработка данных ограничена</span>}
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
              </div>
            </>
          )
        }
      </Async>
      {adding && <ParticipantDialog onClose={() => setAdding(false)} />}
    </>
  );
}

const list = (value: string) =>
  value
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

function ParticipantDialog({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const submit = useSubmit();
  const [role, setRole] = useState<"mentee" | "mentor" | "both">("mentee");

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    void submit.run(async () => {
      const birth = text("birthDate");
      const birthDate = birth ? parseRuDate(birth) : undefined;
      if (birth && !birthDate) throw invalid([{ path: "birthDate", message: "Дата рождения: ДД.ММ.ГГГГ" }]);
      const isMentor = role !== "mentee";
      const input: ParticipantInput = {
        fullName: text("fullName"),
        birthDate,
        category: text("category") as Category,
        group: text("group") || undefined,
        email: text("email") || undefined,
        phone: text("phone") || undefined,
        isMentor,
        isMentee: role !== "mentor",
        requests: role !== "mentor" && text("requests") ? list(text("requests")) : undefined,
        competences: isMentor && text("competences") ? list(text("competences")) : undefined,
        capacity: isMentor ? Number(text("capacity") || "1") : undefined,
        partnerOrg: isMentor ? text("partnerOrg") || undefined : undefined,
      };
      const created = await unwrap(api.participants.$post({ json: input }));
      navigate(`/participants/${created.participantId}`);
    });
  };

  return (
    <Dialog title="Новый участник" onClose={onClose} wide>
      <form onSubmit={onSubmit} noValidate>
        <FormError error={submit.error} />
        <TextField label="ФИО" name="fullName" required autoComplete="off" error={submit.field("fullName")} />
        <div className="grid-2">
          <TextField
            label="Дата рождения"
            name="birthDate"
            placeholder="ДД.ММ.ГГГГ"
            hint="Для обучающихся обязательно"
            error={submit.field("birthDate")}
          />
          <SelectField label="Категория" name="category" required defaultValue="pupil" error={submit.field("category")}>
            {Object.entries(categoryLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
          <TextField label="Класс или группа" name="group" error={submit.field("group")} />
          <SelectField
            label="Роль"
            name="role"
            value={role}
            onChange={(e) => setRole(e.target.value as typeof role)}
            error={submit.field("isMentor")}
          >
            <option value="mentee">Наставляемый</option>
            <option value="mentor">Наставник</option>
            <option value="both">Наставник и наставляемый</option>
          </SelectField>
          <TextField label="Электронная почта" name="email" type="email" error={submit.field("email")} />
          <TextField label="Телефон" name="phone" type="tel" error={submit.field("phone")} />
        </div>
        {role !== "mentor" && <TextField label="Запросы" name="requests" hint="Через точку с запятой" error={submit.field("requests")} />}
        {role !== "mentee" && (
          <div className="grid-2">
            <TextField label="Компетенции" name="competences" hint="Через точку с запятой" error={submit.field("competences")} />
            <TextField
              label="Сколько наставляемых одновременно"
              name="capacity"
              type="number"
              min={1}
              max={20}
              defaultValue="1"
              error={submit.field("capacity")}
            />
            <TextField label="Организация-партнёр" name="partnerOrg" error={submit.field("partnerOrg")} />
          </div>
        )}
        <div className="actions">
          <SubmitButton busy={submit.busy}>Сохранить</SubmitButton>
          <button type="button" className="button secondary" onClick={onClose}>
            Отмена
          </button>
        </div>
      </form>
    </Dialog>
  );
}
