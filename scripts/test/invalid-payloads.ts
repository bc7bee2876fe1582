/**
 * Invalid request payloads and query strings derived from an operation's JSON schema, for the property-based fuzz
 * test of the API (functions/api/fuzz.test.ts).
 */
import fc from "fast-check";
import { type JsonSchema, sampleFromSchema } from "./schema-sample";

export type Schema = JsonSchema & {
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  maxLength?: number;
  additionalProperties?: boolean | JsonSchema;
  default?: unknown;
};

// ---------------------------------------------------------------------------------------------------------------
// Invalid payloads derived from a body schema.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonType = "null" | "boolean" | "number" | "string" | "array" | "object";
export type Case = { kind: string; text: string; checked: boolean };
type Field = { path: (string | number)[]; schema: Schema };

const jsonTypeOf = (value: unknown): JsonType =>
  value === null ? "null" : Array.isArray(value) ? "array" : (typeof value as "boolean" | "number" | "string" | "object");

/** The JSON types a schema admits, or undefined when it admits anything. */
function allowedTypes(schema: Schema): Set<JsonType> | undefined {
  if (schema.const !== undefined) return new Set([jsonTypeOf(schema.const)]);
  if (schema.enum) return new Set(schema.enum.map(jsonTypeOf));
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) {
    const sets = variants.map((v) => allowedTypes(v as Schema));
    if (sets.some((set) => !set)) return undefined;
    return new Set(sets.flatMap((set) => [...(set as Set<JsonType>)]));
  }
  if (!schema.type) return undefined;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return new Set(types.map((t) => (t === "integer" ? "number" : t) as JsonType));
}

/** Every field present in a value, with its schema (nested objects and the first element of arrays). */
function fieldsOf(schema: Schema, value: unknown, path: (string | number)[] = [], depth = 0): Field[] {
  if (depth > 4) return [];
  const variant = (schema.anyOf ?? schema.oneOf)?.find((v) => allowedTypes(v as Schema)?.has(jsonTypeOf(value))) as Schema | undefined;
  const s = variant ?? schema;
  if (value && typeof value === "object" && !Array.isArray(value) && s.properties) {
    return Object.entries(s.properties).flatMap(([key, sub]) =>
      key in value
        ? [
            { path: [...path, key], schema: sub as Schema },
            ...fieldsOf(sub as Schema, (value as Record<string, unknown>)[key], [...path, key], depth + 1),
          ]
        : [],
    );
  }
  if (Array.isArray(value) && s.items && value.length > 0) {
    return [{ path: [...path, 0], schema: s.items as Schema }, ...fieldsOf(s.items as Schema, value[0], [...path, 0], depth + 1)];
  }
  return [];
}

/** The objects of a value (with their schema) that reject unknown properties. */
function strictObjectsOf(schema: Schema, value: unknown): Field[] {
  const root = schema.additionalProperties === false && jsonTypeOf(value) === "object" ? [{ path: [], schema }] : [];
  return [
    ...root,
    ...fieldsOf(schema, value).filter((f) => f.schema.additionalProperties === false && jsonTypeOf(getAt(value, f.path)) === "object"),
  ];
}

function getAt(value: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((v, key) => (v as Record<string | number, unknown>)?.[key], value);
}
function setAt(value: Json, path: (string | number)[], next: Json | undefined): Json {
  const copy = structuredClone(value);
  if (path.length === 0) return next ?? null;
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path[path.length - 1] as string | number;
  if (next === undefined) delete parent[key];
  else parent[key] = next;
  return copy;
}

