import { describe, expect, it } from "vitest";
import { createTestRegion, system } from "../../../scripts/test/fixtures";
import { BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
import { ddb, getItems, storeMetrics, tableName } from "./dynamo";
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
    // institution + its full and short name claims + audit event + the institution's summary, in one transaction
    expect(storeMetrics.itemsWritten - beforeWrite.itemsWritten).toBe(5);
  });
});

describe("getItems (batch reads by key)", () => {
  it("reads 250 keys in three BatchGetItems, in the keys' order, missing ones undefined", async () => {
    const pk = `T#getitems-${Date.now()}`;
    const keys = Array.from({ length: 250 }, (_, i) => ({ pk, sk: `K#${String(i).padStart(3, "0")}` }));
    for (let i = 0; i < keys.length; i += 25) {
      const chunk = keys.slice(i, i + 25).filter((_, j) => (i + j) % 7 !== 0);
      await ddb.send(
        new BatchWriteCommand({
          RequestItems: {
            [tableName()]: chunk.map((key) => ({ PutRequest: { Item: { ...key, n: Number(key.sk.slice(2)), note: "x".repeat(50) } } })),
          },
        }),
      );
    }
    const before = { batches: storeMetrics.byOperation.BatchGet ?? 0 };
    const order = [...keys].reverse();
    const items = await getItems(order, { consistent: true });
    expect((storeMetrics.byOperation.BatchGet ?? 0) - before.batches).toBe(3);
    expect(items.map((item) => (item ? item.n : undefined))).toEqual(
      order.map((key) => (Number(key.sk.slice(2)) % 7 === 0 ? undefined : Number(key.sk.slice(2)))),
    );

    const projected = await getItems(keys.slice(1, 3), { attributes: ["n"] });
    expect(projected).toEqual([
      { pk, sk: "K#001", n: 1 },
      { pk, sk: "K#002", n: 2 },
    ]);
  });
});
