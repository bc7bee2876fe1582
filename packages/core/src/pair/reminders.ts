import { formatDate } from "../ru";
import { addDays } from "../dates";
import type { DueEntry, ReminderSource } from "../reminders/sources";
import { PairQuietEntity } from "./pair.entity";
import { INACTIVE_AFTER_DAYS } from "./rules";

/**
 * Pairs that reach 45 days without a meeting today: one Query on the region's quiet-date index. The digest names
 * no one (no personal data in email): it links to the pair page.
 */
export const quietPairReminders: ReminderSource = {
  name: "pairs",
  async collect(region, today) {
    const rows = await PairQuietEntity.query.byRegionDate({ regionId: region.regionId, quietOn: today }).go({ pages: "all" });
    const entries: DueEntry[] = rows.data.map((row) => ({
      tenantId: row.tenantId,
      rule: "pair_inactive",
      occurrence: `${row.pairId}#${row.quietOn}`,
      title: `Наставническая пара без встреч ${INACTIVE_AFTER_DAYS} дней (с ${formatDate(addDays(row.quietOn, -INACTIVE_AFTER_DAYS))})`,
      link: `/pairs/${row.pairId}`,
      statutory: false,
    }));
    return { entries, itemsRead: rows.data.length };
  },
};
