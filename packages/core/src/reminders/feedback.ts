import { log } from "../log";
import { SuppressionEntity } from "./reminder.entity";

type SesNotification = {
  /** Configuration-set event destinations publish `eventType`; identity notifications publish `notificationType`. */
  eventType?: string;
  notificationType?: string;
  bounce?: { bounceType?: string; bouncedRecipients?: { emailAddress: string }[] };
  complaint?: { complainedRecipients?: { emailAddress: string }[] };
};

/** Adds permanently bounced and complaining addresses (an SES notification delivered through SNS) to the suppression list. */
export async function recordSesFeedback(message: string): Promise<string[]> {
  const notification = JSON.parse(message) as SesNotification;
  const type = notification.eventType ?? notification.notificationType;
  const recipients =
    type === "Bounce" && notification.bounce?.bounceType === "Permanent"
      ? (notification.bounce.bouncedRecipients ?? []).map((r) => ({ email: r.emailAddress, reason: "bounce" as const }))
      : type === "Complaint"
        ? (notification.complaint?.complainedRecipients ?? []).map((r) => ({ email: r.emailAddress, reason: "complaint" as const }))
        : [];
  const at = new Date().toISOString();
  await Promise.all(recipients.map((r) => SuppressionEntity.put({ email: r.email.trim().toLowerCase(), reason: r.reason, at }).go()));
  if (recipients.length > 0) log.info("suppressed addresses", { count: recipients.length, reason: recipients[0]?.reason });
  return recipients.map((r) => r.email.toLowerCase());
}
