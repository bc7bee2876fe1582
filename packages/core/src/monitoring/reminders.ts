import { addDays } from "../dates";
import { type DueEntry, type ReminderSource, reminderOffsets } from "../reminders/sources";
import { CampaignEntity, SubmissionEntity, type submissionStatuses } from "./monitoring.entity";

const waiting: readonly (typeof submissionStatuses)[number][] = ["not_started", "draft", "returned"];

/**
 * Statutory reminders: a published campaign's (or the annual count's) deadline in 14, 7, 3 and 1 days for every
 * institution that has not submitted, and the day after the deadline for those that missed it (escalated to the
 * region). Reads the region's campaigns due on those dates from the deadline index, then each such campaign's
 * submissions (one Query on the campaign's index).
 */
export const campaignReminders: ReminderSource = {
  name: "monitoring",
  async collect(region, today) {
    const dates = [
      ...reminderOffsets.campaign.map((days) => ({ date: addDays(today, days), daysLeft: days })),
      { date: addDays(today, -1), daysLeft: -1 },
    ];
    const entries: DueEntry[] = [];
    let itemsRead = 0;
    for (const { date, daysLeft } of dates) {
      const campaigns = await CampaignEntity.query.byDueDate({ dueDate: date, regionId: region.regionId }).go({ pages: "all" });
      itemsRead += campaigns.data.length;
      for (const campaign of campaigns.data.filter((c) => c.status === "published")) {
        const submissions = await SubmissionEntity.query.byCampaign({ campaignId: campaign.campaignId }).go({ pages: "all" });
        itemsRead += submissions.data.length;
        for (const submission of submissions.data.filter((s) => waiting.includes(s.status))) {
          entries.push({
            tenantId: submission.tenantId,
            rule: daysLeft < 0 ? "campaign_missed" : campaign.kind === "federal_count" ? "federal_count_due" : "campaign_due",
            occurrence: `${campaign.campaignId}#${campaign.deadline}`,
            title: campaign.name,
            due: campaign.deadline,
            daysLeft,
            link: `/monitoring/${campaign.campaignId}`,
            statutory: true,
          });
        }
      }
    }
    return { entries, itemsRead };
  },
};
