import { describe, expect, it } from "vitest";
import { summarize } from "../stats/contribution";
import { computeKpis } from "../kpi/formulas";
import {
  type IndicatorDef,
  computeSource,
  defaultDeadline,
  defaultPeriodEnd,
  defaultFederalTable,
  defaultIndicators,
  definitionIssues,
  endOfDay,
  indicatorHeader,
  isLate,
  tableIndicators,
  valueIssues,
} from "./indicators";

const defs: IndicatorDef[] = [
  { code: "events", label: "Мероприятия", kind: "number", required: true, min: 0, max: 50, integer: true },
  { code: "plans", label: "Планы", kind: "percent", required: true },
  { code: "mood", label: "Оценка", kind: "choice", required: false, options: ["По плану", "С отставанием"] },
  { code: "note", label: "Комментарий", kind: "text", required: false },
  { code: "mentors", label: "Наставники", kind: "number", required: true, source: { metric: "participants", role: "mentor" } },
];

describe("indicator headers in exports", () => {
  it("name the unit once", () => {
    const byCode = new Map(defaultIndicators().map((d) => [d.code, d]));
    const headers = defaultIndicators().map(indicatorHeader);
    expect(headers.filter((h) => h.endsWith(", %, %"))).toEqual([]);
    expect(headers.filter((h) => h.endsWith(", %")).length).toBe([...byCode.values()].filter((d) => d.unit === "%").length);
    expect(indicatorHeader({ label: "Активных пар и групп", unit: "ед." })).toBe("Активных пар и групп, ед.");
    expect(indicatorHeader({ label: "Комментарий" })).toBe("Комментарий");
  });
});

describe("manual indicator validation", () => {
  it.each([
    [{ events: 51 }, "values.events", "Показатель «Мероприятия» не может быть больше 50"],
    [{ events: -1 }, "values.events", "Показатель «Мероприятия» не может быть меньше 0"],
    [{ events: 2.5 }, "values.events", "Показатель «Мероприятия» должен быть целым числом"],
    [{ events: "пять" }, "values.events", "Показатель «Мероприятия» должен быть числом"],
    [{ plans: 100.5 }, "values.plans", "Показатель «Планы» не может быть больше 100"],
    [{ mood: "Отлично" }, "values.mood", "Показатель «Оценка»: выберите один из вариантов — По плану, С отставанием"],
    [{ note: 5 }, "values.note", "Показатель «Комментарий» должен быть текстом"],
    [{ unknown: 1 }, "values.unknown", "В кампании нет такого показателя"],
    [{ mentors: 3 }, "values.mentors", "Показатель «Наставники» рассчитывается автоматически"],
  ])("%j → %s: %s", (values, path, message) => {
    expect(valueIssues(defs, values, false)).toEqual([{ path, message }]);
  });

  it("accepts values in range, decimals in percents, and allows gaps in a draft", () => {
    expect(valueIssues(defs, { events: 50, plans: 92.5, mood: "По плану", note: "ok" }, false)).toEqual([]);
    expect(valueIssues(defs, {}, false)).toEqual([]);
  });

  it("requires the required manual indicators on submit, never the computed ones", () => {
    expect(valueIssues(defs, {}, true)).toEqual([
      { path: "values.events", message: "Заполните показатель «Мероприятия»" },
      { path: "values.plans", message: "Заполните показатель «Планы»" },
    ]);
  });
});

describe("indicator set structure", () => {
  it("the default set is valid and has the six KPIs computed", () => {
    const set = defaultIndicators();
    expect(definitionIssues(set)).toEqual([]);
    expect(set.filter((d) => d.source?.metric.includes("satisfaction"))).toHaveLength(2);
  });

  it.each([
    [
      [
        { code: "a", label: "A", kind: "number", required: true },
        { code: "a", label: "B", kind: "number", required: true },
      ],
      "indicators.1.code",
    ],
    [[{ code: "a", label: "A", kind: "choice", required: true, options: ["один"] }], "indicators.0.options"],
    [[{ code: "a", label: "A", kind: "number", required: true, min: 10, max: 5 }], "indicators.0.max"],
    [[{ code: "a", label: "A", kind: "percent", required: true, max: 120 }], "indicators.0.max"],
    [[{ code: "a", label: "A", kind: "text", required: true, source: { metric: "pairs_active" } }], "indicators.0.source"],
  ] as [IndicatorDef[], string][])("rejects %j at %s", (set, path) => {
    expect(definitionIssues(set).map((i) => i.path)).toEqual([path]);
  });
});

