import { describe, expect, it } from "vitest";
import { createTestRegion, system } from "../../../scripts/test/fixtures";
import { storeMetrics } from "./dynamo";
import { Institution } from "./institution";

describe("store metrics (the cost of an operation in items read and written)", () => {
  it("counts transactional writes item by item and single-item reads", async () => {
    const { school } = await createTestRegion();
    const before = { ...storeMetrics };
    await system(() => Institution.find(school.tenantId));
    expect(storeMetrics.itemsRead - before.itemsRead).toBe(1);
    expect(storeMetrics.calls - before.calls).toBe(1);

    const beforeWrite = { ...storeMetrics };
    await system(() => Institution.createInRegion(school.regionId, { ...school, fullName: "Новая школа для счётчика", shortName: "НШ" }));
    // institution + name claim + audit event + the institution's summary for the region, in one transaction
    expect(storeMetrics.itemsWritten - beforeWrite.itemsWritten).toBe(4);
  });
});
