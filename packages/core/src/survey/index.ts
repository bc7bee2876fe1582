import { useRegionID, useTenantID } from "../actor";
import { auditItem, recordAudit } from "../audit";
import { hashToken, nowIso, randomToken } from "../auth/secret";
import { appUrl, sendEmail } from "../email";
import { VisibleError, notFound } from "../error";
import { createId } from "../id";
import { Institution, staleVersion } from "../institution";
import { log } from "../log";
import { addDays, todayIn } from "../dates";
import { assertCan } from "../permissions";
import { regionToday, timeZoneOf } from "../participant/calendar";
import { isMinor } from "../participant/age";
import { initials } from "../participant/names";
import { readParticipantsById } from "../participant/read";
import { countOf, formatDate, ruCompare } from "../ru";
import { optionalText, text, version } from "../schemas";
import { regionSummaries, transactWithSummaries } from "../stats/summary";
import { noSatisfaction } from "../regionstats/rollup";
import * as z from "../zod";
import {
  type Answers,
  type Question,
  answerIssues,
  cleanAnswers,
  distributions,
  entryExitComparison,
  participantDescription,
  questionIssues,
  questionKinds,
  satisfactionScores,
  surveyTemplates,
  templateByCode,
} from "./questions";
import { surveyEmail } from "./email";
import {
  SurveyEntity,
  SurveyLinkEntity,
  SurveyResponseEntity,
  surveyAudiences,
  surveyPhases,
  surveyPurposes,
  type surveyStatuses,
  SurveyDueEntity,
  SurveyAnsweredEntity,
  roundOf,
} from "./survey.entity";
import { AuditEntity } from "../audit/audit.entity";

export * from "./questions";
export { surveyAudienceLabels } from "./labels";
export { surveyAudiences, surveyPurposes, surveyPhases };

export const SURVEY_LINK_TTL_DAYS = 14;
/** The curator is reminded of missing answers this many days before a sending's links expire (survey/reminders.ts). */
export const SURVEY_REMINDER_DAYS_BEFORE = 3;

const QuestionInput = z.object({
  id: z
    .string({ error: "Укажите код вопроса" })
    .check(z.regex(/^[a-z0-9_]{1,40}$/, { error: "Код вопроса: латинские строчные буквы, цифры и _" })),
  kind: z.enum(questionKinds, { error: "Тип вопроса: шкала, один вариант, несколько вариантов или свободный ответ" }),
  text: text("Текст вопроса", 500),
  required: z.boolean({ error: "Укажите, обязателен ли ответ" }),
  options: z.optional(z.array(text("Вариант ответа", 200)).check(z.maxLength(20, { error: "Не больше 20 вариантов ответа" }))),
  satisfaction: z.optional(z.boolean()),
  characteristic: optionalText("Измеряемая характеристика", 100),
  lowerIsBetter: z.optional(z.boolean()),
});

const checkQuestions = z.superRefine<{ questions: Question[] }>((value, ctx) => {
  for (const issue of questionIssues(value.questions))
    ctx.addIssue({ code: "custom", input: value, path: issue.path.split("."), message: issue.message });
});

const surveyFields = {
  title: text("Название анкеты", 200),
  description: optionalText("Пояснение для участника", 1000),
  audience: z.enum(surveyAudiences, { error: "Кому адресована анкета: наставникам, наставляемым или всем" }),
  purpose: z.enum(surveyPurposes, { error: "Назначение анкеты: удовлетворённость, личностный рост или другое" }),
  questions: z
    .array(QuestionInput)
    .check(z.minLength(1, { error: "Добавьте хотя бы один вопрос" }), z.maxLength(50, { error: "Не больше 50 вопросов" })),
};
export const SurveyInput = z.object(surveyFields).check(checkQuestions);
export type SurveyInput = z.infer<typeof SurveyInput>;
export const SurveyUpdate = z.object({ ...surveyFields, version: version() }).check(checkQuestions);
export const FromTemplateInput = z.object({
  template: z.enum(["mentor_satisfaction", "mentee_satisfaction", "growth"], { error: "Выберите шаблон анкеты" }),
});

