/**
 * Sortable positions (fractional indexing): a key strictly between two neighbours can always be made, so moving an
 * item rewrites only that item. Keys are compared as plain strings (code-unit order), never with localeCompare.
 */
const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const BASE = DIGITS.length;
const digit = (key: string, i: number) => (i < key.length ? DIGITS.indexOf(key[i] as string) : -1);

/** A key k with before < k < after; either bound may be missing (start or end of the list). */
export function positionBetween(before?: string, after?: string): string {
  const lo = before ?? "";
  if (after !== undefined && after <= lo) throw new Error(`positionBetween: «${lo}» is not before «${after}»`);
  let result = "";
  for (let i = 0; ; i++) {
    const a = lo.length > i ? digit(lo, i) : 0;
    const b = after !== undefined && after.length > i ? digit(after, i) : BASE;
    if (b - a > 1) {
      const mid = Math.floor((a + b) / 2);
      return result + DIGITS[mid];
    }
    result += DIGITS[a];
    // The prefix now equals lo's prefix; once it is below after's prefix the upper bound no longer constrains us.
    if (after !== undefined && a < b) after = undefined;
  }
}

/** How many of its id's last characters a record's key ends with. */
const TAIL = 4;

/**
 * The key of a record placed at `index` among its siblings' `keys` (in order), ending in the last characters of its
 * own `id` (ULIDs: in the key alphabet): two records placed in the same gap at once (concurrent adds or moves) get
 * different keys unless their ids end alike (one chance in a million), and a key between two neighbours followed by
 * anything stays between them. Equal neighbour keys (left by such a chance, or by concurrent adds before keys had a
 * tail) have no key between them: the record then goes right after them.
 */
export function positionAt(keys: readonly string[], index: number, id: string): string {
  const before = keys[index - 1];
  const after = keys.slice(index).find((key) => before === undefined || key > before);
  return positionBetween(before, after) + id.slice(-TAIL);
}

/** `count` evenly spread keys for a fresh list (two characters each for up to 3 843 entries). */
export function initialPositions(count: number): string[] {
  const width = count < BASE - 1 ? 1 : 2;
  const span = BASE ** width;
  return Array.from({ length: count }, (_, i) => {
    let value = Math.floor(((i + 1) * span) / (count + 1));
    let key = "";
    for (let w = 0; w < width; w++) {
      key = DIGITS[value % BASE] + key;
      value = Math.floor(value / BASE);
    }
    return key;
  });
}
