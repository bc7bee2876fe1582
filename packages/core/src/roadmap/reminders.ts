import { addDays } from "../dates";
import { type DueEntry, type ReminderSource, reminderOffsets } from "../reminders/sources";
import { Roadmap } from ".";

/**
 * Roadmap items due in 7, 3 and 1 days, and overdue by 1 and 7 days: one Query per date on the region's
 * due-date index, so only due items of that region are read.
 */
export const roadmapReminders: ReminderSource = {
  name: "roadmap",
  async collect(region, today) {
    const dates = [
      ...reminderOffsets.roadmap.map((days) => ({ date: addDays(today, days), daysLeft: days })),
      ...reminderOffsets.roadmapOverdue.map((days) => ({ date: addDays(today, -days), daysLeft: -days })),
    ];
    const entries: DueEntry[] = [];
    for (const { date, daysLeft } of dates) {
      for (const item of await Roadmap.dueBetween(region.regionId, date, date)) {
        entries.push({
          tenantId: item.tenantId,
          rule: daysLeft > 0 ? "roadmap_due" : "roadmap_overdue",
          occurrence: `${item.itemId}#${item.due}`,
          title: [item.number, item.name].filter(Boolean).join(" "),
          due: item.due,
          daysLeft,
          link: `/roadmaps/${item.roadmapId}#item-${item.itemId}`,
          regionLink: "/region/roadmaps",
          statutory: false,
        });
      }
    }
    return { entries, itemsRead: entries.length };
  },
};
