/**
 * Questions, ready templates and results of questionnaires (DOMAIN.md §3.16, §5.2). Pure: no storage.
 */
import { ruCompare } from "../ru";

export const questionKinds = ["scale", "single", "multiple", "text"] as const;
export type QuestionKind = (typeof questionKinds)[number];

export const questionKindLabels: Record<QuestionKind, string> = {
  scale: "Шкала от 1 до 10",
  single: "Один вариант",
  multiple: "Несколько вариантов",
  text: "Свободный ответ",
};

export const SCALE_MIN = 1;
export const SCALE_MAX = 10;
export const TEXT_ANSWER_MAX = 2000;

export type Question = {
  id: string;
  kind: QuestionKind;
  text: string;
  required: boolean;
  options?: string[];
  /** A scale question whose answers feed the satisfaction KPI (mean score × 10, %). */
  satisfaction?: boolean;
  /** The personal characteristic a stage-2 question measures (вовлечённость, тревожность, ...). */
  characteristic?: string;
  /** For characteristics where a decrease is the improvement (тревожность). */
  lowerIsBetter?: boolean;
};

/** The growth template's explanation, addressed to the participant who fills it in. */
const GROWTH_DESCRIPTION =
  "Эту анкету вы заполняете дважды: в начале участия в программе наставничества и после её завершения, чтобы было видно, что изменилось. Оцените себя по шкале от 1 (совсем нет) до 10 (полностью).";

export type Answer = number | string | string[];
export type Answers = Record<string, Answer>;
export type FieldIssue = { path: string; message: string };

/** Field-level problems of one set of answers, in Russian; empty when the answers are acceptable. */
export function answerIssues(questions: readonly Question[], answers: Record<string, unknown>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const known = new Set(questions.map((q) => q.id));
  for (const id of Object.keys(answers)) if (!known.has(id)) issues.push({ path: `answers.${id}`, message: "В анкете нет такого вопроса" });
  for (const question of questions) {
    const path = `answers.${question.id}`;
    const value = answers[question.id];
    const empty = value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
    if (empty) {
      if (question.required) issues.push({ path, message: `Ответьте на вопрос «${question.text}»` });
      continue;
    }
    switch (question.kind) {
      case "scale":
        if (typeof value !== "number" || !Number.isInteger(value) || value < SCALE_MIN || value > SCALE_MAX)
          issues.push({ path, message: `Выберите оценку от ${SCALE_MIN} до ${SCALE_MAX}` });
        break;
      case "single":
        if (typeof value !== "string" || !question.options?.includes(value)) issues.push({ path, message: "Выберите один из вариантов" });
        break;
      case "multiple":
        if (
          !Array.isArray(value) ||
          value.some((v) => typeof v !== "string" || !question.options?.includes(v)) ||
          new Set(value).size !== value.length
        )
          issues.push({ path, message: "Выберите варианты из списка" });
        break;
      case "text":
        if (typeof value !== "string") issues.push({ path, message: "Ответ должен быть текстом" });
        else if (value.length > TEXT_ANSWER_MAX) issues.push({ path, message: `Ответ длиннее ${TEXT_ANSWER_MAX} символов` });
        break;
    }
  }
  return issues;
}

/** Answers with empty values dropped and text trimmed. */
export function cleanAnswers(questions: readonly Question[], answers: Record<string, unknown>): Answers {
  const clean: Answers = {};
  for (const question of questions) {
    const value = answers[question.id];
    if (value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0)) continue;
    clean[question.id] = typeof value === "string" ? value.trim() : (value as Answer);
  }
  return clean;
}

