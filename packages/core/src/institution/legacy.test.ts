import { describe, expect, it } from "vitest";
import { createTestRegion } from "../../../../scripts/test/fixtures";
import { UniqueEntity } from "../region/region.entity";
import { shortNameClaim } from ".";
import { InstitutionEntity } from "./institution.entity";
import { claimShortName } from "./legacy";

describe("claimShortName", () => {
  it("claims the short name of an institution created before short names were unique, once; two alike are a conflict", async () => {
    const { region, school, college } = await createTestRegion();
    // As an earlier version left them: no short-name claims, and the college with the school's short name.
    for (const { tenantId, shortName } of [school, college]) {
      await UniqueEntity.delete(shortNameClaim(region.regionId, shortName, tenantId)).go();
    }
    await InstitutionEntity.patch({ tenantId: college.tenantId }).set({ shortName: school.shortName }).go();

    expect(await claimShortName(school.tenantId)).toBe("claimed");
    expect(await claimShortName(school.tenantId)).toBe("held");
    expect(await claimShortName(college.tenantId)).toBe("conflict");
    const { scope, value } = shortNameClaim(region.regionId, school.shortName, school.tenantId);
    const holder = await UniqueEntity.get({ scope, value }).go();
    expect(holder.data?.ownerId).toBe(school.tenantId);
  });
});
