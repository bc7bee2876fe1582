import { withActor } from "@rnc/core";
import { todayIn } from "@rnc/core/dates";
import { Institution } from "@rnc/core/institution";
import { Region } from "@rnc/core/region";
import { Roadmap } from "@rnc/core/roadmap";

/**
 * The demo roadmap of an institution: the default template anchored to `academicYear` (e.g. "2026/27"), with the first
 * items of section 1 done (on time), one in progress. Trusted code: runs as the system actor inside the institution.
 */
export async function seedDemoRoadmap(tenantId: string, academicYear: string): Promise<string> {
  const institution = await withActor({ type: "system", properties: {} }, () => Institution.find(tenantId));
  if (!institution) throw new Error(`seedDemoRoadmap: no institution ${tenantId}`);
  return withActor({ type: "system", properties: { tenantId, regionId: institution.regionId } }, async () => {
    const roadmap = await Roadmap.fromTemplate({ academicYear });
    await Roadmap.update(roadmap.roadmapId, {
      version: roadmap.version,
      status: "approved",
      approvedBy: "Директор",
      approvedAt: `${academicYear.slice(0, 4)}-09-01`,
      approvalAct: "Приказ № 1",
    });
    const [first, second, third] = roadmap.sections[0]?.items ?? [];
    const region = await Region.get(institution.regionId);
    const today = todayIn(region.timeZone);
    for (const item of [first, second]) {
      // Done on its due date, or today if that is still ahead (a completion date cannot be in the future).
      const due = item?.occurrences[0]?.due;
      if (item)
        await Roadmap.updateItem(roadmap.roadmapId, item.itemId, {
          version: item.version,
          status: "done",
          ...(due ? { completedAt: due.localeCompare(today) < 0 ? due : today } : {}),
        });
    }
    if (third) await Roadmap.updateItem(roadmap.roadmapId, third.itemId, { version: third.version, status: "in_progress" });
    return roadmap.roadmapId;
  });
}
