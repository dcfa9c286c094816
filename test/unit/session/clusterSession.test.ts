// The cluster session builds a source only when a key that source uses changed: the same
// settings twice, or a key the current source ignores, build nothing (a kubeconfig exec plugin
// would otherwise run again).
import test from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { okSnapshot, type ClusterSource } from '../../../server/src/cluster/source';
import { ClusterSession } from '../../../server/src/session/clusterSession';
import { ClusterSettings, DEFAULT_CLUSTER_SETTINGS } from '../../../server/src/session/settings';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

function counted(): { session: ClusterSession; built: ClusterSettings[]; loads: () => number } {
  const built: ClusterSettings[] = [];
  let loads = 0;
  const session = new ClusterSession({
    packageRoot: ROOT,
    workspaceRoot: ROOT,
    kubeconfig: (s): ClusterSource => {
      built.push(s);
      return {
        id: `kubeconfig:${s.context}`,
        label: `context ${s.context}`,
        load: async () => {
          loads++;
          return okSnapshot(`context ${s.context}`, { nodes: [] });
        },
        onDidChange: () => ({ dispose: () => undefined }),
        dispose: () => undefined,
      };
    },
  });
  return { session, built, loads: () => loads };
}

const live = (over: Partial<ClusterSettings> = {}): ClusterSettings => ({
  ...DEFAULT_CLUSTER_SETTINGS,
  source: 'kubeconfig',
  context: 'dev',
  ...over,
});

test('the same settings twice (even while the first read is in flight) build the live source once', async () => {
  const { session, built, loads } = counted();
  const a = session.configure(live(), true);
  const b = session.configure(live(), true); // start-up: a second configure before the first read ends
  await Promise.all([a, b]);
  await session.configure(live(), true);
  assert.equal(built.length, 1);
  assert.equal(loads(), 1);
  assert.equal(session.status.kind, 'kubeconfig');
  session.dispose();
});

test('a key the current source does not use rebuilds nothing', async () => {
  const { session, built } = counted();
  await session.configure(live(), true);
  await session.configure(live({ podsPath: 'pods.yaml', snapshotPath: 'nodes.yaml' }), true);
  assert.equal(built.length, 1, 'podsPath/snapshotPath do not matter to a kubeconfig source');
  await session.configure(live({ context: 'prod' }), true);
  assert.equal(built.length, 2, 'a context change does');
  assert.equal(built[1].context, 'prod');
  await session.configure(live({ context: 'prod', timeoutMs: 500 }), true);
  assert.equal(built.length, 3, 'so does the timeout');
  session.dispose();
});

test("on the example cluster, context and paths are ignored; the picker's two writes build once", async () => {
  const { session, built } = counted();
  await session.configure({ ...DEFAULT_CLUSTER_SETTINGS }, true);
  const first = session.status.readAt;
  assert.equal(session.status.kind, 'example');
  // The picker writes the context first (the example source ignores it)…
  await session.configure({ ...DEFAULT_CLUSTER_SETTINGS, context: 'dev' }, true);
  assert.equal(session.status.readAt, first, 'no re-read for a key the example ignores');
  assert.equal(built.length, 0);
  // …then the source: one build.
  await session.configure(live(), true);
  assert.equal(built.length, 1);
  session.dispose();
});

test('trust matters only to a kubeconfig source', async () => {
  const { session, built } = counted();
  await session.configure(live(), false);
  assert.equal(built.length, 0);
  assert.equal(session.status.kind, 'example');
  assert.match(session.status.message ?? '', /not trusted/);
  await session.configure(live(), true);
  assert.equal(built.length, 1);
  session.dispose();
});

test('a snapshot source is rebuilt when its pods file changes, not when the context does', async () => {
  const { session } = counted();
  const nodes = path.join(ROOT, 'examples', 'cluster', 'nodes.yaml');
  const snap: ClusterSettings = { ...DEFAULT_CLUSTER_SETTINGS, source: 'snapshot', snapshotPath: nodes };
  await session.configure(snap, true);
  const first = session.status;
  assert.equal(first.kind, 'snapshot');
  let changes = 0;
  session.onDidChange(() => changes++);
  await session.configure({ ...snap, context: 'dev', kubeconfig: '/x' }, true);
  assert.equal(changes, 0, 'nothing re-read');
  await session.configure({ ...snap, podsPath: path.join(ROOT, 'examples', 'cluster', 'pods.yaml') }, true);
  assert.equal(changes, 1, 'the pods file is used by a snapshot source');
  session.dispose();
});
