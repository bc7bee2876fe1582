import { Hono } from "hono/tiny";
import { EnabledFormsInput, Forms } from "@rnc/core/forms";
import { Matching } from "@rnc/core/matching";
import {
  ConsentInput,
  ConsentWithdrawal,
  Participant,
  ParticipantFilter,
  ParticipantInput,
  ParticipantUpdate,
} from "@rnc/core/participant";
import { regionTimeZone } from "@rnc/core/participant/calendar";
import { participantExportFileName, participantExportXlsx } from "@rnc/core/participant/export";
import { ParticipantImport } from "@rnc/core/participant/import";
import { Stats } from "@rnc/core/stats";
import { UploadedFile } from "@rnc/core/tabular";
import * as z from "@rnc/core/zod";
import { body, op, query } from "../openapi";
import { attachment } from "../download";

const TemplateQuery = z.object({ format: z.optional(z.enum(["xlsx", "csv"])) });
const ExportQuery = z.object({ format: z.optional(z.enum(["json", "xlsx"])) });
const ImportInput = z.object({ ...UploadedFile.shape, skipInvalid: z.optional(z.boolean()) });
const notFound = { 404: "Участник не найден" };
const tag = "participants" as const;

/** The bases of mentors and mentees: registry, card, consents, import, personal-data rights, statistics. */
export const participants = new Hono()
  .get(
    "/",
    op({ tag, summary: "База участников по алфавиту (поиск, фильтры, страницы)", permission: "participants.read", personalData: true }),
    query(ParticipantFilter),
    async (c) => c.json(await Participant.list(c.req.valid("query"))),
  )
  .post(
    "/",
    op({ tag, summary: "Добавить участника", permission: "participants.write", personalData: true }),
    body(ParticipantInput),
    async (c) => c.json(await Participant.create(c.req.valid("json")), 201),
  )
  .get("/stats", op({ tag, summary: "Счётчики организации (участники, пары, показатели)", permission: "stats.institution" }), async (c) =>
    c.json(await Stats.own()),
  )
  .get(
    "/import/template",
    op({
      tag,
      summary: "Шаблон файла для импорта участников (XLSX или CSV)",
      permission: "participants.write",
      produces: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }),
    query(TemplateQuery),
    async (c) => {
      const file = await ParticipantImport.template(c.req.valid("query").format ?? "xlsx");
      c.header("content-type", file.contentType);
      c.header("content-disposition", attachment(file.fileName));
      return c.body(typeof file.body === "string" ? file.body : new Uint8Array(file.body));
    },
  )
  .post(
    "/import/preview",
    op({
      tag,
      summary: "Проверить файл импорта: строки, ошибки и дубли (ничего не сохраняется)",
      permission: "participants.write",
      personalData: true,
    }),
    body(UploadedFile),
    async (c) => c.json(await ParticipantImport.preview(c.req.valid("json"))),
  )
  .post(
    "/import",
    op({
      tag,
      summary: "Импортировать участников из файла",
      permission: "participants.write",
      personalData: true,
      responses: { 400: "В файле есть ошибки" },
    }),
    body(ImportInput),
    async (c) => {
      const { skipInvalid, ...file } = c.req.valid("json");
      return c.json(await ParticipantImport.commit(file, { skipInvalid: skipInvalid ?? false }), 201);
    },
  )
  .get(
    "/:participantId",
    op({
      tag,
      summary: "Карточка участника: данные, согласия, пары",
      permission: "participants.read",
      personalData: true,
      responses: notFound,
    }),
    async (c) => c.json(await Participant.card(c.req.param("participantId"))),
  )
  .put(
    "/:participantId",
    op({
      tag,
      summary: "Изменить участника",
      permission: "participants.write",
      personalData: true,
      responses: { ...notFound, 409: "Версия устарела" },
    }),
    body(ParticipantUpdate),
    async (c) => c.json(await Participant.update(c.req.param("participantId"), c.req.valid("json"))),
  )
  .post(
    "/:participantId/consents",
    op({
      tag,
      summary: "Записать согласие на обработку персональных данных",
      permission: "participants.write",
      personalData: true,
      responses: notFound,
    }),
    body(ConsentInput),
    async (c) => c.json(await Participant.addConsent(c.req.param("participantId"), c.req.valid("json")), 201),
  )
  .post(
    "/:participantId/consents/:consentId/withdraw",
    op({
      tag,
      summary: "Отозвать согласие: пары участника прекращаются, обработка данных ограничивается",
      permission: "participants.write",
      personalData: true,
      responses: notFound,
    }),
    body(ConsentWithdrawal),
    async (c) => c.json(await Participant.withdrawConsent(c.req.param("participantId"), c.req.param("consentId"), c.req.valid("json"))),
  )
  .get(
    "/:participantId/mentor-suggestions",
    op({
      tag,
      summary: "Подбор наставника: кандидаты с причинами",
      permission: "participants.read",
      personalData: true,
      responses: notFound,
    }),
    async (c) => c.json({ items: await Matching.suggest(c.req.param("participantId")) }),
  )
  .get(
    "/:participantId/export",
    op({
      tag,
      summary: "Выгрузить всё, что хранится об участнике (JSON или XLSX)",
      permission: "participants.sensitive",
      personalData: true,
      responses: notFound,
    }),
    query(ExportQuery),
    async (c) => {
      const data = await Participant.exportData(c.req.param("participantId"));
      if (c.req.valid("query").format === "xlsx") {
        c.header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        c.header("content-disposition", attachment(participantExportFileName(data, "xlsx")));
        return c.body(new Uint8Array(await participantExportXlsx(data, await regionTimeZone())));
      }
      c.header("content-disposition", attachment(participantExportFileName(data, "json")));
      return c.json(data);
    },
  )
  .post(
    "/:participantId/anonymise",
    op({
      tag,
      summary: "Обезличить участника (счётчики сохраняются)",
      permission: "participants.sensitive",
      personalData: true,
      responses: notFound,
    }),
    async (c) => c.json(await Participant.anonymise(c.req.param("participantId"))),
  );

/** The catalogue of forms of mentoring and the ones the institution uses. */
export const forms = new Hono()
  .get("/", op({ tag, summary: "Формы наставничества: каталог и включённые в организации", permission: "participants.read" }), async (c) =>
    c.json(await Forms.get()),
  )
  .put(
    "/enabled",
    op({
      tag,
      summary: "Выбрать формы наставничества организации",
      permission: "participants.write",
      responses: { 409: "Версия устарела" },
    }),
    body(EnabledFormsInput),
    async (c) => c.json(await Forms.setEnabled(c.req.valid("json"))),
  );