/** Recipients are named by their register id only: who they are and where to write is read from the register. */
export const SendInput = z.object({
  recipients: z
    .array(z.object({ participantId: text("Участник", 100) }))
    .check(z.minLength(1, { error: "Выберите хотя бы одного участника" }), z.maxLength(500, { error: "Не больше 500 участников за раз" })),
  phase: z.optional(z.enum(surveyPhases, { error: "Этап: вход или выход из программы" })),
  programme: optionalText("Программа", 200),
  expiresInDays: z.optional(
    z
      .number({ error: "Срок действия ссылки — число дней" })
      .check(
        z.int(),
        z.minimum(1, { error: "Срок действия — не меньше 1 дня" }),
        z.maximum(60, { error: "Срок действия — не больше 60 дней" }),
      ),
  ),
});
export type SendInput = z.infer<typeof SendInput>;

export const AnswerInput = z.object({ answers: z.record(z.string(), z.unknown()) });

type SurveyRow = {
  tenantId: string;
  regionId: string;
  surveyId: string;
  title: string;
  description?: string;
  audience: (typeof surveyAudiences)[number];
  purpose: (typeof surveyPurposes)[number];
  template?: string;
  questions: Question[];
  status: (typeof surveyStatuses)[number];
  sentCount: number;
  responseCount: number;
  sendings?: string[];
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type SurveyInfo = Omit<SurveyRow, "tenantId" | "regionId" | "sendings">;

const toInfo = (row: SurveyRow): SurveyInfo => ({
  surveyId: row.surveyId,
  title: row.title,
  description: row.description,
  audience: row.audience,
  purpose: row.purpose,
  template: row.template,
  questions: row.questions,
  status: row.status,
  sentCount: row.sentCount,
  responseCount: row.responseCount,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  version: row.version,
});

export type SurveyLinkInfo = {
  linkId: string;
  participantId: string;
  name: string;
  email?: string;
  delivery: "email" | "print";
  phase?: "entry" | "exit";
  programme?: string;
  createdAt: string;
  expiresAt: string;
  status: "pending" | "answered" | "expired";
};

const linkStatus = (row: { usedAt?: string; expiresAt: string }): SurveyLinkInfo["status"] =>
  row.usedAt ? "answered" : row.expiresAt < nowIso() ? "expired" : "pending";

const invalid = (fields: { path: string; message: string }[]) =>
  new VisibleError("input", "request.invalid", "Проверьте правильность заполнения полей", { fields });

const surveyNotFound = () => notFound("survey.not_found", "Анкета не найдена");
const surveyClosed = (message = "Анкета закрыта: отправить её нельзя") => new VisibleError("conflict", "survey.closed", message);
const linkNotFound = () =>
  new VisibleError("not_found", "survey.link_not_found", "Ссылка на анкету не найдена. Проверьте, что она скопирована полностью.");

async function ownRow(surveyId: string, consistent = false): Promise<SurveyRow> {
  const row = (await SurveyEntity.get({ tenantId: useTenantID(), surveyId }).go({ consistent })).data as SurveyRow | null;
  if (!row) throw surveyNotFound();
  return row;
}

/** A link counts once its sending is complete (links written before sendings were named always count). */
const committed = (link: { sendingId?: string }, survey: Pick<SurveyRow, "sendings">) =>
  !link.sendingId || (survey.sendings ?? []).includes(link.sendingId);

const registerAttributes = ["participantId", "fullName", "email", "status", "consentId", "birthDate", "birthYear"] as const;
type RegisterRow = {
  participantId: string;
  fullName: string;
  email?: string;
  status: string;
  consentId?: string;
  /** A minor's letter greets them by first name. */
  birthDate?: string;
  birthYear?: number;
};

/** This tenant's participants by id: one strongly consistent BatchGet per 100, only what a sending shows and checks. */
const registerRows = (tenantId: string, ids: readonly string[]): Promise<Map<string, RegisterRow>> =>
  readParticipantsById(tenantId, ids, registerAttributes, { consistent: true });

/** What a list of respondents shows of a person: the register's name, or only initials once processing is restricted. */
const shownPerson = (person: RegisterRow) =>
  person.status === "active" ? { name: person.fullName, email: person.email } : { name: initials(person.fullName), email: undefined };

const refusalReasons = {
  not_found: "нет в базе участников организации",
  restricted: "обработка данных ограничена или данные обезличены",
  no_consent: "нет согласия на обработку персональных данных",
  answered: "уже ответили на эту анкету",
} as const;

/**
 * The recipients of a sending, from the register of the actor's own institution: each must be in it, active, with a
 * consent in force, and not have answered this survey (in this round) already. Otherwise nothing is sent and the error
 * says how many were refused and why.
 */
async function recipientsFromRegister(tenantId: string, ids: readonly string[], answered: ReadonlySet<string>): Promise<RegisterRow[]> {
  const unique = [...new Set(ids)];
  const people = await registerRows(tenantId, unique);
  const refused: { participantId: string; reason: keyof typeof refusalReasons }[] = [];
  for (const participantId of unique) {
    const person = people.get(participantId);
    if (!person) refused.push({ participantId, reason: "not_found" });
    else if (person.status !== "active") refused.push({ participantId, reason: "restricted" });
    else if (!person.consentId) refused.push({ participantId, reason: "no_consent" });
    else if (answered.has(participantId)) refused.push({ participantId, reason: "answered" });
  }
  if (refused.length === 0) return unique.map((id) => people.get(id) as RegisterRow);
  const reasons = (Object.keys(refusalReasons) as (keyof typeof refusalReasons)[])
    .map((reason) => [reason, refused.filter((r) => r.reason === reason).length] as const)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${refusalReasons[reason]} — ${n}`);
  const unknown = refused.some((r) => r.reason === "not_found");
  throw new VisibleError(
    unknown ? "input" : "conflict",
    unknown ? "survey.recipients_not_found" : "survey.recipients_unavailable",
    `Рассылка не выполнена: ${countOf(refused.length, ["участнику", "участникам", "участникам"])} из выбранных отправить анкету нельзя (${reasons.join("; ")}). Уберите их из списка получателей.`,
    { refused },
  );
}

/** Who has answered the survey in a round: one Query of its answered marks (one small item per answer). */
async function answeredIn(tenantId: string, surveyId: string, round: ReturnType<typeof roundOf>): Promise<Set<string>> {
  const marks = await SurveyAnsweredEntity.query
    .byParticipant({ tenantId, surveyId })
    .go({ pages: "all", attributes: ["participantId", "round"] });
  return new Set(marks.data.filter((mark) => mark.round === round).map((mark) => mark.participantId));
}

const surveyUrl = (token: string) => `${appUrl()}/survey/${token}`;

export const Survey = {
  templates() {
    assertCan("surveys.read");
    return surveyTemplates;
  },

  async list(): Promise<SurveyInfo[]> {
    assertCan("surveys.read");
    const rows = await SurveyEntity.query.byId({ tenantId: useTenantID() }).go({ pages: "all" });
    return (rows.data as SurveyRow[]).map(toInfo).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  },

  async get(surveyId: string): Promise<SurveyInfo> {
    assertCan("surveys.read");
    return toInfo(await ownRow(surveyId));
  },

  async create(input: SurveyInput, template?: string): Promise<SurveyInfo> {
    assertCan("surveys.manage");
    const tenantId = useTenantID();
    const now = nowIso();
    const row: SurveyRow = {
      ...input,
      tenantId,
      regionId: useRegionID(),
      surveyId: createId("survey"),
      template,
      status: "draft",
      sentCount: 0,
      responseCount: 0,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await transactWithSummaries(
      { survey: SurveyEntity, audit: AuditEntity },
      ({ survey, audit }) => [
        survey.create(row).commit(),
        audit.create(auditItem("survey.create", row.surveyId, { tenantId, regionId: row.regionId })).commit(),
      ],
      [],
    );
    return toInfo(row);
  },

  /** A new questionnaire from a ready template (mentor or mentee satisfaction, stage-2 growth), editable until sent. */
  async fromTemplate(code: string): Promise<SurveyInfo> {
    const template = templateByCode(code);
    if (!template) throw notFound("survey.template_not_found", "Шаблон анкеты не найден");
    const { title, description, audience, purpose, questions } = template;
    return Survey.create({ title, description, audience, purpose, questions: structuredClone(questions) }, template.code);
  },

  /** Questions can change only until the first link is sent: answers must always match the questions they answer. */
  async update(surveyId: string, input: z.infer<typeof SurveyUpdate>): Promise<SurveyInfo> {
    assertCan("surveys.manage");
    const current = await ownRow(surveyId);
    const { version: expected, ...changes } = input;
    if (current.status !== "draft")
      throw new VisibleError(
        "conflict",
        "survey.locked",
        "Анкета уже разослана участникам: вопросы менять нельзя. Создайте новую анкету.",
        {
          current: toInfo(current),
        },
      );
    if (current.version !== expected) throw staleVersion(toInfo(current));
    const updatedAt = nowIso();
    const result = await transactWithSummaries(
      { survey: SurveyEntity, audit: AuditEntity },
      ({ survey, audit }) => [
        survey
          .patch({ tenantId: current.tenantId, surveyId })
          .set({ ...changes, updatedAt, version: expected + 1 })
          .where((attr, op) => `${op.eq(attr.version, expected)} AND ${op.eq(attr.status, "draft")}`)
          .commit(),
        audit.create(auditItem("survey.update", surveyId, { tenantId: current.tenantId, regionId: current.regionId })).commit(),
      ],
      [],
    );
    if (result.canceled) throw staleVersion(toInfo(await ownRow(surveyId)));
    return toInfo({ ...current, ...changes, updatedAt, version: expected + 1 });
  },

  /**
   * Stops answers. Written only over the version it read, so a sending finishing meanwhile is read again and closed
   * too (a sending's own last write never reopens a closed survey). Closing a closed survey changes nothing.
   */
  async close(surveyId: string): Promise<SurveyInfo> {
    assertCan("surveys.manage");
    for (let attempt = 0; ; attempt++) {
      const current = await ownRow(surveyId, attempt > 0);
      if (current.status === "closed") return toInfo(current);
      const updatedAt = nowIso();
      const result = await transactWithSummaries(
        { survey: SurveyEntity, audit: AuditEntity },
        ({ survey, audit }) => [
          survey
            .patch({ tenantId: current.tenantId, surveyId })
            .set({ status: "closed", updatedAt, version: current.version + 1 })
            .where((attr, op) => `${op.eq(attr.version, current.version)} AND ${op.ne(attr.status, "closed")}`)
            .commit(),
          audit.create(auditItem("survey.close", surveyId, { tenantId: current.tenantId, regionId: current.regionId })).commit(),
        ],
        [],
      );
      if (!result.canceled) return toInfo({ ...current, status: "closed", updatedAt, version: current.version + 1 });
      if (attempt >= 3) throw new VisibleError("conflict", "survey.busy", "Анкету сейчас изменяют другие пользователи: повторите попытку");
    }
  },

  /**
   * One one-time link per recipient of the institution's register (active, with a consent in force): emailed to those
   * with an address; for the others the link is returned once, to be printed (with its QR code) and handed over by the
   * curator. Only hashes are stored, so the links cannot be shown again.
   *
   * The links are written in transactions of 100, then one last transaction opens the survey and names the sending,
   * unless the survey was closed meanwhile. Until then the links count nowhere (lists, counts, answers) and their
   * tokens have been given to no one: a sending that fails midway leaves nothing visible, and sending again is the retry.
   */
  async send(surveyId: string, input: SendInput) {
    assertCan("surveys.manage");
    const current = await ownRow(surveyId);
    if (current.status === "closed") throw surveyClosed();
    if (current.purpose === "growth" && !input.phase)
      throw invalid([{ path: "phase", message: "Укажите этап: анкета личностного роста заполняется на входе и на выходе из программы" }]);
    const people = await recipientsFromRegister(
      current.tenantId,
      input.recipients.map((recipient) => recipient.participantId),
      await answeredIn(current.tenantId, surveyId, roundOf({ phase: input.phase })),
    );
    const created = new Date();
    const expiresAt = new Date(created.getTime() + (input.expiresInDays ?? SURVEY_LINK_TTL_DAYS) * 86_400_000).toISOString();
    // The day the links expire in the region's calendar: the reminder and the letters name that day.
    const timeZone = await timeZoneOf(current.regionId);
    const expiresOn = todayIn(timeZone, new Date(expiresAt));
    const links = people.map((person) => {
      const token = randomToken();
      return {
        token,
        person,
        row: {
          tenantId: current.tenantId,
          regionId: current.regionId,
          surveyId,
          linkId: createId("surveyLink"),
          tokenHash: hashToken(token),
          participantId: person.participantId,
          delivery: person.email ? ("email" as const) : ("print" as const),
          phase: input.phase,
          programme: input.programme || undefined,
          createdAt: created.toISOString(),
          expiresAt,
        },
      };
    });
    // A sending is named by its first link's id.
    const sendingId = links[0]?.row.linkId ?? createId("surveyLink");
    for (let i = 0; i < links.length; i += 100) {
      const chunk = links.slice(i, i + 100);
      const written = await transactWithSummaries(
        { surveyLink: SurveyLinkEntity },
        ({ surveyLink }) => chunk.map(({ row }) => surveyLink.create({ ...row, sendingId }).commit()),
        [],
      );
      if (written.canceled)
        throw new VisibleError(
          "unavailable",
          "survey.send_failed",
          "Не удалось подготовить ссылки: анкета не отправлена. Повторите отправку.",
        );
    }
    const opened = await transactWithSummaries(
      { survey: SurveyEntity, surveyDue: SurveyDueEntity, audit: AuditEntity },
      ({ survey, surveyDue, audit }) => [
        survey
          .patch({ tenantId: current.tenantId, surveyId })
          .set({ status: "open", updatedAt: created.toISOString() })
          .add({ sentCount: links.length, version: 1, sendings: [sendingId] })
          .where((attr, op) => op.ne(attr.status, "closed"))
          .commit(),
        surveyDue
          .put({
            tenantId: current.tenantId,
            regionId: current.regionId,
            surveyId,
            expiresOn,
            remindOn: addDays(expiresOn, -SURVEY_REMINDER_DAYS_BEFORE),
          })
          .commit(),
        audit.create(auditItem("survey.send", surveyId, { tenantId: current.tenantId, regionId: current.regionId })).commit(),
      ],
      [],
    );
    if (opened.canceled) {
      if ((await ownRow(surveyId, true)).status === "closed")
        throw surveyClosed("Анкету закрыли, пока готовилась рассылка: ссылки не отправлены");
      throw new VisibleError("conflict", "survey.busy", "Анкету сейчас изменяют другие пользователи: повторите отправку");
    }
    const institution = await Institution.find(current.tenantId);
    const today = todayIn(timeZone);
    let emailed = 0;
    for (const { token, person, row } of links) {
      if (!person.email) continue;
      try {
        await sendEmail(
          surveyEmail({
            to: person.email,
            fullName: person.fullName,
            minor: isMinor(person, today),
            title: current.title,
            phase: row.phase,
            institutionName: institution?.shortName,
            expiresAt,
            timeZone,
            url: surveyUrl(token),
          }),
        );
        emailed += 1;
      } catch (error) {
        log.warn("survey email failed", { surveyId, linkId: row.linkId, error: (error as Error).name });
      }
    }
    return {
      sent: links.length,
      emailed,
      expiresAt,
      printable: links
        .filter(({ person }) => !person.email)
        .map(({ token, person }) => ({ participantId: person.participantId, name: person.fullName, url: surveyUrl(token) })),
    };
  },

  /** Who the survey went to (names as the register has them now) and who answered. Personal data: audited. */
  async links(surveyId: string): Promise<SurveyLinkInfo[]> {
    assertCan("surveys.read");
    const current = await ownRow(surveyId);
    const tenantId = current.tenantId;
    const rows = (await SurveyLinkEntity.query.bySurvey({ tenantId, surveyId }).go({ pages: "all" })).data.filter((row) =>
      committed(row, current),
    );
    const people = await registerRows(
      tenantId,
      rows.map((row) => row.participantId),
    );
    await recordAudit("survey.links.read", surveyId, { tenantId });
    return rows.map((row) => {
      const person = people.get(row.participantId);
      // Links written before names were read from the register, to people who are not in it, keep their own copy.
      const shown = person ? shownPerson(person) : { name: row.name ?? "Участник не из базы", email: row.email };
      return {
        linkId: row.linkId,
        participantId: row.participantId,
        ...shown,
        delivery: row.delivery,
        phase: row.phase,
        programme: row.programme,
        createdAt: row.createdAt,
        expiresAt: row.expiresAt,
        status: linkStatus(row),
      };
    });
  },

  /** Per-question distributions, the entry/exit comparison per programme and the satisfaction percent. */
  async results(surveyId: string) {
    assertCan("surveys.read");
    const current = await ownRow(surveyId);
    const rows = await SurveyResponseEntity.query.bySurvey({ tenantId: current.tenantId, surveyId }).go({ pages: "all" });
    await recordAudit("survey.results.read", surveyId, { tenantId: current.tenantId });
    const responses = rows.data
      .map((r) => ({ answers: r.answers as Answers, phase: r.phase, programme: r.programme, submittedAt: r.submittedAt }))
      .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
    const scores = responses.flatMap((r) => satisfactionScores(current.questions, r.answers));
    return {
      survey: toInfo(current),
      responses: responses.length,
      questions: distributions(current.questions, responses),
      entryExit: current.purpose === "growth" ? entryExitComparison(current.questions, responses) : [],
      satisfaction: scores.length
        ? { percent: Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 10, answers: scores.length }
        : null,
    };
  },
};

const answersClosed = () => surveyClosed("Приём ответов на эту анкету завершён.");

async function linkByToken(token: string) {
  const found = await SurveyLinkEntity.query.byToken({ tokenHash: hashToken(token) }).go();
  const link = found.data[0];
  if (!link) throw linkNotFound();
  if (link.usedAt)
    throw new VisibleError(
      "conflict",
      "survey.link_used",
      "Эта анкета уже заполнена по этой ссылке. Спасибо за ответы! Повторно заполнить её нельзя.",
    );
  if (link.expiresAt < nowIso())
    throw new VisibleError(
      "conflict",
      "survey.link_expired",
      `Срок действия ссылки истёк ${formatDate(link.expiresAt, await timeZoneOf(link.regionId))}. Если вы хотите ответить, попросите куратора прислать новую ссылку.`,
    );
  const survey = (await SurveyEntity.get({ tenantId: link.tenantId, surveyId: link.surveyId }).go()).data as SurveyRow | null;
  if (!survey || !committed(link, survey)) throw linkNotFound();
  if (survey.status !== "open") throw answersClosed();
  return { link, survey };
}

/** Public: whoever holds a link may read its questionnaire and answer once; no account is needed. */
export const SurveyLink = {
  async open(token: string) {
    const { link, survey } = await linkByToken(token);
    const institution = await Institution.find(survey.tenantId);
    return {
      title: survey.title,
      description: participantDescription(survey.description),
      institutionName: institution?.shortName,
      questions: survey.questions,
      phase: link.phase,
      expiresAt: link.expiresAt,
      /** The region's: the expiry is shown in its calendar, as the letter with the link names it. */
      timeZone: await timeZoneOf(link.regionId),
    };
  },

  async answer(token: string, input: z.infer<typeof AnswerInput>) {
    const { link, survey } = await linkByToken(token);
    const issues = answerIssues(survey.questions, input.answers);
    if (issues.length) throw invalid(issues);
    const answers = cleanAnswers(survey.questions, input.answers);
    const submittedAt = nowIso();
    // The calendar year the response counts for in the KPI: the region's, as its dashboard's year is.
    const kpiYear = Number(todayIn(await timeZoneOf(link.regionId), new Date(submittedAt)).slice(0, 4));
    const scores = survey.audience === "any" ? [] : satisfactionScores(survey.questions, answers);
    const side = survey.audience === "mentor" ? "mentor" : "mentee";
    const total = scores.reduce((a, b) => a + b, 0);
    const tally = { ...noSatisfaction(), [side]: { sum: total, count: scores.length } };
    const result = await transactWithSummaries(
      { surveyLink: SurveyLinkEntity, surveyResponse: SurveyResponseEntity, survey: SurveyEntity, surveyAnswered: SurveyAnsweredEntity },
      ({ surveyLink, surveyResponse, survey: surveys, surveyAnswered }) => [
        surveyLink
          .patch({ tenantId: link.tenantId, surveyId: link.surveyId, linkId: link.linkId })
          .set({ usedAt: submittedAt })
          .where((attr, op) => op.notExists(attr.usedAt))
          .commit(),
        surveyResponse
          .create({
            tenantId: link.tenantId,
            surveyId: link.surveyId,
            responseId: createId("surveyResponse"),
            phase: link.phase,
            programme: link.programme,
            answers,
            submittedAt,
          })
          .commit(),
        // Answers are taken only while the survey is open: a close that lands after the reads above wins.
        surveys
          .patch({ tenantId: link.tenantId, surveyId: link.surveyId })
          .add({ responseCount: 1 })
          .where((attr, op) => op.eq(attr.status, "open"))
          .commit(),
        // Once per person (and round): another link sent to them cannot count their answers again.
        surveyAnswered
          .create({
            tenantId: link.tenantId,
            surveyId: link.surveyId,
            participantId: link.participantId,
            round: roundOf(link),
            answeredAt: submittedAt,
          })
          .commit(),
      ],
      scores.length
        ? [
            {
              tenantId: link.tenantId,
              regionId: link.regionId,
              satisfaction: { year: kpiYear, tally },
            },
          ]
        : [],
    );
    // The survey's update is the third item of the transaction, the answered mark the fourth.
    if (result.canceled && result.reasons[2] === "ConditionalCheckFailed") throw answersClosed();
    if (result.canceled && result.reasons[3] === "ConditionalCheckFailed")
      throw new VisibleError(
        "conflict",
        "survey.already_answered",
        "Вы уже ответили на эту анкету по другой ссылке. Спасибо! Повторно заполнить её нельзя.",
      );
    if (result.canceled)
      throw new VisibleError(
        "conflict",
        "survey.link_used",
        "Эта анкета уже заполнена по этой ссылке. Спасибо за ответы! Повторно заполнить её нельзя.",
      );
    return { ok: true as const, submittedAt };
  },
};

/**
 * Region: aggregates only — per institution, the number of answers and the satisfaction percents. Never answers.
 * One Query of the region's summary items.
 */
export async function regionSurveySummary(requestedYear?: number) {
  assertCan("surveys.region_read");
  const [summaries, today] = await Promise.all([regionSummaries(useRegionID()), regionToday()]);
  const year = requestedYear ?? Number(today.slice(0, 4));
  const percent = (sum: number, count: number) => (count ? Math.round((sum / count) * 100) / 10 : null);
  return summaries
    .flatMap((summary) => (summary.institution ? [{ summary, name: summary.institution.shortName }] : []))
    .sort((a, b) => ruCompare(a.name, b.name))
    .map(({ summary, name }) => {
      const tally = summary.satisfaction(year);
      return {
        tenantId: summary.tenantId,
        institutionName: name,
        mentorSatisfaction: percent(tally.mentor.sum, tally.mentor.count),
        mentorAnswers: tally.mentor.count,
        menteeSatisfaction: percent(tally.mentee.sum, tally.mentee.count),
        menteeAnswers: tally.mentee.count,
      };
    });
}
