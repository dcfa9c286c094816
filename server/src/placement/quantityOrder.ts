// Exact ordering of two resource quantities, as resource.Quantity.Cmp does, so "requests above
// limits" is decided without floating-point error ("300m" equals "0.3"). Parsing is the
// placement engine's (the one parser of quantities in this project).
import { isValidQuantity, parseQuantityParts, parseQuantity, type ParsedQuantity } from './quantity';

export { isValidQuantity };

/** The regular expression the API server names when it rejects a quantity. */
export const QUANTITY_REGEX = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';

/** -1, 0 or 1 as a < b, a == b, a > b; undefined when either is not a quantity. */
export function compareQuantities(a: unknown, b: unknown): -1 | 0 | 1 | undefined {
  const pa = parseQuantityParts(a);
  const pb = parseQuantityParts(b);
  if (!pa || !pb) return undefined;
  const sa = signOf(pa);
  const sb = signOf(pb);
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (sa === 0) return 0;
  const x = exactQuantity(a);
  const y = exactQuantity(b);
  if (x !== undefined && y !== undefined) return compareExact(x, y);
  // Absurd exponents ("1e999999") are grammatical; compare those approximately.
  const fx = parseQuantity(a)!;
  const fy = parseQuantity(b)!;
  return fx === fy ? 0 : fx < fy ? -1 : 1;
}

/** True when the quantity is below zero (ValidateNonnegativeQuantity). */
export function isNegativeQuantity(q: unknown): boolean {
  const p = parseQuantityParts(q);
  return p !== undefined && signOf(p) < 0;
}

/**
 * ValidateResourceQuantityValue's test for integer resources: Quantity.MilliValue() (the amount in
 * thousandths, rounded up) is a multiple of 1000. So "1.5" fails, and "1.9999" (2000m) passes.
 */
export function isWholeQuantity(q: unknown): boolean {
  const p = parseQuantityParts(q);
  if (!p || p.digits === '') return true;
  const e = exponents(p);
  const ten = e.ten + 3; // thousandths
  if (ten >= 3) return true;
  // A tiny positive amount rounds up to 1m.
  if (ten < -1000) return false;
  const n = BigInt(p.digits) * 2n ** BigInt(e.two);
  let milli: bigint;
  if (ten >= 0) milli = n * 10n ** BigInt(ten);
  else {
    const d = 10n ** BigInt(-ten);
    milli = (n + d - 1n) / d;
  }
  return milli % 1000n === 0n;
}

function signOf(p: ParsedQuantity): -1 | 0 | 1 {
  if (p.digits === '') return 0;
  return p.negative ? -1 : 1;
}

function exponents(p: ParsedQuantity): { ten: number; two: number } {
  return p.base === 10 ? { ten: p.exponent - p.fraction, two: 0 } : { ten: -p.fraction, two: p.exponent };
}

/**
 * A quantity's exact value as n × 10^ten (binary suffixes multiplied out), for sums that
 * resource.Quantity.Add would make; undefined for what does not parse or has an absurd exponent.
 */
export interface ExactQuantity {
  n: bigint;
  ten: number;
}

export function exactQuantity(q: unknown): ExactQuantity | undefined {
  const p = parseQuantityParts(q);
  if (!p) return undefined;
  if (p.digits === '') return { n: 0n, ten: 0 };
  const e = exponents(p);
  if (Math.abs(e.ten) > 1000 || e.two > 1000) return undefined;
  const n = BigInt(p.digits) * 2n ** BigInt(e.two);
  return { n: p.negative ? -n : n, ten: e.ten };
}

/** a + b, exactly. */
export function addExact(a: ExactQuantity, b: ExactQuantity): ExactQuantity {
  const ten = Math.min(a.ten, b.ten);
  return { n: a.n * 10n ** BigInt(a.ten - ten) + b.n * 10n ** BigInt(b.ten - ten), ten };
}

/** -1, 0 or 1 as a < b, a == b, a > b. */
export function compareExact(a: ExactQuantity, b: ExactQuantity): -1 | 0 | 1 {
  const ten = Math.min(a.ten, b.ten);
  const x = a.n * 10n ** BigInt(a.ten - ten);
  const y = b.n * 10n ** BigInt(b.ten - ten);
  return x === y ? 0 : x < y ? -1 : 1;
}

const SI_SUFFIXES: Array<[number, string]> = [
  [18, 'E'],
  [15, 'P'],
  [12, 'T'],
  [9, 'G'],
  [6, 'M'],
  [3, 'k'],
  [0, ''],
  [-3, 'm'],
  [-6, 'u'],
  [-9, 'n'],
];

/**
 * A decimal-SI rendering for messages, as Quantity.String() canonicalises a DecimalSI amount:
 * the largest power of 1000 that leaves a whole mantissa ("11", "400m", "10k"); below 1n, a plain
 * decimal.
 */
export function formatExact(q: ExactQuantity): string {
  if (q.n === 0n) return '0';
  for (const [exp, suffix] of SI_SUFFIXES) {
    const shift = q.ten - exp;
    if (shift >= 0) return `${q.n * 10n ** BigInt(shift)}${suffix}`;
    const d = 10n ** BigInt(-shift);
    if (q.n % d === 0n) return `${q.n / d}${suffix}`;
  }
  const negative = q.n < 0n;
  const digits = (negative ? -q.n : q.n).toString().padStart(-q.ten + 1, '0');
  const cut = digits.length + q.ten;
  return `${negative ? '-' : ''}${digits.slice(0, cut)}.${digits.slice(cut).replace(/0+$/, '')}`;
}
