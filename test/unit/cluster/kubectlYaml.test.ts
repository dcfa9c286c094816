// The fast kubectl-YAML reader must agree with the `yaml` package whenever it answers at all.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseAllDocuments, stringify, type ToStringOptions } from 'yaml';
import { parseKubectlYaml } from '../../../server/src/cluster/kubectlYaml';
import { REPO_ROOT as repo, sharedMissing, sharedPath } from '../../support/shared';

function reference(text: string): unknown[] {
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [docs];
  for (const d of list) if (d.errors.length) throw new Error(d.errors[0]?.message);
  return list.map((d) => d.toJS());
}

/** Asserts agreement; returns whether the fast reader answered. */
function agrees(text: string, what: string): boolean {
  const fast = parseKubectlYaml(text);
  if (fast === undefined) return false;
  assert.deepStrictEqual(fast, reference(text), what);
  return true;
}

test('accepts the bundled example cluster and agrees with the yaml package', () => {
  for (const f of ['nodes.yaml', 'pods.yaml']) {
    assert.ok(agrees(readFileSync(join(repo, 'examples/cluster', f), 'utf8'), f), `${f} should take the fast path`);
  }
});

test('agrees with the yaml package on every corpus file it accepts', { skip: sharedMissing('corpus') }, () => {
  const corpus = sharedPath('corpus')!;
  let accepted = 0;
  let total = 0;
  for (const sub of ['nodes', 'daemonsets']) {
    for (const f of readdirSync(join(corpus, sub)).sort()) {
      const text = readFileSync(join(corpus, sub, f), 'utf8');
      let ok = true;
      try {
        reference(text);
      } catch {
        ok = false; // not valid YAML for the reference either: nothing to compare
      }
      if (!ok) {
        assert.equal(parseKubectlYaml(text), undefined, `${f}: the fast reader accepted what yaml rejects`);
        continue;
      }
      total++;
      if (agrees(text, `${sub}/${f}`)) accepted++;
    }
  }
  // The real `kubectl get -o yaml` outputs in the corpus must take the fast path.
  for (const f of [
    'newrelic-minikube-v1.35-list.yaml',
    'apimachinery-gke-node.yaml',
    'popeye-kind-arm64-list.yaml',
    'kwok-fake-node.yaml',
    'open-simulator-master-1.yaml',
  ]) {
    assert.notEqual(parseKubectlYaml(readFileSync(join(corpus, 'nodes', f), 'utf8')), undefined, f);
  }
  console.log(`kubectl YAML reader: ${accepted} of ${total} corpus files took the fast path`);
  assert.ok(accepted >= 15, `only ${accepted} of ${total} corpus files took the fast path`);
});

test('kubectl shapes: indentless sequences, wrapped quoted and plain scalars, literal blocks', () => {
  const cases = [
    `items:\n- metadata:\n    name: a\n  spec: {}\n- metadata:\n    name: b\nkind: List\n`,
    `conditions:\n- message: 'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady\n    message:Network plugin returns error: cni plugin not initialized'\n  type: Ready\n`,
    `a: this plain scalar is long enough that go-yaml wraps it onto a second line\n  and a third one\n\n  after a blank line\nb: 1\n`,
    `a: "double \\"quoted\\" \\u00e9\\x41\\t end"\nb: "wrapped double\n  quoted"\nc: "escaped\\\n  \\ break"\n`,
    `annotations:\n  kubectl.kubernetes.io/last-applied-configuration: |\n    {"apiVersion":"v1","kind":"Node"}\n  other: |-\n    line 1\n\n      indented line 3\nz: x\n`,
    `a:\n  b:\n    c: [] \n    d: {}\n  e: ~\n  f: null\n  g:\n  h: 0o17\n  i: 0x1F\n  j: 1e3\n  k: .inf\n  l: -.5\n  m: True\n  n: "0"\n  o: '0'\n  p: 010\n  q: +12\n`,
    `list:\n  - - nested\n    - seq\n  - "quoted: key": v\n    'single '' quote': w\n  -\n    x: 1\n  -\n`,
    `# leading comment\n---\nkey: value # not a comment? yes it is\n`,
    `key: value\n...\n`,
    `url: http://example.com:8080/path?x=1#frag\nratio: 3/4\nk: a:b\n`,
  ];
  const mustAccept = [0, 1, 2, 3, 4, 5, 6, 9];
  cases.forEach((text, i) => {
    const accepted = agrees(text, `case ${i}`);
    if (mustAccept.includes(i)) assert.ok(accepted, `case ${i} should take the fast path`);
  });
});

