/**
 * An edit that replaces a record's fields (a PUT): what to SET (the values given; an empty text is not given) and
 * which of its optional fields to REMOVE (left out now, present before).
 */
export function replacement<Row extends object, Key extends keyof Row & string>(
  row: Row,
  values: Record<string, unknown>,
  optional: readonly Key[],
): { set: Record<string, unknown>; cleared: Key[] } {
  const set = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== ""));
  return { set, cleared: optional.filter((key) => set[key] === undefined && row[key] !== undefined) };
}
