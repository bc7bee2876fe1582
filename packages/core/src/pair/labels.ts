/** Russian names of the pair values, with no server imports: shared by the API, the exports and the web app. */
import type { PairStatus } from "../stats/contribution";
import type { meetingFormats, meetingStages } from "./pair.entity";

type MeetingStage = (typeof meetingStages)[number];
type MeetingFormat = (typeof meetingFormats)[number];

export const pairStatusLabels: Record<PairStatus, string> = {
  forming: "Формируется",
  active: "Активна",
  completed: "Завершена",
  terminated: "Прекращена",
};

export const meetingStageLabels: Record<MeetingStage, string> = {
  introduction: "Встреча-знакомство",
  trial: "Пробная встреча",
  planning: "Встреча-планирование",
  joint_work: "Совместная работа",
  final: "Итоговая встреча",
};

export const meetingFormatLabels: Record<MeetingFormat, string> = { in_person: "Очно", remote: "Дистанционно" };
