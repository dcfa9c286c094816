// The completion re-parse leaves out lines (features/completion/elision.ts): the cursor context
// must be exactly the one the whole-document re-parse gives, at every spot of real files, on
// new lines typed at every indentation, and in documents built to test the cutting rules.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cursorContext, CursorContext } from '../../../server/src/features/completion/cursorContext';
import { elidedLines } from '../../../server/src/features/completion/elision';
import { labelsAt } from '../../../server/src/features/completion/objectValues';
import { SELECTOR_LABELS, TEMPLATE_LABELS } from '../../../server/src/features/completion/valueChoices';
import { DocumentModel, parseDocumentModel } from '../../../server/src/model';
import { sharedMissing, sharedPath } from '../../support/shared';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

function summary(c: CursorContext | undefined): unknown {
  if (!c) return undefined;
  return {
    mode: c.mode,
    path: c.path,
    present: [...c.present].sort(),
    replace: [c.replaceStart, c.replaceEnd],
    keyColumn: c.keyColumn,
    hasColon: c.hasColon,
    needsSpace: c.needsSpace,
    quoted: c.quoted,
    eol: c.eol,
    indent: c.indent,
    documentEmpty: c.documentEmpty,
    kind: c.object.kind,
    basePath: c.object.basePath,
    selector: [...labelsAt(c.object, SELECTOR_LABELS)],
    template: [...labelsAt(c.object, TEMPLATE_LABELS)],
  };
}

/** Offsets worth completing at on each line: its start, its indentation, after `- `, after `:`, its end. */
function spots(model: DocumentModel): number[] {
  const out: number[] = [];
  for (let l = 0; l < model.lines.lineCount; l++) {
    const line = model.lines.lineText(l);
    const start = model.lines.lineStart(l);
    const cols = new Set([line.length, /^[ -]*/.exec(line)![0].length]);
    const colon = line.indexOf(': ');
    if (colon >= 0) cols.add(colon + 2);
    for (const c of cols) out.push(start + c);
  }
  return out;
}

/** Asserts both re-parses agree at every spot; returns how many spots had a context. */
function sameEverywhere(text: string, name: string, at: number[] = []): number {
  const model = parseDocumentModel(text, 1);
  let answered = 0;
  for (const offset of at.length ? at : spots(model)) {
    const full = summary(cursorContext(model, offset, { elide: false }));
    const cut = summary(cursorContext(model, offset));
    assert.deepEqual(cut, full, `${name}: at ${JSON.stringify(model.lines.positionAt(offset))}`);
    if (full) answered++;
  }
  return answered;
}

/** The text with a new line of `n` spaces after line `l`, and the offset of its end. */
function withNewLine(text: string, l: number, n: number): [string, number] {
  const lines = text.split('\n');
  lines.splice(l + 1, 0, ' '.repeat(n));
  const offset = lines.slice(0, l + 1).join('\n').length + 1 + n;
  return [lines.join('\n'), offset];
}

function daemonSet(envItems: number, extra = ''): string {
  const env = Array.from(
    { length: envItems },
    (_, k) => `            - name: VAR_${k}\n              value: "v${k}"\n`,
  ).join('');
  return `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
  labels:
    app: agent
spec:
  selector:
    matchLabels:
      app: agent
      tier: node
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 1
  template:
    metadata:
      labels:
        app: agent
        tier: node
    spec:
      containers:
        - name: agent
          image: agent:1
          env:
${env}          ports:
            - containerPort: 9100
              protocol: TCP
          resources:
            limits:
              cpu: 100m
              memory: 64Mi
        - name: sidecar
          image: sidecar:1
          env:
          - name: COMPACT
            value: "1"
          - name: COMPACT_2
            value: "2"
      tolerations:
        - operator: Exists
          effect: NoSchedule

      volumes:
        - name: root
          hostPath:
            path: /
${extra}`;
}

