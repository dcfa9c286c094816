// Upstream conformance: every transcribed test-table entry (cases.ts) must get exactly the errors
// upstream expects, compared on (error type, field path). Entries that a manifest diagnostic cannot
// mirror are listed in EXCLUDED with their reason, and counted.
import test from 'node:test';
import assert from 'node:assert/strict';
import { CASES, EXCLUDED } from './cases';
import { actual, compare, render } from './upstream';

for (const c of CASES) {
  test(`${c.test}: ${c.name}`, () => {
    const want = [...c.want].sort(compare);
    assert.deepEqual(actual(c), want, render(c));
  });
}

test('the conformance count: transcribed, excluded (each with a reason)', () => {
  const names = new Set(CASES.map((c) => `${c.test}: ${c.name}`));
  assert.equal(names.size, CASES.length, 'case names are unique');
  for (const e of EXCLUDED) assert.ok(e.reason.length > 20, `${e.test}: ${e.name}`);
  console.log(`upstream conformance: ${CASES.length} transcribed entries checked, ${EXCLUDED.length} excluded`);
  const byTest = new Map<string, [number, number]>();
  for (const c of CASES) (byTest.get(c.test) ?? byTest.set(c.test, [0, 0]).get(c.test)!)[0]++;
  for (const e of EXCLUDED) (byTest.get(e.test) ?? byTest.set(e.test, [0, 0]).get(e.test)!)[1]++;
  for (const [name, [checked, excluded]] of [...byTest].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    console.log(`  ${name}: ${checked} checked, ${excluded} excluded`);
  }
  assert.ok(CASES.length >= 150);
});
