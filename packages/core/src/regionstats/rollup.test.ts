import { describe, expect, it } from "vitest";
import { defaultFederalTable } from "../monitoring/indicators";
import {
  type InstitutionSource,
  type RegionSource,
  type SubmissionSource,
  compliance,
  dashboardModel,
  liveFederalTable,
  reportedFederalTable,
  figuresOf,
  monitoringStatus,
  noSatisfaction,
  satisfactionOf,
  sumCompliance,
  sumFigures,
  sumSatisfaction,
} from "./rollup";
import { type Counts, summarize } from "../stats/contribution";
import { duesOf, progressOf } from "../roadmap/progress";
import { aggregateKpis, share } from "../kpi/formulas";

const today = "2026-03-15";

const institution = (overrides: Partial<InstitutionSource> & { tenantId: string }): InstitutionSource => ({
  shortName: overrides.tenantId,
  fullName: `Полное ${overrides.tenantId}`,
  type: "school",
  municipality: "Северный",
  status: "active",
  headcounts: { studentsTotal: 500, students10to19: 100, teachersTotal: 40, youngTeachers: 10 },
  counts: {},
  satisfaction: noSatisfaction(),
  roadmaps: [],
  ...overrides,
});

const targets = [
  { code: "mentees_10_19", label: "Наставляемые 10–19", short: "10–19", target: 30 },
  { code: "mentors_15_19", label: "Наставники 15–19", short: "15–19", target: 4 },
  { code: "young_teachers", label: "Молодые", short: "Молодые", target: 50 },
  { code: "enterprises", label: "Предприятия", short: "Предприятия", target: 10 },
  { code: "mentee_satisfaction", label: "Уд. наставляемых", short: "Уд.", target: 55 },
  { code: "mentor_satisfaction", label: "Уд. наставников", short: "Уд.", target: 55 },
] as RegionSource["targets"];

describe("figures: sums of the statistics items", () => {
  it.each([
    {
      name: "two institutions add up field by field",
      counts: [
        {
          participants: 10,
          "role#mentor": 4,
          "role#mentee": 6,
          "pairs#active": 3,
          "form#pupil_pupil#mentors": 2,
          "form#pupil_pupil#mentees": 3,
        },
        { participants: 5, "role#mentor": 2, "role#mentee": 3, "pairs#active": 1, "pairs#completed": 2, "form#pupil_pupil#mentors": 1 },
      ],
      expected: { institutions: 2, participants: 15, mentors: 6, mentees: 9, active: 4, completed: 2, pupilMentors: 3, pupilMentees: 3 },
    },
    {
      name: "an institution without a statistics item counts as zeros",
      counts: [{}, { participants: 7, "role#mentee": 7 }],
      expected: { institutions: 2, participants: 7, mentors: 0, mentees: 7, active: 0, completed: 0, pupilMentors: 0, pupilMentees: 0 },
    },
    {
      name: "no institutions",
      counts: [],
      expected: { institutions: 0, participants: 0, mentors: 0, mentees: 0, active: 0, completed: 0, pupilMentors: 0, pupilMentees: 0 },
    },
  ] as { name: string; counts: Counts[]; expected: Record<string, number> }[])("$name", ({ counts, expected }) => {
    const sum = sumFigures(
      counts.map((c) => figuresOf(summarize(c, today))),
      0,
    );
    expect({
      institutions: sum.institutions,
      participants: sum.participants,
      mentors: sum.mentors,
      mentees: sum.mentees,
      active: sum.pairs.active,
      completed: sum.pairs.completed,
      pupilMentors: sum.byForm.pupil_pupil.mentors,
      pupilMentees: sum.byForm.pupil_pupil.mentees,
    }).toEqual(expected);
  });

  it("a partner organisation serving two institutions is one of the region's enterprises, in the totals and the KPI", () => {
    const model = dashboardModel({
      today,
      now: `${today}T10:00:00Z`,
      year: 2026,
      targets,
      enterprisesInRegion: 20,
      institutions: [
        institution({ tenantId: "a", municipality: "Северный", counts: { "partner#завод": 2, "partner#фабрика": 1 } }),
        institution({ tenantId: "b", municipality: "Северный", counts: { "partner#завод": 1, "partner#банк": 0 } }),
        institution({ tenantId: "c", municipality: "Южный", counts: { "partner#завод": 1 } }),
      ],
    });
    expect(model.totals.partnerOrganisations).toBe(2);
    expect(model.kpis.find((k) => k.code === "enterprises")).toMatchObject({ numerator: 2, denominator: 20, value: 10 });
    const north = model.byMunicipality.find((row) => row.key === "Северный");
    expect(north?.kpis.enterprises).toBe(10);
    // Each institution's own figure is its own partners.
    expect(model.institutions.map((i) => i.figures.partnerOrganisations)).toEqual([2, 1, 1]);
  });
});

