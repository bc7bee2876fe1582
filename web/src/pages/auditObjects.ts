/**
 * What an audit entry's target is, in Russian, and the page that shows it: the log records ids («par_01…»), a year for
 * the KPI targets and «participants» / «pairs» for viewing a list, never a name.
 */
import type { Role } from "../api/types";
import { sectionAllowed, sectionOf } from "../sections";

/** The kinds of ids by their prefix (packages/core/src/id.ts `idPrefixes`, which also holds what is never audited). */
export const idKindLabels: Record<string, string> = {
  reg: "Регион",
  org: "Организация",
  usr: "Пользователь",
  inv: "Приглашение",
  ses: "Сеанс входа",
  aud: "Запись журнала",
  req: "Запрос",
  imp: "Импорт из файла",
  ptc: "Участник",
  cns: "Согласие на обработку персональных данных",
  par: "Пара или группа",
  mtg: "Встреча",
  tsk: "Задача плана",
  cmp: "Кампания отчётности",
  evt: "Событие",
  srv: "Анкета",
  lnk: "Ссылка на анкету",
  rsp: "Ответ на анкету",
  rmp: "Дорожная карта",
  rms: "Раздел дорожной карты",
  rmi: "Мероприятие дорожной карты",
  exp: "Выгрузка отчёта",
  prc: "Лучшая практика",
  trn: "Мероприятие по обучению наставников",
  ptn: "Организация-партнёр",
  rwd: "Поощрение наставника",
  pub: "Публикация медиаплана",
  acm: "Мера доступности",
};

export type AuditObject = {
  /** What kind of object it is («Пара или группа»). */
  kind: string;
  /** Its name, where the viewer's lists know it (an institution, a user, the region). */
  name?: string;
  /** The page that shows it, when there is one the viewer may open. */
  href?: string;
};

type Entry = { action: string; target: string; tenantId?: string };

const prefixOf = (target: string) => /^([a-z]{3})_[0-9a-z]{26}$/.exec(target)?.[1];

/** The page for an object of a kind, for the viewer's role (an institution's own pages, or the region's). */
function pageOf(entry: Entry, prefix: string | undefined, role: Role): string | undefined {
  const id = encodeURIComponent(entry.target);
  if (entry.action.startsWith("submission.") && prefix === "cmp")
    return role === "region_admin" ? (entry.tenantId ? `/region/monitoring/${id}/${entry.tenantId}` : undefined) : `/monitoring/${id}`;
  if (entry.action.startsWith("roadmap.template.")) return "/region/roadmap-template";
  switch (prefix) {
    case "ptc":
      return `/participants/${id}`;
    case "par":
      return `/pairs/${id}`;
    case "rmp":
      return `/roadmaps/${id}`;
    case "srv":
      return `/surveys/${id}`;
    case "cmp":
      return `/region/monitoring/${id}`;
    case "org":
      return role === "region_admin" ? `/region/stats/${id}` : "/institution";
    default:
      return undefined;
  }
}

/** The target of an entry as the log shows it; `names` are the ids the viewer's lists name. */
export function auditObject(entry: Entry, role: Role, names: ReadonlyMap<string, string>): AuditObject | undefined {
  const allowed = (href: string | undefined) => {
    const section = href ? sectionOf(href) : undefined;
    return section && sectionAllowed(section, role) ? href : undefined;
  };
  if (entry.target === "participants") return { kind: "Список участников", href: allowed("/participants") };
  if (entry.target === "pairs") return { kind: "Список пар и групп", href: allowed("/pairs") };
  if (entry.action === "kpi.targets" && /^\d{4}$/.test(entry.target))
    return { kind: `Целевые показатели на ${entry.target} год`, href: allowed("/region/kpi") };
  const prefix = prefixOf(entry.target);
  const kind = prefix ? idKindLabels[prefix] : undefined;
  if (!kind) return undefined;
  const templateKind = entry.action.startsWith("roadmap.template.") ? "Шаблон дорожной карты региона" : undefined;
  const reportKind = entry.action.startsWith("submission.") && prefix === "cmp" ? "Отчёт по кампании отчётности" : undefined;
  return {
    kind: templateKind ?? reportKind ?? kind,
    name: templateKind ? undefined : names.get(entry.target),
    href: allowed(pageOf(entry, prefix, role)),
  };
}
