// The incremental re-parse (server/src/model/incremental.ts) against a full parse: on random
// edits of real manifests, whenever the shortcut is taken its document must equal what a full
// parse of the edited text gives — every node's type, range, value, style and comments.
import test from 'node:test';
import assert from 'node:assert/strict';
import { Document, isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import { parseDocumentModel, parseGuarded } from '../../../server/src/model';
import { moveRanges, reparseInside } from '../../../server/src/model/incremental';
import { sharedCorpus, vendoredCorpus } from '../../support/corpus';

/** Everything a feature could read from a node, as plain data. */
function snapshot(node: unknown): unknown {
  if (node === null || node === undefined) return node ?? null;
  if (isPair(node)) return { k: snapshot(node.key), v: snapshot(node.value) };
  const n = node as {
    range?: unknown;
    comment?: string;
    commentBefore?: string;
    spaceBefore?: boolean;
    tag?: string;
    anchor?: string;
  };
  const common = { r: n.range, c: n.comment, cb: n.commentBefore, sb: n.spaceBefore, tag: n.tag, anchor: n.anchor };
  if (isScalar(node))
    return {
      ...common,
      t: 'scalar',
      v: `${typeof node.value}:${String(node.value)}`,
      type: node.type,
      src: (node as { source?: string }).source,
    };
  if (isAlias(node)) return { ...common, t: 'alias', source: node.source };
  if (isMap(node) || isSeq(node))
    return { ...common, t: isMap(node) ? 'map' : 'seq', flow: !!node.flow, items: node.items.map(snapshot) };
  return { t: 'other' };
}

function docSnapshot(doc: Document.Parsed): unknown {
  return {
    range: doc.range,
    contents: snapshot(doc.contents),
    c: doc.comment,
    cb: doc.commentBefore,
    errors: doc.errors.map((e) => e.message),
  };
}

/** Asserts two documents read the same; on a difference, shows where (a full diff is huge). */
function sameDocument(got: Document.Parsed, want: Document.Parsed, what: string, text: string): void {
  const a = JSON.stringify(docSnapshot(got));
  const b = JSON.stringify(docSnapshot(want));
  if (a === b) return;
  let i = 0;
  while (a[i] === b[i]) i++;
  assert.fail(
    `${what}: the incremental document differs from a full parse at\n  got:  …${a.slice(i - 150, i + 80)}\n  want: …${b.slice(i - 150, i + 80)}\ntext:\n${text}`,
  );
}

/** A small seeded PRNG (mulberry32), so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Enough to cover the corpus's constructs; 15 edits × ~60 DaemonSets. */
const EDITS_PER_DOCUMENT = 15;

const INSERTS = [
  'x',
  '1',
  ' ',
  '\n',
  ': ',
  '- ',
  '#',
  '"',
  "'",
  '\n  ',
  'a: b\n',
  '\n      - name: X\n',
  '{',
  '[',
  '  ',
  'yes',
  '\n#c\n',
  ',',
  '?',
  '-',
];

function randomEdit(text: string, rnd: () => number): string {
  const at = Math.floor(rnd() * text.length);
  const op = rnd();
  if (op < 0.35) return text.slice(0, at) + INSERTS[Math.floor(rnd() * INSERTS.length)] + text.slice(at);
  if (op < 0.65) return text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 5));
  const ch = 'abz09 :-#\n"'[Math.floor(rnd() * 11)];
  return text.slice(0, at) + ch + text.slice(at + 1);
}

/** The DaemonSets of the corpus (single YAML documents, split at markers), without errors. */
function corpusDocuments(): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  for (const f of [...vendoredCorpus(), ...sharedCorpus()]) {
    f.text.split(/^---(?=[ \t\r\n]|$)/m).forEach((part, i) => {
      const docs = parseGuarded(part);
      const root = docs[0]?.contents;
      if (docs.length === 1 && docs[0]!.errors.length === 0 && isMap(root) && String(root.get('kind')) === 'DaemonSet')
        out.push({ name: `${f.file}#${i}`, text: part });
    });
  }
  return out;
}

