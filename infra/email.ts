import { Stack } from "aws-cdk-lib/core";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { ConfigurationSet, EmailIdentity, EmailSendingEvent, EventDestination, Identity } from "aws-cdk-lib/aws-ses";
import { type StackContext, Topic, use } from "sst/constructs";
import { TableStack } from "./table";

/** The sending domain; a placeholder is enough to synthesize, a real deploy sets EMAIL_DOMAIN. */
export const emailDomain = () => process.env.EMAIL_DOMAIN || "example.org";

/**
 * SES sending: a domain identity (DKIM records are stack outputs, to be added to DNS), a configuration set that is
 * the identity's default (so every send goes through it), and bounce/complaint events → SNS → a Lambda that
 * writes the suppression list.
 */
export function EmailStack({ app, stack }: StackContext) {
  const { table } = use(TableStack);
  const domain = emailDomain();

  const configurationSet = new ConfigurationSet(stack, "ConfigurationSet", { reputationMetrics: true });
  const identity = new EmailIdentity(stack, "Identity", { identity: Identity.domain(domain), configurationSet });

  const feedback = new Topic(stack, "Feedback", {
    subscribers: {
      suppression: {
        function: {
          handler: "functions/events/ses-feedback.handler",
          description: "SES bounces and complaints → suppression list",
          environment: { TABLE_NAME: table.tableName, STAGE: app.stage },
          permissions: [[table.cdk.table, "grantWriteData"]],
          timeout: "30 seconds",
        },
      },
    },
  });
  configurationSet.addEventDestination("BouncesAndComplaints", {
    destination: EventDestination.snsTopic(feedback.cdk.topic),
    events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
  });

  const identityArn = identity.emailIdentityArn;
  // The identity's default configuration set is applied to every message, and SES may authorize the send against
  // the configuration set as well, so the policy lists both ARNs (and nothing else).
  const configurationSetArn = Stack.of(configurationSet).formatArn({
    service: "ses",
    resource: "configuration-set",
    resourceName: configurationSet.configurationSetName,
  });
  const sender = `noreply@${domain}`;

  stack.addOutputs({
    EmailIdentityArn: identityArn,
    EmailSender: sender,
    ...Object.fromEntries(identity.dkimRecords.map((record, index) => [`DkimCname${index + 1}`, `${record.name} CNAME ${record.value}`])),
  });

  return {
    identityArn,
    configurationSetArn,
    sender,
    /** `ses:SendEmail` / `ses:SendRawEmail` for the sending identity only. */
    sendEmailPolicy: () =>
      new PolicyStatement({ actions: ["ses:SendEmail", "ses:SendRawEmail"], resources: [identityArn, configurationSetArn] }),
  };
}
