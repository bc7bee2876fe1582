import { recordSesFeedback } from "@rnc/core/reminders/feedback";

type SnsEvent = { Records: { Sns: { Message: string } }[] };

/** SES bounce and complaint notifications (via SNS) feed the suppression list the reminder job checks. */
export const handler = async (event: SnsEvent) => {
  let suppressed = 0;
  for (const record of event.Records) suppressed += (await recordSesFeedback(record.Sns.Message)).length;
  return { suppressed };
};
