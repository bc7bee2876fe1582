import { TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { ddb, ignoreFailedCondition, loadCollection, tableName } from "../dynamo";
import { readParticipantsById } from "../participant/read";
import { summaryUpdate } from "../stats/summary";
import { SurveyAnsweredEntity, SurveyLinkEntity, roundOf } from "./survey.entity";

const num = (value: unknown) => (typeof value === "number" ? value : 0);

/**
 * Migration (`npm run migrate`): satisfaction tallies stored before they moved onto the institution's summary item
 * (one `SATISFACTION#<year>` item per year) are added to the summary and deleted, each in one transaction whose delete
 * is conditional, so a tally is never counted twice, even by two runs at once. Returns how many were folded.
 */
export async function foldLegacySatisfaction(tenantId: string, regionId: string): Promise<number> {
  const legacy = (await loadCollection(tenantId, "SATISFACTION#"))("satisfaction");
  let folded = 0;
  for (const item of legacy) {
    const tally = {
      mentor: { sum: num(item.mentorSum), count: num(item.mentorCount) },
      mentee: { sum: num(item.menteeSum), count: num(item.menteeCount) },
    };
    const update = summaryUpdate({ tenantId, regionId, satisfaction: { year: Number(item.year), tally } });
    const remove = { Delete: { TableName: tableName(), Key: { pk: item.pk, sk: item.sk }, ConditionExpression: "attribute_exists(pk)" } };
    try {
      await ddb.send(new TransactWriteCommand({ TransactItems: [...(update ? [update] : []), remove] }));
      folded += 1;
    } catch (error) {
      // Another run folded it first.
      if ((error as { name?: string }).name !== "TransactionCanceledException") throw error;
    }
  }
  return folded;
}

/**
 * Migration (`npm run migrate`): links written before recipients were read from the register carry a copy of the
 * person's name and address. Links to people in the register lose that copy (their name is read from the register,
 * so erasing a person leaves nothing behind); links to people who were never in it keep theirs. Idempotent; returns
 * how many links were cleaned.
 */
export async function dropLinkCopies(tenantId: string): Promise<number> {
  const links = SurveyLinkEntity.parse({ Items: (await loadCollection(tenantId, "SURVEYLINK#"))("surveyLink") }).data.filter(
    (link) => link.name !== undefined || link.email !== undefined,
  );
  const inRegister = await readParticipantsById(
    tenantId,
    links.map((link) => link.participantId),
    ["participantId"],
  );
  let cleaned = 0;
  for (const link of links.filter((l) => inRegister.has(l.participantId))) {
    await SurveyLinkEntity.patch({ tenantId, surveyId: link.surveyId, linkId: link.linkId })
      .remove(["name", "email"])
      .go()
      .then(() => {
        cleaned += 1;
      }, ignoreFailedCondition);
  }
  return cleaned;
}

/**
 * Migration (`npm run migrate`): answers given before each answer marked its respondent as answered get that mark from
 * their used link, so that another link sent to the same person earlier cannot count their answers again. Idempotent
 * (a mark is created only where there is none); returns how many marks were written.
 */
export async function markAnswered(tenantId: string): Promise<number> {
  const used = SurveyLinkEntity.parse({ Items: (await loadCollection(tenantId, "SURVEYLINK#"))("surveyLink") }).data.filter(
    (link) => link.usedAt !== undefined,
  );
  let marked = 0;
  for (const link of used) {
    await SurveyAnsweredEntity.create({
      tenantId,
      surveyId: link.surveyId,
      participantId: link.participantId,
      round: roundOf(link),
      answeredAt: link.usedAt as string,
    })
      .go()
      .then(() => {
        marked += 1;
      }, ignoreFailedCondition);
  }
  return marked;
}
