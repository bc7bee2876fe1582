import { Hono } from "hono/tiny";
import { Publication, PublicationInput, PublicationUpdate } from "@rnc/core/publication";
import { VersionQuery, YearQuery } from "@rnc/core/schemas";
import { body, op, query } from "../openapi";

const tag = "publications" as const;
const conflict = { 404: "Публикация не найдена", 409: "Версия устарела (в ответе — текущее состояние)" };

/** The institution's media plan: publications done and planned, and how regularly it publishes. */
export const publications = new Hono()
  .get("/", op({ tag, summary: "Публикации медиаплана", permission: "publications.read" }), query(YearQuery), async (c) =>
    c.json(await Publication.list(c.req.valid("query"))),
  )
  .post("/", op({ tag, summary: "Записать публикацию", permission: "publications.write" }), body(PublicationInput), async (c) =>
    c.json(await Publication.create(c.req.valid("json")), 201),
  )
  .put(
    "/:publicationId",
    op({ tag, summary: "Изменить публикацию", permission: "publications.write", responses: conflict }),
    body(PublicationUpdate),
    async (c) => c.json(await Publication.update(c.req.param("publicationId"), c.req.valid("json"))),
  )
  .delete(
    "/:publicationId",
    op({ tag, summary: "Удалить публикацию", permission: "publications.write", responses: conflict }),
    query(VersionQuery),
    async (c) => {
      await Publication.remove(c.req.param("publicationId"), c.req.valid("query").version);
      return c.json({ ok: true });
    },
  );
