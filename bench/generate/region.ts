/**
 * The bulk loader: a synthetic region written straight into the store, item for item what the product's write paths
 * leave (every record is built as the verbs build it and turned into its item by the product's ElectroDB entity, so
 * keys, index attributes and marshalling are the product's). Imported only after the environment points at the store.
 */
import type { Role } from "@rnc/core";
import { withActor } from "@rnc/core";
import { addDays, todayIn } from "@rnc/core/dates";
import { ddb, tableName } from "@rnc/core/dynamo";
import { defaultFormsByType } from "@rnc/core/forms/catalogue";
import { InstitutionEntity } from "@rnc/core/institution/institution.entity";
import { nameClaim, shortNameClaim } from "@rnc/core/institution";
import { CampaignEntity, SubmissionEntity } from "@rnc/core/monitoring/monitoring.entity";
import { MeetingEntity, PairEntity, PairQuietEntity, PlanEntity } from "@rnc/core/pair/pair.entity";
import { isMinor } from "@rnc/core/participant/age";
import { ConsentEntity, MembershipEntity, ParticipantEntity } from "@rnc/core/participant/participant.entity";
import { Region } from "@rnc/core/region";
import { UniqueEntity } from "@rnc/core/region/region.entity";
import { RoadmapEntity, RoadmapItemEntity, RoadmapSectionEntity } from "@rnc/core/roadmap/roadmap.entity";
import { UserEntity } from "@rnc/core/user/user.entity";
import { PartnerEntity } from "@rnc/core/partner/partner.entity";
import { RewardEntity } from "@rnc/core/reward/reward.entity";
import { PublicationEntity } from "@rnc/core/publication/publication.entity";
import { AccessMeasureEntity } from "@rnc/core/accessibility/access-measure.entity";
import { TrainingEntity } from "@rnc/core/training/training.entity";
import { makeActivity } from "./activity";
import { campaignRecord, federalCampaignRecord, federalSubmissionRecord, satisfactionTally, submissionRecord } from "./monitoring";
import { checkActivations, makePairs } from "./pairs";
import { type Person, addConsent, applyLeaving, consentMoment, makePeople } from "./people";
import { academicStartYear, at, idAt, rng } from "./random";
import { makeRoadmap } from "./roadmap";
import { type InstitutionFacts, type InstitutionRecord, countsOf, statisticsItem } from "./statistics";
import { enterprises } from "./texts";
import { BulkWriter, type Item } from "./writer";

export type Scale = { institutions: number; participantsPerInstitution: number };
type UserRef = { userId: string; email: string; role: Role; regionId?: string; tenantId?: string };

export type GeneratedRegion = {
  regionId: string;
  tenants: string[];
  users: { regionAdmin: UserRef; curators: UserRef[] };
  /** Records of the first curator's institution that the benchmark reads. */
  sample: { campaignId: string; federalCampaignId: string; roadmapId: string; participants: number; pairs: number };
  itemsWritten: number;
  itemsByKind: Record<string, number>;
  seconds: number;
  itemsPerSecond: number;
  checkedInstitutions: number;
};

const municipalities = [
  "Городской округ Северный",
  "Южный муниципальный район",
  "Восточный район",
  "Западный городской округ",
  "Центральный район",
];

/** The generated region's time zone. */
const timeZone = "Europe/Moscow";
/** The seed of the region's randomness: the same region (except the random part of the ids) on every run. */
const seed = 9;

type PutEntity = { put(record: object): { params(): { Item: Item } } };
/** The item the product's entity writes for a record. */
const itemOf = (entity: unknown, record: object): Item => (entity as PutEntity).put(record).params().Item;

