import { reminderRecipients } from "../access";
import { appUrl, renderEmail, sendEmail } from "../email";
import { log } from "../log";
import { isSuppressed } from "../reminders/send";
import { endSentence, formatDate, greeting } from "../ru";
import { User } from "../user";

type Returned = { campaignId: string; name: string; deadline: string; tenantId: string; comment: string };

/**
 * Tells the institution's curators at once that the region returned their report, with the region's comment and a link
 * to the form (otherwise they learn it from the next deadline reminder). Best effort: the return is already saved, so
 * a mail that cannot go is logged, not answered as an error; a suppressed address (bounced, complained) is skipped.
 */
export async function notifyReturned(returned: Returned): Promise<void> {
  try {
    for (const curator of await User.inScope(returned.tenantId, [reminderRecipients.institution])) {
      if (await isSuppressed(curator.email)) continue;
      await sendEmail({
        to: curator.email,
        subject: `ЦМН: отчёт «${returned.name}» возвращён на доработку`,
        ...renderEmail({
          heading: `Отчёт «${returned.name}» возвращён на доработку`,
          paragraphs: [
            greeting(curator.fullName),
            // No second full stop after a comment that ends with its own («…похоже на опечатку.»).
            endSentence(`Региональный наставнический центр вернул отчёт вашей организации с комментарием: «${returned.comment.trim()}»`),
            `Исправьте отчёт и отправьте его повторно. Срок сдачи по кампании — ${formatDate(returned.deadline)}.`,
          ],
          action: { label: "Открыть отчёт", url: `${appUrl()}/monitoring/${returned.campaignId}` },
        }),
      });
    }
  } catch (error) {
    log.error("return notification failed", { campaignId: returned.campaignId, tenantId: returned.tenantId, error: String(error) });
  }
}
