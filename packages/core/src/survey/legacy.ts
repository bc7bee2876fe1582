import { TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { ddb, ignoreFailedCondition, loadCollection, tableName } from "../dynamo";
import { readParticipantsById } from "../participant/read";
import { summaryUpdate } from "../stats/summary";
import { SurveyLinkEntity } from "./survey.entity";

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
