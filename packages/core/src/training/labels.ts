/** Kinds of mentor-training events and their Russian labels (no server imports: the web app reads them too). */
export const trainingKinds = ["course", "seminar", "consultation", "exchange", "other"] as const;
export type TrainingKind = (typeof trainingKinds)[number];

export const trainingKindLabels: Record<TrainingKind, string> = {
  course: "Обучение: курсы, тренинг",
  seminar: "Семинар, вебинар, установочная сессия",
  consultation: "Консультация",
  exchange: "Обмен опытом: конференция, круглый стол",
  other: "Другое",
};