export async function generateRegion(scale: Scale): Promise<GeneratedRegion> {
  const started = performance.now();
  const now = new Date().toISOString();
  const today = todayIn(timeZone);
  const startYear = academicStartYear(today);
  const itemsByKind: Record<string, number> = {};
  let institutionsDone = 0;
  const writer = new BulkWriter(ddb, tableName(), {
    concurrency: 6,
    progress: () => `${institutionsDone} of ${scale.institutions} institutions`,
  });
  const put = async (kind: string, entity: unknown, records: object[]) => {
    itemsByKind[kind] = (itemsByKind[kind] ?? 0) + records.length;
    await writer.put(records.map((record) => itemOf(entity, record)));
  };

  const region = await withActor({ type: "system", properties: {} }, () =>
    Region.create({ name: `Бенчмарк-регион ${Date.now()}`, code: `b${Date.now().toString(36)}`.slice(0, 16), timeZone }),
  );
  const regionId = region.regionId;
  // The institutions and their curators were imported well before the first intake of participants.
  const onboarded = at(addDays(today, -500), rng(seed));
  const institutions: InstitutionRecord[] = Array.from({ length: scale.institutions }, (_, i) => {
    const isSchool = i % 3 !== 0;
    return {
      tenantId: idAt("institution", onboarded),
      regionId,
      fullName: isSchool
        ? `Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № ${i + 1}»`
        : `ГБПОУ «Колледж № ${i + 1}»`,
      shortName: isSchool ? `МБОУ СШ № ${i + 1}` : `Колледж № ${i + 1}`,
      type: isSchool ? "school" : "college",
      municipality: municipalities[i % municipalities.length] ?? "Район",
      studentsTotal: 600 + (i % 400),
      students10to19: 400 + (i % 200),
      teachersTotal: 50 + (i % 30),
      youngTeachers: 5 + (i % 10),
      status: "active",
      createdAt: onboarded,
      updatedAt: onboarded,
      version: 1,
    };
  });
  const user = (role: Role, index: number, tenantId?: string) => ({
    userId: idAt("user", onboarded),
    email: `${role}.${index}.${regionId}@bench.local`,
    fullName: `Пользователь ${index}`,
    role,
    scope: tenantId ?? regionId,
    regionId,
    tenantId,
    status: "active" as const,
    createdAt: onboarded,
    updatedAt: onboarded,
  });
  const regionAdmin = user("region_admin", 0);
  const curators = institutions.map((i, index) => user("curator", index + 1, i.tenantId));
  await put("institution", InstitutionEntity, institutions);
  await put(
    "unique",
    UniqueEntity,
    institutions.flatMap((i) => [nameClaim(regionId, i.fullName, i.tenantId), shortNameClaim(regionId, i.shortName, i.tenantId)]),
  );
  await put(
    "unique",
    UniqueEntity,
    [regionAdmin, ...curators].map((u) => ({ scope: "email", value: u.email, ownerId: u.userId })),
  );
  await put("user", UserEntity, [regionAdmin, ...curators]);
  const campaignId = idAt("campaign", now);
  const federalCampaignId = idAt("campaign", now);
  await put("campaign", CampaignEntity, [
    campaignRecord(regionId, campaignId, institutions.length, now),
    federalCampaignRecord(regionId, federalCampaignId, institutions.length, now),
  ]);

  let sample: GeneratedRegion["sample"] | undefined;
  for (const [index, institution] of institutions.entries()) {
    const r = rng(seed * 100_003 + index);
    const { tenantId } = institution;
    const intakes: [string, string] = [addDays(today, -r.int(400, 460)), addDays(today, -r.int(70, 90))];
    const enabled = defaultFormsByType[institution.type];
    const partners = r.some(enterprises, r.int(2, 4));
    const people = makePeople(r, { tenantId, type: institution.type, count: scale.participantsPerInstitution, today, intakes, partners });
    const context = { tenantId, regionId, today, now, enabled, intakes };
    const pairs = makePairs(r, context, people);
    settle(r, people, pairs, now);
    checkActivations(pairs, context);

    const kind = institution.type === "college" ? "college" : "school";
    const roadmaps = [makeRoadmap(r, { tenantId, regionId, kind, startYear, today, now, fate: "current" })];
    if (r.chance(0.5)) {
      roadmaps.push(
        makeRoadmap(r, { tenantId, regionId, kind, startYear: startYear - 1, today, now, fate: r.chance(0.7) ? "archived" : "stale" }),
      );
    }
    const { counts, updatedAt } = countsOf(people, pairs);
    const activity = makeActivity(r, { tenantId, regionId, today, now }, partners, people);
    const submission = submissionRecord(institution, index, campaignId, counts, now);
    const federal = federalSubmissionRecord(institution, federalCampaignId, now);
    const facts: InstitutionFacts = {
      counts,
      updatedAt,
      satisfaction: { year: Number(today.slice(0, 4)), tally: satisfactionTally(r, counts) },
      submissions: [submission.state, federal.state],
      roadmaps,
    };
    if (index === 0) {
      await checkInputs(people, pairs, activity);
      sample = {
        campaignId,
        federalCampaignId,
        roadmapId: roadmaps[0]?.roadmapId as string,
        participants: people.length,
        pairs: pairs.length,
      };
    }

    const records: [kind: string, entity: unknown, records: object[]][] = [
      ["participant", ParticipantEntity, people.map((p) => p.row)],
      ["consent", ConsentEntity, people.flatMap((p) => p.consents)],
      ["pair", PairEntity, pairs.map((p) => p.row)],
      ["plan", PlanEntity, pairs.map((p) => p.plan)],
      ["membership", MembershipEntity, pairs.flatMap((p) => p.memberships)],
      ["meeting", MeetingEntity, pairs.flatMap((p) => p.meetings)],
      ["pairQuiet", PairQuietEntity, pairs.flatMap((p) => (p.quiet ? [p.quiet] : []))],
      ["roadmap", RoadmapEntity, roadmaps.map((m) => m.header)],
      ["roadmapSection", RoadmapSectionEntity, roadmaps.flatMap((m) => m.sections)],
      ["roadmapItem", RoadmapItemEntity, roadmaps.flatMap((m) => m.items)],
      ["submission", SubmissionEntity, [submission.record, federal.record]],
      ["partner", PartnerEntity, activity.partners],
      ["training", TrainingEntity, activity.trainings],
      ["reward", RewardEntity, activity.rewards],
      ["publication", PublicationEntity, activity.publications],
      ["accessMeasure", AccessMeasureEntity, activity.measures],
    ];
    for (const [kind, entity, list] of records) await put(kind, entity, list);
    itemsByKind.statistics = (itemsByKind.statistics ?? 0) + 1;
    await writer.put([statisticsItem(regionId, institution, facts)]);
    institutionsDone += 1;
  }
  await writer.flush();

  const checked = await checkStatistics(
    institutions.map((i) => i.tenantId),
    regionId,
  );
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  return {
    regionId,
    tenants: institutions.map((i) => i.tenantId),
    users: { regionAdmin, curators },
    sample: sample as GeneratedRegion["sample"],
    itemsWritten: writer.written + 3, // and the region, its code claim and its audit event (Region.create)
    itemsByKind,
    seconds,
    itemsPerSecond: writer.itemsPerSecond,
    checkedInstitutions: checked,
  };
}

