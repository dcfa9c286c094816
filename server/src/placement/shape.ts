// Runtime shape guards. The engine's inputs are typed, but they come from YAML and snapshot
// files: a field the types call a list can be a string at runtime. Every read of input goes
// through these guards so that odd shapes become "absent", never an exception.

export type UnknownRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as a record, or undefined when it is anything else. */
export function asRecord(value: unknown): UnknownRecord | undefined {
  return isRecord(value) ? value : undefined;
}

/** The value as an array, or an empty array when it is anything else. */
export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : EMPTY;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Own property read: a label named `constructor` must not find Object.prototype.constructor. */
export function own(record: UnknownRecord | undefined, key: string): unknown {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * A label map as the API holds it (string to string). Numbers and booleans, which a
 * hand-written snapshot may contain, are read as their text; other values are dropped.
 */
export function labelMap(value: unknown): Readonly<Record<string, string>> {
  if (!isRecord(value)) return EMPTY_LABELS;
  let clean = true;
  for (const key in value) {
    if (Object.hasOwn(value, key) && typeof value[key] !== 'string') {
      clean = false;
      break;
    }
  }
  if (clean) return value as Record<string, string>;
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (typeof v === 'string') out[key] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') out[key] = String(v);
  }
  return out;
}

/** The value as a label map to read with labelValue (no copy, no scan: this runs per node). */
export function labelRecord(value: unknown): Readonly<Record<string, unknown>> {
  return isRecord(value) ? value : EMPTY_LABELS;
}

/**
 * One label's value, or undefined. A single keyed read: a string is always the map's own
 * (plain objects inherit no strings); numbers and booleans from hand-written snapshots are
 * read as their text, and `constructor` or `__proto__` never find Object.prototype.
 */
export function labelValue(labels: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const v = labels[key];
  if (typeof v === 'string') return v;
  if ((typeof v === 'number' || typeof v === 'boolean') && Object.hasOwn(labels, key)) return String(v);
  return undefined;
}

/**
 * A resource quantity entry of a requests/limits/allocatable map, or undefined when absent.
 * Strings and numbers are read in one keyed load; anything else counts only if it is the map's own.
 */
export function quantityEntry(record: UnknownRecord, key: string): unknown {
  const v = record[key];
  if (typeof v === 'string' || typeof v === 'number') return v;
  return v !== undefined && Object.hasOwn(record, key) ? v : undefined;
}

/** Short, safe rendering of an arbitrary value for a detail text. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'nothing';
  try {
    const text = JSON.stringify(value);
    if (text === undefined) return typeof value;
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    return typeof value;
  }
}

const EMPTY: readonly unknown[] = Object.freeze([]);
const EMPTY_LABELS: Readonly<Record<string, string>> = Object.freeze({});