describe("computed sources", () => {
  const stats = summarize(
    {
      participants: 12,
      "role#mentor": 5,
      "role#mentee": 7,
      "category#pupil": 8,
      "pairs#active": 4,
      "pairs#completed": 1,
      "form#pupil_pupil#mentors": 3,
      "form#pupil_pupil#mentees": 4,
      "partner#завод": 1,
    },
    "2026-10-01",
  );
  const kpis = computeKpis({
    stats,
    headcounts: { students10to19: 100, youngTeachers: 0 },
    satisfaction: { mentor: { sum: 0, count: 0 }, mentee: { sum: 0, count: 0 } },
  });
  it.each([
    [{ metric: "participants" }, 12],
    [{ metric: "participants", role: "mentor" }, 5],
    [{ metric: "participants", form: "pupil_pupil", role: "mentee" }, 4],
    [{ metric: "participants", form: "pupil_pupil" }, 7],
    [{ metric: "participants", category: "pupil" }, 8],
    [{ metric: "pairs_active" }, 4],
    [{ metric: "pairs_completed" }, 1],
    [{ metric: "partner_organisations" }, 1],
    [{ metric: "young_teachers" }, null],
  ] as const)("%j = %s", (source, expected) => {
    expect(computeSource(source, { stats, kpis })).toBe(expected);
  });

  // The programme's participants of the period: counted from the pairs that ran (stats/programme.ts), not the registry.
  const programme = {
    all: { mentors: 2, mentees: 3, total: 4 },
    byCategory: { pupil: { mentors: 1, mentees: 3, total: 3 } },
    byForm: { pupil_pupil: { mentors: 1, mentees: 2, total: 3 } },
  };
  it.each([
    [{ metric: "programme" }, 4],
    [{ metric: "programme", role: "mentee" }, 3],
    [{ metric: "programme", category: "pupil", role: "mentor" }, 1],
    [{ metric: "programme", category: "teacher" }, 0],
    [{ metric: "programme", form: "pupil_pupil", role: "mentee" }, 2],
    [{ metric: "programme", form: "teacher_teacher" }, 0],
  ] as const)("%j = %s", (source, expected) => {
    expect(computeSource(source, { stats, kpis, programme })).toBe(expected);
  });
});

describe("federal count table", () => {
  it("turns rows × columns into integer cells, each counting the programme's participants of the period", () => {
    const cells = tableIndicators(defaultFederalTable());
    const source = (code: string) => cells.find((c) => c.code === code)?.source;
    expect(source("total.mentors")).toEqual({ metric: "programme", role: "mentor" });
    expect(source("total.all")).toEqual({ metric: "programme" });
    expect(source("cat_pupil.mentors")).toEqual({ metric: "programme", role: "mentor", category: "pupil" });
    expect(source("form_pupil_pupil.mentees")).toEqual({ metric: "programme", role: "mentee", form: "pupil_pupil" });
    expect(cells.every((c) => c.integer && c.min === 0 && c.required)).toBe(true);
  });

  it("counts the registry where asked (the region's live table), which has no category × role cells", () => {
    const cells = tableIndicators(defaultFederalTable(), "participants");
    expect(cells.find((c) => c.code === "total.mentors")?.source).toEqual({ metric: "participants", role: "mentor" });
    expect(cells.find((c) => c.code === "cat_pupil.all")?.source).toEqual({ metric: "participants", category: "pupil" });
    expect(cells.find((c) => c.code === "cat_pupil.mentors")).toMatchObject({ required: false });
    expect(cells.find((c) => c.code === "cat_pupil.mentors")?.source).toBeUndefined();
  });

  it("leaves a manual row to be filled by hand", () => {
    const cells = tableIndicators({
      rows: [{ code: "events", label: "Мероприятия", manual: true }],
      columns: [{ code: "n", label: "Число" }],
    });
    expect(cells).toEqual([expect.objectContaining({ code: "events.n", required: true })]);
    expect(cells[0]?.source).toBeUndefined();
  });
});

describe("deadlines", () => {
  it.each([
    ["monitoring", "2026-09-01", "2026-12-20"],
    ["monitoring", "2027-01-09", "2027-05-20"],
    ["monitoring", "2027-05-20", "2027-12-20"],
    ["monitoring", "2026-12-21", "2027-05-20"],
    ["federal_count", "2026-01-01", "2026-12-30"],
  ] as const)("%s starting %s is due %s", (kind, start, expected) => {
    expect(defaultDeadline(kind, start)).toBe(expected);
  });

  it.each([
    ["monitoring", "2026-09-01", "2026-12-20"],
    ["monitoring", "2027-01-09", "2027-05-20"],
    ["federal_count", "2026-01-01", "2026-12-31"],
    ["federal_count", "2026-09-01", "2026-12-31"],
  ] as const)("%s starting %s reports up to %s", (kind, start, expected) => {
    expect(defaultPeriodEnd(kind, start)).toBe(expected);
  });

  it.each([
    ["2026-12-20", "Europe/Moscow", "2026-12-20T20:59:59.999Z"],
    ["2026-12-20", "Asia/Novosibirsk", "2026-12-20T16:59:59.999Z"],
    ["2026-05-20", "Europe/Kaliningrad", "2026-05-20T21:59:59.999Z"],
  ])("the end of %s in %s is %s", (date, zone, expected) => {
    expect(endOfDay(date, zone)).toBe(expected);
  });

  it("late means after the end of the deadline day in the region's time zone", () => {
    expect(isLate("2026-12-20T20:59:00.000Z", "2026-12-20", "Europe/Moscow")).toBe(false);
    expect(isLate("2026-12-20T21:00:00.000Z", "2026-12-20", "Europe/Moscow")).toBe(true);
    expect(isLate("2026-12-20T17:30:00.000Z", "2026-12-20", "Asia/Novosibirsk")).toBe(true);
  });
});
