// The live state of one DaemonSet read from the loopback API server: lists, the label-selected
// pod watch, a rollout driven by the test through watch events, reconnects and a DaemonSet that
// appears later. Every wait is on a change notification, never on time.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { KubeconfigSource } from '../../../server/src/cluster/kubeconfigSource';
import { selectorQuery, type LiveDaemonSetWatch, type LiveSnapshot } from '../../../server/src/cluster/liveWatch';
import { predictPlacement } from '../../../server/src/placement';
import { liveStatusView, rolloutStatus } from '../../../server/src/placement/liveStatus';
import { FakeApiServer, makeNode } from '../../support/fakeApiServer';
import { makeDaemonPod, makeDaemonSet, makeEvent, makeRevision } from '../../support/liveObjects';

const dir = mkdtempSync(join(tmpdir(), 'ds-livewatch-'));
const NODES = ['n1', 'n2', 'n3'];
let server: FakeApiServer;
let source: KubeconfigSource;
const watches: LiveDaemonSetWatch[] = [];
const ds = makeDaemonSet('ops', 'agent', {
  status: {
    desiredNumberScheduled: 3,
    currentNumberScheduled: 2,
    numberReady: 2,
    updatedNumberScheduled: 2,
    numberAvailable: 2,
    numberUnavailable: 1,
  },
});

before(async () => {
  server = await FakeApiServer.start({
    nodes: NODES.map((n) => makeNode(n)),
    daemonSets: [ds, makeDaemonSet('ops', 'other')],
    pods: [
      makeDaemonPod(ds, 'n1', 'aaa', { restarts: 3 }),
      makeDaemonPod(ds, 'n2', 'aaa'),
      // not selected by app=agent
      makeDaemonPod(makeDaemonSet('ops', 'other'), 'n1', 'zzz'),
    ],
    controllerRevisions: [makeRevision(ds, 'aaa', 1)],
    events: [
      makeEvent(
        ds,
        'FailedDaemonPod',
        'Found failed daemon pod ops/agent-x on node n3, will try to kill it',
        '2025-06-02T10:00:00Z',
      ),
    ],
  });
  source = await KubeconfigSource.create({ kubeconfig: server.writeKubeconfig(join(dir, 'config')), timeoutMs: 3000 });
});

