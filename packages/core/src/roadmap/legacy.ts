import { ignoreFailedCondition } from "../dynamo";
import { RoadmapEntity, RoadmapPendingEntity } from "./roadmap.entity";

/**
 * Migration (`npm run migrate`): imports that failed before pending notes existed left invisible `importing` roadmaps
 * with no note. Each gets one, dated when it was created, so the recovery job discards it. Idempotent: a note already
 * there is kept.
 */
export async function noteStrandedImports(tenantId: string): Promise<number> {
  const headers = (await RoadmapEntity.query.byId({ tenantId }).go({ pages: "all" })).data;
  let noted = 0;
  for (const { regionId, roadmapId, createdAt } of headers.filter((row) => row.status === "importing")) {
    await RoadmapPendingEntity.create({ tenantId, regionId, roadmapId, operation: "import", startedAt: createdAt })
      .go()
      .then(() => (noted += 1), ignoreFailedCondition);
  }
  return noted;
}
