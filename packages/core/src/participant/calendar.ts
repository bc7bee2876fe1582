import { peekActor } from "../actor";
import { RegionEntity } from "../region/region.entity";
import { todayIn } from "../dates";

const DEFAULT_TIME_ZONE = "Europe/Moscow";
const zones = new Map<string, string>();

/** The time zone of the current actor's region (cached: it practically never changes). */
export async function regionTimeZone(): Promise<string> {
  const actor = peekActor();
  const regionId = actor && actor.type !== "public" ? actor.properties.regionId : undefined;
  if (!regionId) return DEFAULT_TIME_ZONE;
  const cached = zones.get(regionId);
  if (cached) return cached;
  const zone = (await RegionEntity.get({ regionId }).go()).data?.timeZone ?? DEFAULT_TIME_ZONE;
  zones.set(regionId, zone);
  return zone;
}

/** Today's date (ГГГГ-ММ-ДД) in the region's calendar. */
export async function regionToday(now: Date = new Date()): Promise<string> {
  return todayIn(await regionTimeZone(), now);
}
