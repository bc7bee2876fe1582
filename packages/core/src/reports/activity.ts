/**
 * The consolidated report's sheets of DOMAIN §7.3 items 8 and 9: each institution's partner organisations and their
 * contracts, and its mentor-training events and mentors' rewards, in the reporting year. Pure: the export reads the
 * region's partners, events and rewards (one Query each, on their region indexes) and passes them in.
 */
import { type ContractKind, contractKindShort, contractKinds } from "../partner/labels";
import type { InstitutionModel } from "../regionstats/rollup";
import { distinctPartners, partnerKey } from "../stats/contribution";
import { type RewardLevel, rewardLevelOf, rewardLevels } from "../reward/labels";
import type { Sheet } from "../tabular";
import { sheetNames } from "./sheets";

type Institution = Pick<InstitutionModel, "tenantId" | "name" | "municipality" | "figures">;
type Contract = { kind: ContractKind; date: string; validUntil?: string };

export type PartnerTally = {
  partners: number;
  inList: number;
  providesCurator: number;
  /** The institution's partner organisations providing mentors (its counters' figure). */
  withMentors: number;
  contracts: Record<ContractKind, number>;
};
/** Each institution's partner tallies, and its partners' names as the counters compare them. */
export type PartnerSource = { tallies: Map<string, PartnerTally>; keys: Map<string, string[]> };
export type ActivityTally = {
  trainings: number;
  trainingParticipants: number;
  withCertificates: number;
  rewards: Record<RewardLevel, number>;
};

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
const emptyPartners = (): PartnerTally => ({ partners: 0, inList: 0, providesCurator: 0, withMentors: 0, contracts: zeros(contractKinds) });
const emptyActivity = (): ActivityTally => ({ trainings: 0, trainingParticipants: 0, withCertificates: 0, rewards: zeros(rewardLevels) });

/** A contract in force at some time in the year: concluded by its end and not expired before its start. */
export const inForceIn = (contract: Contract, year: number) =>
  contract.date <= `${year}-12-31` && (!contract.validUntil || contract.validUntil >= `${year}-01-01`);

/** Each institution's partners, and its contracts of each kind in force in the year. */
export function partnerTallies(
  partners: readonly { tenantId: string; name: string; inList: boolean; providesCurator: boolean; contracts: readonly Contract[] }[],
  year: number,
): PartnerSource {
  const tallies = new Map<string, PartnerTally>();
  const keys = new Map<string, string[]>();
  for (const partner of partners) {
    const tally = tallies.get(partner.tenantId) ?? emptyPartners();
    tally.partners += 1;
    if (partner.inList) tally.inList += 1;
    if (partner.providesCurator) tally.providesCurator += 1;
    for (const contract of partner.contracts) if (inForceIn(contract, year)) tally.contracts[contract.kind] += 1;
    tallies.set(partner.tenantId, tally);
    keys.set(partner.tenantId, [...(keys.get(partner.tenantId) ?? []), partnerKey(partner.name)]);
  }
  return { tallies, keys };
}

/** Each institution's events and rewards (already those of the year). */
export function activityTallies(
  trainings: readonly { tenantId: string; participants: number; certificates: boolean }[],
  rewards: readonly { tenantId: string; level: RewardLevel }[],
): Map<string, ActivityTally> {
  const tallies = new Map<string, ActivityTally>();
  const of = (tenantId: string) => {
    const tally = tallies.get(tenantId) ?? emptyActivity();
    tallies.set(tenantId, tally);
    return tally;
  };
  for (const event of trainings) {
    const tally = of(event.tenantId);
    tally.trainings += 1;
    tally.trainingParticipants += event.participants;
    if (event.certificates) tally.withCertificates += 1;
  }
  for (const reward of rewards) of(reward.tenantId).rewards[reward.level] += 1;
  return tallies;
}

