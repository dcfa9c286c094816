import test from 'node:test';
import assert from 'node:assert/strict';
import {
  formatPath,
  locate,
  maskTemplates,
  nodeAtPath,
  parseDocumentModel,
  rangeOfPath,
  explainPath,
} from '../../../server/src/model';
import { caret, yaml } from '../../support/caret';

const DS = yaml`
  apiVersion: apps/v1
  kind: DaemonSet
  metadata:
    name: agent
    labels: { enabled: yes }
  spec:
    selector:
      matchLabels:
        app: agent
    template:
      metadata:
        labels:
          app: agent
      spec:
        containers:
          - name: agent
            image: busybox
        volumes:
          - name: cfg
            secret:
              defaultMode: 0640
`;

test('reads YAML the way Kubernetes does (YAML 1.1: yes is a boolean, 0640 is octal)', () => {
  const m = parseDocumentModel(DS);
  assert.equal(m.daemonSets.length, 1);
  const v = m.daemonSets[0].value as any;
  assert.equal(v.metadata.labels.enabled, true);
  assert.equal(v.spec.template.spec.volumes[0].secret.defaultMode, 0o640);
});

test('lists objects in multi-document files and List items, with their kinds', () => {
  const text =
    'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: a}\n---\napiVersion: v1\nkind: List\nitems:\n- kind: ConfigMap\n- apiVersion: apps/v1\n  kind: DaemonSet\n  metadata:\n    name: in-list\n';
  const m = parseDocumentModel(text);
  assert.deepEqual(
    m.objects.map((o) => o.kind),
    ['ServiceAccount', 'ConfigMap', 'DaemonSet'],
  );
  assert.equal(m.daemonSets[0].name, 'in-list');
  assert.deepEqual(m.daemonSets[0].basePath, ['items', 1]);
});

test('locate gives the field path relative to the object, key or value', () => {
  const { text, offset } = caret(DS.replace('image: busybox', 'ima$0ge: busybox'));
  const loc = locate(parseDocumentModel(text), offset)!;
  assert.equal(formatPath(loc.path), 'spec.template.spec.containers[0].image');
  assert.equal(explainPath(loc.path), 'spec.template.spec.containers[].image');
  assert.equal(loc.onKey, true);
  const v = caret(DS.replace('image: busybox', 'image: busy$0box'));
  const loc2 = locate(parseDocumentModel(v.text), v.offset)!;
  assert.equal(loc2.onKey, false);
  assert.equal(formatPath(loc2.path), 'spec.template.spec.containers[0].image');
});

test('locate inside a List item strips the items[i] prefix', () => {
  const { text, offset } = caret('kind: List\nitems:\n- kind: DaemonSet\n  spec:\n    minReady$0Seconds: 3\n');
  const loc = locate(parseDocumentModel(text), offset)!;
  assert.equal(loc.object.kind, 'DaemonSet');
  assert.deepEqual(loc.path, ['spec', 'minReadySeconds']);
});

test('rangeOfPath finds keys and values, and falls back to the nearest ancestor', () => {
  const m = parseDocumentModel(DS);
  const ds = m.daemonSets[0];
  const [s, e] = rangeOfPath(ds, ['spec', 'template', 'spec', 'containers', 0, 'image'], 'value');
  assert.equal(m.text.slice(s, e), 'busybox');
  const [s2, e2] = rangeOfPath(ds, ['spec', 'updateStrategy', 'type']);
  assert.equal(m.text.slice(s2, e2), 'spec');
  assert.equal(nodeAtPath(ds, ['spec', 'nope']), undefined);
});

test('formatPath writes non-identifier keys in brackets, as the API server does', () => {
  assert.equal(formatPath(['metadata', 'labels', 'app.kubernetes.io/name']), 'metadata.labels[app.kubernetes.io/name]');
});

test('broken YAML mid-edit still yields problems with offsets and the objects before the break', () => {
  const m = parseDocumentModel(DS + '---\nkind: DaemonSet\nspec:\n  x: [1,\n  y: }\n');
  assert.ok(m.problems.length > 0);
  assert.ok(m.problems.every((p) => p.end > p.start && p.start >= 0));
  assert.equal(m.objects[0].name, 'agent');
});

test('an alias bomb does not expand: value is undefined with a reason', () => {
  const bomb =
    'kind: DaemonSet\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n';
  const m = parseDocumentModel(bomb);
  assert.equal(m.daemonSets[0].value, undefined);
  assert.match(m.daemonSets[0].valueError!, /alias/i);
});

