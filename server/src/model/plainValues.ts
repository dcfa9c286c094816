// Typed reads of the object as plain data (YAML 1.1 values). A rule only looks at a value of the
// type it expects: a value of the wrong type is reported once, by the schema checks.

export type Obj = Record<string, unknown>;

export function obj(v: unknown): Obj | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) ? (v as Obj) : undefined;
}

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function int(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

export function bool(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}

/** A map of strings (labels, annotations, nodeSelector): non-string values are left out. */
export function stringMap(v: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const o = obj(v);
  if (o) for (const [k, val] of Object.entries(o)) if (typeof val === 'string') out.set(k, val);
  return out;
}

/** True when the key is present with a non-null value (Go's "field is set"). */
export function has(o: Obj | undefined, key: string): boolean {
  return o !== undefined && Object.prototype.hasOwnProperty.call(o, key) && o[key] !== null && o[key] !== undefined;
}