const HUGE = "я".repeat(50_000);
const jsonValue = (type: JsonType): fc.Arbitrary<Json> => {
  switch (type) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "number":
      return fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-1, 0, 1e308));
    case "string":
      return fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: "grapheme", maxLength: 20 }), fc.constant(HUGE));
    case "array":
      return fc.array(fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, { maxLength: 4 });
    default:
      return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, { maxKeys: 4 });
  }
};
const ALL_TYPES: JsonType[] = ["null", "boolean", "number", "string", "array", "object"];
const nested = (depth: number, kind: "array" | "object"): Json => {
  let value: Json = kind === "array" ? [] : {};
  for (let i = 0; i < depth; i++) value = kind === "array" ? [value] : { a: value };
  return value;
};
const garbage: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json>,
  fc.tuple(fc.integer({ min: 20, max: 2000 }), fc.constantFrom("array" as const, "object" as const)).map(([d, k]) => nested(d, k)),
);
const badEmails = ["not-an-email", "ivanova@", "@school.ru", "иванова@школа", "a b@school.ru", "ivanova@school", "a@b.c", ""];
const badDates = [
  "2026-02-30",
  "2026-13-01",
  "2026-00-10",
  "31.12.2026",
  "2026-1-1",
  "20261201",
  "завтра",
  "2026-12-01T25:61:00Z",
  "0000-00-00",
];
const malformedJson = [
  "{",
  '{"a":',
  "{'a': 1}",
  "[1, 2",
  "undefined",
  "NaN",
  '{"a": 1,}',
  "",
  "nul",
  '{"a": "\\x"}',
  "{}}",
  '"unterminated',
];
/** Fields holding an ISO date (deadline texts are free text parsed by the roadmap module, not dates). */
const looksLikeDate = (name: string) => /(^date$|Date$|At$|^period(Start|End)$)/.test(name);

/**
 * Invalid payloads for one body schema. Structural mutations are `checked`: the test keeps them only when the route's
 * own validator rejects them (fc.pre), so each one is truly invalid; calendar-impossible dates and malformed JSON are
 * sent unchecked: if validation let one through, the handler must still refuse it without writing.
 */
export function invalidPayloadOptions(schema: Schema): fc.Arbitrary<Case>[] {
  const sample = sampleFromSchema(schema) as Json;
  const text = JSON.stringify(sample);
  const fields = fieldsOf(schema, sample);
  const typed = fields.filter((f) => allowedTypes(f.schema));
  const strings = fields.filter((f) => allowedTypes(f.schema)?.has("string") && allowedTypes(f.schema)?.size === 1);
  const mutate = (kind: string, arbitrary: fc.Arbitrary<Json>) =>
    arbitrary.map((value) => ({ kind, text: JSON.stringify(value), checked: true }));
  const pickField = (list: Field[]) => fc.constantFrom(...list);
  const options: fc.Arbitrary<Case>[] = [];

  const rootTypes = allowedTypes(schema);
  options.push(mutate("not an object", fc.oneof(...ALL_TYPES.filter((t) => !rootTypes?.has(t)).map(jsonValue))));
  const required = (schema.required ?? []).filter((key) => (schema.properties?.[key] as Schema | undefined)?.default === undefined);
  if (required.length)
    options.push(
      mutate(
        "missing required field",
        fc.constantFrom(...required).map((key) => setAt(sample, [key], undefined)),
      ),
    );
  if (typed.length) {
    options.push(
      mutate(
        "wrong type",
        pickField(typed).chain((f) =>
          fc
            .constantFrom(...ALL_TYPES.filter((t) => !allowedTypes(f.schema)?.has(t)))
            .chain(jsonValue)
            .map((v) => setAt(sample, f.path, v)),
        ),
      ),
    );
    options.push(
      mutate(
        "nested garbage",
        fc.tuple(pickField(typed), garbage).map(([f, v]) => setAt(sample, f.path, v)),
      ),
    );
  }
  const limited = strings.filter((f) => f.schema.maxLength !== undefined);
  if (limited.length) {
    options.push(
      mutate(
        "string too long",
        fc
          .tuple(pickField(limited), fc.integer({ min: 1, max: 5000 }))
          .map(([f, extra]) => setAt(sample, f.path, "я".repeat((f.schema.maxLength ?? 0) + extra))),
      ),
    );
  }
  const nonEmpty = strings.filter((f) => (f.schema.minLength ?? 0) >= 1);
  if (nonEmpty.length)
    options.push(
      mutate(
        "empty string",
        fc.tuple(pickField(nonEmpty), fc.constantFrom("", "   ", "\t\n")).map(([f, v]) => setAt(sample, f.path, v)),
      ),
    );
  const numbers = fields.filter(
    (f) => allowedTypes(f.schema)?.has("number") && (f.schema.minimum !== undefined || f.schema.maximum !== undefined),
  );
  if (numbers.length) {
    options.push(
      mutate(
        "number out of range",
        fc.tuple(pickField(numbers), fc.integer({ min: 1, max: 1_000_000 }), fc.boolean()).map(([f, by, below]) => {
          const low = f.schema.minimum !== undefined ? f.schema.minimum - by : undefined;
          const high = f.schema.maximum !== undefined ? f.schema.maximum + by : undefined;
          return setAt(sample, f.path, (below ? (low ?? high) : (high ?? low)) as number);
        }),
      ),
    );
  }
  const integers = fields.filter((f) => f.schema.type === "integer");
  if (integers.length)
    options.push(
      mutate(
        "not an integer",
        fc.tuple(pickField(integers), fc.constantFrom(1.5, 2.000001, -0.5)).map(([f, v]) => setAt(sample, f.path, v)),
      ),
    );
  const enums = fields.filter((f) => f.schema.enum || f.schema.const !== undefined);
  if (enums.length) {
    options.push(
      mutate(
        "invalid enum value",
        fc
          .tuple(pickField(enums), fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("ADMIN", "platform_admin", "__proto__")))
          .map(([f, v]) => setAt(sample, f.path, v)),
      ),
    );
  }
  const emails = strings.filter((f) => f.schema.format === "email");
  if (emails.length)
    options.push(
      mutate(
        "invalid email",
        fc.tuple(pickField(emails), fc.constantFrom(...badEmails)).map(([f, v]) => setAt(sample, f.path, v)),
      ),
    );
  const patterned = strings.filter((f) => f.schema.pattern);
  if (patterned.length) {
    options.push(
      mutate(
        "pattern mismatch",
        fc
          .tuple(pickField(patterned), fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...badDates, ...badEmails)))
          .filter(([f, v]) => !new RegExp(f.schema.pattern as string, "u").test(v))
          .map(([f, v]) => setAt(sample, f.path, v)),
      ),
    );
  }
  const strict = strictObjectsOf(schema, sample);
  if (strict.length && required.length) {
    options.push(
      mutate(
        "unknown property with a huge string",
        fc
          .tuple(
            pickField(strict),
            fc.constantFrom("constructor", "tenantId", "regionId", "role", "version2", "x".repeat(500)),
            fc.constantFrom(HUGE, "x", 0),
            fc.constantFrom(...required),
          )
          .filter(([f, key]) => !(key in (f.schema.properties ?? {})))
          // Unknown properties are stripped, not refused (zod objects are not strict): with a required field missing too.
          .map(([f, key, v, missing]) => setAt(setAt(sample, [...f.path, key], v as Json), [missing], undefined)),
      ),
    );
  }
  const dates = strings.filter((f) => looksLikeDate(String(f.path[f.path.length - 1])) && !f.schema.enum);
  if (dates.length) {
    options.push(
      fc
        .tuple(pickField(dates), fc.constantFrom(...badDates))
        .map(([f, v]) => ({ kind: "invalid date", text: JSON.stringify(setAt(sample, f.path, v)), checked: false })),
    );
  }
  options.push(
    fc
      .oneof(
        fc.constantFrom(...malformedJson),
        fc.integer({ min: 1, max: Math.max(1, text.length - 1) }).map((n) => text.slice(0, n)),
      )
      .map((t) => ({ kind: "malformed JSON", text: t, checked: false })),
  );
  return options;
}