test('huge and binary input are skipped with a reason', () => {
  assert.match(parseDocumentModel('a'.repeat(5 * 1024 * 1024)).skipped!, /limit/);
  assert.match(parseDocumentModel('\u0000\u0001binary').skipped!, /binary/);
});

test('an unfinished flow collection in a later document is a syntax problem there, not a skipped file', () => {
  // The chunk after the first `---` is shifted to its offset; its unfinished pair has a null key.
  const text = 'apiVersion: apps/v1\nkind: DaemonSet\nspec: {}\n---\nkind: ConfigMap\ndata: {[\n';
  const m = parseDocumentModel(text);
  assert.equal(m.skipped, undefined);
  assert.equal(m.daemonSets.length, 1);
  assert.ok(m.problems.length > 0);
  assert.ok(
    m.problems.every((p) => p.start >= text.indexOf('---')),
    'the problems are in the second document',
  );
});

test('a syntax error at the very end of the text covers its last character, not one past it', () => {
  for (const text of [
    'kind: DaemonSet\nspec: [',
    'kind: DaemonSet\nspec: {[\n',
    'a: 1\n---\nkind: DaemonSet\nspec: "open',
  ]) {
    const m = parseDocumentModel(text);
    assert.ok(m.problems.length > 0, text);
    for (const p of m.problems)
      assert.ok(
        p.start >= 0 && p.start < p.end && p.end <= text.length,
        `${JSON.stringify(text)}: ${p.start}..${p.end}`,
      );
  }
});

test('Helm templates are masked to same-length text and marked', () => {
  const src =
    'kind: DaemonSet\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  {{- include "x" . | nindent 2 }}\n  template: {}\n';
  const masked = maskTemplates(src);
  assert.equal(masked.text.length, src.length);
  assert.equal(masked.spans.length, 2);
  const m = parseDocumentModel(src);
  assert.equal(m.problems.length, 0);
  assert.equal(m.daemonSets[0].templated, true);
  // The include stands for unknown entries of spec: kept as a placeholder entry that overlaps
  // the template, so spec stays a mapping and nothing about the placeholder is checked.
  const spec = (m.daemonSets[0].value as any).spec;
  assert.deepEqual(spec.template, {});
  const extra = Object.keys(spec).filter((k) => k !== 'template');
  assert.equal(extra.length, 1);
  const placeholder = masked.text.indexOf(`${extra[0]}:`);
  assert.ok(masked.spans.some((s) => s.start <= placeholder && placeholder < s.end));
});

test('an edit re-parses only the changed document; the others are reused with shifted ranges', () => {
  const docs = [0, 1, 2].map((i) => DS.replace('name: agent\n', `name: agent-${i}\n`));
  const v1 = parseDocumentModel(docs.join('---\n'), 1);
  assert.equal(v1.chunks.length, 3);
  const edited = [docs[0].replace('image: busybox', 'image: busybox:1.36.1-with-a-longer-tag'), docs[1], docs[2]].join(
    '---\n',
  );
  const v2 = parseDocumentModel(edited, 2, v1);
  assert.notEqual(v2.chunks[0], v1.chunks[0]);
  assert.equal(v2.chunks[1], v1.chunks[1], 'unchanged document reused');
  assert.equal(v2.objects[2], v1.objects[2], 'its objects (and their cached values) too');
  const ds = v2.daemonSets[2];
  assert.equal(ds.name, 'agent-2');
  const [s, e] = rangeOfPath(ds, ['spec', 'template', 'spec', 'containers', 0, 'image'], 'value');
  assert.equal(v2.text.slice(s, e), 'busybox', 'ranges of a reused document follow the shift');
  const fresh = parseDocumentModel(edited, 2);
  assert.deepEqual(v2.problems, fresh.problems);
  assert.deepEqual(
    v2.objects.map((o) => [o.kind, o.name, o.node.range]),
    fresh.objects.map((o) => [o.kind, o.name, o.node.range]),
  );
});

test('a --- inside a block scalar still starts a new document, so chunks agree with one parse', () => {
  const text = 'kind: A\nv: |\n  text\n---\nkind: B\n';
  const m = parseDocumentModel(text);
  assert.deepEqual(
    m.objects.map((o) => o.kind),
    ['A', 'B'],
  );
  assert.equal(m.chunks.length, 2);
});

test("rangeOfPath 'pair' spans the key and its value", () => {
  const m = parseDocumentModel(DS);
  const [s, e] = rangeOfPath(m.daemonSets[0], ['spec', 'template', 'spec', 'containers', 0, 'image'], 'pair');
  assert.equal(m.text.slice(s, e), 'image: busybox');
});
