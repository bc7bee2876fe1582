import { describe, expect, it } from "vitest";
import { kpiNote } from "./workbook";

type Kpi = Parameters<typeof kpiNote>[0];
const satisfaction = { mentor: { percent: 80, answers: 12 }, mentee: { percent: null, answers: 0 } };
const kpi = (overrides: Partial<Kpi>) =>
  ({ code: "mentees_10_19", label: "", target: 30, value: 20, numerator: 2, denominator: 10, status: "behind", ...overrides }) as Kpi;

describe("the summary's KPI notes", () => {
  it("are lower-case, whatever the status", () => {
    expect(kpiNote(kpi({ status: "achieved" }), satisfaction)).toBe("достигнуто");
    expect(kpiNote(kpi({ status: "behind" }), satisfaction)).toBe("ниже цели");
    expect(kpiNote(kpi({ status: "unknown", value: null, missing: "Нет данных" }), satisfaction)).toBe("нет данных");
    expect(kpiNote(kpi({ status: "unknown", value: null }), satisfaction)).toBe("нет данных");
    expect(
      kpiNote(
        kpi({ code: "enterprises", status: "unknown", value: null, missing: "Не указано число предприятий, работающих в регионе" }),
        satisfaction,
      ),
    ).toBe("нет данных: не указано число предприятий, работающих в регионе");
  });

  it("count the answers of the satisfaction levels", () => {
    expect(kpiNote(kpi({ code: "mentor_satisfaction", status: "achieved" }), satisfaction)).toBe("достигнуто; ответов: 12");
    expect(kpiNote(kpi({ code: "mentee_satisfaction", status: "unknown", value: null, missing: "Нет данных" }), satisfaction)).toBe(
      "нет данных; ответов: 0",
    );
  });
});
