import { Suspense } from "react";
import { Link, NavLink, Outlet } from "react-router";
import { useAuth, useMe } from "../auth/AuthContext";
import { getsReminders } from "../auth/access";
import { roleLabels } from "../lib/labels";
import { sectionsFor } from "../sections";
import { Loading } from "./Status";

export const PRODUCT_NAME = "ЦМН — наставничество";

/** The signed-in layout: header with the user and sign-out, navigation by role, the page. */
export function Layout() {
  const me = useMe();
  const { signOut } = useAuth();
  const place = me.institution?.shortName ?? me.region?.name;
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Перейти к содержимому
      </a>
      <header className="app-header">
        <div className="header-inner">
          <Link to="/" className="brand">
            {PRODUCT_NAME}
          </Link>
          <div className="user-box">
            <span className="user-name">{me.fullName}</span>
            <span className="user-role">
              {roleLabels[me.role]}
              {place ? ` · ${place}` : ""}
            </span>
            {getsReminders(me.role) && (
              <Link to="/settings/reminders" className="user-link">
                Напоминания
              </Link>
            )}
          </div>
          <button type="button" className="button secondary small" onClick={() => void signOut()}>
            Выйти
          </button>
        </div>
        <nav className="app-nav" aria-label="Разделы">
          <ul>
            <li>
              <NavLink to="/" end>
                Главная
              </NavLink>
            </li>
            {sectionsFor(me.role).map((section) => (
              <li key={section.path}>
                <NavLink to={section.path}>{section.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}

/** Pages without a signed-in user (sign-in, password recovery, invitations). */
export function PublicLayout() {
  return (
    <div className="public">
      <a className="skip-link" href="#main">
        Перейти к содержимому
      </a>
      <header className="public-header">
        <Link to="/" className="brand">
          {PRODUCT_NAME}
        </Link>
        <p className="tagline">Сопровождение целевой модели наставничества в образовательных организациях региона</p>
      </header>
      <main id="main" className="public-main" tabIndex={-1}>
        <div className="card narrow">
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </div>
      </main>
    </div>
  );
}
