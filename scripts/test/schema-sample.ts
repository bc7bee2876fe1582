/** Minimal JSON Schema shape, as produced by zod's toJSONSchema for request bodies. */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  minLength?: number;
  pattern?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

/** A plausible valid value for a schema: used to reach handlers past validation in matrix and fuzz tests. */
export function sampleFromSchema(schema: JsonSchema, name = ""): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const variant = schema.anyOf?.[0] ?? schema.oneOf?.[0] ?? schema.allOf?.[0];
  if (variant) return sampleFromSchema(variant, name);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "object":
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, sampleFromSchema(value, key)]));
    case "array":
      return schema.items ? [sampleFromSchema(schema.items, name)] : [];
    case "integer":
    case "number":
      return Math.max(schema.minimum ?? 0, name.toLowerCase().includes("version") ? 1 : 1);
    case "boolean":
      return true;
    case "string":
      if (schema.format === "email") return `sample.${name || "x"}@example.org`;
      if (schema.format === "date") return "2026-12-01";
      if (schema.format === "date-time") return "2026-12-01T09:00:00.000Z";
      if (/zone/i.test(name)) return "Europe/Moscow";
      if (/password/i.test(name)) return "sample-password-1";
      if (/code/i.test(name)) return "123456";
      return "Пример".padEnd(Math.max(schema.minLength ?? 0, 6), "я");
    default:
      return null;
  }
}
