import test from 'node:test';
import assert from 'node:assert/strict';
import { parseDocumentModel } from '../../../server/src/model';

const dups = (text: string) =>
  parseDocumentModel(text).problems.map((p) => [p.code, p.message, text.slice(p.start, p.end)]);

test('a repeated key is a DUPLICATE_KEY error on the repeat, in block and flow mappings, at any depth', () => {
  assert.deepEqual(dups('a: 1\nb: 2\na: 3\n'), [
    ['DUPLICATE_KEY', 'Map keys must be unique: "a" is already a key of this mapping', 'a'],
  ]);
  assert.deepEqual(dups('x: {p: 1, q: 2, p: 3}\n'), [
    ['DUPLICATE_KEY', 'Map keys must be unique: "p" is already a key of this mapping', 'p'],
  ]);
  assert.deepEqual(dups('spec:\n  c:\n  - name: a\n    image: x\n    name: b\n'), [
    ['DUPLICATE_KEY', 'Map keys must be unique: "name" is already a key of this mapping', 'name'],
  ]);
  // The same key in different mappings is no duplicate.
  assert.deepEqual(dups('a: {k: 1}\nb: {k: 1}\nc: [{k: 1}, {k: 2}]\n'), []);
});

test('keys compare as JSON names them; merge keys are not compared', () => {
  assert.deepEqual(
    dups("1: a\n'1': b\n").map((d) => d[2]),
    ["'1'"],
  );
  assert.deepEqual(dups('base: &b {x: 1}\nm:\n  <<: *b\n  <<: *b\n  y: 2\n'), []);
  assert.deepEqual(dups('a: 1\na: 1\na: 1\n').length, 2);
});

test('a duplicate stops the object from being checked, as a syntax error does', () => {
  const m = parseDocumentModel('apiVersion: apps/v1\nkind: DaemonSet\nkind: DaemonSet\n');
  assert.equal(m.objects[0]!.document.errors.length, 1);
});

test('40,000 keys with one duplicate: exactly that one is reported', () => {
  const keys = Array.from({ length: 40_000 }, (_, i) => `k${i}: v`);
  keys.push('k123: again');
  const m = parseDocumentModel(`${keys.join('\n')}\n`);
  assert.deepEqual(
    m.problems.map((p) => [p.code, m.lines.positionAt(p.start).line]),
    [['DUPLICATE_KEY', 40_000]],
  );
});
