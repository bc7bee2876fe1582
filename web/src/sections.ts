import { type ComponentType, type LazyExoticComponent, lazy } from "react";
import { matchRoutes } from "react-router";
import type { Role } from "./api/types";
import { type Permission, type Scope, roleCan, roleScope } from "./auth/access";

export type Section = {
  path: string;
  /** The navigation label. */
  label: string;
  /** One line for the home page. */
  description: string;
  /** Shown to roles holding any of these permissions (packages/core/src/permissions.ts)… */
  can: Permission | readonly Permission[];
  /** …and, when given, acting at one of these levels. */
  scopes?: readonly Scope[];
  page: LazyExoticComponent<ComponentType>;
  /** `false` for a route without a navigation item (e.g. a sub-page such as /institutions/import). */
  nav?: false;
};

/**
 * The app's sections: each line is a navigation item and a route, shown to the roles the
 * permission matrix allows. Add a section by adding a line (in navigation order); a sub-page
 * reached from a section is a line with `nav: false`.
 */
// biome-ignore format: one line per section keeps the table readable
export const sections: readonly Section[] = [
  { path: "/regions", label: "Регионы", description: "Региональные наставнические центры и их администраторы", can: "regions.manage", page: lazy(() => import("./pages/RegionsPage")) },
  { path: "/platform/stats", label: "Сводка по регионам", description: "Организации, участники и пары каждого региона и итог по платформе", can: "stats.region", scopes: ["platform"], page: lazy(() => import("./pages/stats/PlatformStatsPage")) },
  { path: "/institutions", label: "Организации", description: "Школы, колледжи и другие организации региона", can: "institutions.read", scopes: ["region"], page: lazy(() => import("./pages/InstitutionsPage")) },
  { path: "/institutions/import", label: "Импорт организаций", description: "Создание организаций из файла XLSX или CSV", can: "institutions.manage", scopes: ["region"], nav: false, page: lazy(() => import("./pages/InstitutionImportPage")) },
  { path: "/region/roadmaps", label: "Дорожные карты", description: "Прогресс дорожных карт организаций и просроченные мероприятия", can: "roadmap.region_read", scopes: ["region"], page: lazy(() => import("./pages/roadmaps/RegionRoadmapsPage")) },
  { path: "/region/roadmap-template", label: "Шаблон дорожной карты", description: "Разделы и мероприятия, с которых организации региона начинают дорожную карту", can: "templates.manage", scopes: ["region"], page: lazy(() => import("./pages/roadmaps/RoadmapTemplatePage")) },
  { path: "/institution", label: "Моя организация", description: "Сведения о вашей организации и её формы наставничества", can: "institution.profile.read", page: lazy(() => import("./pages/OwnInstitutionPage")) },
  { path: "/institution/summary", label: "Сводка для РНЦ", description: "Числа вашей организации, которые видит региональный центр", can: "stats.institution", nav: false, page: lazy(() => import("./pages/stats/InstitutionStatsPage").then((m) => ({ default: m.OwnSummaryPage }))) },
  { path: "/roadmaps", label: "Дорожные карты", description: "Планы мероприятий: сроки, исполнители, выполнение", can: "roadmap.read", page: lazy(() => import("./pages/roadmaps/RoadmapsPage")) },
  { path: "/roadmaps/import", label: "Импорт дорожной карты", description: "Загрузка таблицы из Word, XLSX или CSV", can: "roadmap.manage", nav: false, page: lazy(() => import("./pages/roadmaps/RoadmapImportPage")) },
  { path: "/roadmaps/:roadmapId", label: "Дорожная карта", description: "Мероприятия дорожной карты", can: "roadmap.read", nav: false, page: lazy(() => import("./pages/roadmaps/RoadmapPage")) },
  { path: "/roadmaps/:roadmapId/calendar", label: "Календарь сроков", description: "Сроки мероприятий по месяцам", can: "roadmap.read", nav: false, page: lazy(() => import("./pages/roadmaps/RoadmapCalendarPage")) },
  { path: "/roadmaps/:roadmapId/print", label: "Версия для печати", description: "Дорожная карта для печати", can: "roadmap.read", nav: false, page: lazy(() => import("./pages/roadmaps/RoadmapPrintPage")) },
  { path: "/participants", label: "Участники", description: "Базы наставников и наставляемых, согласия на обработку данных", can: "participants.read", page: lazy(() => import("./pages/participants/ParticipantsPage")) },
  { path: "/participants/import", label: "Импорт участников", description: "Загрузка базы из XLSX или CSV с проверкой", can: "participants.write", nav: false, page: lazy(() => import("./pages/participants/ImportPage")) },
  { path: "/participants/:participantId", label: "Карточка участника", description: "Данные участника, согласия и пары", can: "participants.read", nav: false, page: lazy(() => import("./pages/participants/ParticipantPage")) },
  { path: "/pairs", label: "Пары", description: "Наставнические пары и группы по статусам", can: "participants.read", page: lazy(() => import("./pages/participants/PairsPage")) },
  { path: "/pairs/:pairId", label: "Пара", description: "Участники, соглашение, план и дневник встреч", can: "participants.read", nav: false, page: lazy(() => import("./pages/participants/PairPage")) },
  { path: "/region/monitoring", label: "Мониторинг", description: "Кампании мониторинга и численности участников: рассылка, ход сдачи, проверка", can: "monitoring.region_read", scopes: ["region"], page: lazy(() => import("./pages/monitoring/CampaignsPage")) },
  { path: "/region/monitoring/:campaignId", label: "Ход сдачи", description: "Кто отправил, кто опоздал, кому возвращено", can: "monitoring.region_read", scopes: ["region"], nav: false, page: lazy(() => import("./pages/monitoring/TrackerPage")) },
  { path: "/region/monitoring/:campaignId/:tenantId", label: "Отчёт организации", description: "Проверка отчёта организации", can: "monitoring.region_read", scopes: ["region"], nav: false, page: lazy(() => import("./pages/monitoring/ReviewPage")) },
  { path: "/region/stats", label: "Статистика", description: "Показатели против целей, участники, пары, дорожные карты, мониторинг, удовлетворённость", can: "stats.region", scopes: ["region"], page: lazy(() => import("./pages/stats/RegionStatsPage")) },
  { path: "/region/stats/:tenantId", label: "Сводка организации", description: "Числа одной организации региона без персональных данных", can: "stats.region", scopes: ["region"], nav: false, page: lazy(() => import("./pages/stats/InstitutionStatsPage")) },
  { path: "/region/reports", label: "Отчёты", description: "Сводный отчёт региона в XLSX или CSV", can: "reports.export", scopes: ["region"], page: lazy(() => import("./pages/stats/ReportsPage")) },
  { path: "/region/kpi", label: "Целевые показатели", description: "Цели региона по годам и факт по организациям", can: "kpi.region_read", scopes: ["region"], page: lazy(() => import("./pages/kpi/RegionKpiPage")) },
  { path: "/region/practices", label: "Лучшие практики", description: "Практики наставничества, присланные организациями: публикация на платформе региона или возврат на доработку", can: "practices.region_read", scopes: ["region"], page: lazy(() => import("./pages/practices/RegionPracticesPage")) },
  { path: "/monitoring", label: "Отчёты в РНЦ", description: "Мониторинг и численность участников: показатели заполняются автоматически", can: "monitoring.read", page: lazy(() => import("./pages/monitoring/SubmissionsPage")) },
  { path: "/monitoring/:campaignId", label: "Отчёт", description: "Форма отчёта в РНЦ", can: "monitoring.read", nav: false, page: lazy(() => import("./pages/monitoring/SubmissionPage")) },
  { path: "/kpi", label: "Целевые показатели", description: "Факт и цель по показателям ЦМН", can: "kpi.institution_read", page: lazy(() => import("./pages/kpi/InstitutionKpiPage")) },
  { path: "/surveys", label: "Анкетирование", description: "Анкеты удовлетворённости и личностного роста, рассылка и итоги", can: "surveys.read", page: lazy(() => import("./pages/surveys/SurveysPage")) },
  { path: "/surveys/:surveyId", label: "Анкета", description: "Вопросы, рассылка и итоги анкеты", can: "surveys.read", nav: false, page: lazy(() => import("./pages/surveys/SurveyPage")) },
  { path: "/practices", label: "Лучшие практики", description: "Опыт наставничества организации: описание практик и отправка в РНЦ для публикации", can: "practices.read", page: lazy(() => import("./pages/practices/PracticesPage")) },
  { path: "/trainings", label: "Обучение наставников", description: "Курсы, семинары и консультации для наставников: журнал, из которого отчёт мониторинга считает мероприятия", can: "trainings.read", page: lazy(() => import("./pages/trainings/TrainingsPage")) },
  { path: "/partners", label: "Партнёры", description: "Организации-партнёры и договоры с ними: соглашения о внедрении ЦМН, дуальное обучение, практика", can: "partners.read", page: lazy(() => import("./pages/partners/PartnersPage")) },
  { path: "/rewards", label: "Поощрения наставников", description: "Благодарности, грамоты, выплаты и конкурсы: поощрения наставников по годам", can: "rewards.read", page: lazy(() => import("./pages/rewards/RewardsPage")) },
  { path: "/publications", label: "Медиаплан", description: "Публикации о наставничестве на сайте, в социальных сетях и СМИ: вышедшие и запланированные", can: "publications.read", page: lazy(() => import("./pages/publications/PublicationsPage")) },
  { path: "/accessibility", label: "Меры доступности", description: "Меры, обеспечивающие участие в наставничестве обучающихся с ОВЗ, в трудной жизненной ситуации, с отдалённых территорий и других категорий", can: "accessibility.read", page: lazy(() => import("./pages/accessibility/AccessibilityPage")) },
  { path: "/users", label: "Пользователи", description: "Учётные записи и приглашения сотрудников", can: ["users.manage_region", "users.manage_institution"], scopes: ["platform", "region", "institution"], page: lazy(() => import("./pages/UsersPage")) },
  { path: "/audit", label: "Журнал", description: "Кто и когда вносил изменения", can: "audit.read", page: lazy(() => import("./pages/AuditPage")) },
];