test('declines what it does not handle, so the full parser decides', () => {
  const declined = [
    'a: &x 1\nb: *x\n',
    'a: !!str 1\n',
    'a: [1, 2]\n',
    'a: {b: 1}\n',
    'a: >\n  folded\n',
    'a: |2\n  indicator\n',
    'a: 1\n---\nb: 2\n',
    'a: 1\na: 2\n',
    'a:\n  b: 1\n   c: 2\n',
    'a:\n\tb: 1\n',
    '? complex\n: key\n',
    'a: b: c\n',
    '<<: {a: 1}\n',
    'just a scalar\n',
    'a: "unterminated\n',
    'a:\n  scalar on its own line\n',
    'a: x # comment\n',
  ];
  for (const text of declined) assert.equal(parseKubectlYaml(text), undefined, JSON.stringify(text));
  assert.deepEqual(parseKubectlYaml(''), []);
  assert.deepEqual(parseKubectlYaml('# only a comment\n'), []);
});

// Deterministic pseudo-random documents, written by the yaml package in several styles.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = [
  'node',
  'kubernetes.io/os',
  'linux',
  'true',
  'false',
  'null',
  '~',
  '0',
  '010',
  '0x1F',
  '1e3',
  '.5',
  '-',
  '- x',
  ': ',
  ' #',
  '#',
  'a: b',
  "it's",
  'say "hi"',
  'back\\slash',
  'tab\there',
  'new\nline',
  'two\n\nlines\n',
  'é ü 中文',
  '',
  ' lead',
  'trail ',
  '@at',
  '`tick',
  '%pct',
  '*star',
  '&amp',
  '!bang',
  '|pipe',
  '>gt',
  '[x]',
  '{y}',
  ',comma',
  '?q',
  'x'.repeat(90),
  'long words '.repeat(12).trim(),
  'yes',
  'on',
  'NO',
  '2025-03-04T09:12:41Z',
  '100m',
  '1Gi',
  '+12',
  '-7',
  '3.0',
  'NaN',
  '.inf',
];

function randomValue(r: () => number, depth: number): unknown {
  const k = r();
  if (depth > 3 || k < 0.45) {
    const v = r();
    if (v < 0.7) return WORDS[Math.floor(r() * WORDS.length)];
    if (v < 0.8) return Math.floor(r() * 1e6) - 5e5;
    if (v < 0.85) return r() * 100;
    if (v < 0.92) return r() < 0.5;
    return null;
  }
  if (k < 0.75) {
    const obj: Record<string, unknown> = {};
    const n = Math.floor(r() * 5);
    for (let i = 0; i < n; i++)
      obj[(WORDS[Math.floor(r() * WORDS.length)] as string) + (r() < 0.5 ? String(i) : '')] = randomValue(r, depth + 1);
    return obj;
  }
  return Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth + 1));
}

test('generated documents: agreement in every style the yaml package writes', () => {
  const styles: Array<ToStringOptions & { version?: '1.1' | '1.2' }> = [
    { indentSeq: false, lineWidth: 0 },
    { indentSeq: false, lineWidth: 30, minContentWidth: 10 },
    { indentSeq: true },
    { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 30, minContentWidth: 10 },
    { defaultStringType: 'QUOTE_SINGLE', lineWidth: 25, minContentWidth: 5 },
    { version: '1.1', indentSeq: false },
    { blockQuote: 'literal', indentSeq: false },
  ];
  const r = rng(20260611);
  let accepted = 0;
  let total = 0;
  for (let i = 0; i < 150; i++) {
    const value = { root: randomValue(r, 0), items: [randomValue(r, 1), { name: `n${i}`, labels: randomValue(r, 2) }] };
    for (const style of styles) {
      const text = stringify(value, style);
      total++;
      if (agrees(text, `document ${i}, style ${JSON.stringify(style)}:\n${text}`)) accepted++;
    }
  }
  // Most of them must really take the fast path, or this test proves nothing.
  console.log(`kubectl YAML reader: ${accepted} of ${total} generated documents took the fast path`);
  assert.ok(accepted > total * 0.5, `only ${accepted} of ${total} generated documents took the fast path`);
});
