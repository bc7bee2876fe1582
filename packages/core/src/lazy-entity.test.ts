import { Entity } from "electrodb";
import { describe, expect, it } from "vitest";
import { lazyEntity } from "./lazy-entity";

describe("lazyEntity", () => {
  it("builds the object on first use, once, and forwards reads, writes, keys and methods to it", () => {
    let built = 0;
    class Counter {
      count = 0;
      increment() {
        this.count += 1;
        return this;
      }
    }
    const counter = lazyEntity(() => {
      built += 1;
      return new Counter();
    });
    expect(built).toBe(0);
    const { increment } = counter;
    // Bound to the built object: ElectroDB's methods always see their own instance.
    expect(increment()).toBeInstanceOf(Counter);
    expect(counter.count).toBe(1);
    counter.count = 5;
    expect(counter.increment().count).toBe(6);
    expect(Object.keys(counter)).toEqual(["count"]);
    expect("increment" in counter).toBe(true);
    expect(counter instanceof Counter).toBe(true);
    expect(built).toBe(1);
  });

  it("serves as an ElectroDB entity: keys, params and parsing as the entity itself gives them", () => {
    const schema = {
      model: { entity: "thing", version: "1", service: "test" },
      attributes: { id: { type: "string", required: true }, name: { type: "string" } },
      indexes: { byId: { pk: { field: "pk", composite: ["id"] }, sk: { field: "sk", composite: [] } } },
    } as const;
    const eager = new Entity(schema, { table: "t" });
    const lazy = lazyEntity(() => new Entity(schema, { table: "t" }));
    expect(lazy.get({ id: "a" }).params()).toEqual(eager.get({ id: "a" }).params());
    expect(lazy.put({ id: "a", name: "б" }).params()).toEqual(eager.put({ id: "a", name: "б" }).params());
    const item = eager.put({ id: "a", name: "б" }).params().Item;
    expect(lazy.parse({ Item: item }).data).toEqual({ id: "a", name: "б" });
  });
});
