import { describe, expect, it } from "vitest";
import type { Role } from "./api/types";
import { sectionOf, sectionsFor } from "./sections";

describe("navigation by role", () => {
  it.each<[Role, string[]]>([
    ["platform_admin", ["Регионы", "Сводка по регионам", "Пользователи"]],
    [
      "region_admin",
      [
        "Организации",
        "Дорожные карты",
        "Шаблон дорожной карты",
        "Мониторинг",
        "Статистика",
        "Отчёты",
        "Целевые показатели",
        "Лучшие практики",
        "Пользователи",
        "Журнал",
      ],
    ],
    ["region_viewer", ["Организации", "Дорожные карты", "Мониторинг", "Статистика", "Отчёты", "Целевые показатели", "Лучшие практики"]],
    [
      "curator",
      [
        "Моя организация",
        "Дорожные карты",
        "Участники",
        "Пары",
        "Отчёты в РНЦ",
        "Целевые показатели",
        "Анкетирование",
        "Лучшие практики",
        "Обучение наставников",
        "Партнёры",
        "Поощрения наставников",
        "Медиаплан",
        "Меры доступности",
        "Пользователи",
        "Журнал",
      ],
    ],
    [
      "staff",
      [
        "Моя организация",
        "Дорожные карты",
        "Участники",
        "Пары",
        "Отчёты в РНЦ",
        "Целевые показатели",
        "Анкетирование",
        "Лучшие практики",
        "Обучение наставников",
        "Партнёры",
        "Поощрения наставников",
        "Медиаплан",
        "Меры доступности",
      ],
    ],
    [
      "institution_viewer",
      [
        "Моя организация",
        "Дорожные карты",
        "Участники",
        "Пары",
        "Отчёты в РНЦ",
        "Целевые показатели",
        "Анкетирование",
        "Лучшие практики",
        "Обучение наставников",
        "Партнёры",
        "Поощрения наставников",
        "Медиаплан",
        "Меры доступности",
      ],
    ],
  ])("%s sees %j", (role, labels) => {
    expect(sectionsFor(role).map((section) => section.label)).toEqual(labels);
  });

  it("finds the section of a path: its route's (as the router matches it), or else the one it extends", () => {
    expect(sectionOf("/institutions/org_01")?.path).toBe("/institutions");
    expect(sectionOf("/institutions/import")?.path).toBe("/institutions/import");
    expect(sectionOf("/institution")?.path).toBe("/institution");
    expect(sectionOf("/region/stats/org_01")?.path).toBe("/region/stats/:tenantId");
    expect(sectionOf("/participants/ptc_01")?.path).toBe("/participants/:participantId");
    expect(sectionOf("/roadmaps/import")?.path).toBe("/roadmaps/import");
    expect(sectionOf("/roadmaps/rmp_01/calendar")?.path).toBe("/roadmaps/:roadmapId/calendar");
    expect(sectionOf("/platform/stats")?.path).toBe("/platform/stats");
    expect(sectionOf("/nowhere")).toBeUndefined();
  });
});
