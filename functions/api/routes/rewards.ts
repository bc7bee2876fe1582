import { Hono } from "hono/tiny";
import { Reward, RewardInput, RewardUpdate } from "@rnc/core/reward";
import { VersionQuery, YearQuery } from "@rnc/core/schemas";
import * as z from "@rnc/core/zod";
import { body, op, query } from "../openapi";

const tag = "rewards" as const;
const conflict = { 404: "Запись о поощрении не найдена", 409: "Версия устарела (в ответе — текущее состояние)" };

const RewardFilter = z.object({
  ...YearQuery.shape,
  participantId: z.optional(z.string().check(z.maxLength(40, { error: "Неверный идентификатор участника" }))),
});

/** The mentors' rewards. */
export const rewards = new Hono()
  .get("/", op({ tag, summary: "Поощрения наставников", permission: "rewards.read" }), query(RewardFilter), async (c) =>
    c.json(await Reward.list(c.req.valid("query"))),
  )
  .post(
    "/",
    op({
      tag,
      summary: "Записать поощрение наставнику",
      permission: "rewards.write",
      responses: { 404: "Участник не найден", 409: "Участник не наставник или его данные ограничены" },
    }),
    body(RewardInput),
    async (c) => c.json(await Reward.create(c.req.valid("json")), 201),
  )
  .put(
    "/:rewardId",
    op({ tag, summary: "Изменить запись о поощрении", permission: "rewards.write", responses: conflict }),
    body(RewardUpdate),
    async (c) => c.json(await Reward.update(c.req.param("rewardId"), c.req.valid("json"))),
  )
  .delete(
    "/:rewardId",
    op({ tag, summary: "Удалить запись о поощрении", permission: "rewards.write", responses: conflict }),
    query(VersionQuery),
    async (c) => {
      await Reward.remove(c.req.param("rewardId"), c.req.valid("query").version);
      return c.json({ ok: true });
    },
  );
