/** Shapes and Russian labels of the participants and pairs screens (types come from the API through the typed client). */
import { formCatalogue } from "@rnc/core/forms/catalogue";
import type { Input, Ok, api } from "../../api/client";

export type Participant = Ok<typeof api.participants.$get>["items"][number];
export type ParticipantInput = Input<typeof api.participants.$post>;
export type Card = Ok<(typeof api.participants)[":participantId"]["$get"]>;
export type ConsentInput = Input<(typeof api.participants)[":participantId"]["consents"]["$post"]>;
export type PairPage = Ok<(typeof api.pairs)[":pairId"]["$get"]>;
export type Pair = Ok<typeof api.pairs.$get>["items"][number];
/** A column of the pair board: one status's newest pairs, its count, and where its next page starts. */
export type BoardColumn = Ok<typeof api.pairs.board.$get>["columns"][number];
export type PairStatus = Pair["status"];
export type Category = Participant["category"];
export type FormCode = Pair["form"];
export type ImportPreview = Ok<typeof api.participants.import.preview.$post>;

export const formLabels = Object.fromEntries(formCatalogue.map((form) => [form.code, form.label])) as Record<FormCode, string>;

export const taskStatusLabels = { planned: "Запланирована", in_progress: "В работе", done: "Выполнена", cancelled: "Отменена" } as const;

export const roleText = (p: { isMentor?: boolean; isMentee?: boolean }) =>
  p.isMentor && p.isMentee ? "Наставник и наставляемый" : p.isMentor ? "Наставник" : "Наставляемый";

export const participantNouns = ["участник", "участника", "участников"] as const;
export const pairNouns = ["пара", "пары", "пар"] as const;
export const menteeNouns = ["наставляемый", "наставляемых", "наставляемых"] as const;
export const minuteNouns = ["минута", "минуты", "минут"] as const;

/** True for a date that exists in the calendar (not 31.02 or 29.02 of a common year). */
const exists = (year: number, month: number, day: number) => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** ДД.ММ.ГГГГ typed by a person → ГГГГ-ММ-ДД for the API (an ISO date passes through); undefined unless the date exists. */
export function parseRuDate(value: string): string | undefined {
  const text = value.trim();
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [year, month, day] = ru ? [ru[3], ru[2], ru[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!year || !month || !day || !exists(Number(year), Number(month), Number(day))) return undefined;
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

/** The message for a date field whose text parseRuDate refused. */
export const dateProblem = (label: string, several = false) =>
  `${label}: укажите ${several ? "существующие даты" : "существующую дату"} в формате ДД.ММ.ГГГГ`;