export function sectionAllowed(section: Section, role: Role): boolean {
  const needed: readonly Permission[] = typeof section.can === "string" ? [section.can] : section.can;
  return needed.some((permission) => roleCan(role, permission)) && (!section.scopes || section.scopes.includes(roleScope[role]));
}

/** The navigation items a role sees. */
export const sectionsFor = (role: Role) => sections.filter((section) => section.nav !== false && sectionAllowed(section, role));

/** The section whose route shows a path, matched as the router matches it (`/participants/ptc_1` is the card's). */
const sectionRoutes = sections.map(({ path }) => ({ path }));
export function routeOf(pathname: string): Section | undefined {
  const [match] = matchRoutes(sectionRoutes, pathname) ?? [];
  return match && sections.find((section) => section.path === match.route.path);
}

/** The section a path belongs to: its route's, or else the section whose path it extends (the longest). */
export const sectionOf = (pathname: string) =>
  routeOf(pathname) ??
  sections
    .filter((section) => pathname === section.path || pathname.startsWith(`${section.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];

/** The navigation item a page without one (`nav: false`) comes under: the card of a participant is under «Участники». */
export const navSectionOf = (section: Section): Section | undefined =>
  section.nav !== false
    ? section
    : sections
        .filter((parent) => parent.nav !== false && section.path.startsWith(`${parent.path}/`))
        .sort((a, b) => b.path.length - a.path.length)[0];
