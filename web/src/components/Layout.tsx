import { Suspense, useEffect, useId, useRef, useState } from "react";
import { Link, NavLink, Outlet, useLocation } from "react-router";
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
          <SectionsMenu
            links={[{ path: "/", label: "Главная", end: true }, ...sectionsFor(me.role).map(({ path, label }) => ({ path, label }))]}
          />
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

/**
 * The navigation's links. On a wide screen they are always shown; on a narrow one (the CSS of `.nav-toggle`) they are
 * collapsed behind «Меню», which opens and closes them (aria-expanded). The menu closes when a link is followed, on
 * Esc (focus back on «Меню») and when the page changes.
 */
function SectionsMenu({ links }: { links: { path: string; label: string; end?: boolean }[] }) {
  const listId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: closes on every change of page
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      setOpen(false);
      // Focus in the menu goes back to its button (it would be lost with the hidden link); focus elsewhere stays.
      if (toggle.current?.parentElement?.contains(document.activeElement)) toggle.current.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <div className="nav-inner">
      <button
        ref={toggle}
        type="button"
        className="nav-toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
      >
        Меню
      </button>
      <ul id={listId} className={open ? "open" : undefined}>
        {links.map((link) => (
          <li key={link.path}>
            {/* Following a link closes the menu, also the link of the page already shown (no change of page). */}
            <NavLink to={link.path} end={link.end} onClick={() => setOpen(false)}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Pages without a signed-in user (sign-in, password recovery, invitations). The product's name links to the staff
 * app, except on the pages of `forParticipants` (a survey, unsubscribing from reminders, opened from a letter by
 * someone who has no account), where it is plain text.
 */
export function PublicLayout({ forParticipants = false }: { forParticipants?: boolean }) {
  return (
    <div className="public">
      <a className="skip-link" href="#main">
        Перейти к содержимому
      </a>
      <header className="public-header">
        {forParticipants ? (
          <p className="brand">{PRODUCT_NAME}</p>
        ) : (
          <Link to="/" className="brand">
            {PRODUCT_NAME}
          </Link>
        )}
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
