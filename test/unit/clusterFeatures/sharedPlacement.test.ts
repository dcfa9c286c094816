// One placement per (DaemonSet, snapshot): the CodeLens, the placement answer (panel) and the
// cluster diagnostics share one engine run (placement/placementCache.ts).
import test from 'node:test';
import assert from 'node:assert/strict';
import { parseDocumentModel } from '../../../server/src/model';
import { codeLenses } from '../../../server/src/features/codeLens';
import { placementResponse } from '../../../server/src/features/placementAnswer';
import { clusterDiagnostics } from '../../../server/src/features/cluster/diagnostics';
import { placementRuns } from '../../../server/src/placement';
import { daemonSet, inlineContext, node } from './support';

const STATUS = { state: 'ready', source: 'snapshot tiny.yaml' } as never;

test('CodeLens, panel answer and cluster diagnostics run the engine once per DaemonSet and snapshot', () => {
  const text = `${daemonSet('      nodeSelector: {pool: gpu}\n', 'a')}---\n${daemonSet('', 'b')}`;
  const model = parseDocumentModel(text, 1);
  const ctx = inlineContext([node('n1', { pool: 'cpu' }), node('n2', { pool: 'gpu' })]);
  const before = placementRuns();

  const lenses = codeLenses(model, 'file:///a.yaml', ctx);
  assert.equal(placementRuns() - before, 2, 'the CodeLens computes the two DaemonSets');
  const answer = placementResponse(model, 'file:///a.yaml', { uri: 'file:///a.yaml', index: 0 }, ctx, STATUS);
  clusterDiagnostics(model, ctx);
  codeLenses(model, 'file:///a.yaml', ctx);
  assert.equal(placementRuns() - before, 2, 'the panel, the diagnostics and a second CodeLens reuse them');

  assert.equal(lenses[0]?.command?.title, 'Runs on 1 of 2 nodes · source: snapshot tiny.yaml');
  assert.equal(answer.result?.desired, 1);

  // A new snapshot (a new ClusterState) is a new placement.
  const next = inlineContext([node('n1', { pool: 'gpu' })]);
  codeLenses(model, 'file:///a.yaml', next);
  clusterDiagnostics(model, next);
  assert.equal(placementRuns() - before, 4);
});