test('the incremental re-parse equals a full parse on random edits of real manifests', () => {
  const docs = corpusDocuments();
  assert.ok(docs.length >= 10, `only ${docs.length} corpus documents`);
  const rnd = prng(12);
  let taken = 0;
  let tried = 0;
  const OLD_START = 7;
  const NEW_START = 3;
  for (const { name, text } of docs) {
    for (let e = 0; e < EDITS_PER_DOCUMENT; e++) {
      const edited = randomEdit(text, rnd);
      const old = parseGuarded(text)[0]!;
      moveRanges(old.contents, (x) => x + OLD_START);
      old.range = [old.range[0] + OLD_START, old.range[1] + OLD_START, old.range[2] + OLD_START];
      tried++;
      const got = reparseInside(old, text, OLD_START, edited, NEW_START, 0);
      if (!got) continue;
      taken++;
      const full = parseGuarded(edited);
      assert.equal(
        full.length,
        1,
        `${name}, edit ${e}: the shortcut was taken but the edited text has ${full.length} documents`,
      );
      moveRanges(full[0]!.contents, (x) => x + NEW_START);
      full[0]!.range = [full[0]!.range[0] + NEW_START, full[0]!.range[1] + NEW_START, full[0]!.range[2] + NEW_START];
      sameDocument(got, full[0]!, `${name}, edit ${e}`, edited);
    }
  }
  // The shortcut must actually be exercised, or this test proves nothing.
  assert.ok(taken > tried / 5, `shortcut taken on ${taken} of ${tried} edits`);
});

test('the shortcut leaves the document alone when it does not apply', () => {
  const text = `a:\n  b:\n    c: 1\n    d: 2\n`;
  const cases = [
    `a:\n  b:\n    c: &x 1\n    d: 2\n`, // an anchor
    `a:\n  b:\n    c: |\n      1\n    d: 2\n`, // a block scalar
    `a:\n  b:\n    c: 1\n  d: 2\n`, // a line leaves the mapping
    `a:\n  b:\n    c: "1\n    d: 2\n`, // an unclosed quote
    `a:\n  b:\n    c: 1\n    c: 2\n`, // a duplicate key (an error)
  ];
  for (const edited of cases) {
    const old = parseGuarded(text)[0]!;
    const before = JSON.stringify(docSnapshot(old));
    assert.equal(reparseInside(old, text, 0, edited, 0, 0), undefined, edited);
    assert.equal(JSON.stringify(docSnapshot(old)), before, `${edited}: the old document was changed`);
  }
  // And one that does apply.
  const old = parseGuarded(text)[0]!;
  const got = reparseInside(old, text, 0, `a:\n  b:\n    c: 10\n    d: 2\n`, 0, 0);
  assert.ok(got);
  assert.deepEqual(got.toJS(), { a: { b: { c: 10, d: 2 } } });
});

/** A real DaemonSet grown past the shortcut's threshold by a long env list. */
function largeDaemonSet(): string {
  const env = Array.from(
    { length: 400 },
    (_, k) => `            - name: VAR_${k}\n              value: "value-${k}"\n`,
  ).join('');
  return `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
    spec:
      containers:
        - name: agent
          image: busybox:1.36
          env:
${env}          resources:
            requests:
              cpu: 50m
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: small
`;
}

test('the model after an edit inside a large document equals the model parsed from scratch', () => {
  const base = largeDaemonSet();
  let text = base;
  let model = parseDocumentModel(text, 1);
  const rnd = prng(7);
  let reused = 0;
  for (let v = 2; v < 42; v++) {
    const before = model.documents[0];
    // Every other version, a random edit of the first document (the ConfigMap is left alone);
    // in between, back to the original text (an edit the other way).
    const limit = base.indexOf('\n---');
    const edited = v % 2 ? base : randomEdit(base.slice(0, limit), rnd) + base.slice(limit);
    const next = parseDocumentModel(edited, v, model);
    if (next.documents[0] === before) reused++;
    const fresh = parseDocumentModel(edited, v);
    next.documents.forEach((d, i) => sameDocument(d, fresh.documents[i]!, `edit ${v}`, edited));
    assert.equal(next.documents.length, fresh.documents.length);
    assert.deepEqual(next.problems, fresh.problems);
    assert.deepEqual(
      next.objects.map((o) => [o.docIndex, o.kind, o.name, o.basePath, o.value]),
      fresh.objects.map((o) => [o.docIndex, o.kind, o.name, o.basePath, o.value]),
    );
    text = edited;
    model = next;
  }
  assert.ok(reused > 5, `the document was re-parsed in place only ${reused} times`);
});
