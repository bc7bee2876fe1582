import { Link } from "react-router";
import { api, unwrap } from "../api/client";
import { Async } from "../components/Status";
import { formatDate } from "../lib/format";
import { institutionStatusLabels, institutionTypeLabels } from "../lib/labels";
import { useResource } from "../lib/useResource";
import { FormsSection } from "./FormsSection";

export default function OwnInstitutionPage() {
  const own = useResource(() => unwrap(api.institutions.own.$get()), []);
  return (
    <>
      <h1>Моя организация</h1>
      <Async resource={own}>
        {(institution) => (
          <>
            <p className="lead">{institution.shortName}</p>
            <dl className="facts wide-facts">
              <dt>Полное наименование</dt>
              <dd>{institution.fullName}</dd>
              <dt>Тип</dt>
              <dd>{institutionTypeLabels[institution.type]}</dd>
              <dt>Муниципалитет</dt>
              <dd>{institution.municipality}</dd>
              <dt>Статус</dt>
              <dd>{institutionStatusLabels[institution.status]}</dd>
              <dt>Обучающихся всего</dt>
              <dd>{institution.studentsTotal.toLocaleString("ru-RU")}</dd>
              <dt>Из них в возрасте 10–19 лет</dt>
              <dd>{institution.students10to19.toLocaleString("ru-RU")}</dd>
              <dt>Педагогов всего</dt>
              <dd>{institution.teachersTotal.toLocaleString("ru-RU")}</dd>
              <dt>Из них молодых специалистов (стаж 0–3 года)</dt>
              <dd>{institution.youngTeachers.toLocaleString("ru-RU")}</dd>
              <dt>Электронная почта</dt>
              <dd>{institution.contactEmail || "не указана"}</dd>
              <dt>Телефон</dt>
              <dd>{institution.contactPhone || "не указан"}</dd>
              <dt>Сведения обновлены</dt>
              <dd>{formatDate(institution.updatedAt)}</dd>
            </dl>
            <p className="hint">Сведения об организации ведёт региональный наставнический центр. Чтобы исправить их, обратитесь в РНЦ.</p>
            <p>
              <Link to="/institution/summary">Сводка для РНЦ: числа организации, которые видит региональный центр</Link>
            </p>
          </>
        )}
      </Async>
      <FormsSection />
    </>
  );
}
