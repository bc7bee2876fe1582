import { addDays, daysBetween, todayIn } from "../dates";
import { type DueEntry, type ReminderSource, reminderOffsets } from "../reminders/sources";
import { CampaignEntity, SubmissionEntity, type submissionStatuses } from "./monitoring.entity";

type Campaign = { campaignId: string; name: string; deadline: string; kind: string };

const waiting: readonly (typeof submissionStatuses)[number][] = ["not_started", "draft", "returned"];

/**
 * Statutory reminders: a campaign (or the annual count) published the day before, announced to every institution that
 * has to answer it; its deadline in 14, 7, 3 and 1 days for every institution that has not submitted, and the day
 * after the deadline for those that missed it (escalated to the region). Reads the region's campaigns (one Query: a
 * few a year) and those due on the reminder dates from the deadline index, then each such campaign's submissions (one
 * Query on the campaign's index).
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
    const remind = async (campaign: Campaign, rule: DueEntry["rule"], occurrence: string) => {
      const submissions = await SubmissionEntity.query.byCampaign({ campaignId: campaign.campaignId }).go({ pages: "all" });
      itemsRead += submissions.data.length;
      for (const submission of submissions.data.filter((s) => waiting.includes(s.status))) {
        entries.push({
          tenantId: submission.tenantId,
          rule,
          occurrence: `${campaign.campaignId}#${occurrence}`,
          title: campaign.name,
          due: campaign.deadline,
          daysLeft: daysBetween(today, campaign.deadline),
          link: `/monitoring/${campaign.campaignId}`,
          regionLink: `/region/monitoring/${campaign.campaignId}`,
          statutory: true,
        });
      }
    };

    const all = await CampaignEntity.query.byId({ regionId: region.regionId }).go({ pages: "all" });
    itemsRead += all.data.length;
    const yesterday = addDays(today, -1);
    for (const campaign of all.data) {
      const published = campaign.status === "published" && campaign.publishedAt;
      if (published && todayIn(region.timeZone, new Date(published)) === yesterday)
        await remind(campaign, "campaign_published", "published");
    }
    for (const { date, daysLeft } of dates) {
      const campaigns = await CampaignEntity.query.byDueDate({ dueDate: date, regionId: region.regionId }).go({ pages: "all" });
      itemsRead += campaigns.data.length;
      for (const campaign of campaigns.data.filter((c) => c.status === "published")) {
        const rule = daysLeft < 0 ? "campaign_missed" : campaign.kind === "federal_count" ? "federal_count_due" : "campaign_due";
        await remind(campaign, rule, campaign.deadline);
      }
    }
    return { entries, itemsRead };
  },
};
