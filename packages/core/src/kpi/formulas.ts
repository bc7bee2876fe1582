/**
 * The ЦМН effectiveness indicators (DOMAIN.md §6.2), their default targets by programme year (§6.1/§6.2) and the
 * formulas that compute them from live data (§5.7: share = numerator / denominator × 100). Pure: no storage.
 */
export const kpiCodes = [
  "mentees_10_19",
  "mentors_15_19",
  "young_teachers",
  "enterprises",
  "mentee_satisfaction",
  "mentor_satisfaction",
] as const;
export type KpiCode = (typeof kpiCodes)[number];

export type KpiDefinition = {
  code: KpiCode;
  label: string;
  short: string;
  /** Targets for programme years 1–5 (DOMAIN.md §6.2, 2020–2024 of the seed programme). */
  defaults: readonly [number, number, number, number, number];
};

export const kpiCatalogue: readonly KpiDefinition[] = [
  {
    code: "mentees_10_19",
    label: "Доля детей в возрасте от 10 до 19 лет, вошедших в программы наставничества в роли наставляемого, %",
    short: "Наставляемые 10–19 лет",
    defaults: [10, 30, 40, 50, 70],
  },
  {
    code: "mentors_15_19",
    label: "Доля детей и подростков в возрасте от 15 до 19 лет, вошедших в программы наставничества в роли наставника, %",
    short: "Наставники 15–19 лет",
    defaults: [2, 4, 6, 8, 10],
  },
  {
    code: "young_teachers",
    label: "Доля учителей — молодых специалистов (стаж от 0 до 3 лет), вошедших в программы наставничества в роли наставляемого, %",
    short: "Молодые специалисты",
    defaults: [45, 50, 60, 65, 70],
  },
  {
    code: "enterprises",
    label: "Доля предприятий (организаций) региона, вошедших в программу наставничества, предоставив своих наставников, %",
    short: "Предприятия-партнёры",
    defaults: [2, 10, 16, 24, 30],
  },
  {
    code: "mentee_satisfaction",
    label: "Уровень удовлетворённости наставляемых участием в программах наставничества, %",
    short: "Удовлетворённость наставляемых",
    defaults: [50, 55, 65, 75, 85],
  },
  {
    code: "mentor_satisfaction",
    label: "Уровень удовлетворённости наставников участием в программах наставничества, %",
    short: "Удовлетворённость наставников",
    defaults: [50, 55, 65, 75, 85],
  },
];

export const kpiByCode = Object.fromEntries(kpiCatalogue.map((kpi) => [kpi.code, kpi])) as Record<KpiCode, KpiDefinition>;

/** Year 1 is the programme's first calendar year; earlier years count as year 1, later ones as year 5. */
export function programmeYear(year: number, startYear: number): number {
  return Math.min(5, Math.max(1, year - startYear + 1));
}

export function defaultTarget(code: KpiCode, programmeYearNumber: number): number {
  return kpiByCode[code].defaults[Math.min(5, Math.max(1, programmeYearNumber)) - 1] ?? 0;
}

/** What the formulas read: the participants module's statistics, the institution's headcounts and survey satisfaction. */
export type KpiInputs = {
  stats: {
    mentees10to19: number;
    mentors15to19: number;
    youngSpecialistsMentored: number;
    partnerOrganisations: number;
  };
  headcounts: { students10to19: number; students15to19?: number; youngTeachers: number };
  /** Sum of satisfaction scores (1–10) and number of answers, per audience. */
  satisfaction: { mentor: { sum: number; count: number }; mentee: { sum: number; count: number } };
  /** All enterprises operating in the region (the denominator of the enterprises share); set by the region. */
  enterprisesInRegion?: number;
};

export type KpiValue = {
  /** Percent with one decimal, or null when the denominator is unknown or zero. */
  value: number | null;
  numerator: number;
  denominator: number;
  /** Why the value is missing, in Russian. */
  missing?: string;
};

const round1 = (n: number) => Math.round(n * 10) / 10;

export function share(numerator: number, denominator: number | undefined, missing: string): KpiValue {
  if (!denominator || denominator <= 0) return { value: null, numerator, denominator: denominator ?? 0, missing };
  return { value: round1((numerator / denominator) * 100), numerator, denominator };
}

/** Satisfaction on the 1–10 scale as a percent of the maximum: mean score × 10. */
export function satisfactionShare(tally: { sum: number; count: number }): KpiValue {
  return share(tally.sum, tally.count * 10, "Нет ответов на анкеты удовлетворённости");
}

export function computeKpis(input: KpiInputs): Record<KpiCode, KpiValue> {
  return {
    mentees_10_19: share(
      input.stats.mentees10to19,
      input.headcounts.students10to19,
      "Не указана численность обучающихся 10–19 лет в карточке организации",
    ),
    mentors_15_19: share(
      input.stats.mentors15to19,
      input.headcounts.students15to19,
      "Не указана численность обучающихся 15–19 лет в карточке организации",
    ),
    young_teachers: share(
      input.stats.youngSpecialistsMentored,
      input.headcounts.youngTeachers,
      "Не указана численность молодых специалистов в карточке организации",
    ),
    enterprises: share(
      input.stats.partnerOrganisations,
      input.enterprisesInRegion,
      "Не указано число предприятий, работающих в регионе (задаёт РНЦ в целевых показателях)",
    ),
    mentee_satisfaction: satisfactionShare(input.satisfaction.mentee),
    mentor_satisfaction: satisfactionShare(input.satisfaction.mentor),
  };
}

/** A region's value: the sum of numerators over the sum of denominators (not the mean of the institutions' shares). */
export function aggregateKpi(values: readonly KpiValue[], missing = "Нет данных"): KpiValue {
  const known = values.filter((v) => v.denominator > 0);
  const numerator = known.reduce((sum, v) => sum + v.numerator, 0);
  const denominator = known.reduce((sum, v) => sum + v.denominator, 0);
  return share(numerator, denominator, missing);
}

export type KpiStatus = "achieved" | "behind" | "unknown";
export const kpiStatusOf = (value: number | null, target: number): KpiStatus =>
  value === null ? "unknown" : value >= target ? "achieved" : "behind";

/**
 * The group's value of each KPI: sums of numerators over sums of denominators (never the mean of shares); the
 * enterprises share is the group's distinct partner organisations providing mentors over the region's enterprises.
 */
export function aggregateKpis(
  perInstitution: readonly Record<KpiCode, KpiValue>[],
  enterprises: { partners: number; inRegion?: number },
): Record<KpiCode, KpiValue> {
  return Object.fromEntries(
    kpiCodes.map((code) => [
      code,
      code === "enterprises"
        ? share(enterprises.partners, enterprises.inRegion, "Не указано число предприятий, работающих в регионе")
        : aggregateKpi(perInstitution.map((kpis) => kpis[code])),
    ]),
  ) as Record<KpiCode, KpiValue>;
}
