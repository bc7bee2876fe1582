import { loadExcel } from "../tabular";
import { formatDate } from "../ru";
import { itemStatusLabels, overdueLabel } from "../labels";
import type { RoadmapDetail } from "./index";

/** The columns schools use in their roadmaps, plus the status. */
export const exportColumns = [
  { header: "№ п/п", width: 8 },
  { header: "Наименование мероприятий", width: 60 },
  { header: "Срок реализации", width: 24 },
  { header: "Ответственный исполнитель", width: 30 },
  { header: "Результат. Вид документа", width: 40 },
  { header: "Статус", width: 22 },
] as const;

/** An XLSX workbook of one roadmap: a title row, the header row, then sections (merged rows) and their items. */
export async function roadmapWorkbook(detail: RoadmapDetail): Promise<Uint8Array> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = "ЦМН";
  const sheet = workbook.addWorksheet("Дорожная карта", { pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1 } });
  sheet.columns = exportColumns.map((column) => ({ width: column.width }));
  const title = sheet.addRow([detail.title]);
  sheet.mergeCells(title.number, 1, title.number, exportColumns.length);
  title.font = { bold: true, size: 13 };
  const approved = [
    detail.approvedBy ? `Утверждена: ${detail.approvedBy}` : "",
    detail.approvedAt ? `от ${formatDate(detail.approvedAt)}` : "",
    detail.approvalAct ?? "",
  ]
    .filter(Boolean)
    .join(" ");
  sheet.addRow([`Период: ${detail.period}${approved ? `. ${approved}` : ""}`]);
  const head = sheet.addRow(exportColumns.map((column) => column.header));
  head.font = { bold: true };
  head.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  const border = { style: "thin" as const };
  const groups = [
    ...detail.sections,
    ...(detail.unsectioned.length ? [{ number: undefined, title: "Без раздела", items: detail.unsectioned }] : []),
  ];
  for (const section of groups) {
    const row = sheet.addRow([section.number ?? "", section.title]);
    sheet.mergeCells(row.number, 2, row.number, exportColumns.length);
    row.font = { bold: true };
    for (const item of section.items) {
      const status = item.overdue ? overdueLabel : itemStatusLabels[item.status];
      const completed = item.occurrences.filter((o) => o.status === "done" && o.completedAt).at(-1)?.completedAt;
      sheet.addRow([
        item.number ?? "",
        item.name,
        // A template blank («202_») is shown as the date it was anchored to.
        item.deadlineText?.includes("_") ? item.deadlineLabel : (item.deadlineText ?? item.deadlineLabel),
        item.executors ?? "",
        item.result ?? "",
        completed && item.status === "done" ? `${status} ${formatDate(completed)}` : status,
      ]);
    }
  }
  sheet.eachRow((row, number) => {
    if (number < head.number) return;
    row.alignment = { vertical: "top", wrapText: true, ...(number === head.number ? { horizontal: "center" } : {}) };
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = { top: border, left: border, bottom: border, right: border };
    });
  });
  sheet.views = [{ state: "frozen", ySplit: head.number }];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
