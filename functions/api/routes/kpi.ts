import { Hono } from "hono/tiny";
import { Kpi, TargetsInput } from "@rnc/core/kpi";
import { YearQuery } from "@rnc/core/schemas";
import { body, op, query } from "../openapi";

export const kpi = new Hono()
  .get(
    "/targets",
    op({ tag: "kpi", summary: "Целевые показатели региона на год (значения по умолчанию и изменённые РНЦ)", permission: "kpi.read" }),
    query(YearQuery),
    async (c) => c.json(await Kpi.targets(c.req.valid("query").year)),
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
    async (c) => c.json(await Kpi.institution(c.req.valid("query").year)),
  )
  .get(
    "/region",
    op({ tag: "kpi", summary: "Показатели региона и его организаций: факт и цель", permission: "kpi.region_read" }),
    query(YearQuery),
    async (c) => c.json(await Kpi.region(c.req.valid("query").year)),
  );