const examples = fs
  .readdirSync(path.join(ROOT, 'examples', 'workspace'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => [f, fs.readFileSync(path.join(ROOT, 'examples', 'workspace', f), 'utf8')] as const);

test('the cut re-parse gives the same cursor context as the whole one at every spot of the example files', () => {
  let answered = 0;
  for (const [name, text] of examples) answered += sameEverywhere(text, name);
  assert.ok(answered > 100, `only ${answered} spots had a context`);
});

test('... and on a new line typed at every indentation after every line', () => {
  for (const [name, text] of [examples[0], ['generated', daemonSet(3)] as const]) {
    const lines = text.split('\n');
    for (let l = 0; l < lines.length; l++) {
      const indent = /^ */.exec(lines[l])![0].length;
      for (const n of new Set([0, Math.max(0, indent - 2), indent, indent + 2, indent + 4])) {
        const [t, offset] = withNewLine(text, l, n);
        sameEverywhere(t, `${name} + ${n} spaces after line ${l}`, [offset, offset - n]);
      }
    }
  }
});

test('... and at every spot of a DaemonSet with long env lists (block and compact), two documents, a List', () => {
  assert.ok(sameEverywhere(daemonSet(20), 'env') > 100);
  assert.ok(sameEverywhere(`${daemonSet(6)}---\n${daemonSet(8)}`, 'two documents') > 100);
  const list = `apiVersion: v1\nkind: List\nitems:\n${[daemonSet(6), daemonSet(7)].map((d) => d.replace(/^/gm, '  ').replace(/^ {2}/, '- ')).join('')}`;
  assert.ok(sameEverywhere(list, 'List') > 100);
});

test('long values beside the cursor are left out of the re-parse; labels and their parents are kept', () => {
  const text = daemonSet(200);
  const model = parseDocumentModel(text, 1);
  const line = text.split('\n').indexOf(''); // the blank line in the pod spec, before volumes
  const cuts = elidedLines(model, 0, text.length, line, 6, false);
  const left = cuts.reduce((n, [s, e]) => n - (e - s), text.length);
  assert.ok(left < 1200, `${left} of ${text.length} characters are parsed again`);
  const kept =
    text.slice(0, cuts[0]?.[0] ?? 0) + cuts.map(([, e], i) => text.slice(e, cuts[i + 1]?.[0] ?? text.length)).join('');
  assert.match(kept, /matchLabels:\n {6}app: agent\n {6}tier: node/);
  assert.match(kept, /labels:\n {8}app: agent\n {8}tier: node/);
  assert.doesNotMatch(kept, /VAR_/);
});

test('anchors and aliases, and Helm templates, turn the cutting off', () => {
  const anchored = daemonSet(20).replace('      containers:', '      containers: &c');
  const model = parseDocumentModel(anchored, 1);
  assert.deepEqual(elidedLines(model, 0, anchored.length, anchored.split('\n').indexOf(''), 6, false), []);
  const templated = daemonSet(20).replace('image: agent:1', 'image: {{ .Values.image }}');
  const m2 = parseDocumentModel(templated, 1);
  assert.deepEqual(elidedLines(m2, 0, templated.length, templated.split('\n').indexOf(''), 6, false), []);
  sameEverywhere(anchored, 'anchored');
});

test(
  'the real-world corpus: the same cursor context at 40 spots per file',
  { skip: sharedMissing('corpus/daemonsets') },
  () => {
    const dir = sharedPath('corpus/daemonsets')!;
    // 40 spots per file, spread over it (every spot of every file re-parses for minutes).
    for (const f of fs.readdirSync(dir).filter((x) => /\.ya?ml$/.test(x))) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      const all = spots(parseDocumentModel(text, 1));
      const step = Math.max(1, Math.floor(all.length / 40));
      sameEverywhere(
        text,
        f,
        all.filter((_, i) => i % step === 0),
      );
    }
  },
);
