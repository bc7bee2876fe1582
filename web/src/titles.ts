import type { Role } from "./api/types";
import { navSectionOf, routeOf, sectionAllowed } from "./sections";

/** What every title ends with. */
const APP = "ЦМН";

/** Titles of the pages that are not sections. */
const pageTitles: [prefix: string, label: string][] = [
  ["/settings/reminders", "Напоминания"],
  ["/unsubscribe/", "Отписка от напоминаний"],
  ["/login", "Вход в систему"],
  ["/forgot-password", "Восстановление пароля"],
  ["/reset-password/", "Новый пароль"],
  ["/invite/", "Приглашение"],
  ["/survey/", "Анкета"],
];

/**
 * The document's title for a path (WCAG 2.4.2: every page says what it is): the page, then the navigation item it
 * comes under, then «ЦМН». A page of one record (`nav: false`) is named by the record once loaded (`record`, e.g.
 * «Иванова М. С.»), by its route's label until then: «Иванова М. С. — Участники — ЦМН». A path no route shows, or
 * a section the role may not open, is «Страница не найдена».
 */
export function titleOf(pathname: string, role?: Role, record?: string): string {
  return [...pageParts(pathname, role, record), APP].join(" — ");
}

function pageParts(pathname: string, role: Role | undefined, record: string | undefined): string[] {
  if (pathname === "/") return ["Главная"];
  const other = pageTitles.find(([prefix]) => pathname.startsWith(prefix));
  if (other) return [other[1]];
  const section = routeOf(pathname);
  if (!section || (role && !sectionAllowed(section, role))) return ["Страница не найдена"];
  const page = record ?? section.label;
  const under = navSectionOf(section);
  return under && under.label !== page ? [page, under.label] : [page];
}
