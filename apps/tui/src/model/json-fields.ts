// Reading fields out of JSON written by another program (or another version of it): a missing or
// mistyped field becomes undefined (or NaN), never an exception, so one odd file cannot take a
// screen down. NaN is written to JSON as null, which reads back as NaN here.

export type JsonObject = Readonly<Record<string, unknown>>;

export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

export function asNumber(value: unknown): number {
  return typeof value === "number" ? value : Number.NaN;
}

export function asOptionalNumber(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}