after(async () => {
  for (const w of watches) w.dispose();
  source.dispose();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function open(name = 'agent'): LiveDaemonSetWatch {
  const w = source.watchDaemonSet({ namespace: 'ops', name, retryDelayMs: 5, maxRetryDelayMs: 20 });
  watches.push(w);
  return w;
}

/** Resolves with the first state (current or a later change) that satisfies `pred`. */
function until(w: LiveDaemonSetWatch, pred: (s: LiveSnapshot) => boolean): Promise<LiveSnapshot> {
  const now = w.current();
  if (pred(now)) return Promise.resolve(now);
  return new Promise((resolve) => {
    const sub = w.onDidChange((s) => {
      if (pred(s)) {
        sub.dispose();
        resolve(s);
      }
    });
  });
}

const podNames = (s: LiveSnapshot): string[] => (s.live?.pods ?? []).map((p) => p.name).sort();

test('selectorQuery writes labels.Selector.String()', () => {
  assert.equal(selectorQuery({ matchLabels: { b: '2', a: '1' } }), 'a=1,b=2');
  assert.equal(
    selectorQuery({
      matchLabels: { app: 'x' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['b', 'a'] },
        { key: 'gpu', operator: 'DoesNotExist' },
        { key: 'zone', operator: 'Exists' },
        { key: 'env', operator: 'NotIn', values: ['dev'] },
      ],
    }),
    'app=x,env notin (dev),!gpu,tier in (a,b),zone',
  );
  assert.equal(selectorQuery({}), undefined);
  assert.equal(selectorQuery(null), undefined);
  assert.equal(selectorQuery({ matchExpressions: [{ key: 'a', operator: 'Bogus' }] }), undefined);
});

test('the first read: the DaemonSet, its pods by label selector, revisions and events; the drift per node', async () => {
  const w = open();
  const snap = await w.start();
  assert.equal(snap.state, 'ok', snap.message);
  assert.equal(snap.live?.daemonSet?.name, 'agent');
  assert.deepEqual(podNames(snap), ['agent-n1', 'agent-n2']);
  assert.deepEqual(
    snap.live?.revisions.map((r) => r.hash),
    ['aaa'],
  );
  assert.equal(snap.live?.events[0]?.reason, 'FailedDaemonPod');
  // The lists and the watches used the DaemonSet's selector and name.
  assert.ok(
    server.requests.some(
      (r) => r.path === '/api/v1/namespaces/ops/pods' && r.query.get('labelSelector') === 'app=agent',
    ),
  );
  assert.ok(
    server.requests.some(
      (r) =>
        r.path === '/apis/apps/v1/namespaces/ops/daemonsets' && r.query.get('fieldSelector') === 'metadata.name=agent',
    ),
  );
  await server.waitForRequest(
    (r) =>
      r.path === '/api/v1/namespaces/ops/pods' &&
      r.query.get('watch') === '1' &&
      r.query.get('labelSelector') === 'app=agent',
  );

  const prediction = predictPlacement(
    { metadata: { name: 'agent' }, spec: { template: { spec: { containers: [{ name: 'c' }] } } } },
    { nodes: NODES.map((n) => makeNode(n)) as never },
  );
  const view = liveStatusView(prediction, snap.live, Date.parse('2025-06-03T10:00:00Z'), {
    source: 'fake',
    state: 'ok',
    namespace: 'ops',
    name: 'agent',
  });
  assert.deepEqual(view.getDs?.row, ['agent', '3', '2', '2', '2', '2', '<none>', '2d']);
  assert.equal(
    view.rolloutStatus?.message,
    'Waiting for daemon set "agent" rollout to finish: 2 out of 3 new pods have been updated...',
  );
  const n3 = view.nodes.find((n) => n.node === 'n3');
  assert.deepEqual(
    n3?.drift.map((d) => [d.kind, d.event?.reason]),
    [['missing', 'FailedDaemonPod']],
  );
  assert.deepEqual(
    view.nodes.find((n) => n.node === 'n1')?.pods.map((p) => [p.name, p.restarts, p.revision]),
    [['agent-n1', 3, 'aaa']],
  );
});

test('a rollout driven by watch events: pods replaced one by one, rollout status follows to the end', async () => {
  const w = open();
  await w.start();
  await until(w, () => w.watching === 2);
  const status = (s: LiveSnapshot): string => (s.live?.daemonSet ? rolloutStatus(s.live.daemonSet).message : '');

  // A new template: generation 2, not yet observed.
  server.modify('daemonsets', 'ops', 'agent', (d) => {
    d.metadata.generation = 2;
    d.spec.template.spec.containers[0].image = 'example.com/agent:2';
  });
  let s = await until(w, (x) => x.live?.daemonSet?.generation === 2);
  assert.equal(status(s), 'Waiting for daemon set spec update to be observed...\n');

  // The controller observes it and writes a new ControllerRevision.
  server.upsert('controllerrevisions', makeRevision(server.get('daemonsets', 'ops', 'agent')!, 'bbb', 2));
  server.upsert('pods', makeDaemonPod(ds, 'n3', 'aaa', { ready: false, phase: 'Pending' }));
  server.modify(
    'daemonsets',
    'ops',
    'agent',
    (d) => (d.status = { ...d.status, observedGeneration: 2, updatedNumberScheduled: 0, currentNumberScheduled: 3 }),
  );
  s = await until(
    w,
    (x) => x.live?.daemonSet?.status.observedGeneration === 2 && x.live.revisions.some((r) => r.hash === 'bbb'),
  );
  assert.equal(
    status(s),
    'Waiting for daemon set "agent" rollout to finish: 0 out of 3 new pods have been updated...\n',
  );

  // One node at a time (maxUnavailable 1): delete the old pod, create the new one.
  let updated = 0;
  for (const node of NODES) {
    server.remove('pods', 'ops', `agent-${node}`);
    await until(w, (x) => !podNames(x).includes(`agent-${node}`));
    server.upsert('pods', makeDaemonPod(ds, node, 'bbb', { suffix: `${node}-v2`, created: '2025-06-05T10:00:00Z' }));
    updated++;
    server.modify(
      'daemonsets',
      'ops',
      'agent',
      (d) =>
        (d.status = { ...d.status, updatedNumberScheduled: updated, numberAvailable: updated, numberReady: updated }),
    );
    s = await until(
      w,
      (x) => x.live?.daemonSet?.status.updatedNumberScheduled === updated && podNames(x).includes(`agent-${node}-v2`),
    );
    if (updated < 3)
      assert.equal(
        status(s),
        `Waiting for daemon set "agent" rollout to finish: ${updated} out of 3 new pods have been updated...\n`,
      );
    const view = liveStatusView(undefined, s.live, 0, { source: 'fake', state: 'ok', namespace: 'ops', name: 'agent' });
    assert.equal(view.currentRevision, 'bbb');
  }
  assert.equal(status(s), 'daemon set "agent" successfully rolled out\n');
  assert.deepEqual(podNames(s), ['agent-n1-v2', 'agent-n2-v2', 'agent-n3-v2']);
  // Every pod is on the current revision now: no old-revision drift.
  const prediction = predictPlacement(
    { metadata: { name: 'agent' }, spec: { template: { spec: { containers: [{ name: 'c' }] } } } },
    { nodes: NODES.map((n) => makeNode(n)) as never },
  );
  const view = liveStatusView(prediction, s.live, 0, { source: 'fake', state: 'ok', namespace: 'ops', name: 'agent' });
  assert.deepEqual(
    view.nodes.flatMap((n) => n.drift),
    [],
  );
});

test('a cut watch is listed again (changes made meanwhile are seen); a clean end resumes from the last version', async () => {
  const w = open();
  await w.start();
  await until(w, () => w.watching === 2);
  const before = server.requests.length;
  server.endWatches();
  const resumed = await server.waitForRequest(
    (r) => r.path === '/api/v1/namespaces/ops/pods' && r.query.get('watch') === '1',
    before,
  );
  assert.notEqual(resumed.query.get('resourceVersion'), '', 'resumes from a version, not a fresh list');
  assert.ok(
    !server.requests
      .slice(before)
      .some((r) => r.path === '/apis/apps/v1/namespaces/ops/daemonsets' && r.query.get('watch') !== '1'),
    'no re-list after a clean end',
  );

  server.dropWatches();
  await until(w, (x) => x.state === 'connecting');
  server.modifyNodeQuietly('n1', () => undefined); // the versions move on meanwhile
  server.upsert('pods', makeDaemonPod(ds, 'n1', 'ccc', { suffix: 'late' }));
  const s = await until(w, (x) => x.state === 'ok' && podNames(x).includes('agent-late'));
  assert.ok(s.live?.daemonSet);
});

test('a DaemonSet that is not in the cluster yet: absent, then followed once created', async () => {
  const w = open('later');
  const first = await w.start();
  assert.equal(first.state, 'ok');
  assert.equal(first.live?.daemonSet, undefined);
  assert.equal(
    liveStatusView(undefined, first.live, 0, { source: 'fake', state: 'ok', namespace: 'ops', name: 'later' }).state,
    'absent',
  );
  await until(w, () => w.watching === 1);
  const later = makeDaemonSet('ops', 'later', { status: { desiredNumberScheduled: 3 } });
  server.upsert('daemonsets', later);
  server.upsert('pods', makeDaemonPod(later, 'n2', 'h1'));
  const s = await until(w, (x) => x.live?.daemonSet?.name === 'later' && podNames(x).includes('later-n2'));
  assert.equal(s.state, 'ok');
  server.remove('daemonsets', 'ops', 'later');
  const gone = await until(w, (x) => !x.live?.daemonSet);
  assert.deepEqual(podNames(gone), []);
});

test('a server that refuses: an error status with the reason, never a throw', async () => {
  server.forbidden = ['/apis/apps/v1/namespaces/ops/daemonsets'];
  try {
    const w = open();
    const s = await w.start();
    assert.equal(s.state, 'error');
    assert.match(s.message ?? '', /403 Forbidden/);
    w.dispose();
  } finally {
    server.forbidden = [];
  }
});
