import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { initialPositions, positionAt, positionBetween } from "./position";

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

  it.each([
    { keys: [], index: 0, expected: [undefined, undefined] },
    { keys: ["V"], index: 1, expected: ["V", undefined] },
    { keys: ["V", "k"], index: 1, expected: ["V", "k"] },
    // Equal neighbours (two concurrent adds before keys had a tail): the key goes right after them, never throws.
    { keys: ["F", "V", "V", "k"], index: 2, expected: ["V", "k"] },
    { keys: ["F", "V", "V"], index: 2, expected: ["V", undefined] },
  ])("a key at $index among $keys lies strictly between $expected and ends in the id's tail", ({ keys, index, expected }) => {
    const key = positionAt(keys, index, "rmi_01jz0000000000000000000abc");
    const [before, after] = expected;
    expect(key.endsWith("0abc")).toBe(true);
    if (before !== undefined) expect(key > before).toBe(true);
    if (after !== undefined) expect(key < after).toBe(true);
  });

  it("two records placed in the same gap at once get different keys, both in the gap", () => {
    const keys = ["V", "k"];
    const [a, b] = [positionAt(keys, 1, "rmi_01jz00000000000000000000aa"), positionAt(keys, 1, "rmi_01jz00000000000000000000bb")];
    expect(a).not.toBe(b);
    for (const key of [a, b]) expect(key > "V" && key < "k").toBe(true);
    // A third record can be placed between them.
    const [low, high] = [a, b].sort();
    const between = positionAt([...keys, low as string, high as string].sort(), 2, "rmi_01jz00000000000000000000cc");
    expect(between > (low as string) && between < (high as string)).toBe(true);
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

  it("the same with keys that end in ids' tails", () => {
    const tail = fc.string({ unit: fc.constantFrom(..."0123456789abcdefghjkmnpqrstvwxyz"), minLength: 4, maxLength: 4 });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), tail), { minLength: 1, maxLength: 60 }), (choices) => {
        const list = initialPositions(2);
        for (const [choice, id] of choices) {
          const at = choice % (list.length + 1);
          const key = positionAt(list, at, id);
          if (at > 0) expect(key > (list[at - 1] as string)).toBe(true);
          if (at < list.length) expect(key < (list[at] as string)).toBe(true);
          list.splice(at, 0, key);
        }
      }),
    );
  });
});
