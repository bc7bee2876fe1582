/** Shapes and Russian labels of the participants and pairs screens (types come from the API through the typed client). */
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

export const categoryLabels: Record<Category, string> = {
  pupil: "Ученик",
  student: "Студент",
  teacher: "Педагог",
  young_specialist: "Молодой специалист (0–3 года)",
  head: "Руководитель",
  graduate: "Выпускник",
  employer: "Представитель работодателя / партнёра",
  parent: "Родитель",
};

export const formLabels: Record<FormCode, string> = {
  pupil_pupil: "Ученик – ученик",
  teacher_teacher: "Учитель – учитель",
  student_student: "Студент – студент",
  student_pupil: "Студент – ученик",
  employer_student: "Работодатель – студент",
  teacher_student: "Педагог – студент",
  head_teacher: "Руководитель – преподаватель",
  teacher_young_teacher: "Преподаватель – молодой преподаватель",
};

export const pairStatusLabels: Record<PairStatus, string> = {
  forming: "Формируется",
  active: "Активна",
  completed: "Завершена",
  terminated: "Прекращена",
};

export const stageLabels = {
  introduction: "Встреча-знакомство",
  trial: "Пробная встреча",
  planning: "Встреча-планирование",
  joint_work: "Совместная работа",
  final: "Итоговая встреча",
} as const;

export const taskStatusLabels = { planned: "Запланирована", in_progress: "В работе", done: "Выполнена", cancelled: "Отменена" } as const;

export const sensitiveLabels: Record<string, string> = {
  ovz: "ОВЗ",
  disability: "Инвалидность",
  special_needs: "Особые образовательные потребности",
  difficult_life: "Трудная жизненная ситуация",
  low_income: "Малоимущая семья",
  orphan: "Сирота / без попечения родителей",
  remote_area: "Сельская или отдалённая территория",
  registered: "На учёте (ВШК, ПДН)",
};

export const roleText = (p: { isMentor?: boolean; isMentee?: boolean }) =>
  p.isMentor && p.isMentee ? "Наставник и наставляемый" : p.isMentor ? "Наставник" : "Наставляемый";

export const participantNouns = ["участник", "участника", "участников"] as const;
export const pairNouns = ["пара", "пары", "пар"] as const;
export const menteeNouns = ["наставляемый", "наставляемых", "наставляемых"] as const;
export const minuteNouns = ["минута", "минуты", "минут"] as const;

export const todayIso = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
};

/** ДД.ММ.ГГГГ typed by a person → ГГГГ-ММ-ДД for the API (an ISO date passes through). */
export function parseRuDate(value: string): string | undefined {
  const text = value.trim();
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (ru) return `${ru[3]}-${ru[2]?.padStart(2, "0")}-${ru[1]?.padStart(2, "0")}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  return undefined;
}