describe("KPI actual vs target", () => {
  it.each([
    {
      name: "sum of numerators over sum of denominators, not the mean of shares",
      values: [share(10, 100, ""), share(90, 100, "")],
      enterprises: { partners: 0 },
      code: "mentees_10_19" as const,
      expected: 50,
    },
    {
      name: "institutions without a denominator are left out",
      values: [share(10, 100, ""), share(5, 0, "нет")],
      enterprises: { partners: 0 },
      code: "mentees_10_19" as const,
      expected: 10,
    },
    {
      name: "nothing known → null",
      values: [share(5, 0, "нет")],
      enterprises: { partners: 0 },
      code: "mentees_10_19" as const,
      expected: null,
    },
    {
      name: "enterprises: the group's distinct partner organisations over the region's enterprises",
      values: [share(3, undefined, ""), share(2, undefined, "")],
      enterprises: { partners: 5, inRegion: 50 },
      code: "enterprises" as const,
      expected: 10,
    },
  ])("$name", ({ values, enterprises, code, expected }) => {
    const perInstitution = values.map((v) => ({
      mentees_10_19: v,
      mentors_15_19: v,
      young_teachers: v,
      enterprises: v,
      mentee_satisfaction: v,
      mentor_satisfaction: v,
    }));
    expect(aggregateKpis(perInstitution, enterprises)[code].value).toBe(expected);
  });

  it("the dashboard's KPI rows carry the target and whether it is achieved", () => {
    const model = dashboardModel({
      today,
      now: `${today}T10:00:00Z`,
      year: 2026,
      targets,
      institutions: [
        institution({ tenantId: "a", counts: { "engaged#mentee": 40, "menteeBirth#2012": 40 } }),
        institution({ tenantId: "b", counts: { "engaged#mentee": 10, "menteeBirth#2013": 10 } }),
      ],
    });
    const mentees = model.kpis.find((k) => k.code === "mentees_10_19");
    expect(mentees).toMatchObject({ value: 25, numerator: 50, denominator: 200, target: 30, status: "behind" });
    expect(model.kpis.find((k) => k.code === "enterprises")?.status).toBe("unknown");
  });

  it("counts the age bands on 1 January of the dashboard's year, not of today's", () => {
    // The 2016 cohort is 10 on 1 January 2026 and 9 on 1 January 2025; the 2006 cohort is 19 and 20 on 1 January 2025 and 2026.
    const counts = { "menteeBirth#2016": 4, "menteeBirth#2006": 3 };
    const tenKpi = (year: number) =>
      dashboardModel({ today, now: `${today}T10:00:00Z`, year, targets, institutions: [institution({ tenantId: "a", counts })] }).kpis.find(
        (k) => k.code === "mentees_10_19",
      )?.numerator;
    expect(tenKpi(2026)).toBe(4);
    expect(tenKpi(2025)).toBe(3);
  });
});

