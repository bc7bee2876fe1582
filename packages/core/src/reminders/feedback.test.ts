import { describe, expect, it } from "vitest";
import { recordSesFeedback } from "./feedback";
import { isSuppressed } from "./send";

describe("SES feedback → suppression list", () => {
  it.each([
    [
      "a configuration-set event (eventType)",
      { eventType: "Complaint", complaint: { complainedRecipients: [{ emailAddress: "Angry@Example.org" }] } },
      "angry@example.org",
      true,
    ],
    [
      "an identity notification (notificationType)",
      { notificationType: "Bounce", bounce: { bounceType: "Permanent", bouncedRecipients: [{ emailAddress: "gone@example.org" }] } },
      "gone@example.org",
      true,
    ],
    [
      "a transient bounce",
      { eventType: "Bounce", bounce: { bounceType: "Transient", bouncedRecipients: [{ emailAddress: "full@example.org" }] } },
      "full@example.org",
      false,
    ],
    ["a delivery", { eventType: "Delivery" }, "ok@example.org", false],
  ])("%s", async (_name, message, address, suppressed) => {
    await recordSesFeedback(JSON.stringify(message));
    expect(await isSuppressed(address)).toBe(suppressed);
  });
});
