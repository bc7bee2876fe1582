import { Hono } from "hono/tiny";
import {
  Campaign,
  CampaignInput,
  CampaignUpdate,
  ReviewAccept,
  ReviewReturn,
  Submission,
  SubmissionDraft,
  SubmissionSubmit,
  campaignKinds,
} from "@rnc/core/monitoring";
import { isoDate } from "@rnc/core/schemas";
import * as z from "@rnc/core/zod";
import { body, op, query } from "../openapi";
import { attachment } from "../download";

const DefaultsQuery = z.object({
  kind: z.enum(campaignKinds, { error: "Вид кампании: monitoring (мониторинг реализации ЦМН) или federal_count (численность участников)" }),
  periodStart: isoDate("Начало периода"),
});
const ExportQuery = z.object({ format: z.optional(z.enum(["xlsx", "csv", "json"], { error: "Формат: xlsx, csv или json" })) });
const campaignMissing = { 404: "Кампания не найдена" };
const submissionMissing = { 404: "Кампания или отчёт организации не найдены" };

export const monitoring = new Hono()
  .get("/campaigns", op({ tag: "monitoring", summary: "Кампании мониторинга региона", permission: "monitoring.region_read" }), async (c) =>
    c.json({ items: await Campaign.list() }),
  )
  .get(
    "/campaign-defaults",
    op({ tag: "monitoring", summary: "Показатели, таблица и срок сдачи по умолчанию для новой кампании", permission: "monitoring.manage" }),
    query(DefaultsQuery),
    async (c) => {
      const { kind, periodStart } = c.req.valid("query");
      return c.json(Campaign.defaults(kind, periodStart));
    },
  )
  .post(
    "/campaigns",
    op({ tag: "monitoring", summary: "Создать кампанию (черновик)", permission: "monitoring.manage" }),
    body(CampaignInput),
    async (c) => c.json(await Campaign.create(c.req.valid("json")), 201),
  )
  .get(
    "/campaigns/:campaignId",
    op({ tag: "monitoring", summary: "Кампания", permission: "monitoring.region_read", responses: campaignMissing }),
    async (c) => c.json(await Campaign.get(c.req.param("campaignId"))),
  )
  .put(
    "/campaigns/:campaignId",
    op({
      tag: "monitoring",
      summary: "Изменить черновик кампании",
      permission: "monitoring.manage",
      responses: { ...campaignMissing, 409: "Кампания уже разослана или версия устарела" },
    }),
    body(CampaignUpdate),
    async (c) => c.json(await Campaign.update(c.req.param("campaignId"), c.req.valid("json"))),
  )
  .post(
    "/campaigns/:campaignId/publish",
    op({
      tag: "monitoring",
      summary: "Разослать кампанию всем работающим организациям региона",
      permission: "monitoring.manage",
      responses: { ...campaignMissing, 409: "Кампания уже разослана" },
    }),
    async (c) => c.json(await Campaign.publish(c.req.param("campaignId"))),
  )
  .get(
    "/campaigns/:campaignId/tracker",
    op({
      tag: "monitoring",
      summary: "Ход сдачи: кто отправил, кто опоздал, кому возвращено",
      permission: "monitoring.region_read",
      responses: campaignMissing,
    }),
    async (c) => c.json(await Campaign.tracker(c.req.param("campaignId"))),
  )
  .get(
    "/campaigns/:campaignId/export",
    op({
      tag: "monitoring",
      summary: "Сводная таблица по организациям (XLSX, CSV или JSON)",
      permission: "monitoring.region_read",
      produces: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      responses: campaignMissing,
    }),
    query(ExportQuery),
    async (c) => {
      const format = c.req.valid("query").format ?? "xlsx";
      if (format === "json") return c.json(await Campaign.exportTable(c.req.param("campaignId")));
      const file = await Campaign.exportFile(c.req.param("campaignId"), format);
      c.header("content-type", file.contentType);
      c.header("content-disposition", attachment(file.fileName));
      return c.body(typeof file.body === "string" ? file.body : new Uint8Array(file.body));
    },
  )
  .get(
    "/campaigns/:campaignId/submissions/:tenantId",
    op({
      tag: "monitoring",
      summary: "Отчёт организации по кампании и его история",
      permission: "monitoring.region_read",
      responses: submissionMissing,
    }),
    async (c) => c.json(await Campaign.submission(c.req.param("campaignId"), c.req.param("tenantId"))),
  )
  .post(
    "/campaigns/:campaignId/submissions/:tenantId/accept",
    op({
      tag: "monitoring",
      summary: "Принять отчёт организации",
      permission: "monitoring.manage",
      responses: { ...submissionMissing, 409: "Отчёт не отправлен или версия устарела" },
    }),
    body(ReviewAccept),
    async (c) => c.json(await Campaign.accept(c.req.param("campaignId"), c.req.param("tenantId"), c.req.valid("json"))),
  )
  .post(
    "/campaigns/:campaignId/submissions/:tenantId/return",
    op({
      tag: "monitoring",
      summary: "Вернуть отчёт организации на доработку с комментарием",
      permission: "monitoring.manage",
      responses: { ...submissionMissing, 409: "Отчёт не отправлен или версия устарела" },
    }),
    body(ReviewReturn),
    async (c) => c.json(await Campaign.return(c.req.param("campaignId"), c.req.param("tenantId"), c.req.valid("json"))),
  )
  .get(
    "/submissions",
    op({ tag: "monitoring", summary: "Кампании, на которые отвечает организация", permission: "monitoring.read" }),
    async (c) => c.json({ items: await Submission.list() }),
  )
  .get(
    "/submissions/:campaignId",
    op({
      tag: "monitoring",
      summary: "Форма отчёта организации: показатели, заполненные из текущих данных, и история",
      permission: "monitoring.read",
      responses: submissionMissing,
    }),
    async (c) => c.json(await Submission.get(c.req.param("campaignId"))),
  )
  .put(
    "/submissions/:campaignId",
    op({
      tag: "monitoring",
      summary: "Сохранить черновик отчёта",
      permission: "monitoring.submit",
      responses: { ...submissionMissing, 409: "Кампания ещё не разослана, отчёт уже отправлен или версия устарела" },
    }),
    body(SubmissionDraft),
    async (c) => c.json(await Submission.saveDraft(c.req.param("campaignId"), c.req.valid("json"))),
  )
  .post(
    "/submissions/:campaignId/submit",
    op({
      tag: "monitoring",
      summary: "Отправить отчёт в РНЦ (рассчитанные значения фиксируются)",
      permission: "monitoring.submit",
      responses: { ...submissionMissing, 409: "Кампания ещё не разослана, отчёт уже отправлен или версия устарела" },
    }),
    body(SubmissionSubmit),
    async (c) => c.json(await Submission.submit(c.req.param("campaignId"), c.req.valid("json"))),
  );
