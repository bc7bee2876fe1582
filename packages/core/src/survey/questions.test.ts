import { describe, expect, it } from "vitest";
import {
  type Question,
  type ResponseForResults,
  answerIssues,
  distributions,
  entryExitComparison,
  questionIssues,
  satisfactionScores,
  surveyTemplates,
} from "./questions";

const questions: Question[] = [
  { id: "overall", kind: "scale", text: "Удовлетворены?", required: true, satisfaction: true },
  { id: "again", kind: "single", text: "Снова?", required: true, options: ["Да", "Нет"] },
  { id: "gained", kind: "multiple", text: "Что дало?", required: false, options: ["Знания", "Друзья", "Уверенность"] },
  { id: "wish", kind: "text", text: "Пожелания", required: false },
];

describe("answers", () => {
  it.each([
    [{ overall: 11, again: "Да" }, "answers.overall", "Выберите оценку от 1 до 10"],
    [{ overall: 0, again: "Да" }, "answers.overall", "Выберите оценку от 1 до 10"],
    [{ overall: 7.5, again: "Да" }, "answers.overall", "Выберите оценку от 1 до 10"],
    [{ overall: 7 }, "answers.again", "Ответьте на вопрос «Снова?»"],
    [{ overall: 7, again: "Может быть" }, "answers.again", "Выберите один из вариантов"],
    [{ overall: 7, again: "Да", gained: ["Знания", "Деньги"] }, "answers.gained", "Выберите варианты из списка"],
    [{ overall: 7, again: "Да", gained: ["Знания", "Знания"] }, "answers.gained", "Выберите варианты из списка"],
    [{ overall: 7, again: "Да", wish: "я".repeat(2001) }, "answers.wish", "Ответ длиннее 2000 символов"],
    [{ overall: 7, again: "Да", extra: 1 }, "answers.extra", "В анкете нет такого вопроса"],
  ])("%j → %s", (answers, path, message) => {
    expect(answerIssues(questions, answers)).toEqual([{ path, message }]);
  });

  it("accepts a complete set", () => {
    expect(answerIssues(questions, { overall: 10, again: "Нет", gained: ["Друзья"], wish: "Спасибо" })).toEqual([]);
  });
});

describe("the builder's checks", () => {
  it("ready templates are valid questionnaires", () => {
    for (const template of surveyTemplates) expect(questionIssues(template.questions), template.code).toEqual([]);
    expect(surveyTemplates.map((t) => t.code)).toEqual(["mentor_satisfaction", "mentee_satisfaction", "growth"]);
  });
  it.each([
    [[{ id: "a", kind: "single", text: "?", required: true, options: ["Да"] }], "questions.0.options"],
    [[{ id: "a", kind: "text", text: "?", required: true, satisfaction: true }], "questions.0.satisfaction"],
    [
      [
        { id: "a", kind: "scale", text: "?", required: true },
        { id: "a", kind: "scale", text: "?", required: true },
      ],
      "questions.1.id",
    ],
  ] as [Question[], string][])("rejects %j at %s", (set, path) => {
    expect(questionIssues(set).map((i) => i.path)).toEqual([path]);
  });
});

describe("results", () => {
  const responses: ResponseForResults[] = [
    { answers: { overall: 8, again: "Да", gained: ["Знания", "Друзья"], wish: "Больше встреч" } },
    { answers: { overall: 6, again: "Нет", gained: ["Знания"] } },
    { answers: { overall: 10, again: "Да" } },
  ];
  it("counts each scale score, each option and keeps open answers", () => {
    const [scale, single, multiple, text] = distributions(questions, responses);
    expect(scale?.scale).toEqual({ counts: [0, 0, 0, 0, 0, 1, 0, 1, 0, 1], mean: 8 });
    expect(single?.options).toEqual([
      { option: "Да", count: 2, percent: 66.7 },
      { option: "Нет", count: 1, percent: 33.3 },
    ]);
    expect(multiple).toMatchObject({
      answered: 2,
      options: [
        { option: "Знания", count: 2, percent: 100 },
        { option: "Друзья", count: 1, percent: 50 },
        { option: "Уверенность", count: 0, percent: 0 },
      ],
    });
    expect(text?.texts).toEqual(["Больше встреч"]);
  });

  it("compares entry and exit per programme; for anxiety a decrease is the improvement", () => {
    const growth: Question[] = [
      { id: "engagement", kind: "scale", text: "Вовлечённость", required: true, characteristic: "Вовлечённость" },
      { id: "anxiety", kind: "scale", text: "Тревожность", required: true, characteristic: "Тревожность", lowerIsBetter: true },
    ];
    const rows = entryExitComparison(growth, [
      { phase: "entry", programme: "Ученик – ученик", answers: { engagement: 4, anxiety: 8 } },
      { phase: "entry", programme: "Ученик – ученик", answers: { engagement: 6, anxiety: 6 } },
      { phase: "exit", programme: "Ученик – ученик", answers: { engagement: 8, anxiety: 4 } },
      { phase: "entry", programme: "Учитель – учитель", answers: { engagement: 5, anxiety: 5 } },
    ]);
    expect(rows.map((r) => [r.programme, r.entryCount, r.exitCount])).toEqual([
      ["Ученик – ученик", 2, 1],
      ["Учитель – учитель", 1, 0],
    ]);
    expect(rows[0]?.rows).toEqual([
      expect.objectContaining({ id: "engagement", entryMean: 5, exitMean: 8, delta: 3, improved: true }),
      expect.objectContaining({ id: "anxiety", entryMean: 7, exitMean: 4, delta: -3, improved: true }),
    ]);
    expect(rows[1]?.rows[0]).toMatchObject({ exitMean: null, delta: null, improved: null });
  });

  it("takes satisfaction scores only from satisfaction questions", () => {
    expect(satisfactionScores(questions, { overall: 9, again: "Да" })).toEqual([9]);
    expect(satisfactionScores(questions, { again: "Да" })).toEqual([]);
  });
});
