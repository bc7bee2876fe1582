/**
 * How the morning letter of reminders presents its items: its sections in order and the wording of a due date. Pure
 * (the web app's digest preview shows the letter with the same words).
 */
import { countOf, formatDate } from "../ru";
import type { DueEntry, ReminderRule } from "./sources";

export const digestSections: readonly { rules: readonly ReminderRule[]; heading: string }[] = [
  { rules: ["campaign_published"], heading: "Новые кампании мониторинга и отчётности" },
  { rules: ["campaign_due", "federal_count_due"], heading: "Сроки мониторинга и отчётности" },
  { rules: ["campaign_missed"], heading: "Пропущенные сроки отчётности" },
  { rules: ["roadmap_overdue"], heading: "Просроченные мероприятия дорожной карты" },
  { rules: ["roadmap_due"], heading: "Мероприятия дорожной карты: приближается срок" },
  { rules: ["survey_pending"], heading: "Анкетирование" },
  { rules: ["pair_inactive"], heading: "Пары без встреч более 45 дней" },
];

const days = ["день", "дня", "дней"] as const;

/** «срок 15.12.2026 — через 3 дня», «… — сегодня», «срок был … — просрочено на 2 дня»; empty without a due date. */
export function whenText(entry: Pick<DueEntry, "due" | "daysLeft">): string {
  if (!entry.due || entry.daysLeft === undefined) return "";
  if (entry.daysLeft > 0) return `срок ${formatDate(entry.due)} — через ${countOf(entry.daysLeft, days)}`;
  if (entry.daysLeft === 0) return `срок ${formatDate(entry.due)} — сегодня`;
  return `срок был ${formatDate(entry.due)} — просрочено на ${countOf(-entry.daysLeft, days)}`;
}
