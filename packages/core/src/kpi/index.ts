import type { EntityItem } from "electrodb";
import { useRegionID, useTenantID } from "../actor";
import { auditItem } from "../audit";
import { nowIso } from "../auth/secret";
import { VisibleError } from "../error";
import { staleVersion } from "../institution";
import { ruCompare } from "../ru";
import { assertCan } from "../permissions";
import { todayIn } from "../dates";
import { timeZoneOf } from "../participant/calendar";
import { type StatsSummary, distinctPartners, partnerKeys, summarize } from "../stats/contribution";
import { getItems, itemKey } from "../dynamo";
import {
  type InstitutionDescriptor,
  type Summary,
  readSummary,
  regionSummaries,
  summaryKey,
  transactWithSummaries,
} from "../stats/summary";
import * as z from "../zod";
import {
  type KpiCode,
  type KpiInputs,
  type KpiValue,
  aggregateKpis,
  computeKpis,
  defaultTarget,
  kpiCatalogue,
  kpiCodes,
  kpiStatusOf,
  programmeYear,
} from "./formulas";
import { KpiTargetsEntity } from "./kpi.entity";
import { AuditEntity } from "../audit/audit.entity";

export * from "./formulas";

const yearField = (label: string) =>
  z
    .number({ error: `Поле «${label}» должно быть числом` })
    .check(
      z.int({ error: `Поле «${label}» должно быть целым числом` }),
      z.minimum(2018, { error: `Поле «${label}»: не раньше 2018 года` }),
      z.maximum(2100, { error: `Поле «${label}»: не позже 2100 года` }),
    );

const percentTarget = z.nullable(
  z
    .number({ error: "Целевое значение — число процентов" })
    .check(
      z.minimum(0, { error: "Целевое значение не может быть меньше 0 %" }),
      z.maximum(100, { error: "Целевое значение не может быть больше 100 %" }),
    ),
);

export const TargetsInput = z.object({
  year: yearField("Год"),
  programmeStartYear: yearField("Первый год программы"),
  enterprisesInRegion: z.optional(
    z
      .number({ error: "Число предприятий региона — целое число" })
      .check(
        z.int({ error: "Число предприятий региона — целое число" }),
        z.minimum(0, { error: "Число предприятий не может быть отрицательным" }),
      ),
  ),
  /** code → target for the year; null restores the default. */
  targets: z.partialRecord(z.enum(kpiCodes), percentTarget),
  /** 0 when the region has no settings yet. */
  version: z.number({ error: "Не указана версия записи" }).check(z.int(), z.minimum(0)),
});
export type TargetsInput = z.infer<typeof TargetsInput>;

type Overrides = Record<string, Partial<Record<KpiCode, number>>>;
type Settings = { programmeStartYear: number; enterprisesInRegion?: number; overrides: Overrides; version: number };

export type TargetRow = { code: KpiCode; label: string; short: string; target: number; defaultTarget: number; overridden: boolean };
export type TargetsInfo = {
  year: number;
  programmeStartYear: number;
  programmeYear: number;
  enterprisesInRegion?: number;
  rows: TargetRow[];
  version: number;
};

/** The region's current calendar year (its time zone: 1 January comes to Kamchatka 9 hours before Moscow). */
async function yearIn(regionId: string): Promise<number> {
  return Number(todayIn(await timeZoneOf(regionId)).slice(0, 4));
}

/**
 * The region's KPI settings from its stored item, or, when it has none, the defaults: the programme starting in the
 * region's current year.
 */
export function settingsFrom(row: EntityItem<typeof KpiTargetsEntity> | null | undefined, thisYear: number): Settings {
  return row
    ? {
        programmeStartYear: row.programmeStartYear,
        enterprisesInRegion: row.enterprisesInRegion,
        overrides: (row.overrides ?? {}) as Overrides,
        version: row.version,
      }
    : { programmeStartYear: thisYear, overrides: {}, version: 0 };
}

