import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_NESTING_DEPTH, maxNestingDepth, nestingProblem, parseDocumentModel } from '../../../server/src/model';
import { blockMaps, blockSeqs, flowMaps, flowSeqs } from '../../support/hostileYaml';
import { sharedMissing, sharedPath } from '../../support/shared';

test('the nesting count follows the YAML tokens: flow, block, compact sequences', () => {
  assert.equal(maxNestingDepth('a: 1\n'), 2); // the key, then its value on the same line
  assert.equal(maxNestingDepth(flowSeqs(10)), 10);
  assert.equal(maxNestingDepth(flowMaps(10)), 10);
  assert.equal(maxNestingDepth(blockMaps(10)), 10);
  assert.equal(maxNestingDepth(blockSeqs(10)), 11);
  assert.equal(maxNestingDepth('a:\n  - b:\n      c: [d, {e: f}]\n'), 6);
});

test('brackets in quoted scalars, comments, block scalars and plain scalars are not nesting', () => {
  const text = [
    'a: "[[[[[[[[[[{{{{{{{{"',
    "b: '[[[[[[[[[[ it''s'",
    'c: |',
    '  [[[[[[[[[[[[[[[',
    '      {{{{{{{{{{{{{',
    '# [[[[[[[[[[[[[[[[[[',
    'd: x[[[[[[[[[[[[[[',
    'e: "multi',
    '  line [[[[[[[[[[[["',
    '',
  ].join('\n');
  assert.equal(maxNestingDepth(text), 2);
  assert.equal(nestingProblem(text, 3), undefined);
});

test('past the limit: the offset of the first token too deep, and a message naming the limit', () => {
  const p = nestingProblem(flowSeqs(MAX_NESTING_DEPTH + 10));
  assert.deepEqual(p, {
    offset: MAX_NESTING_DEPTH,
    depth: MAX_NESTING_DEPTH + 1,
    message: `YAML nesting deeper than ${MAX_NESTING_DEPTH} levels; this document was not parsed`,
  });
  assert.equal(nestingProblem(flowSeqs(MAX_NESTING_DEPTH)), undefined);
  assert.ok(nestingProblem(blockMaps(MAX_NESTING_DEPTH + 1)));
  assert.ok(nestingProblem(blockSeqs(MAX_NESTING_DEPTH)));
});

test('a too-deep document is not parsed; the documents around it are', () => {
  const text = `kind: ConfigMap\nmetadata: {name: a}\n---\nx: ${flowSeqs(1000)}\n---\nkind: Secret\n`;
  const m = parseDocumentModel(text);
  assert.deepEqual(
    m.objects.map((o) => o.kind),
    ['ConfigMap', 'Secret'],
  );
  assert.deepEqual(
    m.problems.map((p) => [p.code, p.message, text.slice(p.start, p.start + 3)]),
    [['NESTING_TOO_DEEP', `YAML nesting deeper than ${MAX_NESTING_DEPTH} levels; this document was not parsed`, '[[[']],
  );
  // Exactly at the limit still parses.
  assert.equal(parseDocumentModel(`x: ${flowSeqs(MAX_NESTING_DEPTH - 2)}\n`).problems.length, 0);
});

test('the test corpus is far from the limit', { skip: sharedMissing('corpus/daemonsets') }, () => {
  const dir = sharedPath('corpus/daemonsets')!;
  const deepest = Math.max(
    ...fs.readdirSync(dir).map((f) => maxNestingDepth(fs.readFileSync(path.join(dir, f), 'utf8'))),
  );
  assert.ok(deepest > 5 && deepest < 40, `deepest corpus file: ${deepest}`);
});
