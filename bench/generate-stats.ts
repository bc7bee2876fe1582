/**
 * The region's roll-up inputs for the benchmarks, as the product's write paths leave them: one statistics item per
 * institution (counters for `participantsPerInstitution` participants and their pairs, on the region's statistics
 * index), one roadmap header per institution with an overdue open item, a published monitoring campaign with one
 * submission per institution, and a satisfaction tally per institution. Written with batch puts.
 */
import { BatchWriteCommand } from "@aws-sdk/lib-dynamodb";

type Institution = { tenantId: string; shortName: string; municipality: string };

export async function generateRegionStatistics(regionId: string, institutions: Institution[], participantsPerInstitution: number) {
  const { ddb, tableName } = await import("@rnc/core/dynamo");
  const { regionStatsKeys } = await import("@rnc/core/stats");
  const { RoadmapEntity, RoadmapItemEntity } = await import("@rnc/core/roadmap/roadmap.entity");
  const { CampaignEntity, SubmissionEntity } = await import("@rnc/core/monitoring/monitoring.entity");
  const { SatisfactionEntity } = await import("@rnc/core/survey/survey.entity");
  const { defaultIndicators } = await import("@rnc/core/monitoring/indicators");
  const { createId } = await import("@rnc/core");

  const now = new Date().toISOString();
  const year = Number(now.slice(0, 4));
  const n = participantsPerInstitution;
  const mentors = Math.round(n / 3);
  const mentees = n - mentors;
  const pairs = Math.min(mentors, mentees);
  const statsItems = institutions.map((i, index) => ({
    pk: `T#${i.tenantId}`,
    sk: "STATS",
    ...regionStatsKeys(regionId, i.tenantId),
    updatedAt: now,
    "c#participants": n,
    "c#role#mentor": mentors,
    "c#role#mentee": mentees,
    "c#category#pupil": mentees - 5,
    "c#category#teacher": mentors,
    "c#category#young_specialist": 5,
    "c#engaged#mentor": pairs,
    "c#engaged#mentee": pairs,
    "c#menteeBirth#2011": pairs - 5,
    "c#menteeBirth#1999": 5,
    "c#mentorBirth#1980": pairs,
    "c#youngSpecialistsMentored": 5,
    [`c#partner#предприятие ${index % 50}`]: 1,
    "c#pairs#forming": 3,
    "c#pairs#active": pairs - 10,
    "c#pairs#completed": 7,
    "c#form#pupil_pupil#mentors": pairs - 10,
    "c#form#pupil_pupil#mentees": pairs - 10,
    "c#form#teacher_young_teacher#mentors": 7,
    "c#form#teacher_young_teacher#mentees": 7,
  }));
  const headers = institutions.map((i) => ({
    tenantId: i.tenantId,
    regionId,
    roadmapId: createId("roadmap"),
    title: "Дорожная карта внедрения ЦМН",
    period: `${year - 1}/${String(year % 100).padStart(2, "0")}`,
    periodStart: `${year - 1}-09-01`,
    periodEnd: `${year}-08-31`,
    status: "approved" as const,
    itemsTotal: 40,
    itemsDone: 25,
    itemsDoneOnTime: 20,
    itemsCancelled: 2,
    createdAt: now,
    updatedAt: now,
    version: 1,
  }));
  const overdue = headers.map((h) => ({
    tenantId: h.tenantId,
    regionId,
    roadmapId: h.roadmapId,
    itemId: createId("roadmapItem"),
    position: "a0",
    name: "Просроченное мероприятие",
    occurrences: [{ key: `${year - 1}-10-01`, due: `${year - 1}-10-01`, status: "planned" }],
    status: "planned" as const,
    nextDue: `${year - 1}-10-01`,
    createdAt: now,
    updatedAt: now,
    version: 1,
  }));
  const campaign = {
    regionId,
    campaignId: createId("campaign"),
    kind: "monitoring" as const,
    name: "Мониторинг реализации ЦМН (бенчмарк)",
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    deadline: `${year}-12-20`,
    dueDate: `${year}-12-20`,
    indicators: defaultIndicators(),
    status: "published" as const,
    institutionsCount: institutions.length,
    publishedAt: now,
    createdAt: now,
    updatedAt: now,
    version: 2,
  };
  const statuses = ["not_started", "draft", "submitted", "accepted"] as const;
  const submissions = institutions.map((i, index) => {
    const status = statuses[index % statuses.length] ?? "not_started";
    const submitted = status === "submitted" || status === "accepted";
    return {
      tenantId: i.tenantId,
      campaignId: campaign.campaignId,
      regionId,
      institutionName: i.shortName,
      municipality: i.municipality,
      status,
      values: submitted ? { mentor_trainings: 3, plans_done: 92, assessment: "По плану" } : {},
      snapshot: submitted ? { mentors: mentors, mentees: mentees, pairs_active: pairs - 10 } : undefined,
      submittedAt: submitted ? now : undefined,
      late: submitted ? index % 8 === 0 : undefined,
      updatedAt: now,
      version: 1,
    };
  });
  const satisfaction = institutions.map((i) => ({
    tenantId: i.tenantId,
    year,
    mentorSum: 160,
    mentorCount: 20,
    menteeSum: 350,
    menteeCount: 50,
  }));

  for (let i = 0; i < statsItems.length; i += 25) {
    const chunk = statsItems.slice(i, i + 25);
    await ddb.send(new BatchWriteCommand({ RequestItems: { [tableName()]: chunk.map((Item) => ({ PutRequest: { Item } })) } }));
  }
  await RoadmapEntity.put(headers).go({ concurrency: 4 });
  await RoadmapItemEntity.put(overdue).go({ concurrency: 4 });
  await CampaignEntity.put(campaign).go();
  await SubmissionEntity.put(submissions).go({ concurrency: 4 });
  await SatisfactionEntity.put(satisfaction).go({ concurrency: 4 });
  return { itemsWritten: statsItems.length + headers.length + overdue.length + 1 + submissions.length + satisfaction.length };
}
