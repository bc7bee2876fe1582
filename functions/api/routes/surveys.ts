import { Hono } from "hono/tiny";
import {
  AnswerInput,
  FromTemplateInput,
  SendInput,
  Survey,
  SurveyInput,
  SurveyLink,
  SurveyUpdate,
  regionSurveySummary,
} from "@rnc/core/survey";
import { YearQuery } from "@rnc/core/schemas";
import { body, op, query } from "../openapi";

const surveyMissing = { 404: "Анкета не найдена" };

export const surveys = new Hono()
  .get("/templates", op({ tag: "surveys", summary: "Готовые шаблоны анкет", permission: "surveys.read" }), (c) =>
    c.json({ items: Survey.templates() }),
  )
  .get(
    "/region-summary",
    op({ tag: "surveys", summary: "Итоги анкетирования по организациям региона (только агрегаты)", permission: "surveys.region_read" }),
    query(YearQuery),
    async (c) => {
      return c.json({ items: await regionSurveySummary(c.req.valid("query").year) });
    },
  )
  .get("/", op({ tag: "surveys", summary: "Анкеты организации", permission: "surveys.read" }), async (c) =>
    c.json({ items: await Survey.list() }),
  )
  .post("/", op({ tag: "surveys", summary: "Создать анкету", permission: "surveys.manage" }), body(SurveyInput), async (c) =>
    c.json(await Survey.create(c.req.valid("json")), 201),
  )
  .post(
    "/from-template",
    op({ tag: "surveys", summary: "Создать анкету по шаблону", permission: "surveys.manage" }),
    body(FromTemplateInput),
    async (c) => c.json(await Survey.fromTemplate(c.req.valid("json").template), 201),
  )
  .get("/:surveyId", op({ tag: "surveys", summary: "Анкета", permission: "surveys.read", responses: surveyMissing }), async (c) =>
    c.json(await Survey.get(c.req.param("surveyId"))),
  )
  .put(
    "/:surveyId",
    op({
      tag: "surveys",
      summary: "Изменить анкету (до первой рассылки)",
      permission: "surveys.manage",
      responses: { ...surveyMissing, 409: "Анкета уже разослана или версия устарела" },
    }),
    body(SurveyUpdate),
    async (c) => c.json(await Survey.update(c.req.param("surveyId"), c.req.valid("json"))),
  )
  .post(
    "/:surveyId/close",
    op({
      tag: "surveys",
      summary: "Завершить приём ответов",
      permission: "surveys.manage",
      responses: { ...surveyMissing, 409: "Анкету одновременно изменяют (survey.busy)" },
    }),
    async (c) => c.json(await Survey.close(c.req.param("surveyId"))),
  )
  .post(
    "/:surveyId/send",
    op({
      tag: "surveys",
      summary: "Разослать одноразовые ссылки участникам (письмом или для печати)",
      permission: "surveys.manage",
      personalData: true,
      responses: {
        ...surveyMissing,
        400: "Получатели не найдены в базе участников организации (survey.recipients_not_found)",
        409: "Анкета закрыта (survey.closed) или получателям отправить нельзя: нет согласия, обработка ограничена (survey.recipients_unavailable)",
      },
    }),
    body(SendInput),
    async (c) => c.json(await Survey.send(c.req.param("surveyId"), c.req.valid("json"))),
  )
  .get(
    "/:surveyId/links",
    op({
      tag: "surveys",
      summary: "Кому отправлена анкета и кто ответил",
      permission: "surveys.read",
      personalData: true,
      responses: surveyMissing,
    }),
    async (c) => c.json({ items: await Survey.links(c.req.param("surveyId")) }),
  )
  .get(
    "/:surveyId/results",
    op({
      tag: "surveys",
      summary: "Итоги анкеты: распределения ответов, вход и выход, удовлетворённость",
      permission: "surveys.read",
      personalData: true,
      responses: surveyMissing,
    }),
    async (c) => c.json(await Survey.results(c.req.param("surveyId"))),
  );

/** Public: a participant opens and answers a questionnaire by a one-time link, without an account. */
export const surveyLinks = new Hono()
  .get(
    "/:token",
    op({
      tag: "surveys",
      summary: "Анкета по одноразовой ссылке (без входа)",
      auth: "public",
      responses: { 404: "Ссылка не найдена", 409: "Ссылка уже использована или истекла (survey.link_used, survey.link_expired)" },
    }),
    async (c) => c.json(await SurveyLink.open(c.req.param("token"))),
  )
  .post(
    "/:token",
    op({
      tag: "surveys",
      summary: "Ответить на анкету по одноразовой ссылке (один раз)",
      auth: "public",
      responses: {
        404: "Ссылка не найдена",
        409: "Ссылка уже использована или истекла, приём ответов завершён (survey.link_used, survey.link_expired, survey.closed)",
      },
    }),
    body(AnswerInput),
    async (c) => c.json(await SurveyLink.answer(c.req.param("token"), c.req.valid("json"))),
  );