describe("roadmap compliance", () => {
  const counters = (total: number, done: number, onTime: number, cancelled = 0) => ({
    itemsTotal: total,
    itemsDone: done,
    itemsDoneOnTime: onTime,
    itemsCancelled: cancelled,
  });
  it.each([
    {
      name: "shares are of the items in work (cancelled left out)",
      roadmaps: [{ roadmapId: "r1", counters: counters(12, 5, 4, 2), dues: { "2026-03-01": 1, "2026-02-01": 1 } }],
      expected: { roadmaps: 1, active: 10, done: 5, doneOnTime: 4, overdue: 2, donePercent: 50, doneOnTimePercent: 40, overduePercent: 20 },
    },
    {
      name: "only due dates before today are overdue",
      roadmaps: [{ roadmapId: "r1", counters: counters(3, 0, 0), dues: { "2026-03-15": 1, "2026-03-14": 1 } }],
      expected: { roadmaps: 1, active: 3, done: 0, doneOnTime: 0, overdue: 1, donePercent: 0, doneOnTimePercent: 0, overduePercent: 33.3 },
    },
    {
      name: "open items are counted by their due date: several on one date, a count below zero as none",
      roadmaps: [
        { roadmapId: "r1", counters: counters(10, 0, 0), dues: { "2026-03-01": 3, "2026-02-01": -1, "2026-03-14": 0, "2026-03-20": 2 } },
      ],
      expected: { roadmaps: 1, active: 10, done: 0, doneOnTime: 0, overdue: 3, donePercent: 0, doneOnTimePercent: 0, overduePercent: 30 },
    },
    {
      name: "no roadmap: zero counts and no shares (shown «—», not «0 %»), not NaN",
      roadmaps: [],
      expected: {
        roadmaps: 0,
        active: 0,
        done: 0,
        doneOnTime: 0,
        overdue: 0,
        donePercent: null,
        doneOnTimePercent: null,
        overduePercent: null,
      },
    },
  ])("$name", ({ roadmaps, expected }) => {
    expect(compliance(roadmaps, today)).toEqual(expected);
  });

  it("the region's shares are recomputed from the sums", () => {
    const a = compliance([{ roadmapId: "r1", counters: counters(10, 10, 10), dues: {} }], today);
    const b = compliance([{ roadmapId: "r2", counters: counters(30, 0, 0), dues: { "2026-01-01": 1 } }], today);
    expect(sumCompliance([a, b])).toMatchObject({ active: 40, done: 10, doneOnTimePercent: 25, overdue: 1, overduePercent: 2.5 });
  });
});

describe("a roadmap's progress from its open items counted by due date", () => {
  const counters = { itemsTotal: 12, itemsDone: 3, itemsDoneOnTime: 2, itemsCancelled: 2 };
  it("counts overdue those due before today and due this month those from today to the month's end, each as many as fall due", () => {
    const dues = { "2026-02-28": 2, "2026-03-14": 1, "2026-03-15": 3, "2026-03-31": 1, "2026-04-01": 4 };
    expect(progressOf(counters, dues, today)).toEqual({
      active: 10,
      total: 12,
      done: 3,
      doneOnTime: 2,
      overdue: 3,
      dueThisMonth: 4,
      cancelled: 2,
      donePercent: 30,
      doneOnTimePercent: 20,
      overduePercent: 30,
      dueThisMonthPercent: 40,
    });
    // The month's end in February of a leap year and of another year.
    expect(progressOf(counters, { "2028-02-29": 1 }, "2028-02-10").dueThisMonth).toBe(1);
    expect(progressOf(counters, { "2027-03-01": 1 }, "2027-02-10").dueThisMonth).toBe(0);
  });

  it("counts the next due dates of open items once each (duesOf), an undated item nowhere", () => {
    expect(duesOf(["2026-03-01", undefined, "2026-03-01", "2026-04-02"])).toEqual({ "2026-03-01": 2, "2026-04-02": 1 });
    expect(duesOf([])).toEqual({});
  });
});

describe("monitoring status", () => {
  const s = (status: SubmissionSource["status"], submittedAt?: string, late?: boolean): SubmissionSource => ({ status, submittedAt, late });
  it.each([
    {
      name: "before the deadline nobody is overdue",
      submissions: [s("not_started"), s("draft"), s("submitted", "2026-03-01", false), s("accepted", "2026-03-02", true)],
      now: "2026-03-10T00:00:00Z",
      expected: {
        total: 4,
        sent: 2,
        sentOnTime: 1,
        late: 1,
        overdue: 0,
        not_started: 1,
        draft: 1,
        submitted: 1,
        accepted: 1,
        sentPercent: 50,
      },
    },
    {
      name: "after the deadline the unsubmitted ones are overdue; a returned one was submitted",
      submissions: [s("not_started"), s("returned", "2026-03-01", false), s("resubmitted", "2026-03-25", true)],
      now: "2026-04-01T00:00:00Z",
      expected: {
        total: 3,
        sent: 2,
        sentOnTime: 1,
        late: 1,
        overdue: 1,
        not_started: 1,
        draft: 0,
        submitted: 0,
        returned: 1,
        resubmitted: 1,
        accepted: 0,
        sentPercent: 66.7,
      },
    },
    {
      name: "no submissions",
      submissions: [],
      now: "2026-04-01T00:00:00Z",
      expected: {
        total: 0,
        sent: 0,
        sentOnTime: 0,
        late: 0,
        overdue: 0,
        not_started: 0,
        draft: 0,
        submitted: 0,
        accepted: 0,
        sentPercent: 0,
      },
    },
  ])("$name", ({ submissions, now, expected }) => {
    expect(monitoringStatus(submissions, "2026-03-20T20:59:59.999Z", now)).toMatchObject(expected);
  });
});

