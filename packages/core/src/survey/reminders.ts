import type { DueEntry, ReminderSource } from "../reminders/sources";
import { daysBetween } from "../dates";
import { countOf, plural } from "../ru";
import { surveyNamed } from "./email";
import { SurveyDueEntity, SurveyEntity } from "./survey.entity";

/**
 * Sendings whose links expire in 3 days while answers are missing: one Query on the region's reminder-date index,
 * then one BatchGet of those surveys for their sent and answered counts.
 */
export const surveyReminders: ReminderSource = {
  name: "surveys",
  async collect(region, today) {
    const due = await SurveyDueEntity.query.byRegionDate({ regionId: region.regionId, remindOn: today }).go({ pages: "all" });
    if (due.data.length === 0) return { entries: [], itemsRead: 0 };
    const surveys = await SurveyEntity.get(due.data.map((d) => ({ tenantId: d.tenantId, surveyId: d.surveyId }))).go();
    const byId = new Map(surveys.data.map((s) => [s.surveyId, s]));
    const entries: DueEntry[] = [];
    for (const sending of due.data) {
      const survey = byId.get(sending.surveyId);
      if (survey?.status !== "open" || survey.responseCount >= survey.sentCount) continue;
      entries.push({
        tenantId: sending.tenantId,
        rule: "survey_pending",
        occurrence: `${sending.surveyId}#${sending.expiresOn}`,
        title: `${surveyNamed(survey.title)}: ${plural(survey.responseCount, ["ответил", "ответили", "ответили"])} ${survey.responseCount} из ${countOf(survey.sentCount, ["приглашённого", "приглашённых", "приглашённых"])}, ссылки перестанут действовать`,
        due: sending.expiresOn,
        daysLeft: daysBetween(today, sending.expiresOn),
        link: `/surveys/${sending.surveyId}`,
        statutory: false,
      });
    }
    return { entries, itemsRead: due.data.length + surveys.data.length };
  },
};
