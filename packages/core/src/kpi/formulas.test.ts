import { describe, expect, it } from "vitest";
import { type KpiInputs, aggregateKpi, computeKpis, defaultTarget, kpiStatusOf, programmeYear, satisfactionShare, share } from "./formulas";

describe("default targets by programme year (DOMAIN.md §6.1/§6.2)", () => {
  it.each([
    ["mentees_10_19", [10, 30, 40, 50, 70]],
    ["mentors_15_19", [2, 4, 6, 8, 10]],
    ["young_teachers", [45, 50, 60, 65, 70]],
    ["enterprises", [2, 10, 16, 24, 30]],
    ["mentee_satisfaction", [50, 55, 65, 75, 85]],
    ["mentor_satisfaction", [50, 55, 65, 75, 85]],
  ] as const)("%s: %j for years 1–5", (code, expected) => {
    expect([1, 2, 3, 4, 5].map((year) => defaultTarget(code, year))).toEqual(expected);
  });

  it.each([
    [2026, 2026, 1],
    [2027, 2026, 2],
    [2030, 2026, 5],
    [2035, 2026, 5],
    [2024, 2026, 1],
  ])("calendar year %i of a programme started in %i is programme year %i", (year, start, expected) => {
    expect(programmeYear(year, start)).toBe(expected);
  });

  it("clamps out-of-range programme years to the first and last", () => {
    expect(defaultTarget("mentees_10_19", 0)).toBe(10);
    expect(defaultTarget("mentees_10_19", 9)).toBe(70);
  });
});

const inputs = (overrides: Partial<KpiInputs> = {}): KpiInputs => ({
  stats: { mentees10to19: 60, mentors15to19: 9, youngSpecialistsMentored: 3, partnerOrganisations: 2 },
  headcounts: { students10to19: 300, students15to19: 150, youngTeachers: 6 },
  satisfaction: { mentor: { sum: 36, count: 4 }, mentee: { sum: 0, count: 0 } },
  enterprisesInRegion: 40,
  ...overrides,
});

describe("KPI formulas (share = numerator / denominator × 100, one decimal)", () => {
  it.each([
    ["mentees_10_19", 20, 60, 300],
    ["mentors_15_19", 6, 9, 150],
    ["young_teachers", 50, 3, 6],
    ["enterprises", 5, 2, 40],
    ["mentor_satisfaction", 90, 36, 40],
  ] as const)("%s = %d %% (%i / %i)", (code, value, numerator, denominator) => {
    expect(computeKpis(inputs())[code]).toEqual({ value, numerator, denominator });
  });

  it.each([
    ["mentee_satisfaction", inputs(), "Нет ответов на анкеты удовлетворённости"],
    ["mentors_15_19", inputs({ headcounts: { students10to19: 300, youngTeachers: 6 } }), "Не указана численность обучающихся 15–19 лет"],
    ["mentees_10_19", inputs({ headcounts: { students10to19: 0, youngTeachers: 6 } }), "Не указана численность обучающихся 10–19 лет"],
    ["enterprises", inputs({ enterprisesInRegion: undefined }), "Не указано число предприятий"],
  ] as const)("%s is unknown (not 0) without a denominator", (code, input, reason) => {
    const value = computeKpis(input)[code];
    expect(value.value).toBeNull();
    expect(value.missing).toContain(reason);
  });

  it("rounds to one decimal", () => {
    expect(share(1, 3, "").value).toBe(33.3);
    expect(share(2, 3, "").value).toBe(66.7);
  });

  it("satisfaction is the mean score on the 1–10 scale × 10", () => {
    expect(satisfactionShare({ sum: 7 + 8 + 10, count: 3 }).value).toBe(83.3);
    expect(satisfactionShare({ sum: 10, count: 1 }).value).toBe(100);
    expect(satisfactionShare({ sum: 1, count: 1 }).value).toBe(10);
  });

  it("a region's share is Σ numerators / Σ denominators, skipping unknown ones", () => {
    const region = aggregateKpi([share(10, 100, ""), share(90, 100, ""), share(0, 0, "нет")]);
    expect(region).toEqual({ value: 50, numerator: 100, denominator: 200 });
    expect(aggregateKpi([share(1, 10, ""), share(9, 30, "")]).value).toBe(25);
    expect(aggregateKpi([]).value).toBeNull();
  });

  it.each([
    [70, 70, "achieved"],
    [69.9, 70, "behind"],
    [null, 70, "unknown"],
  ] as const)("actual %s against target %d is %s", (value, target, status) => {
    expect(kpiStatusOf(value, target)).toBe(status);
  });
});