describe("satisfaction", () => {
  it.each([
    { tallies: [{ mentor: { sum: 80, count: 10 }, mentee: { sum: 0, count: 0 } }], mentor: 80, mentee: null },
    {
      tallies: [
        { mentor: { sum: 70, count: 10 }, mentee: { sum: 9, count: 1 } },
        { mentor: { sum: 90, count: 10 }, mentee: { sum: 5, count: 1 } },
      ],
      mentor: 80,
      mentee: 70,
    },
  ])("mean score × 10 over all answers: mentor $mentor, mentee $mentee", ({ tallies, mentor, mentee }) => {
    const result = satisfactionOf(sumSatisfaction(tallies));
    expect(result.mentor.percent).toBe(mentor);
    expect(result.mentee.percent).toBe(mentee);
  });
});

describe("breakdowns by municipality and by type", () => {
  const model = dashboardModel({
    today,
    now: `${today}T10:00:00Z`,
    year: 2026,
    targets,
    institutions: [
      institution({ tenantId: "a", municipality: "Северный", type: "school", counts: { participants: 10, "pairs#active": 2 } }),
      institution({ tenantId: "b", municipality: "Южный", type: "college", counts: { participants: 20, "pairs#active": 5 } }),
      institution({ tenantId: "c", municipality: "Северный", type: "college", counts: { participants: 5, "pairs#completed": 1 } }),
    ],
  });

  it.each([
    { by: "byMunicipality" as const, key: "Северный", institutions: 2, participants: 15, pairsActive: 2, pairsCompleted: 1 },
    { by: "byMunicipality" as const, key: "Южный", institutions: 1, participants: 20, pairsActive: 5, pairsCompleted: 0 },
    { by: "byType" as const, key: "school", institutions: 1, participants: 10, pairsActive: 2, pairsCompleted: 0 },
    { by: "byType" as const, key: "college", institutions: 2, participants: 25, pairsActive: 5, pairsCompleted: 1 },
  ])("$by $key", ({ by, key, ...expected }) => {
    expect(model[by].find((row) => row.key === key)).toMatchObject(expected);
  });

  it("the groups add up to the totals", () => {
    for (const groups of [model.byMunicipality, model.byType]) {
      expect(groups.reduce((n, g) => n + g.participants, 0)).toBe(model.totals.participants);
      expect(groups.reduce((n, g) => n + g.institutions, 0)).toBe(model.totals.institutions);
    }
  });
});

describe("the federal count table", () => {
  it("without a campaign: computes total and form cells from the registry and leaves category × role cells empty", () => {
    const figures = figuresOf(
      summarize(
        {
          participants: 9,
          "role#mentor": 4,
          "role#mentee": 5,
          "category#pupil": 6,
          "form#pupil_pupil#mentors": 2,
          "form#pupil_pupil#mentees": 3,
        },
        today,
      ),
    );
    const table = liveFederalTable(defaultFederalTable(), figures, today, "В базах");
    expect(table.heading).toBe("В базах");
    const cell = (row: string, column: string) => table.rows.find((r) => r.code === row)?.cells.find((c) => c.code === column)?.value;
    expect([cell("total", "mentors"), cell("total", "mentees"), cell("total", "all")]).toEqual([4, 5, 9]);
    expect([cell("form_pupil_pupil", "mentors"), cell("form_pupil_pupil", "mentees"), cell("form_pupil_pupil", "all")]).toEqual([2, 3, 5]);
    expect([cell("cat_pupil", "mentors"), cell("cat_pupil", "all")]).toEqual([null, 6]);
  });

  it("from a campaign: each cell the sum of the values the institutions sent, empty where none was sent", () => {
    const table = reportedFederalTable(
      defaultFederalTable(),
      [
        { "total.mentors": 4, "total.all": 10, "cat_pupil.mentors": 2 },
        { "total.mentors": 3, "total.all": 5, "cat_pupil.mentors": null },
      ],
      "По отчётам",
    );
    const cell = (row: string, column: string) => table.rows.find((r) => r.code === row)?.cells.find((c) => c.code === column)?.value;
    expect([cell("total", "mentors"), cell("total", "all"), cell("cat_pupil", "mentors")]).toEqual([7, 15, 2]);
    expect(cell("total", "mentees")).toBeNull();
    expect(table.heading).toBe("По отчётам");
  });
});
