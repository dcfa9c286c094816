// windowsNodesWithoutOsSelector: a cluster with Windows nodes and a DaemonSet that does not select
// kubernetes.io/os (a best practice that needs the cluster), and its quick fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver';
import { clusterDiagnostics } from '../../../server/src/features/cluster/diagnostics';
import { codeActions } from '../../../server/src/features/codeActions';
import { toLspDiagnostic } from '../../../server/src/features/diagnostics';
import { parseDocumentModel } from '../../../server/src/model';
import { daemonSet as ds, inlineContext, node } from './support';

/** support's daemonSet with the pod spec lines given unindented. */
const daemonSet = (podSpec = '') => ds(podSpec.replace(/^/gm, '      '));

const CLUSTER = inlineContext([
  node('linux-1', { 'kubernetes.io/os': 'linux' }),
  node('win-1', { 'kubernetes.io/os': 'windows' }),
  node('win-2', { 'kubernetes.io/os': 'windows' }),
]);
const found = (text: string, ctx = CLUSTER) =>
  clusterDiagnostics(parseDocumentModel(text), ctx)
    .filter((d) => d.code === 'windowsNodesWithoutOsSelector')
    .map((d) => [d.severity, d.path, d.message, text.slice(d.start, d.end)]);

test('Windows nodes and no OS selection: one warning naming the nodes and the source', () => {
  assert.deepEqual(found(daemonSet()), [
    [
      'warning',
      'spec.template.spec.containers',
      '2 Windows nodes in snapshot tiny.yaml (win-1, win-2) would get this pod: nothing selects kubernetes.io/os, and a Linux image never starts there; add nodeSelector kubernetes.io/os: linux',
      'containers',
    ],
  ]);
});

test('not when the pod selects the OS (nodeSelector, affinity, spec.os), nor in a Linux-only cluster', () => {
  assert.deepEqual(found(daemonSet('nodeSelector:\n  kubernetes.io/os: linux')), []);
  assert.deepEqual(found(daemonSet('os: {name: linux}')), []);
  const affinity =
    'affinity:\n  nodeAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:\n      nodeSelectorTerms:\n        - matchExpressions:\n            - {key: kubernetes.io/os, operator: NotIn, values: [windows]}';
  assert.deepEqual(found(daemonSet(affinity)), []);
  assert.deepEqual(found(daemonSet(), inlineContext([node('linux-1', { 'kubernetes.io/os': 'linux' })])), []);
  // A selector that already keeps it off the Windows nodes (another label) is enough.
  assert.deepEqual(
    found(
      daemonSet('nodeSelector:\n  role: agent'),
      inlineContext([node('a', { role: 'agent' }), node('w', { 'kubernetes.io/os': 'windows' })]),
    ),
    [],
  );
});

test('the setting daemonset.diagnostics.bestPractices turns it off', () => {
  const off = { ...CLUSTER, settings: { diagnostics: { enable: true, bestPractices: false } } };
  assert.deepEqual(found(daemonSet(), off), []);
});

test('the quick fix adds nodeSelector kubernetes.io/os: linux, to an existing selector too', () => {
  for (const podSpec of ['', 'nodeSelector:\n  role: agent']) {
    const ctx = podSpec
      ? inlineContext([node('a', { role: 'agent' }), node('w', { role: 'agent', 'kubernetes.io/os': 'windows' })])
      : CLUSTER;
    const text = daemonSet(podSpec);
    const model = parseDocumentModel(text);
    const diags = clusterDiagnostics(model, ctx)
      .filter((d) => d.code === 'windowsNodesWithoutOsSelector')
      .map((d) => toLspDiagnostic(model, d));
    assert.equal(diags.length, 1);
    const [action] = codeActions(model, 'file:///a.yaml', diags[0]!.range, diags, ctx);
    assert.equal(action?.title, 'Add nodeSelector kubernetes.io/os: linux');
    const edits = [...(action!.edit!.changes!['file:///a.yaml'] as TextEdit[])].sort(
      (a, b) => model.lines.offsetAt(b.range.start) - model.lines.offsetAt(a.range.start),
    );
    let after = text;
    for (const e of edits)
      after =
        after.slice(0, model.lines.offsetAt(e.range.start)) +
        e.newText +
        after.slice(model.lines.offsetAt(e.range.end));
    assert.deepEqual(found(after, ctx), [], after);
    assert.match(
      after,
      /nodeSelector:\n(\s+role: agent\n)?\s+kubernetes\.io\/os: linux|nodeSelector:\n\s+kubernetes\.io\/os: linux\n/,
    );
  }
});
