// The real-world corpus (../shared/corpus, outside the repository): published DaemonSets the API
// server accepted must get no errors; the ones written for removed API versions must get
// removedApiVersion, and "Rewrite to apps/v1" must turn each into an error-free apps/v1 manifest;
// the kustomize patch is recognised as one. Skipped with a reason where ../shared is absent (the
// vendored slice in test/fixtures/corpus is checked on every clone: vendoredCorpus.test.ts).
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TextEdit } from 'vscode-languageserver';
import { DocumentModel, parseDocumentModel } from '../../../server/src/model';
import { defaultContext } from '../../../server/src/features/context';
import { diagnose, ManifestDiagnostic, toLspDiagnostic } from '../../../server/src/features/diagnostics';
import { codeActions } from '../../../server/src/features/codeActions';
import { REMOVED_VERSIONS } from '../../../server/src/schema/apiVersions';
import { applyEdits } from '../../support/corpus';
import { sharedMissing, sharedPath } from '../../support/shared';

const skip = sharedMissing('corpus/daemonsets');
const PATCH = 'intel-gpu-plugin-kustomize-patch.yaml';

interface Checked {
  file: string;
  text: string;
  model: DocumentModel;
  diagnostics: ManifestDiagnostic[];
}

function load(dir: string): Checked[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const model = parseDocumentModel(text);
      return { file, text, model, diagnostics: diagnose(model, defaultContext()) };
    });
}

const dir = sharedPath('corpus/daemonsets');
const corpus = dir === undefined ? [] : load(dir);

test('the corpus is there: 56 files, each with at least one DaemonSet', { skip }, () => {
  assert.equal(corpus.length, 56);
  for (const c of corpus) assert.ok(c.model.daemonSets.length > 0, c.file);
});

test('every apps/v1 DaemonSet gets zero errors', { skip }, () => {
  const offenders: string[] = [];
  for (const c of corpus) {
    for (const d of c.diagnostics) {
      if (d.severity !== 'error' || d.code === 'removedApiVersion') continue;
      const at = c.model.lines.positionAt(d.start);
      offenders.push(`${c.file}:${at.line + 1} ${d.code} ${d.path}: ${d.message}`);
    }
  }
  assert.deepEqual(offenders, []);
});

test('every extensions/v1beta1 and apps/v1beta2 DaemonSet gets removedApiVersion on its apiVersion', { skip }, () => {
  let removed = 0;
  for (const c of corpus) {
    for (const ds of c.model.daemonSets) {
      const range = ds.node.range!;
      const found = c.diagnostics.filter(
        (d) => d.code === 'removedApiVersion' && d.start >= range[0] && d.end <= range[2],
      );
      if (REMOVED_VERSIONS.has(ds.apiVersion ?? '')) {
        removed++;
        assert.equal(found.length, 1, `${c.file}: ${ds.name}`);
        assert.equal(c.text.slice(found[0]!.start, found[0]!.end), ds.apiVersion);
      } else {
        assert.equal(ds.apiVersion, 'apps/v1', `${c.file}: ${ds.name}`);
        assert.equal(found.length, 0);
      }
    }
  }
  assert.equal(removed, 13);
});

test('"Rewrite to apps/v1" makes every old DaemonSet an error-free apps/v1 manifest', { skip }, () => {
  for (const c of corpus.filter((x) => x.diagnostics.some((d) => d.code === 'removedApiVersion'))) {
    let text = c.text;
    for (;;) {
      const model = parseDocumentModel(text);
      const d = diagnose(model, defaultContext()).find((x) => x.code === 'removedApiVersion');
      if (!d) break;
      const range = { start: { line: 0, character: 0 }, end: { line: model.lines.lineCount, character: 0 } };
      const [action] = codeActions(model, 'file:///c.yaml', range, [toLspDiagnostic(model, d)], defaultContext());
      assert.ok(action, c.file);
      text = applyEdits(model, action.edit!.changes!['file:///c.yaml'] as TextEdit[]);
    }
    const errors = diagnose(parseDocumentModel(text), defaultContext()).filter((d) => d.severity === 'error');
    assert.deepEqual(
      errors.map((e) => `${e.code} ${e.path}`),
      [],
      c.file,
    );
  }
});

test('the kustomize patch is handled as a patch: one info, no errors', { skip }, () => {
  const patch = corpus.find((c) => c.file === PATCH)!;
  assert.deepEqual(
    patch.diagnostics.map((d) => [d.code, d.severity]),
    [['kustomizePatch', 'info']],
  );
});

test('warnings and infos over the corpus stay few: the counts per code', { skip }, () => {
  const counts: Record<string, number> = {};
  for (const c of corpus)
    for (const d of c.diagnostics) counts[`${d.severity} ${d.code}`] = (counts[`${d.severity} ${d.code}`] ?? 0) + 1;
  assert.deepEqual(counts, {
    'error removedApiVersion': 13,
    'warning deprecatedAnnotation': 3,
    'warning serviceAccountDeprecated': 5,
    'info imageLatest': 2,
    'info kustomizePatch': 1,
    'info noResourceRequests': 21,
    // Best practices (bestPractices.ts) over 43 apps/v1 DaemonSets of real node agents: most are
    // privileged and tolerate every taint on purpose (infos); the warnings are the fixable ones.
    'warning hostNetworkWithoutDnsPolicy': 14,
    'warning noMemoryLimit': 36,
    'warning noPriorityClass': 26,
    'warning writableLogHostPath': 6,
    'info broadCapability': 1,
    'info hostPidShared': 9,
    'info noReadinessProbe': 35,
    'info privilegedContainer': 39,
    'info tolerateEverything': 34,
  });
});
