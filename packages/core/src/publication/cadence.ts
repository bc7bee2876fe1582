/** How regularly an institution publishes about its mentoring (pure: no server imports, the web app may read it too). */
import { daysBetween } from "../dates";
import { PUBLICATION_INTERVAL_DAYS, type PublicationStatus } from "./labels";

/** What the status and the cadence read of a publication. */
type Dated = { date: string; status?: PublicationStatus | undefined };

/**
 * A publication's status: the one recorded or, when there is none (one recorded before statuses were kept, or an
 * input that leaves it out), by its date: today or earlier is published, later is planned.
 */
export function statusOf(publication: Dated, today: string): PublicationStatus {
  return publication.status ?? (publication.date <= today ? "published" : "planned");
}

/**
 * Over all the institution's publications: the last published one dated today or earlier (a planned one does not
 * count, not even once its date has passed), the days since, and whether the weekly rule is broken (nothing published
 * yet counts as broken).
 */
export type PublicationCadence = { today: string; lastPublished?: string; daysSinceLast?: number; overdue: boolean };

export function cadenceOf(publications: readonly Dated[], today: string): PublicationCadence {
  const lastPublished = publications
    .filter((publication) => publication.date <= today && statusOf(publication, today) === "published")
    .map((publication) => publication.date)
    .sort()
    .at(-1);
  if (!lastPublished) return { today, overdue: true };
  const daysSinceLast = daysBetween(lastPublished, today);
  return { today, lastPublished, daysSinceLast, overdue: daysSinceLast > PUBLICATION_INTERVAL_DAYS };
}
