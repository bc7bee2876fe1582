/** Russian labels and the value lists they name, with no server imports: shared by the API, exports and the web app. */
import type { itemStatuses, roadmapStatuses } from "./roadmap/roadmap.entity";

export const institutionTypes = ["school", "college", "additional", "other"] as const;
export const institutionStatuses = ["active", "suspended", "archived"] as const;
export type InstitutionType = (typeof institutionTypes)[number];
export type InstitutionStatus = (typeof institutionStatuses)[number];

export const institutionTypeLabels: Record<InstitutionType, string> = {
  school: "Общеобразовательная организация (школа)",
  college: "Профессиональная образовательная организация (СПО)",
  additional: "Организация дополнительного образования",
  other: "Другая организация",
};

export const institutionStatusLabels: Record<InstitutionStatus, string> = {
  active: "Работает",
  suspended: "Приостановлена",
  archived: "В архиве",
};

/** A roadmap's and its items' statuses (roadmap/roadmap.entity.ts). */
type RoadmapStatus = (typeof roadmapStatuses)[number];
type ItemStatus = (typeof itemStatuses)[number];

export const roadmapStatusLabels: Record<RoadmapStatus, string> = {
  importing: "Загружается",
  draft: "Черновик",
  approved: "Утверждена",
  archived: "В архиве",
  deleting: "Удаляется",
};

/** In the order an item goes through them (the web app's status menu lists them so). */
export const itemStatusLabels: Record<ItemStatus, string> = {
  planned: "Запланировано",
  in_progress: "В работе",
  done: "Выполнено",
  cancelled: "Отменено",
};

/** What an item past its due date shows instead of its status. */
export const overdueLabel = "Просрочено";

/** A monitoring campaign's report from one institution, from not started to accepted. */
export const submissionStatuses = ["not_started", "draft", "submitted", "returned", "resubmitted", "accepted"] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];

export const submissionStatusLabels: Record<SubmissionStatus, string> = {
  not_started: "Не начат",
  draft: "Черновик",
  submitted: "Отправлен",
  returned: "Возвращён на доработку",
  resubmitted: "Отправлен повторно",
  accepted: "Принят",
};