export function invalidPayloads(schema: Schema): fc.Arbitrary<Case> {
  return fc.oneof(...invalidPayloadOptions(schema));
}

// ---------------------------------------------------------------------------------------------------------------
// Query strings for GET operations: documented names and unknown ones, with hostile values and broken encodings.

const rawQueryValue = fc.oneof(
  fc.string({ maxLength: 16 }).map(encodeURIComponent),
  fc.string({ unit: "grapheme", maxLength: 16 }).map(encodeURIComponent),
  fc.constantFrom("%", "%E0%A4%A", "%ZZ", "%00", "%C0%AF", "%FF%FE", "a%2", "-1", "1e309", "NaN", "true", "2026-02-30", "[]", "{}"),
  fc.constant(encodeURIComponent(HUGE.slice(0, 4000))),
);
export function queryStrings(names: string[]): fc.Arbitrary<string> {
  const name = fc.oneof(
    ...(names.length ? [fc.constantFrom(...names)] : []),
    fc.constantFrom("tenantId", "regionId", "__proto__", "constructor", "cursor", "limit", "q"),
    fc.string({ maxLength: 8 }).map(encodeURIComponent),
  );
  const many = fc
    .array(fc.tuple(name, rawQueryValue), { minLength: 1, maxLength: 6 })
    .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("&"));
  // One documented parameter alone: when its value passes validation the request reaches the handler.
  if (names.length === 0) return many;
  return fc.oneof(
    fc.tuple(fc.constantFrom(...names), rawQueryValue).map(([k, v]) => `${k}=${v}`),
    many,
  );
}
