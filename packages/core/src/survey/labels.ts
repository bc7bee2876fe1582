/** Russian names of the survey values, with no server imports: shared by the API and the web app. */
import type { surveyAudiences } from "./survey.entity";

type SurveyAudience = (typeof surveyAudiences)[number];

export const surveyAudienceLabels: Record<SurveyAudience, string> = {
  mentor: "Наставники",
  mentee: "Наставляемые",
  any: "Все участники",
};
