// Issue 10: one huge YAML document is read in steps (model/steps.ts), and reading it in steps
// gives the same model as reading it in one go.
import test from 'node:test';
import assert from 'node:assert/strict';
import { Composer, Parser } from 'yaml';
import { parseDocumentModel, parseDocumentModelSteps, parseGuarded } from '../../../server/src/model';
import { runSteps } from '../../../server/src/model/steps';
import { parseGuardedSteps } from '../../../server/src/model/yamlReader';
import { compactList, unknownFields } from '../../support/hostileInputs';

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