/**
 * The writes that follow the pairs: consents (before each person's first activation; most others too), the flags and
 * counters activation sets on people (`engaged…`, the mentor's `activeMentees`, a version for each first engagement),
 * and the planned withdrawals and erasures.
 */
function settle(r: ReturnType<typeof rng>, people: Person[], pairs: ReturnType<typeof makePairs>, now: string) {
  const firstActivation = new Map<Person, string>();
  const forming = new Set<Person>();
  for (const pair of pairs) {
    for (const person of [pair.mentor, ...pair.mentees]) {
      if (pair.activatedAt && (!firstActivation.has(person) || pair.activatedAt < (firstActivation.get(person) as string))) {
        firstActivation.set(person, pair.activatedAt);
      }
      if (pair.row.status === "forming") forming.add(person);
    }
  }
  for (const person of people) {
    const activation = firstActivation.get(person);
    const deadlines = [activation, person.leaving?.at].filter((d): d is string => d !== undefined).sort();
    const needed = deadlines.length > 0 || r.chance(forming.has(person) ? 0.6 : 0.85);
    if (!needed) continue;
    const moment = consentMoment(r, person, deadlines[0] ?? now);
    addConsent(r, person, moment, isMinor(person.initial, moment.slice(0, 10)));
    person.firstActivation = activation;
  }
  for (const pair of pairs) {
    if (!pair.activatedAt) continue;
    if (!pair.mentor.row.engagedMentor) Object.assign(pair.mentor.row, { engagedMentor: true, version: pair.mentor.row.version + 1 });
    for (const mentee of pair.mentees) {
      if (!mentee.row.engagedMentee) Object.assign(mentee.row, { engagedMentee: true, version: mentee.row.version + 1 });
    }
    if (pair.row.status === "active") pair.mentor.row.activeMentees += pair.row.menteeIds.length;
  }
  for (const person of people) applyLeaving(person);
}

