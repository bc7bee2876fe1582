/** The consolidated report's sheets, in order, and their Russian names (no server imports: the web app lists them). */
export const sheetCodes = [
  "summary",
  "institutions",
  "forms",
  "roadmaps",
  "monitoring",
  "federal",
  "practices",
  "partners",
  "activity",
] as const;
export type SheetCode = (typeof sheetCodes)[number];
export const sheetNames: Record<SheetCode, string> = {
  summary: "Сводка",
  institutions: "Организации",
  forms: "Формы наставничества",
  roadmaps: "Дорожные карты",
  monitoring: "Мониторинг",
  federal: "Федеральная форма",
  practices: "Лучшие практики",
  partners: "Партнёры и договоры",
  activity: "Обучение и поощрения",
};