/** Field-wise sums of tallies (numbers, and records of numbers one level down). */
function sum<T extends Record<string, number | Record<string, number>>>(tallies: readonly T[], empty: () => T): T {
  const total = empty();
  for (const tally of tallies) {
    for (const key in tally) {
      const value = tally[key];
      if (typeof value === "number") (total[key] as number) += value;
      else for (const inner in value) (total[key] as Record<string, number>)[inner]! += value[inner]!;
    }
  }
  return total;
}

/** Rows of the report's institutions (every one, with zeros where nothing is recorded) and the region's total. */
function rowsOf<T extends Record<string, number | Record<string, number>>>(
  institutions: readonly Institution[],
  tallies: Map<string, T>,
  empty: () => T,
  cells: (tally: T) => (number | null)[],
) {
  const shown = institutions.map((i) => tallies.get(i.tenantId) ?? empty());
  return [
    ...institutions.map((institution, index) => [institution.name, institution.municipality, ...cells(shown[index]!)]),
    ["Итого по региону", "", ...cells(sum(shown, empty))],
  ];
}

/**
 * Partner organisations and contracts (item 8). «Предоставили наставников» is the counters' figure (the registry's
 * «Организация-партнёр» of engaged mentors). The total row adds the institutions up (an organisation partnering two
 * counts twice); the last row counts each organisation of the region once.
 */
export function partnersSheet(
  institutions: readonly Institution[],
  partners: PartnerSource,
  year: number,
  /** The region's partner organisations providing mentors, each once (the dashboard's figure). */
  distinctWithMentors: number,
): Sheet {
  const tallies = new Map(
    institutions.map((i) => [
      i.tenantId,
      { ...(partners.tallies.get(i.tenantId) ?? emptyPartners()), withMentors: i.figures.partnerOrganisations },
    ]),
  );
  const distinct = [
    "Разных организаций в регионе",
    "",
    distinctPartners(institutions.map((i) => partners.keys.get(i.tenantId) ?? [])),
    null,
    null,
    distinctWithMentors,
    ...contractKinds.map(() => null),
  ];
  return {
    name: sheetNames.partners,
    columns: [
      { header: "Организация", width: 40 },
      { header: "Муниципалитет", width: 24 },
      { header: "Организаций-партнёров" },
      { header: "Из них в перечне партнёров" },
      { header: "Назначили куратора" },
      { header: "Предоставили наставников" },
      ...contractKinds.map((kind) => ({ header: `${contractKindShort[kind]} (действовали в ${year} г.)`, width: 24 })),
    ],
    rows: [
      ...rowsOf(institutions, tallies, emptyPartners, (tally) => [
        tally.partners,
        tally.inList,
        tally.providesCurator,
        tally.withMentors,
        ...contractKinds.map((kind) => tally.contracts[kind]),
      ]),
      distinct,
    ],
  };
}

/** Mentor-training events and rewards of the year (item 9). */
export function activitySheet(institutions: readonly Institution[], tallies: Map<string, ActivityTally>, year: number): Sheet {
  return {
    name: sheetNames.activity,
    columns: [
      { header: "Организация", width: 40 },
      { header: "Муниципалитет", width: 24 },
      { header: `Мероприятий по обучению наставников в ${year} г.`, width: 22 },
      { header: "Участников мероприятий", width: 18 },
      { header: "Мероприятий с документами об обучении", width: 22 },
      { header: `Поощрений наставников в ${year} г.`, width: 20 },
      ...rewardLevels.map((level) => ({ header: `Поощрения ${rewardLevelOf[level]}`, width: 20 })),
    ],
    rows: rowsOf(institutions, tallies, emptyActivity, (tally) => [
      tally.trainings,
      tally.trainingParticipants,
      tally.withCertificates,
      rewardLevels.reduce((n, level) => n + tally.rewards[level], 0),
      ...rewardLevels.map((level) => tally.rewards[level]),
    ]),
  };
}
