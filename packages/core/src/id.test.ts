import { describe, expect, it } from "vitest";
import { createId, isId } from "./id";

describe("createId", () => {
  it("gives prefixed, time-sorted, unique ULIDs", () => {
    const ids = Array.from({ length: 5000 }, () => createId("participant"));
    expect(ids.every((id) => isId("participant", id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const times = ids.map((id) => id.slice(4, 14));
    expect([...times].sort()).toEqual(times);
  });

  it("draws every character of the random part from the whole alphabet, evenly", () => {
    // 5000 ids × 16 random characters; each of the 32 characters is expected 2500 times.
    const counts = new Map<string, number>();
    for (let i = 0; i < 5000; i++) {
      for (const char of createId("pair").slice(14)) counts.set(char, (counts.get(char) ?? 0) + 1);
    }
    expect(counts.size).toBe(32);
    for (const count of counts.values()) expect(Math.abs(count - 2500)).toBeLessThan(400);
  });
});
