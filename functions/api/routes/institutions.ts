import { Hono } from "hono/tiny";
import { Institution, InstitutionInput, InstitutionUpdate } from "@rnc/core/institution";
import { exportInstitution } from "@rnc/core/institution/export";
import { InstitutionImport } from "@rnc/core/institution/import";
import { UploadedFile } from "@rnc/core/tabular";
import * as z from "@rnc/core/zod";
import { body, op, query } from "../openapi";
import { attachment } from "../download";
import { downloadName } from "@rnc/core/file-name";

const ListQuery = z.object({ status: z.optional(z.enum(["active", "suspended", "archived"])) });
const TemplateQuery = z.object({ format: z.optional(z.enum(["xlsx", "csv"])) });
const ImportInput = z.object({ ...UploadedFile.shape, skipInvalid: z.optional(z.boolean()) });
const notFound = { 404: "Организация не найдена" };

export const institutions = new Hono()
  .get("/", op({ tag: "institutions", summary: "Организации региона", permission: "institutions.read" }), query(ListQuery), async (c) =>
    c.json({ items: await Institution.list(c.req.valid("query")) }),
  )
  .post(
    "/",
    op({ tag: "institutions", summary: "Создать организацию", permission: "institutions.manage", responses: { 409: "Название занято" } }),
    body(InstitutionInput),
    async (c) => c.json(await Institution.create(c.req.valid("json")), 201),
  )
  .get(
    "/import/template",
    op({
      tag: "institutions",
      summary: "Шаблон файла для импорта организаций (XLSX или CSV)",
      permission: "institutions.manage",
      produces: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }),
    query(TemplateQuery),
    async (c) => {
      const file = await InstitutionImport.template(c.req.valid("query").format ?? "xlsx");
      c.header("content-type", file.contentType);
      c.header("content-disposition", attachment(file.fileName));
      return c.body(typeof file.body === "string" ? file.body : new Uint8Array(file.body));
    },
  )
  .post(
    "/import/preview",
    op({
      tag: "institutions",
      summary: "Проверить файл импорта: строки и ошибки (ничего не сохраняется)",
      permission: "institutions.manage",
    }),
    body(UploadedFile),
    async (c) => c.json(await InstitutionImport.preview(c.req.valid("json"))),
  )
  .post(
    "/import",
    op({
      tag: "institutions",
      summary: "Импортировать организации из файла",
      permission: "institutions.manage",
      responses: { 400: "В файле есть ошибки" },
    }),
    body(ImportInput),
    async (c) => {
      const { skipInvalid, ...file } = c.req.valid("json");
      return c.json(await InstitutionImport.commit(file, { skipInvalid: skipInvalid ?? false }), 201);
    },
  )
  .get(
    "/own",
    op({ tag: "institutions", summary: "Своя организация (для сотрудников организации)", permission: "institution.profile.read" }),
    async (c) => c.json(await Institution.own()),
  )
  .get("/:tenantId", op({ tag: "institutions", summary: "Организация", permission: "institutions.read", responses: notFound }), async (c) =>
    c.json(await Institution.get(c.req.param("tenantId"))),
  )
  .get(
    "/:tenantId/export",
    op({
      tag: "institutions",
      summary: "Выгрузить данные организации при выходе из системы (без персональных данных участников)",
      permission: "institutions.manage",
      responses: notFound,
    }),
    async (c) => {
      const data = await exportInstitution(c.req.param("tenantId"));
      c.header("content-disposition", attachment(downloadName(data.institution.shortName, "json", "Данные организации")));
      return c.json(data);
    },
  )
  .put(
    "/:tenantId",
    op({
      tag: "institutions",
      summary: "Изменить организацию",
      permission: "institutions.manage",
      responses: { ...notFound, 409: "Версия устарела или название занято" },
    }),
    body(InstitutionUpdate),
    async (c) => c.json(await Institution.update(c.req.param("tenantId"), c.req.valid("json"))),
  )
  .post(
    "/:tenantId/suspend",
    op({ tag: "institutions", summary: "Приостановить работу организации", permission: "institutions.manage", responses: notFound }),
    async (c) => c.json(await Institution.setStatus(c.req.param("tenantId"), "suspended")),
  )
  .post(
    "/:tenantId/activate",
    op({ tag: "institutions", summary: "Возобновить работу организации", permission: "institutions.manage", responses: notFound }),
    async (c) => c.json(await Institution.setStatus(c.req.param("tenantId"), "active")),
  )
  .post(
    "/:tenantId/archive",
    op({ tag: "institutions", summary: "Перевести организацию в архив", permission: "institutions.manage", responses: notFound }),
    async (c) => c.json(await Institution.setStatus(c.req.param("tenantId"), "archived")),
  );
