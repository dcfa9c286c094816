// Quantity grammar and rounding, against what k8s.io/apimachinery/pkg/api/resource accepts
// (cases from its TestQuantityParse valid/invalid lists) and how MilliValue/Value round.
import test from 'node:test';
import assert from 'node:assert/strict';
import {
  isValidQuantity,
  parseQuantity,
  parseQuantityParts,
  quantityMilliValue,
  quantityValue,
  scaledValue,
  simpleScaledValue,
} from '../../../server/src/placement';

test('parseQuantity reads decimal SI, binary SI and exponent suffixes', () => {
  const cases: Array<[unknown, number]> = [
    ['0', 0],
    ['1', 1],
    ['100m', 0.1],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['5.', 5],
    ['2k', 2000],
    ['1M', 1e6],
    ['1G', 1e9],
    ['1T', 1e12],
    ['1P', 1e15],
    ['1E', 1e18],
    ['1Ki', 1024],
    ['128Mi', 128 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['1Ti', 2 ** 40],
    ['1Pi', 2 ** 50],
    ['1Ei', 2 ** 60],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['1e3', 1000],
    ['1E3', 1000],
    ['1e+3', 1000],
    ['5e-3', 0.005],
    ['100n', 1e-7],
    ['100u', 1e-4],
    ['-5', -5],
    ['+5', 5],
    ['007', 7],
    [2, 2],
    [0.5, 0.5],
    [' 100m ', 0.1], // Quantity.UnmarshalJSON trims spaces
  ];
  for (const [input, expected] of cases) {
    const got = parseQuantity(input);
    assert.ok(got !== undefined, `${String(input)} should parse`);
    assert.ok(Math.abs(got - expected) <= Math.abs(expected) * 1e-12, `${String(input)}: got ${got}, want ${expected}`);
  }
});

test('parseQuantity rejects what the API server rejects', () => {
  const invalid: unknown[] = [
    '128MB',
    '1.1.M',
    '1+1.0M',
    '0.1mi',
    '0.1am',
    'aoeu',
    '.5i',
    '1i',
    '-3.01i',
    '-3.01e-',
    '1e',
    '1Ki3',
    '10 Mi',
    '',
    '   ',
    '1 2',
    '1kb',
    '1KB',
    '1gi',
    'one',
    null,
    undefined,
    true,
    {},
    [],
    NaN,
    Infinity,
  ];
  for (const input of invalid) {
    assert.equal(parseQuantity(input), undefined, `${JSON.stringify(input)} should be invalid`);
    assert.equal(isValidQuantity(input), false, `${JSON.stringify(input)} should be invalid`);
  }
});

test('a sign, zeros or a bare suffix read as zero, as parseQuantityString does', () => {
  for (const input of ['+', '-', '000', '0.0', '-0', 'Mi', 'k', '.']) assert.equal(parseQuantity(input), 0, input);
});

test('quantityMilliValue and quantityValue round up like MilliValue() and Value()', () => {
  const cases: Array<[string | number, number, number]> = [
    // input, milli, value
    ['100m', 100, 1],
    ['0.1', 100, 1],
    ['1', 1000, 1],
    ['0.5', 500, 1],
    ['250m', 250, 1],
    ['1.5', 1500, 2],
    ['1n', 1, 1],
    ['1u', 1, 1],
    ['1500u', 2, 1],
    ['128Mi', 128 * 2 ** 20 * 1000, 128 * 2 ** 20],
    ['100M', 1e11, 1e8],
    ['1e3', 1e6, 1000],
    ['3920m', 3920, 4],
    [32, 32000, 32],
    ['0.001', 1, 1],
    ['0.0001', 1, 1],
    ['1.5Gi', 1.5 * 2 ** 30 * 1000, 1.5 * 2 ** 30],
    ['9007199254740993', 9007199254740993000, 9007199254740992], // beyond 2^53: BigInt path, float result
  ];
  for (const [input, milli, value] of cases) {
    assert.equal(quantityMilliValue(input), milli, `milli of ${input}`);
    assert.equal(quantityValue(input), value, `value of ${input}`);
  }
  assert.equal(quantityMilliValue('128MB'), undefined);
});

test('huge exponents do not hang and overflow to Infinity', () => {
  assert.equal(quantityValue('1e999999999'), Infinity);
  assert.equal(quantityValue('1e-999999999'), 1); // rounds up to the smallest unit
  assert.equal(isValidQuantity('1e99999999999999999999'), false); // exponent beyond int64
});

test('the fast path for common shapes agrees with the full parser, and declines the rest', () => {
  const inputs: unknown[] = [
    '0',
    '1',
    '7',
    '110',
    '250m',
    '1m',
    '999m',
    '1000m',
    '3920m',
    '15890m',
    '2k',
    '5M',
    '100M',
    '1G',
    '3T',
    '1Ki',
    '512Mi',
    '128Mi',
    '1Gi',
    '62Gi',
    '816748224Ki',
    '1Ti',
    '123456789',
    '999999999Mi',
    0,
    32,
    110,
    1000000,
  ];
  for (const input of inputs) {
    for (const scale of [0, 3, 9]) {
      const fast = simpleScaledValue(input, scale);
      const full = scaledValue(parseQuantityParts(input)!, scale);
      if (fast !== undefined) assert.equal(fast, full, `${String(input)} at scale ${scale}`);
    }
    assert.notEqual(simpleScaledValue(input, 0), undefined, `${String(input)} takes the fast path`);
  }
  for (const declined of [
    '1.5',
    '.5',
    '-1',
    '+1',
    '1e3',
    '1E',
    '1Ei',
    '1Pi',
    '1n',
    '1u',
    ' 1',
    '1 ',
    '128MB',
    '',
    '1234567890',
    'Mi',
    0.5,
    -1,
    1e7,
    null,
  ]) {
    assert.equal(simpleScaledValue(declined, 9), undefined, JSON.stringify(declined));
  }
});
