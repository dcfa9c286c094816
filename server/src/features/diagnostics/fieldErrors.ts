// The wording of Kubernetes field errors (k8s.io/apimachinery/pkg/util/validation/field,
// errors.go: ErrorType.String and Error.ErrorBody), so a diagnostic reads like the API server's
// answer: "<path>: Unsupported value: "Never": supported values: "Always"". The path prefix is
// added by the caller; these build the body.

/** How field.Error prints a bad value: strings quoted, numbers and booleans bare. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null || value === undefined) return 'null';
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** field.Required */
export function required(detail = ''): string {
  return detail ? `Required value: ${detail}` : 'Required value';
}

/** field.Invalid */
export function invalid(value: unknown, detail: string): string {
  return `Invalid value: ${formatValue(value)}: ${detail}`;
}

/** field.NotSupported */
export function notSupported(value: unknown, supported: readonly string[]): string {
  const list = supported.map((s) => JSON.stringify(s)).join(', ');
  return `Unsupported value: ${formatValue(value)}: supported values: ${list}`;
}

/** field.Duplicate */
export function duplicate(value: unknown): string {
  return `Duplicate value: ${formatValue(value)}`;
}

/** field.NotFound */
export function notFound(value: unknown): string {
  return `Not found: ${formatValue(value)}`;
}

/** field.Forbidden */
export function forbidden(detail: string): string {
  return `Forbidden: ${detail}`;
}

/** field.TooMany(path, actualQuantity, maxQuantity) */
export function tooMany(actual: number, max: number): string {
  return `Too many: ${actual}: must have at most ${max} items`;
}

/** field.TooLong with a byte limit (ValidateAnnotations' total size). */
export function tooLongBytes(limit: number): string {
  return `Too long: may not be more than ${limit} bytes`;
}

/** validation.InclusiveRangeError */
export function inclusiveRange(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`;
}

/** apimachineryvalidation.IsNegativeErrorMsg */
export const IS_NEGATIVE = 'must be greater than or equal to 0';

/** validation.MaxLenError */
export function maxLen(length: number): string {
  return `must be no more than ${length} characters`;
}

/** validation.RegexError */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}