/** The first institution's inputs through the product's own schemas (what the API would have accepted). */
async function checkInputs(people: Person[], pairs: ReturnType<typeof makePairs>, activity: ReturnType<typeof makeActivity>) {
  const { ParticipantInput, ConsentInput } = await import("@rnc/core/participant");
  const { PairInput, AgreementInput, PlanInput, MeetingInput } = await import("@rnc/core/pair");
  const { PartnerInput } = await import("@rnc/core/partner");
  const { TrainingInput } = await import("@rnc/core/training");
  const { RewardInput } = await import("@rnc/core/reward");
  const { PublicationInput } = await import("@rnc/core/publication");
  const { AccessMeasureInput } = await import("@rnc/core/accessibility");
  const problems: string[] = [];
  const check = (what: string, schema: { safeParse(value: unknown): { success: boolean; error?: unknown } }, value: unknown) => {
    const result = schema.safeParse(value);
    if (!result.success) problems.push(`${what}: ${JSON.stringify(result.error)}`);
  };
  for (const person of people) {
    check("participant", ParticipantInput, person.input);
    // An erased person's consents have lost the representative's name since they were recorded.
    const consents = person.leaving?.kind === "anonymised" ? [] : person.consents;
    for (const { signerKind, representativeName, representativeRelation, signedAt, document, scanRef } of consents) {
      check("consent", ConsentInput, { signerKind, representativeName, representativeRelation, signedAt, document, scanRef });
    }
  }
  for (const { row, plan, meetings } of pairs) {
    check("pair", PairInput, {
      form: row.form,
      mentorId: row.mentorId,
      menteeIds: row.menteeIds,
      startDate: row.startDate,
      endDate: row.endDate,
      note: row.note,
    });
    if (row.agreement) check("agreement", AgreementInput, { ...row.agreement, version: 1 });
    check("plan", PlanInput, { goals: plan.goals, tasks: plan.tasks, version: 1 });
    for (const { date, stage, durationMinutes, format, notes, mentorFeedback, menteeFeedback } of meetings) {
      check("meeting", MeetingInput, { date, stage, durationMinutes, format, notes, mentorFeedback, menteeFeedback });
    }
  }
  for (const { name, kind, inList, providesCurator, contracts } of activity.partners) {
    check("partner", PartnerInput, { name, kind, inList, providesCurator, contracts });
  }
  for (const { title, kind, date, participants, certificates } of activity.trainings) {
    check("training", TrainingInput, { title, kind, date, participants, certificates });
  }
  for (const { participantId, measure, level, date, basis } of activity.rewards)
    check("reward", RewardInput, { participantId, measure, level, date, basis });
  for (const { title, date, status, channel, format, url } of activity.publications) {
    check("publication", PublicationInput, { title, date, status, channel, format, url });
  }
  for (const { category, measure, act, done } of activity.measures)
    check("accessMeasure", AccessMeasureInput, { category, measure, act, done });
  if (problems.length) throw new Error(`generated records the API would refuse:\n${problems.slice(0, 10).join("\n")}`);
}

/**
 * After loading: the statistics of a few institutions recomputed from their participants and pairs by the product
 * (`Stats.check`) must match the generated items exactly, and the product's own reads must load them.
 */
async function checkStatistics(tenants: string[], regionId: string): Promise<number> {
  const { Stats } = await import("@rnc/core/stats");
  const { Participant } = await import("@rnc/core/participant");
  const { Pair } = await import("@rnc/core/pair");
  const { Roadmap } = await import("@rnc/core/roadmap");
  const sampled = [...new Set([0, 1, Math.floor(tenants.length / 2), tenants.length - 1].filter((i) => i < tenants.length))].map(
    (i) => tenants[i] as string,
  );
  for (const tenantId of sampled) {
    const { differences, mirrors } = await Stats.check(tenantId);
    if (differences.length || mirrors.length) {
      throw new Error(
        `the generated summary of ${tenantId} differs from a recomputation: ${JSON.stringify({ differences: differences.slice(0, 20), mirrors })}`,
      );
    }
  }
  const tenantId = sampled[0] as string;
  await withActor({ type: "system", properties: { tenantId, regionId } }, async () => {
    const [people, board, roadmaps] = await Promise.all([Participant.list(), Pair.board(), Roadmap.list()]);
    if (people.items.length === 0 || board.columns.every((column) => column.items.length === 0) || roadmaps.length === 0)
      throw new Error("the product's reads found no generated records");
    for (const roadmap of roadmaps) await Roadmap.get(roadmap.roadmapId);
    const active = board.columns.find((column) => column.status === "active")?.items[0];
    if (active) await Pair.get(active.pairId);
  });
  return sampled.length;
}