async function settingsOf(regionId: string): Promise<Settings> {
  const [found, thisYear] = await Promise.all([KpiTargetsEntity.get({ regionId }).go(), yearIn(regionId)]);
  return settingsFrom(found.data, thisYear);
}

export function targetsFor(settings: Settings, year: number): TargetsInfo {
  const py = programmeYear(year, settings.programmeStartYear);
  return {
    year,
    programmeStartYear: settings.programmeStartYear,
    programmeYear: py,
    enterprisesInRegion: settings.enterprisesInRegion,
    rows: kpiCatalogue.map((kpi) => {
      const fallback = defaultTarget(kpi.code, py);
      const override = settings.overrides[String(year)]?.[kpi.code];
      return {
        code: kpi.code,
        label: kpi.label,
        short: kpi.short,
        target: override ?? fallback,
        defaultTarget: fallback,
        overridden: override !== undefined,
      };
    }),
    version: settings.version,
  };
}

/** What an institution's figures are computed from right now (or `today` for a frozen date). */
export type LiveData = {
  institution: InstitutionDescriptor & { tenantId: string };
  stats: StatsSummary;
  inputs: KpiInputs;
  kpis: Record<KpiCode, KpiValue>;
};

/**
 * The live inputs of one institution, all from its summary item (counters, headcounts and satisfaction tallies are
 * kept there in the same transactions as the records they summarise).
 */
function liveFrom(summary: Summary, year: number, options: { enterprisesInRegion?: number; today: string }): LiveData {
  const institution = summary.institution;
  if (!institution) throw new VisibleError("not_found", "institution.not_found", "Организация не найдена");
  const stats = summarize(summary.counts, options.today, year);
  const inputs: KpiInputs = {
    stats: {
      mentees10to19: stats.mentees10to19,
      mentors15to19: stats.mentors15to19,
      youngSpecialistsMentored: stats.youngSpecialistsMentored,
      partnerOrganisations: stats.partnerOrganisations,
    },
    headcounts: {
      students10to19: institution.students10to19,
      students15to19: institution.students15to19,
      youngTeachers: institution.youngTeachers,
    },
    satisfaction: summary.satisfaction(year),
    enterprisesInRegion: options.enterprisesInRegion,
  };
  return { institution: { tenantId: summary.tenantId, ...institution }, stats, inputs, kpis: computeKpis(inputs) };
}

/**
 * What liveData reads: the region's KPI settings and the institution's summary, in one BatchGetItem, consistent (a
 * curator sees their own last change).
 */
export const liveDataKeys = (regionId: string, tenantId: string) => [itemKey(KpiTargetsEntity.get({ regionId })), summaryKey(tenantId)];

/** The live inputs from the two items of liveDataKeys as read, for the year, in the region's time zone. */
export function liveDataFrom(
  [settingsItem, summaryItem]: (Record<string, unknown> | undefined)[],
  year: number,
  timeZone: string,
): LiveData & { settings: Settings } {
  if (!summaryItem) throw new VisibleError("not_found", "institution.not_found", "Организация не найдена");
  const today = todayIn(timeZone);
  const settings = settingsFrom(KpiTargetsEntity.parse({ Item: settingsItem }).data, Number(today.slice(0, 4)));
  return {
    ...liveFrom(readSummary(summaryItem), year, { enterprisesInRegion: settings.enterprisesInRegion, today }),
    settings,
  };
}

/**
 * Trusted: the live inputs of one institution and its region's KPI settings (one BatchGetItem, plus the region's time
 * zone at most every five minutes). The caller has checked that the tenant is its own or in its region.
 */
export async function liveData(tenantId: string, regionId: string, year: number): Promise<LiveData & { settings: Settings }> {
  const [items, timeZone] = await Promise.all([getItems(liveDataKeys(regionId, tenantId), { consistent: true }), timeZoneOf(regionId)]);
  return liveDataFrom(items, year, timeZone);
}

const actualRows = (targets: TargetsInfo, kpis: Record<KpiCode, KpiValue>) =>
  targets.rows.map((row) => ({ ...row, actual: kpis[row.code], status: kpiStatusOf(kpis[row.code].value, row.target) }));

