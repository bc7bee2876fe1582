/**
 * An institution's partner organisations (its mentors' enterprises, with an agreement and some other contracts), its
 * mentor-training events of this year and last, and rewards to some of its active mentors: the records the
 * consolidated report's «Партнёры и договоры» and «Обучение и поощрения» sheets count. Also its media plan (about a
 * publication a week over a year and a half, a few planned ahead) and its accessibility measures.
 */
import { accessibilityCategories } from "@rnc/core/accessibility/labels";
import { addDays } from "@rnc/core/dates";
import { contractKinds } from "@rnc/core/partner/labels";
import { publicationChannels, publicationFormats } from "@rnc/core/publication/labels";
import { rewardLevels, rewardMeasures } from "@rnc/core/reward/labels";
import { trainingKinds } from "@rnc/core/training/labels";
import type { Person } from "./people";
import { type Rng, idAt } from "./random";

type Context = { tenantId: string; regionId: string; today: string; now: string };

export function makeActivity(r: Rng, context: Context, partners: readonly string[], people: readonly Person[]) {
  const { tenantId, regionId, today, now } = context;
  const base = { tenantId, regionId, createdAt: now, updatedAt: now, version: 1 };
  const past = (maxDays: number) => addDays(today, -r.int(0, maxDays));
  const partnerRows = partners.map((name) => ({
    ...base,
    partnerId: idAt("partner", now),
    name,
    kind: "employer" as const,
    inList: r.chance(0.8),
    providesCurator: r.chance(0.5),
    contracts: [
      { kind: "agreement" as const, number: `${r.int(1, 99)}/С`, date: past(1500) },
      ...r.some(contractKinds.slice(1), r.int(0, 2)).map((kind) => {
        const date = past(900);
        return { kind, date, validUntil: addDays(date, r.int(300, 1100)) };
      }),
    ],
  }));
  const trainings = Array.from({ length: r.int(3, 8) }, (_, index) => ({
    ...base,
    trainingId: idAt("training", now),
    title: `Обучение наставников № ${index + 1}`,
    kind: r.pick(trainingKinds),
    date: past(500),
    participants: r.int(5, 30),
    certificates: r.chance(0.4),
  }));
  const mentors = people.filter((p) => p.row.isMentor && p.row.status === "active");
  const rewards = r.some(mentors, Math.ceil(mentors.length / 5)).map((mentor) => ({
    ...base,
    rewardId: idAt("reward", now),
    participantId: mentor.row.participantId,
    measure: r.pick(rewardMeasures),
    level: r.chance(0.8) ? ("institution" as const) : r.pick(rewardLevels),
    date: past(500),
    basis: `Приказ № ${r.int(1, 300)}-о`,
  }));
  const publications = Array.from({ length: r.int(40, 90) }, (_, index) => ({
    ...base,
    publicationId: idAt("publication", now),
    title: `Наставничество: материал № ${index + 1}`,
    date: index < 3 ? addDays(today, r.int(1, 20)) : past(540),
    // Planned ahead, and a few past plans never marked as published.
    status: index < 3 || r.chance(0.05) ? ("planned" as const) : ("published" as const),
    channel: r.pick(publicationChannels),
    format: r.pick(publicationFormats),
    url: `https://example.org/news/${index + 1}`,
  }));
  const measures = r.some(accessibilityCategories, r.int(3, 8)).map((category) => ({
    ...base,
    measureId: idAt("accessMeasure", now),
    category,
    measure: "Индивидуальный график встреч и доступное помещение",
    act: `Приказ № ${r.int(1, 300)}-о`,
    done: r.chance(0.6),
  }));
  return { partners: partnerRows, trainings, rewards, publications, measures };
}
