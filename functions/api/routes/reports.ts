import { Readable } from "node:stream";
import { Hono } from "hono/tiny";
import { ExportInput, Reports } from "@rnc/core/reports";
import { body, op } from "../openapi";
import { attachment } from "../download";

const tag = "reports";
const missing = { 404: "Выгрузка не найдена" };

export const reports = new Hono()
  .get("/exports", op({ tag, summary: "Выгрузки региона (последние 50)", permission: "reports.export" }), async (c) =>
    c.json({ items: await Reports.list() }),
  )
  .post(
    "/exports",
    op({
      tag,
      summary: "Сформировать сводный отчёт региона (XLSX со всеми листами или CSV одного листа)",
      permission: "reports.export",
      responses: { 404: "Кампания не найдена" },
    }),
    body(ExportInput),
    async (c) => c.json(await Reports.start(c.req.valid("json")), 202),
  )
  .get(
    "/exports/:exportId",
    op({ tag, summary: "Ход выгрузки и ссылка на файл, когда он готов", permission: "reports.export", responses: missing }),
    async (c) => c.json(await Reports.get(c.req.param("exportId"))),
  )
  .get(
    "/exports/:exportId/file",
    op({
      tag,
      summary: "Файл выгрузки (в AWS — переадресация на временную ссылку хранилища)",
      permission: "reports.export",
      produces: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      responses: { ...missing, 409: "Выгрузка ещё не готова" },
    }),
    async (c) => {
      const file = await Reports.file(c.req.param("exportId"));
      if (file.kind === "redirect") return c.redirect(file.url, 302);
      return new Response(Readable.toWeb(file.stream) as ReadableStream, {
        headers: {
          "content-type": file.contentType,
          "content-length": String(file.size),
          "content-disposition": attachment(file.fileName),
        },
      });
    },
  );
