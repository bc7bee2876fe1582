import { describe, expect, it } from "vitest";
import { titleOf } from "./titles";

describe("the document's title (WCAG 2.4.2)", () => {
  it.each([
    ["/", "Главная — ЦМН"],
    ["/participants", "Участники — ЦМН"],
    ["/participants/ptc_01", "Карточка участника — Участники — ЦМН"],
    ["/participants/import", "Импорт участников — Участники — ЦМН"],
    ["/pairs/par_01", "Пара — Пары — ЦМН"],
    ["/roadmaps/rmp_01", "Дорожная карта — Дорожные карты — ЦМН"],
    ["/roadmaps/rmp_01/calendar", "Календарь сроков — Дорожные карты — ЦМН"],
    ["/roadmaps/rmp_01/print", "Версия для печати — Дорожные карты — ЦМН"],
    ["/surveys/srv_01", "Анкета — Анкетирование — ЦМН"],
    ["/monitoring/cmp_01", "Отчёт — Отчёты в РНЦ — ЦМН"],
    ["/institution/summary", "Сводка для РНЦ — Моя организация — ЦМН"],
    ["/settings/reminders", "Напоминания — ЦМН"],
    ["/login", "Вход в систему — ЦМН"],
    ["/survey/tok.en", "Анкета — ЦМН"],
    ["/nowhere", "Страница не найдена — ЦМН"],
    ["/participants/ptc_01/more", "Страница не найдена — ЦМН"],
  ])("%s is «%s»", (path, title) => {
    expect(titleOf(path, "curator")).toBe(title);
  });

  it.each([
    ["/region/monitoring/cmp_01", "Ход сдачи — Мониторинг — ЦМН"],
    ["/region/monitoring/cmp_01/org_01", "Отчёт организации — Мониторинг — ЦМН"],
    ["/region/stats/org_01", "Сводка организации — Статистика — ЦМН"],
  ])("%s is «%s» for the region", (path, title) => {
    expect(titleOf(path, "region_admin")).toBe(title);
  });

  it("names the record a page shows once it is loaded", () => {
    expect(titleOf("/participants/ptc_01", "curator", "Иванова М. С.")).toBe("Иванова М. С. — Участники — ЦМН");
    expect(titleOf("/roadmaps/rmp_01", "curator", "Дорожная карта на 2026/27 учебный год")).toBe(
      "Дорожная карта на 2026/27 учебный год — Дорожные карты — ЦМН",
    );
  });

  it("is «Страница не найдена» for a section the role may not open", () => {
    expect(titleOf("/region/stats/org_01", "curator")).toBe("Страница не найдена — ЦМН");
  });
});
