/** Survey shapes, derived from the API's own types through the typed client. */
import type { Input, Ok, api } from "../../api/client";
import { countOf, outOf, plural } from "../../lib/plural";

export type Survey = Ok<typeof api.surveys.$get>["items"][number];
export type SurveyInput = Input<typeof api.surveys.$post>;
export type Question = SurveyInput["questions"][number];
export type Template = Ok<typeof api.surveys.templates.$get>["items"][number];
export type Results = Ok<(typeof api.surveys)[":surveyId"]["results"]["$get"]>;
export type SurveyLinkInfo = Ok<(typeof api.surveys)[":surveyId"]["links"]["$get"]>["items"][number];
export type PublicSurvey = Ok<(typeof api)["survey-links"][":token"]["$get"]>;
export type SendResult = Ok<(typeof api.surveys)[":surveyId"]["send"]["$post"]>;

/** «ответили 3 из 5 приглашённых», «ответил 1 из 21 приглашённого»: the answers against the links prepared. */
export const answeredText = (responses: number, sent: number) =>
  `${plural(responses, ["ответил", "ответили", "ответили"])} ${responses.toLocaleString("ru-RU")} из ${outOf(sent, ["приглашённого", "приглашённых"])}`;

/** «Подготовлена 1 ссылка», «Подготовлены 3 ссылки», «Подготовлено 5 ссылок». */
export const preparedText = (links: number) =>
  `${plural(links, ["Подготовлена", "Подготовлены", "Подготовлено"])} ${countOf(links, ["ссылка", "ссылки", "ссылок"])}`;

export const surveyStatusLabels: Record<Survey["status"], string> = { draft: "Черновик", open: "Идёт опрос", closed: "Завершена" };
export const linkStatusLabels: Record<SurveyLinkInfo["status"], string> = {
  pending: "ответа нет",
  answered: "ответ получен",
  expired: "ссылка истекла",
};
