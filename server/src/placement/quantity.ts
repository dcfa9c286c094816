// Kubernetes resource quantities ("100m", "1Gi", "1e3", 2).
//
// Grammar and rounding mirror k8s.io/apimachinery/pkg/api/resource: ParseQuantity with its
// scanner parseQuantityString and the suffix table of suffix.go; Quantity.UnmarshalJSON trims
// spaces first. MilliValue/Value round up, as the scheduler's framework.Resource does when it
// turns requests into integers.
//
//   <quantity>     ::= <sign>? <digits>? ( "." <digits>? )? <suffix>
//   <suffix>       ::= "" | n | u | m | k | M | G | T | P | E      (decimal SI)
//                    | Ki | Mi | Gi | Ti | Pi | Ei                (binary SI)
//                    | ( "e" | "E" ) <sign>? <digits>             (decimal exponent)

/** A quantity split into its exact parts: value = ±digits × 10^-fraction × base^exponent. */
export interface ParsedQuantity {
  negative: boolean;
  /** Integer and fraction digits run together, leading zeros stripped ("" when zero). */
  digits: string;
  /** How many of `digits` are after the decimal point. */
  fraction: number;
  base: 10 | 2;
  exponent: number;
}

/** Parses a quantity as the API server does, or returns undefined for what it would reject. */
export function parseQuantityParts(input: unknown): ParsedQuantity | undefined {
  let str: string;
  if (typeof input === 'string') str = input.trim();
  else if (typeof input === 'number' && Number.isFinite(input)) str = String(input);
  else return undefined;
  if (str.length === 0) return undefined;

  const end = str.length;
  let pos = 0;
  let negative = false;
  if (str[0] === '-') {
    negative = true;
    pos++;
  } else if (str[0] === '+') {
    pos++;
  }
  while (pos < end && str.charCodeAt(pos) === 48 /* 0 */) pos++;
  // parseQuantityString: a sign and zeros alone ("+", "-", "000") read as zero.
  if (pos >= end) return { negative, digits: '', fraction: 0, base: 10, exponent: 0 };

  const numStart = pos;
  while (pos < end && isDigit(str.charCodeAt(pos))) pos++;
  const num = str.slice(numStart, pos);
  let denom = '';
  if (pos < end && str[pos] === '.') {
    pos++;
    const denomStart = pos;
    while (pos < end && isDigit(str.charCodeAt(pos))) pos++;
    denom = str.slice(denomStart, pos);
  }

  const suffixStart = pos;
  while (pos < end && SUFFIX_LETTERS.includes(str[pos] as string)) pos++;
  if (pos < end && (str[pos] === '+' || str[pos] === '-')) pos++;
  while (pos < end && isDigit(str.charCodeAt(pos))) pos++;
  if (pos < end) return undefined;

  const suffix = str.slice(suffixStart);
  const interpreted = interpretSuffix(suffix);
  if (interpreted === undefined) return undefined;

  const digits = stripLeadingZeros(num + denom);
  return { negative, digits, fraction: denom.length, base: interpreted.base, exponent: interpreted.exponent };
}

/** True when the API server would accept the value as a quantity. */
export function isValidQuantity(input: unknown): boolean {
  return parseQuantityParts(input) !== undefined;
}

/**
 * The quantity as a number in its base unit (cores for cpu, bytes for memory), approximate
 * beyond 2^53; undefined when invalid. For exact integer amounts use quantityValue/MilliValue.
 */
export function parseQuantity(input: unknown): number | undefined {
  const p = parseQuantityParts(input);
  if (p === undefined) return undefined;
  if (p.digits === '') return 0;
  const intPart = p.digits.length > p.fraction ? p.digits.slice(0, p.digits.length - p.fraction) : '0';
  const fracPart =
    p.digits.length > p.fraction ? p.digits.slice(p.digits.length - p.fraction) : p.digits.padStart(p.fraction, '0');
  const mantissa = Number(`${intPart}.${fracPart || '0'}`);
  const value = p.base === 2 ? mantissa * 2 ** p.exponent : mantissa * 10 ** p.exponent;
  return p.negative ? -value : value;
}

/** Quantity.Value(): the amount in base units rounded up to an integer. */
export function quantityValue(input: unknown): number | undefined {
  const p = parseQuantityParts(input);
  return p === undefined ? undefined : scaledValue(p, 0);
}

/** Quantity.MilliValue(): the amount in thousandths rounded up (millicores for cpu). */
export function quantityMilliValue(input: unknown): number | undefined {
  const p = parseQuantityParts(input);
  return p === undefined ? undefined : scaledValue(p, 3);
}

/**
 * ceil(value × 10^scale), exact while the result fits in 2^53 (a BigInt path covers the
 * rest). The scheduler turns every request into such integers before comparing.
 */
export function scaledValue(p: ParsedQuantity, scale: number): number {
  if (p.digits === '') return 0;
  const sign = p.negative ? -1 : 1;
  if (p.digits.length <= 15) {
    const mantissa = Number(p.digits);
    if (p.base === 10) {
      const k = p.exponent + scale - p.fraction;
      if (k >= 0 && k <= 22) {
        const r = mantissa * 10 ** k;
        if (r <= Number.MAX_SAFE_INTEGER) return sign * r;
      } else if (k < 0 && k >= -22) {
        // mantissa < 2^53, so the quotient's rounding error is below the distance to the next
        // integer and ceil/floor of the float quotient is exact.
        const q = mantissa / 10 ** -k;
        return p.negative ? -Math.floor(q) : Math.ceil(q);
      }
    } else if (p.fraction === 0 && scale >= 0 && scale <= 22) {
      const r = mantissa * 2 ** p.exponent * 10 ** scale;
      if (r <= Number.MAX_SAFE_INTEGER) return sign * r;
    }
  }
  return scaledValueBig(p, scale);
}

