import { Hono } from "hono/tiny";
import { DashboardFilter, RegionStats } from "@rnc/core/regionstats";
import * as z from "@rnc/core/zod";
import { op, query } from "../openapi";

const PeriodQuery = z.object({ period: DashboardFilter.shape.period });
const tag = "stats";

export const stats = new Hono()
  .get(
    "/region",
    op({
      tag,
      summary: "Панель региона: участники, пары, показатели против целей, дорожные карты, мониторинг, удовлетворённость",
      permission: "stats.region",
      responses: { 404: "Кампания не найдена" },
    }),
    query(DashboardFilter),
    async (c) => c.json(await RegionStats.dashboard(c.req.valid("query"))),
  )
  .get(
    "/region/institutions/:tenantId",
    op({
      tag,
      summary: "Сводка одной организации региона (без персональных данных)",
      permission: "stats.region",
      responses: { 404: "Организация не найдена" },
    }),
    query(PeriodQuery),
    async (c) => c.json(await RegionStats.institution(c.req.param("tenantId"), c.req.valid("query"))),
  )
  .get(
    "/platform",
    op({ tag, summary: "Число организаций, участников и пар по регионам (администратор платформы)", permission: "stats.region" }),
    async (c) => c.json(await RegionStats.platform()),
  )
  .get(
    "/institution",
    op({ tag, summary: "Сводка своей организации: те же числа, что видит регион", permission: "stats.institution" }),
    query(PeriodQuery),
    async (c) => c.json(await RegionStats.own(c.req.valid("query"))),
  );
