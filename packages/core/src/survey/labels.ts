/** Russian names of the survey values, with no server imports: shared by the API and the web app. */
import type { surveyAudiences, surveyPhases, surveyPurposes } from "./survey.entity";

export const surveyAudienceLabels: Record<(typeof surveyAudiences)[number], string> = {
  mentor: "Наставники",
  mentee: "Наставляемые",
  any: "Все участники",
};

export const surveyPurposeLabels: Record<(typeof surveyPurposes)[number], string> = {
  satisfaction: "Удовлетворённость (показатель ЦМН)",
  growth: "Личностный рост: вход и выход",
  custom: "Другая анкета",
};

/** The stage of a growth survey (the same questionnaire on entering and on leaving the programme). */
export const surveyPhaseLabels: Record<(typeof surveyPhases)[number], string> = { entry: "Вход в программу", exit: "Выход из программы" };

/** How a participant is told the stage of a growth survey (its letter; the answer page says the same). */
export const surveyPhaseNotes: Record<(typeof surveyPhases)[number], string> = {
  entry: "Анкета на входе в программу",
  exit: "Анкета на выходе из программы",
};
