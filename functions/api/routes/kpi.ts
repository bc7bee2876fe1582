import { Hono } from "hono/tiny";
import { Kpi, TargetsInput } from "@rnc/core/kpi";
import * as z from "@rnc/core/zod";
import { body, op, query } from "../openapi";

const YearQuery = z.object({
  year: z.optional(z.string({ error: "Год — четыре цифры" }).check(z.regex(/^20\d{2}$/, { error: "Год — четыре цифры, например 2026" }))),
});
const yearOf = (q: { year?: string }) => (q.year ? Number(q.year) : undefined);

export const kpi = new Hono()
  .get(
    "/targets",
    op({ tag: "kpi", summary: "Целевые показатели региона на год (значения по умолчанию и изменённые РНЦ)", permission: "kpi.read" }),
    query(YearQuery),
    async (c) => c.json(await Kpi.targets(yearOf(c.req.valid("query")))),
  )
  .put(
    "/targets",
    op({
      tag: "kpi",
      summary: "Задать целевые показатели региона на год",
      permission: "kpi.manage",
      responses: { 409: "Версия устарела" },
    }),
    body(TargetsInput),
    async (c) => c.json(await Kpi.setTargets(c.req.valid("json"))),
  )
  .get(
    "/institution",
    op({ tag: "kpi", summary: "Показатели своей организации: факт и цель", permission: "kpi.institution_read" }),
    query(YearQuery),
    async (c) => c.json(await Kpi.institution(yearOf(c.req.valid("query")))),
  )
  .get(
    "/region",
    op({ tag: "kpi", summary: "Показатели региона и его организаций: факт и цель", permission: "kpi.region_read" }),
    query(YearQuery),
    async (c) => c.json(await Kpi.region(yearOf(c.req.valid("query")))),
  );