/** Problems of a questionnaire's structure (the builder's checks beyond field types). */
export function questionIssues(questions: readonly Question[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  questions.forEach((question, i) => {
    if (seen.has(question.id)) issues.push({ path: `questions.${i}.id`, message: "Коды вопросов не должны повторяться" });
    seen.add(question.id);
    const choice = question.kind === "single" || question.kind === "multiple";
    if (choice && (question.options?.length ?? 0) < 2)
      issues.push({ path: `questions.${i}.options`, message: "Укажите не меньше двух вариантов ответа" });
    if (choice && new Set(question.options).size !== question.options?.length)
      issues.push({ path: `questions.${i}.options`, message: "Варианты ответа не должны повторяться" });
    if (!choice && question.options?.length)
      issues.push({ path: `questions.${i}.options`, message: "Варианты ответа задаются только для вопросов с выбором" });
    if (question.satisfaction && question.kind !== "scale")
      issues.push({ path: `questions.${i}.satisfaction`, message: "Для показателя удовлетворённости нужен вопрос со шкалой 1–10" });
  });
  return issues;
}

export type SurveyTemplate = {
  code: "mentor_satisfaction" | "mentee_satisfaction" | "growth";
  title: string;
  description: string;
  audience: "mentor" | "mentee" | "any";
  purpose: "satisfaction" | "growth" | "custom";
  questions: Question[];
};

const scale = (id: string, text: string, extra: Partial<Question> = {}): Question => ({
  id,
  kind: "scale",
  text,
  required: true,
  ...extra,
});

export const surveyTemplates: readonly SurveyTemplate[] = [
  {
    code: "mentor_satisfaction",
    title: "Анкета удовлетворённости наставника",
    description: "Оцените участие в программе наставничества по шкале от 1 (совсем нет) до 10 (полностью).",
    audience: "mentor",
    purpose: "satisfaction",
    questions: [
      scale("overall", "Насколько вы удовлетворены участием в программе наставничества?", { satisfaction: true }),
      scale("comfort", "Насколько комфортно вам работалось с наставляемым?"),
      scale("usefulness", "Насколько полезными были встречи для развития наставляемого?"),
      scale("support", "Насколько достаточной была поддержка куратора и рабочей группы?"),
      scale("own_growth", "Насколько участие в программе помогло вашему собственному развитию?"),
      {
        id: "again",
        kind: "single",
        text: "Хотели бы вы снова стать наставником?",
        required: true,
        options: ["Да", "Нет", "Затрудняюсь ответить"],
      },
      {
        id: "valuable",
        kind: "multiple",
        text: "Что было самым ценным?",
        required: false,
        options: ["Общение с наставляемым", "Результаты наставляемого", "Обучение наставников", "Признание в организации", "Другое"],
      },
      { id: "improve", kind: "text", text: "Что стоит изменить в программе?", required: false },
    ],
  },
  {
    code: "mentee_satisfaction",
    title: "Анкета удовлетворённости наставляемого",
    description: "Оцените участие в программе наставничества по шкале от 1 (совсем нет) до 10 (полностью).",
    audience: "mentee",
    purpose: "satisfaction",
    questions: [
      scale("overall", "Насколько вы удовлетворены участием в программе наставничества?", { satisfaction: true }),
      scale("mentor_help", "Насколько наставник помог вам в достижении ваших целей?"),
      scale("meetings", "Насколько полезными и интересными были встречи с наставником?"),
      scale("expectations", "Насколько программа оправдала ваши ожидания?"),
      {
        id: "recommend",
        kind: "single",
        text: "Порекомендовали бы вы участие в программе друзьям или коллегам?",
        required: true,
        options: ["Да", "Нет", "Затрудняюсь ответить"],
      },
      {
        id: "gained",
        kind: "multiple",
        text: "Что вам дало участие в программе?",
        required: false,
        options: ["Новые знания и навыки", "Уверенность в себе", "Помощь в учёбе или работе", "Новые знакомства", "Выбор профессии"],
      },
      { id: "wishes", kind: "text", text: "Ваши пожелания наставнику и организаторам", required: false },
    ],
  },
  {
    code: "growth",
    title: "Анкета личностного роста участника (вход и выход)",
    description: GROWTH_DESCRIPTION,
    audience: "any",
    purpose: "growth",
    questions: [
      scale("engagement", "Насколько вы вовлечены в учёбу (работу)?", { characteristic: "Вовлечённость" }),
      scale("activity", "Насколько активно вы участвуете в мероприятиях, проектах, конкурсах?", { characteristic: "Активность" }),
      scale("self_esteem", "Насколько вы уверены в своих силах?", { characteristic: "Самооценка" }),
      scale("anxiety", "Насколько часто вы испытываете тревогу в учёбе (работе)?", {
        characteristic: "Тревожность",
        lowerIsBetter: true,
      }),
      scale("interest", "Насколько вам интересно учиться (осваивать профессию)?", { characteristic: "Интерес к обучению" }),
      scale("results", "Насколько вы довольны своими образовательными (профессиональными) результатами?", {
        characteristic: "Образовательные результаты",
      }),
      { id: "goals", kind: "text", text: "Чего вы хотите (хотели) достичь в программе?", required: false },
    ],
  },
];

export const templateByCode = (code: string) => surveyTemplates.find((t) => t.code === code);

/**
 * The growth template's description once said what it is for the curator («Этап 2 мониторинга…»); surveys made from it
 * keep that copy. Participants are shown the current one instead.
 */
const CURATOR_GROWTH_DESCRIPTION =
  "Этап 2 мониторинга: заполняется дважды — до входа в программу и после её завершения. Оцените себя по шкале от 1 (совсем нет) до 10 (полностью).";

/** A survey's description as its participants read it. */
export const participantDescription = (description: string | undefined) =>
  description === CURATOR_GROWTH_DESCRIPTION ? GROWTH_DESCRIPTION : description;

export type ResponseForResults = { answers: Answers; phase?: "entry" | "exit"; programme?: string };

export type QuestionResult = {
  id: string;
  kind: QuestionKind;
  text: string;
  answered: number;
  /** Scale: counts of 1..10 (index 0 is score 1) and the mean. */
  scale?: { counts: number[]; mean: number | null };
  /** Choice: each option with its count and percent of those who answered. */
  options?: { option: string; count: number; percent: number }[];
  /** Open answers, newest first, without respondents. */
  texts?: string[];
};

const round1 = (n: number) => Math.round(n * 10) / 10;
const mean = (values: number[]) => (values.length ? round1(values.reduce((a, b) => a + b, 0) / values.length) : null);

export function distributions(questions: readonly Question[], responses: readonly ResponseForResults[]): QuestionResult[] {
  return questions.map((question) => {
    const values = responses.map((r) => r.answers[question.id]).filter((v) => v !== undefined);
    const base = { id: question.id, kind: question.kind, text: question.text, answered: values.length };
    if (question.kind === "scale") {
      const scores = values.filter((v): v is number => typeof v === "number");
      const counts = Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => scores.filter((s) => s === i + SCALE_MIN).length);
      return { ...base, scale: { counts, mean: mean(scores) } };
    }
    if (question.kind === "text") return { ...base, texts: values.filter((v): v is string => typeof v === "string") };
    const chosen = values.flatMap((v) => (Array.isArray(v) ? v : [v]));
    return {
      ...base,
      options: (question.options ?? []).map((option) => {
        const count = chosen.filter((c) => c === option).length;
        return { option, count, percent: values.length ? round1((count / values.length) * 100) : 0 };
      }),
    };
  });
}

