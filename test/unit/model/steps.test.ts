// Issue 10: one huge YAML document is read in steps (model/steps.ts), and reading it in steps
// gives the same model as reading it in one go.
import test from 'node:test';
import assert from 'node:assert/strict';
import { Composer, Parser, visit } from 'yaml';
import { parseDocumentModel, parseDocumentModelSteps, parseGuarded } from '../../../server/src/model';
import { runSteps } from '../../../server/src/model/steps';
import { COMPOSE_BATCH, parseGuardedSteps } from '../../../server/src/model/yamlReader';
import { compactList, compactListItem, unknownFields } from '../../support/hostileInputs';

function countPauses<T>(steps: Generator<void, T, void>): { pauses: number; value: T } {
  let pauses = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) return { pauses, value: r.value };
    pauses++;
  }
}

test('a single-document List of 2,000 items pauses many times while it is read', () => {
  const text = compactList(2000);
  const { pauses, value } = countPauses(parseDocumentModelSteps(text, 1));
  assert.equal(value.documents.length, 1);
  assert.equal(value.objects.length, 2000);
  // ~480 KB of text: the nesting pre-scan, the lexer/parser and the item extraction each pause
  // several times (one pause per document was all there was before).
  assert.ok(pauses > 20, `${pauses} pauses`);
});

test('the model read in steps equals the model read in one go', () => {
  const text = compactList(1200) + '---\n' + unknownFields(50) + '---\nkey: [unclosed\nother: {a: 1, a: 2}\n';
  const whole = parseDocumentModel(text, 1);
  const stepped = countPauses(parseDocumentModelSteps(text, 1)).value;
  assert.equal(stepped.documents.length, whole.documents.length);
  assert.deepEqual(
    stepped.objects.map((o) => [o.kind, o.name, o.basePath, o.node.range]),
    whole.objects.map((o) => [o.kind, o.name, o.basePath, o.node.range]),
  );
  assert.deepEqual(stepped.problems, whole.problems);
  assert.ok(whole.problems.some((p) => p.code === 'DUPLICATE_KEY'));
  assert.deepEqual(
    stepped.documents.map((d) => d.toJS()),
    whole.documents.map((d) => d.toJS()),
  );
});

test('parseGuardedSteps reads as Composer.compose(Parser.parse()) does, errors included', () => {
  const text = 'a: 1\nb: [x, y\n...\n# c\n---\n- &x {k: v}\n- *x\n- "unclosed\n';
  const ours = parseGuarded(text, { version: '1.2' });
  const theirs = Array.from(new Composer({ version: '1.2', uniqueKeys: false }).compose(new Parser().parse(text)));
  assert.equal(ours.length, theirs.length);
  ours.forEach((d, i) => {
    assert.deepEqual(d.toJS(), theirs[i]!.toJS());
    assert.deepEqual(d.range, theirs[i]!.range);
    assert.deepEqual(
      d.errors.map((e) => [e.code, e.pos]),
      theirs[i]!.errors.map((e) => [e.code, e.pos]),
    );
  });
});

test('at every pause the stack trace limit is the process default again', () => {
  const before = Error.stackTraceLimit;
  const steps = parseGuardedSteps(compactList(600) + 'bad: [\n'.repeat(50));
  let pauses = 0;
  for (let r = steps.next(); !r.done; r = steps.next()) {
    pauses++;
    assert.equal(Error.stackTraceLimit, before);
  }
  assert.ok(pauses > 0);
  assert.equal(Error.stackTraceLimit, before);
  assert.equal(runSteps(parseGuardedSteps('a: 1\n')).length, 1);
});

/** Every node's range and comments, in document order (what positions and hovers read). */
function shape(doc: { contents: unknown }): unknown[] {
  const out: unknown[] = [];
  visit(doc as never, (key, node) => {
    const n = node as { range?: number[]; commentBefore?: string; comment?: string; anchor?: string } | null;
    out.push([typeof key === 'symbol' ? String(key) : key, n?.range, n?.commentBefore, n?.comment, n?.anchor]);
  });
  return out;
}

test(`a sequence longer than ${COMPOSE_BATCH} items is composed in batches exactly as in one go, errors, comments and anchors included`, () => {
  const items: string[] = [];
  for (let i = 0; i < 2 * COMPOSE_BATCH + 345; i++) {
    let item = compactListItem(i);
    if (i === 10) item = item.replace('metadata: {name: a10}', 'metadata: &m10 {name: a10}');
    if (i === COMPOSE_BATCH) item = '  # a comment at the batch boundary\n' + item;
    if (i === COMPOSE_BATCH + 1)
      item = item.replace('kind: DaemonSet', 'kind: DaemonSet\n    kind: Again\n    bad: [unclosed');
    if (i === COMPOSE_BATCH - 1) item = item.replace('kind: DaemonSet', 'kind: DaemonSet\n    x: {a: 1\n    y: @bad');
    if (i === 2 * COMPOSE_BATCH + 300) item = item.replace('metadata: {name: a2300}', 'metadata: *m10');
    items.push(item);
  }
  const text =
    'apiVersion: v1\nkind: List\n# before the items\nitems:\n' +
    items.join('') +
    '  # trailing\nmetadata:\n  resourceVersion: ""\n  a: [x\n';
  for (const version of ['1.1', '1.2'] as const) {
    const { pauses, value: ours } = countPauses(parseGuardedSteps(text, { version }));
    const theirs = Array.from(new Composer({ version, uniqueKeys: false }).compose(new Parser().parse(text)));
    assert.ok(pauses >= 2, `${pauses} pauses`);
    assert.equal(ours.length, theirs.length);
    assert.equal(
      (ours[0]!.contents as { get(k: string): { items: unknown[] } }).get('items').items.length,
      2 * COMPOSE_BATCH + 345,
    );
    if (version === '1.2')
      assert.deepEqual(ours[0]!.toJS({ maxAliasCount: 100 }), theirs[0]!.toJS({ maxAliasCount: 100 }));
    assert.deepEqual(shape(ours[0]!), shape(theirs[0]!));
    assert.deepEqual(ours[0]!.range, theirs[0]!.range);
    // Ours also lists duplicate keys (our own pass): compare the parser's errors.
    const sorted = (errs: Array<{ code: string; pos: [number, number]; message: string }>) =>
      errs
        .filter((e) => e.code !== 'DUPLICATE_KEY')
        .map((e) => [e.code, e.pos, e.message])
        .sort((a, b) => (a[1] as number[])[0]! - (b[1] as number[])[0]!);
    assert.deepEqual(sorted(ours[0]!.errors), sorted(theirs[0]!.errors));
    assert.ok(ours[0]!.errors.some((e) => e.code === 'DUPLICATE_KEY'));
    assert.ok(sorted(ours[0]!.errors).length >= 3);
  }
});

test('a long List in one document gives the same model as its items in separate documents would', () => {
  const model = parseDocumentModel(compactList(2 * COMPOSE_BATCH + 7), 1);
  assert.equal(model.objects.length, 2 * COMPOSE_BATCH + 7);
  model.objects.forEach((o, i) => {
    assert.deepEqual(o.basePath, ['items', i]);
    assert.equal(
      o.name,
      `a${i}`.replace(/^a(\d+)$/, (_m, n) =>
        Number(n) === Math.floor((2 * COMPOSE_BATCH + 7) / 2) ? `agent-${n}` : `a${n}`,
      ),
    );
    assert.equal(model.text.slice(o.node.range![0], o.node.range![0] + 11), 'apiVersion:');
  });
});
