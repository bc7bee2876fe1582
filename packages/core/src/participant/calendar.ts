import { peekActor } from "../actor";
import { RegionEntity } from "../region/region.entity";
import { type Calendar, DEFAULT_TIME_ZONE, todayIn } from "../dates";
/**
 * Regions' time zones, kept for five minutes: they practically never change, and a change reaches every running
 * instance within that time.
 */
const ZONE_TTL_MS = 5 * 60_000;
/** The read itself is kept, so requests that ask at once share one GetItem; a failed read is not kept. */
const zones = new Map<string, { zone: Promise<string>; until: number }>();

/** A region's time zone (one GetItem at most every five minutes per instance). */
export function timeZoneOf(regionId: string): Promise<string> {
  const cached = zones.get(regionId);
  if (cached && cached.until > Date.now()) return cached.zone;
  const zone = RegionEntity.get({ regionId })
    .go()
    .then((found) => found.data?.timeZone ?? DEFAULT_TIME_ZONE);
  const entry = { zone, until: Date.now() + ZONE_TTL_MS };
  zones.set(regionId, entry);
  zone.catch(() => {
    if (zones.get(regionId) === entry) zones.delete(regionId);
  });
  return zone;
}

/** The time zone of the current actor's region. */
export async function regionTimeZone(): Promise<string> {
  const actor = peekActor();
  const regionId = actor && actor.type !== "public" ? actor.properties.regionId : undefined;
  return regionId ? timeZoneOf(regionId) : DEFAULT_TIME_ZONE;
}

/** The current actor's region's calendar: its today and its time zone. */
export async function regionCalendar(now: Date = new Date()): Promise<Calendar> {
  const timeZone = await regionTimeZone();
  return { today: todayIn(timeZone, now), timeZone };
}

/** Today's date (ГГГГ-ММ-ДД) in the region's calendar. */
export async function regionToday(now: Date = new Date()): Promise<string> {
  return (await regionCalendar(now)).today;
}
