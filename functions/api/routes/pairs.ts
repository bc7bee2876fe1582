import { Hono } from "hono/tiny";
import {
  AgreementInput,
  BOARD_PAGE,
  CompletionInput,
  MeetingInput,
  MeetingUpdate,
  Pair,
  PairFilter,
  PairInput,
  PairUpdate,
  PlanInput,
  TerminationInput,
  VersionInput,
} from "@rnc/core/pair";
import { body, op, query } from "../openapi";

const tag = "pairs" as const;
const notFound = { 404: "Пара не найдена" };
const conflict = { ...notFound, 409: "Версия устарела или переход невозможен" };

/** Pairs and groups: board, agreement, activation rules, plan, meeting diary, completion. */
export const pairs = new Hono()
  .get(
    "/",
    op({
      tag,
      summary: "Пары и группы, новые первыми: одного статуса постранично (limit, cursor) или все",
      permission: "participants.read",
      personalData: true,
    }),
    query(PairFilter),
    async (c) => c.json(await Pair.list(c.req.valid("query"))),
  )
  .get(
    "/board",
    op({
      tag,
      summary: `Доска пар по статусам: первые ${BOARD_PAGE} пар каждого статуса и их число`,
      permission: "participants.read",
      personalData: true,
    }),
    async (c) => c.json(await Pair.board()),
  )
  .post(
    "/",
    op({
      tag,
      summary: "Создать пару или группу (черновик)",
      permission: "participants.write",
      personalData: true,
      responses: { 409: "Участник недоступен" },
    }),
    body(PairInput),
    async (c) => c.json(await Pair.create(c.req.valid("json")), 201),
  )
  .get(
    "/:pairId",
    op({ tag, summary: "Пара: участники, план, дневник встреч", permission: "participants.read", personalData: true, responses: notFound }),
    async (c) => c.json(await Pair.get(c.req.param("pairId"))),
  )
  .put(
    "/:pairId",
    op({ tag, summary: "Изменить форму, сроки, примечание", permission: "participants.write", personalData: true, responses: conflict }),
    body(PairUpdate),
    async (c) => c.json(await Pair.update(c.req.param("pairId"), c.req.valid("json"))),
  )
  .put(
    "/:pairId/agreement",
    op({
      tag,
      summary: "Записать соглашение между наставником и наставляемым",
      permission: "participants.write",
      personalData: true,
      responses: conflict,
    }),
    body(AgreementInput),
    async (c) => c.json(await Pair.setAgreement(c.req.param("pairId"), c.req.valid("json"))),
  )
  .post(
    "/:pairId/activate",
    op({
      tag,
      summary: "Активировать пару (проверяются согласия, соглашение, форма, нагрузка наставника)",
      permission: "participants.write",
      personalData: true,
      responses: { ...notFound, 409: "Пару нельзя активировать: причина в сообщении" },
    }),
    body(VersionInput),
    async (c) => c.json(await Pair.activate(c.req.param("pairId"), c.req.valid("json"))),
  )
  .post(
    "/:pairId/complete",
    op({
      tag,
      summary: "Завершить пару: результаты и рефлексия",
      permission: "participants.write",
      personalData: true,
      responses: conflict,
    }),
    body(CompletionInput),
    async (c) => c.json(await Pair.complete(c.req.param("pairId"), c.req.valid("json"))),
  )
  .post(
    "/:pairId/terminate",
    op({ tag, summary: "Прекратить пару с указанием причины", permission: "participants.write", personalData: true, responses: conflict }),
    body(TerminationInput),
    async (c) => c.json(await Pair.terminate(c.req.param("pairId"), c.req.valid("json"))),
  )
  .put(
    "/:pairId/plan",
    op({ tag, summary: "Сохранить индивидуальный план", permission: "participants.write", personalData: true, responses: conflict }),
    body(PlanInput),
    async (c) => c.json(await Pair.savePlan(c.req.param("pairId"), c.req.valid("json"))),
  )
  .post(
    "/:pairId/meetings",
    op({ tag, summary: "Записать встречу в дневник", permission: "participants.write", personalData: true, responses: conflict }),
    body(MeetingInput),
    async (c) => c.json(await Pair.addMeeting(c.req.param("pairId"), c.req.valid("json")), 201),
  )
  .put(
    "/:pairId/meetings/:meetingId",
    op({ tag, summary: "Изменить запись о встрече", permission: "participants.write", personalData: true, responses: conflict }),
    body(MeetingUpdate),
    async (c) => c.json(await Pair.updateMeeting(c.req.param("pairId"), c.req.param("meetingId"), c.req.valid("json"))),
  );
