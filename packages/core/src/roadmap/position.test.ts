import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { initialPositions, positionBetween } from "./position";

describe("positions", () => {
  it.each([
    [undefined, undefined],
    ["V", undefined],
    [undefined, "V"],
    ["V", "W"],
    ["V", "V0V"],
    ["0", "01"],
    ["z", undefined],
    ["zz", undefined],
  ])("between %s and %s", (before, after) => {
    const key = positionBetween(before, after);
    if (before !== undefined) expect(key > before).toBe(true);
    if (after !== undefined) expect(key < after).toBe(true);
  });

  it("initial positions are sorted and unique", () => {
    for (const n of [1, 5, 60, 61, 62, 500]) {
      const keys = initialPositions(n);
      expect([...keys].sort()).toEqual(keys);
      expect(new Set(keys).size).toBe(n);
      expect(keys[0]! > "0").toBe(true);
    }
  });

  it("repeated insertion at the front, the back and between always stays ordered", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 60 }), (choices) => {
        const list = initialPositions(2);
        for (const choice of choices) {
          const at = choice % (list.length + 1);
          list.splice(at, 0, positionBetween(list[at - 1], list[at]));
        }
        expect([...list].sort()).toEqual(list);
        expect(new Set(list).size).toBe(list.length);
      }),
    );
  });
});
