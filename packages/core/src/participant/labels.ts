/** Russian names of the participant values, with no server imports: shared by the API, the exports and the web app. */
import type { participantStatuses, sensitiveFlags } from "./participant.entity";

type ParticipantStatus = (typeof participantStatuses)[number];
type SensitiveFlag = (typeof sensitiveFlags)[number];

export const participantStatusLabels: Record<ParticipantStatus, string> = {
  active: "В базе",
  restricted: "Обработка ограничена (согласие отозвано)",
  anonymised: "Данные обезличены",
};

/** The marks of accessibility measures (DOMAIN.md: categories of mentees needing support). */
export const sensitiveFlagLabels: Record<SensitiveFlag, string> = {
  ovz: "ОВЗ",
  disability: "Инвалидность",
  special_needs: "Особые образовательные потребности",
  gifted: "Проявившие выдающиеся способности",
  difficult_life: "Трудная жизненная ситуация",
  low_income: "Малоимущая семья",
  orphan: "Дети-сироты, оставшиеся без попечения родителей",
  remote_area: "Сельская местность, труднодоступные и отдалённые территории",
  registered: "Состоит на учёте (ВШК, ПДН)",
};
