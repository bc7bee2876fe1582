import { Link } from "react-router";
import { useMe } from "../auth/AuthContext";
import { roleScope } from "../auth/access";
import { addressName } from "../lib/format";
import { roleLabels } from "../lib/labels";
import { sectionsFor } from "../sections";

const intro = {
  platform: "Вы управляете регионами платформы: создайте региональный наставнический центр и пригласите его администратора.",
  region: "Здесь собраны организации вашего региона, их сотрудники и журнал изменений.",
  institution: "Здесь ведётся работа вашей организации по целевой модели наставничества.",
};

export default function HomePage() {
  const me = useMe();
  const place = me.institution?.shortName ?? me.region?.name;
  return (
    <>
      <h1>Здравствуйте, {addressName(me.fullName)}!</h1>
      <p className="lead">
        {roleLabels[me.role]}
        {place ? ` · ${place}` : ""}
      </p>
      <p>{intro[roleScope[me.role]]}</p>
      <ul className="cards">
        {sectionsFor(me.role).map((section) => (
          <li key={section.path} className="card link-card">
            <h2>
              <Link to={section.path}>{section.label}</Link>
            </h2>
            <p>{section.description}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