/**
 * scaledValue for the common shapes ("250m", "128Mi", "2", 110) without building parts: digits
 * and an optional SI suffix. Undefined for anything else, which then takes the full parser.
 * This runs for every request of every pod on every candidate node.
 */
export function simpleScaledValue(input: unknown, scale: number): number | undefined {
  if (typeof input === 'number') {
    if (!Number.isInteger(input) || input < 0 || input > 1e6 || scale < 0 || scale > 22) return undefined;
    const r = input * (POW10[scale] as number);
    return r <= Number.MAX_SAFE_INTEGER ? r : undefined;
  }
  if (typeof input !== 'string') return undefined;
  const length = input.length;
  if (length === 0 || length > 12) return undefined;
  let n = 0;
  let i = 0;
  for (; i < length; i++) {
    const code = input.charCodeAt(i);
    if (code < 48 || code > 57) break;
    n = n * 10 + (code - 48);
  }
  if (i === 0 || i > 9) return undefined;
  let exponent = 0;
  let binary = 0;
  if (i < length) {
    // The suffix by character codes: no substring per quantity.
    const c1 = input.charCodeAt(i);
    if (length - i === 1) {
      switch (c1) {
        case 109:
          exponent = -3;
          break; // m
        case 107:
          exponent = 3;
          break; // k
        case 77:
          exponent = 6;
          break; // M
        case 71:
          exponent = 9;
          break; // G
        case 84:
          exponent = 12;
          break; // T
        default:
          return undefined;
      }
    } else if (length - i === 2 && input.charCodeAt(i + 1) === 105 /* i */) {
      switch (c1) {
        case 75:
          binary = 10;
          break; // Ki
        case 77:
          binary = 20;
          break; // Mi
        case 71:
          binary = 30;
          break; // Gi
        case 84:
          binary = 40;
          break; // Ti
        default:
          return undefined;
      }
    } else {
      return undefined;
    }
  }
  if (scale < 0 || scale > 22) return undefined;
  let r: number;
  if (binary > 0) {
    r = n * (POW2[binary / 10] as number) * (POW10[scale] as number);
  } else {
    const k = exponent + scale;
    // n < 10^9 < 2^53: the quotient rounds up exactly (see scaledValue). Table powers: `**`
    // with a variable exponent is a slow call on this path.
    r = k >= 0 ? n * (POW10[k] as number) : Math.ceil(n / (POW10[-k] as number));
  }
  return r <= Number.MAX_SAFE_INTEGER ? r : undefined;
}

function scaledValueBig(p: ParsedQuantity, scale: number): number {
  let n = BigInt(p.digits);
  if (p.base === 2) n *= 2n ** BigInt(p.exponent);
  const k = (p.base === 10 ? p.exponent : 0) + scale - p.fraction;
  // Exponents like 1e999999999 are grammatical; stop before building a billion-digit number.
  if (k > 400) return p.negative ? -Infinity : Infinity;
  if (k < -400) return p.negative ? 0 : 1;
  if (k >= 0) {
    const r = Number(n * 10n ** BigInt(k));
    return p.negative ? -r : r;
  }
  const d = 10n ** BigInt(-k);
  let q = n / d;
  if (!p.negative && n % d !== 0n) q += 1n;
  const r = Number(q);
  return p.negative ? -r : r;
}

function interpretSuffix(suffix: string): { base: 10 | 2; exponent: number } | undefined {
  const known = SUFFIXES[suffix];
  if (known !== undefined && Object.hasOwn(SUFFIXES, suffix)) return known;
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    const exponent = parseInt64Text(suffix.slice(1));
    if (exponent === undefined) return undefined;
    return { base: 10, exponent: Number(exponent) };
  }
  return undefined;
}

/** strconv.ParseInt(s, 10, 64): optional sign, decimal digits, within int64. */
export function parseInt64Text(s: string): number | bigint | undefined {
  if (!INT_PATTERN.test(s)) return undefined;
  const digitCount = s[0] === '+' || s[0] === '-' ? s.length - 1 : s.length;
  // Up to 15 digits a double is exact; beyond, compare as BigInt (JS compares mixed number/bigint).
  if (digitCount <= 15) return Number(s);
  const big = BigInt(s);
  if (big > INT64_MAX || big < INT64_MIN) return undefined;
  return big;
}

function stripLeadingZeros(s: string): string {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) === 48) i++;
  return s.slice(i);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

const SUFFIX_LETTERS = 'eEinumkKMGTP';
const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);
const POW2: readonly number[] = [1, 2 ** 10, 2 ** 20, 2 ** 30, 2 ** 40];
const INT_PATTERN = /^[+-]?[0-9]+$/;
const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

const SUFFIXES: Readonly<Record<string, { base: 10 | 2; exponent: number }>> = {
  '': { base: 10, exponent: 0 },
  n: { base: 10, exponent: -9 },
  u: { base: 10, exponent: -6 },
  m: { base: 10, exponent: -3 },
  k: { base: 10, exponent: 3 },
  M: { base: 10, exponent: 6 },
  G: { base: 10, exponent: 9 },
  T: { base: 10, exponent: 12 },
  P: { base: 10, exponent: 15 },
  E: { base: 10, exponent: 18 },
  Ki: { base: 2, exponent: 10 },
  Mi: { base: 2, exponent: 20 },
  Gi: { base: 2, exponent: 30 },
  Ti: { base: 2, exponent: 40 },
  Pi: { base: 2, exponent: 50 },
  Ei: { base: 2, exponent: 60 },
};
