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
  const ea = exponents(pa);
  const eb = exponents(pb);
  // Absurd exponents ("1e999999") are grammatical; compare those approximately.
  if (Math.abs(ea.ten) > 1000 || Math.abs(eb.ten) > 1000) {
    const x = parseQuantity(a)!;
    const y = parseQuantity(b)!;
    return x === y ? 0 : x < y ? -1 : 1;
  }
  // value = digits × 10^ten × 2^two; scale both to the smaller power of ten.
  const m = Math.min(ea.ten, eb.ten);
  const x = BigInt(pa.digits) * 10n ** BigInt(ea.ten - m) * 2n ** BigInt(ea.two);
  const y = BigInt(pb.digits) * 10n ** BigInt(eb.ten - m) * 2n ** BigInt(eb.two);
  const magnitude = x === y ? 0 : x < y ? -1 : 1;
  return (sa < 0 ? -magnitude : magnitude) as -1 | 0 | 1;
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
