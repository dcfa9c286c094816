// The vendored slice of the real-world corpus (test/fixtures/corpus, attributed in its SOURCES.md):
// checked on every clone, with or without ../shared. Each file's whole diagnostic list is pinned:
// a valid manifest gets zero errors, an old one exactly one removedApiVersion on its apiVersion,
// and "Rewrite to apps/v1" makes it an error-free apps/v1 manifest.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TextEdit } from 'vscode-languageserver';
import { parseDocumentModel } from '../../../server/src/model';
import { defaultContext } from '../../../server/src/features/context';
import { diagnose, toLspDiagnostic } from '../../../server/src/features/diagnostics';
import { codeActions } from '../../../server/src/features/codeActions';
import { BEST_PRACTICE_RULES } from '../../../server/src/features/diagnostics/bestPractices';
import { applyEdits, VENDORED_CORPUS, vendoredCorpus } from '../../support/corpus';
import { sharedMissing, sharedPath } from '../../support/shared';

type Row = [severity: string, code: string, path: string];
const NO_REQUESTS: Row = ['info', 'noResourceRequests', 'spec.template.spec.containers'];
const REMOVED: Row = ['error', 'removedApiVersion', 'apiVersion'];

/** Every vendored file and its whole diagnostic list: [severity, code, path]. */
const EXPECTED: Record<string, { apiVersions: string[]; diagnostics: Row[] }> = {
  'aws-ebs-csi-node.yaml': { apiVersions: ['apps/v1'], diagnostics: [] },
  'fluent-bit-elasticsearch-v1beta1.yaml': { apiVersions: ['extensions/v1beta1'], diagnostics: [REMOVED] },
  'fluent-bit-elasticsearch.yaml': { apiVersions: ['apps/v1'], diagnostics: [NO_REQUESTS] },
  'intel-gpu-plugin-kustomize-patch.yaml': {
    apiVersions: ['apps/v1'],
    diagnostics: [['info', 'kustomizePatch', 'kind']],
  },
  'kube-flannel.yaml': { apiVersions: ['apps/v1'], diagnostics: [] },
  'kube-proxy-windows-hostprocess.yaml': { apiVersions: ['apps/v1'], diagnostics: [NO_REQUESTS] },
  'kured.yaml': { apiVersions: ['apps/v1'], diagnostics: [NO_REQUESTS] },
  'longhorn-iscsi-selinux-workaround.yaml': { apiVersions: ['apps/v1'], diagnostics: [NO_REQUESTS] },
  'node-exporter-kube-prometheus-2019.yaml': { apiVersions: ['apps/v1beta2'], diagnostics: [REMOVED] },
  'node-exporter-kube-prometheus.yaml': { apiVersions: ['apps/v1'], diagnostics: [] },
  'nvidia-device-plugin.yaml': { apiVersions: ['apps/v1'], diagnostics: [NO_REQUESTS] },
  'weave-net-k8s-1.11.yaml': { apiVersions: ['apps/v1'], diagnostics: [] },
};

// The pinned lists are the API server's view and warnings.ts; the best practices are pinned as
// counts below (they are the point of test/unit/diagnostics/bestPractices.test.ts).
const API_ONLY = { ...defaultContext(), settings: { diagnostics: { enable: true, bestPractices: false } } };
const corpus = vendoredCorpus().map((c) => {
  const model = parseDocumentModel(c.text);
  return { ...c, model, diagnostics: diagnose(model, API_ONLY), all: diagnose(model, defaultContext()) };
});

test('best practices over the vendored corpus: warnings and infos only, each a code of the table', () => {
  const codes = new Set(BEST_PRACTICE_RULES.map((r) => r.code));
  const counts: Record<string, number> = {};
  for (const c of corpus) {
    const pinned = new Set(c.diagnostics.map((d) => `${d.code}@${d.start}`));
    for (const d of c.all) {
      if (pinned.has(`${d.code}@${d.start}`)) continue;
      assert.ok(codes.has(d.code), `${c.file}: ${d.code}`);
      assert.notEqual(d.severity, 'error', `${c.file}: ${d.code}`);
      counts[d.code] = (counts[d.code] ?? 0) + 1;
    }
  }
  assert.ok(Object.keys(counts).length >= 5, JSON.stringify(counts));
});

