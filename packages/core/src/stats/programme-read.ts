import { PairEntity } from "../pair/pair.entity";
import { readParticipantsById } from "../participant/read";
import { type Period, type ProgrammeCount, programmeCount, ranIn } from "./programme";

/**
 * Trusted: the participants of the institution's programmes in the period (programme.ts), counted from its pairs (one
 * Query of the pairs' index) and the categories of the people in those that ran (BatchGetItem, 100 a call): about
 * 0.5 RCU per 4 KB of pairs and 0.5 RCU per person counted. Read when asked, never kept: a pair's run ends on a day,
 * and a running one enters each new year by itself.
 */
export async function readProgrammeCount(tenantId: string, period: Period, timeZone: string): Promise<ProgrammeCount> {
  const pairs = await PairEntity.query
    .byTenant({ tenantId })
    .go({ pages: "all", attributes: ["form", "mentorId", "menteeIds", "activatedAt", "endedAt"] });
  const ran = pairs.data.filter((pair) => ranIn(pair, period, timeZone));
  const people = await readParticipantsById(
    tenantId,
    ran.flatMap((pair) => [pair.mentorId, ...pair.menteeIds]),
    ["category"],
  );
  return programmeCount(ran, (id) => people.get(id)?.category, period, timeZone);
}
