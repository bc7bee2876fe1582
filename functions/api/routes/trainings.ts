import { Hono } from "hono/tiny";
import { Training, TrainingInput, TrainingUpdate } from "@rnc/core/training";
import { VersionQuery } from "@rnc/core/schemas";
import { body, op, query } from "../openapi";

const tag = "trainings" as const;
const conflict = { 404: "Мероприятие не найдено", 409: "Версия устарела (в ответе — текущее состояние)" };

/** The institution's log of mentor-training events (monitoring counts its period's events from it). */
export const trainings = new Hono()
  .get("/", op({ tag, summary: "Мероприятия по обучению наставников", permission: "trainings.read" }), async (c) =>
    c.json(await Training.list()),
  )
  .post("/", op({ tag, summary: "Записать мероприятие", permission: "trainings.write" }), body(TrainingInput), async (c) =>
    c.json(await Training.create(c.req.valid("json")), 201),
  )
  .put(
    "/:trainingId",
    op({ tag, summary: "Изменить запись о мероприятии", permission: "trainings.write", responses: conflict }),
    body(TrainingUpdate),
    async (c) => c.json(await Training.update(c.req.param("trainingId"), c.req.valid("json"))),
  )
  .delete(
    "/:trainingId",
    op({ tag, summary: "Удалить запись о мероприятии", permission: "trainings.write", responses: conflict }),
    query(VersionQuery),
    async (c) => {
      await Training.remove(c.req.param("trainingId"), c.req.valid("query").version);
      return c.json({ ok: true });
    },
  );