export const Kpi = {
  /** For a year, by default the region's current one. */
  async targets(year?: number): Promise<TargetsInfo> {
    assertCan("kpi.read");
    const regionId = useRegionID();
    return targetsFor(await settingsOf(regionId), year ?? (await yearIn(regionId)));
  },

  async setTargets(input: TargetsInput): Promise<TargetsInfo> {
    assertCan("kpi.manage");
    const regionId = useRegionID();
    const current = await settingsOf(regionId);
    if (current.version !== input.version) throw staleVersion(targetsFor(current, input.year));
    const py = programmeYear(input.year, input.programmeStartYear);
    const forYear: Partial<Record<KpiCode, number>> = { ...current.overrides[String(input.year)] };
    for (const code of kpiCodes) {
      if (!(code in input.targets)) continue;
      const value = input.targets[code];
      if (value === null || value === undefined || value === defaultTarget(code, py)) delete forYear[code];
      else forYear[code] = value;
    }
    const overrides = { ...current.overrides, [String(input.year)]: forYear };
    const next: Settings = {
      programmeStartYear: input.programmeStartYear,
      enterprisesInRegion: input.enterprisesInRegion ?? current.enterprisesInRegion,
      overrides,
      version: current.version + 1,
    };
    const updatedAt = nowIso();
    const result = await transactWithSummaries(
      { kpiTargets: KpiTargetsEntity, audit: AuditEntity },
      ({ kpiTargets, audit }) => [
        current.version === 0
          ? kpiTargets.create({ regionId, ...next, updatedAt }).commit()
          : kpiTargets
              .patch({ regionId })
              .set({ ...next, updatedAt })
              .where((attr, op) => op.eq(attr.version, current.version))
              .commit(),
        audit.create(auditItem("kpi.targets", String(input.year), { regionId })).commit(),
      ],
      [],
    );
    if (result.canceled) throw staleVersion(targetsFor(await settingsOf(regionId), input.year));
    return targetsFor(next, input.year);
  },

  /** The signed-in institution's actual values against the region's targets. */
  async institution(requestedYear?: number) {
    assertCan("kpi.institution_read");
    const regionId = useRegionID();
    const year = requestedYear ?? (await yearIn(regionId));
    const live = await liveData(useTenantID(), regionId, year);
    const targets = targetsFor(live.settings, year);
    return { ...targets, asOf: live.stats.asOf, rows: actualRows(targets, live.kpis) };
  },

  /**
   * The region: each institution's actual values and the regional value (sums of numerators over sums of
   * denominators; the enterprises share is all partner organisations providing mentors over the region's enterprises).
   * The settings, the region and the region's summary items (one per institution, from the sharded index): no
   * per-institution reads.
   */
  async region(requestedYear?: number) {
    assertCan("kpi.region_read");
    const regionId = useRegionID();
    const [settings, timeZone, summaries] = await Promise.all([settingsOf(regionId), timeZoneOf(regionId), regionSummaries(regionId)]);
    const today = todayIn(timeZone);
    const year = requestedYear ?? Number(today.slice(0, 4));
    const targets = targetsFor(settings, year);
    const active = summaries.filter((summary) => summary.institution?.status === "active");
    const perInstitution = active
      .map((summary) => liveFrom(summary, year, { enterprisesInRegion: settings.enterprisesInRegion, today }))
      .sort((a, b) => ruCompare(a.institution.shortName, b.institution.shortName));
    const regional = aggregateKpis(
      perInstitution.map((live) => live.kpis),
      { partners: distinctPartners(active.map((summary) => partnerKeys(summary.counts))), inRegion: settings.enterprisesInRegion },
    );
    return {
      ...targets,
      asOf: today,
      rows: actualRows(targets, regional),
      institutions: perInstitution.map((live) => ({
        tenantId: live.institution.tenantId,
        institutionName: live.institution.shortName,
        municipality: live.institution.municipality,
        rows: actualRows(targets, live.kpis).map(({ code, target, actual, status }) => ({ code, target, actual, status })),
      })),
    };
  },
};