export type EntryExitRow = {
  id: string;
  text: string;
  characteristic?: string;
  lowerIsBetter: boolean;
  entryMean: number | null;
  exitMean: number | null;
  /** exit − entry; null until both phases have answers. */
  delta: number | null;
  /** Whether the change is an improvement (a decrease for «тревожность»). */
  improved: boolean | null;
};

export const NO_PROGRAMME = "Без указания программы";

/** The stage-2 comparison: mean of every scale question at entry and at exit, per programme. */
export function entryExitComparison(questions: readonly Question[], responses: readonly ResponseForResults[]) {
  const programmes = [...new Set(responses.filter((r) => r.phase).map((r) => r.programme || NO_PROGRAMME))].sort(ruCompare);
  return programmes.map((programme) => {
    const of = (phase: "entry" | "exit") => responses.filter((r) => r.phase === phase && (r.programme || NO_PROGRAMME) === programme);
    const entry = of("entry");
    const exit = of("exit");
    const rows: EntryExitRow[] = questions
      .filter((q) => q.kind === "scale")
      .map((q) => {
        const scores = (list: ResponseForResults[]) => list.map((r) => r.answers[q.id]).filter((v): v is number => typeof v === "number");
        const entryMean = mean(scores(entry));
        const exitMean = mean(scores(exit));
        const delta = entryMean !== null && exitMean !== null ? round1(exitMean - entryMean) : null;
        return {
          id: q.id,
          text: q.text,
          characteristic: q.characteristic,
          lowerIsBetter: q.lowerIsBetter ?? false,
          entryMean,
          exitMean,
          delta,
          improved: delta === null ? null : q.lowerIsBetter ? delta < 0 : delta > 0,
        };
      });
    return { programme, entryCount: entry.length, exitCount: exit.length, rows };
  });
}

/** The satisfaction scores of one response: every answered satisfaction question. */
export function satisfactionScores(questions: readonly Question[], answers: Answers): number[] {
  return questions.filter((q) => q.satisfaction && typeof answers[q.id] === "number").map((q) => answers[q.id] as number);
}
