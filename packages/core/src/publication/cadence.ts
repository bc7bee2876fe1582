/** How regularly an institution publishes about its mentoring (pure: no server imports, the web app may read it too). */
import { daysBetween } from "../dates";
import { PUBLICATION_INTERVAL_DAYS } from "./labels";

/**
 * Over all the institution's publications: the last one dated today or earlier (later ones are planned), the days
 * since, and whether the weekly rule is broken (nothing published yet counts as broken).
 */
export type PublicationCadence = { today: string; lastPublished?: string; daysSinceLast?: number; overdue: boolean };

export function cadenceOf(dates: readonly string[], today: string): PublicationCadence {
  const lastPublished = dates
    .filter((date) => date <= today)
    .sort()
    .at(-1);
  if (!lastPublished) return { today, overdue: true };
  const daysSinceLast = daysBetween(lastPublished, today);
  return { today, lastPublished, daysSinceLast, overdue: daysSinceLast > PUBLICATION_INTERVAL_DAYS };
}