test('the vendored corpus is the files SOURCES.md attributes, each under a licence this repository may redistribute', () => {
  const sources = readFileSync(join(VENDORED_CORPUS, 'SOURCES.md'), 'utf8');
  const rows = sources.split('\n').filter((l) => l.startsWith('| `'));
  const listed = rows.map((r) => r.split('|').map((c) => c.trim()));
  // | File | What it is | apiVersion | Bytes | Repository | Path | Commit | License |
  assert.deepEqual(
    listed.map((c) => c[1]!.replace(/`/g, '')),
    corpus.map((c) => c.file),
  );
  assert.deepEqual(
    corpus.map((c) => c.file),
    Object.keys(EXPECTED).sort(),
  );
  for (const c of listed) {
    const file = c[1]!.replace(/`/g, '');
    assert.equal(Number(c[4]), statSync(join(VENDORED_CORPUS, file)).size, `${file}: size in SOURCES.md`);
    assert.match(c[5]!, /^[\w.-]+\/[\w.-]+$/, `${file}: repository`);
    assert.match(c[7]!, /^`[0-9a-f]{40}`$/, `${file}: commit`);
    assert.match(c[8]!, /^(Apache-2\.0|MIT|BSD-[23]-Clause)$/, `${file}: licence`);
  }
});

test('the vendored corpus covers the kinds of DaemonSet it is meant to', () => {
  const by = (f: string) => corpus.find((c) => c.file === f)!;
  // A multi-document file, a kind: List, a Windows node selector, an anchor and alias.
  assert.ok(by('kube-flannel.yaml').model.objects.length > 3);
  assert.equal(by('weave-net-k8s-1.11.yaml').model.daemonSets.length, 1);
  assert.match(by('weave-net-k8s-1.11.yaml').text, /^kind: List$/m);
  assert.match(by('kube-proxy-windows-hostprocess.yaml').text, /kubernetes\.io\/os: windows/);
  assert.match(by('longhorn-iscsi-selinux-workaround.yaml').text, /&cmd[\s\S]*\*cmd/);
});

for (const c of corpus) {
  test(`vendored ${c.file}: exactly the expected diagnostics`, () => {
    const expected = EXPECTED[c.file];
    assert.ok(expected, `${c.file} has no row in EXPECTED`);
    assert.deepEqual(
      c.model.daemonSets.map((d) => d.apiVersion),
      expected.apiVersions,
    );
    const actual = c.diagnostics.map((d): Row => [d.severity, d.code, d.path]);
    assert.deepEqual(actual, expected.diagnostics);
    for (const d of c.diagnostics.filter((x) => x.code === 'removedApiVersion')) {
      assert.equal(c.text.slice(d.start, d.end), c.model.daemonSets[0]!.apiVersion);
    }
  });
}

test('"Rewrite to apps/v1" makes every vendored old DaemonSet an error-free apps/v1 manifest', () => {
  const old = corpus.filter((c) => c.diagnostics.some((d) => d.code === 'removedApiVersion'));
  assert.equal(old.length, 2);
  for (const c of old) {
    let text = c.text;
    for (let round = 0; ; round++) {
      assert.ok(round < 5, `${c.file}: the rewrite does not converge`);
      const model = parseDocumentModel(text);
      const d = diagnose(model, defaultContext()).find((x) => x.code === 'removedApiVersion');
      if (!d) break;
      const range = { start: { line: 0, character: 0 }, end: { line: model.lines.lineCount, character: 0 } };
      const [action] = codeActions(model, 'file:///c.yaml', range, [toLspDiagnostic(model, d)], defaultContext());
      assert.ok(action, c.file);
      text = applyEdits(model, action.edit!.changes!['file:///c.yaml'] as TextEdit[]);
    }
    const model = parseDocumentModel(text);
    assert.deepEqual(
      model.daemonSets.map((d) => d.apiVersion),
      ['apps/v1'],
      c.file,
    );
    const errors = diagnose(model, defaultContext()).filter((d) => d.severity === 'error');
    assert.deepEqual(
      errors.map((e) => `${e.code} ${e.path}`),
      [],
      c.file,
    );
  }
});

test(
  'each vendored file is a byte-for-byte copy of its ../shared/corpus original',
  { skip: sharedMissing('corpus/daemonsets') },
  () => {
    const dir = sharedPath('corpus/daemonsets')!;
    for (const c of corpus)
      assert.ok(readFileSync(join(dir, c.file)).equals(readFileSync(join(VENDORED_CORPUS, c.file))), c.file);
  },
);
