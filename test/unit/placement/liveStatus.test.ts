// The pure live-status computation: kubectl's rollout status message, `kubectl get ds` columns
// and AGE, and the per-node drift between the cluster and the edited manifest.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { predictPlacement } from '../../../server/src/placement';
import {
  formatGetDs,
  formatLabels,
  humanDuration,
  liveNodes,
  liveStatusView,
  readDaemonSet,
  readEvent,
  readPod,
  readRevision,
  rolloutStatus,
  type LiveState,
} from '../../../server/src/placement/liveStatus';
import { newDaemonSet, newNode, withTaints } from './builders';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

function ds(generation: number, status: Record<string, number>, strategy = 'RollingUpdate') {
  const d = readDaemonSet({
    metadata: { namespace: 'bar', name: 'foo', uid: '8764ae47-9092-11e4-8393-42010af018ff', generation },
    spec: { updateStrategy: { type: strategy } },
    status,
  });
  assert.ok(d);
  return d;
}

// TestDaemonSetStatusViewerStatus (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status_test.go)
const STATUS_VIEWER_CASES = [
  {
    name: 'test1',
    generation: 0,
    status: { observedGeneration: 1, updatedNumberScheduled: 0, desiredNumberScheduled: 1, numberAvailable: 0 },
    msg: 'Waiting for daemon set "foo" rollout to finish: 0 out of 1 new pods have been updated...\n',
    done: false,
  },
  {
    name: 'test2',
    generation: 1,
    status: { observedGeneration: 1, updatedNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 1 },
    msg: 'Waiting for daemon set "foo" rollout to finish: 1 of 2 updated pods are available...\n',
    done: false,
  },
  {
    name: 'test3',
    generation: 1,
    status: { observedGeneration: 1, updatedNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 2 },
    msg: 'daemon set "foo" successfully rolled out\n',
    done: true,
  },
  {
    name: 'test4',
    generation: 2,
    status: { observedGeneration: 1, updatedNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 2 },
    msg: 'Waiting for daemon set spec update to be observed...\n',
    done: false,
  },
];

for (const c of STATUS_VIEWER_CASES) {
  test(`DaemonSetStatusViewer.Status ${c.name}`, () => {
    const got = rolloutStatus(ds(c.generation, c.status));
    assert.equal(got.error, undefined);
    assert.equal(got.message, c.msg);
    assert.equal(got.done, c.done);
  });
}

// TestDaemonSetStatusViewerStatusWithWrongUpdateStrategyType
test('DaemonSetStatusViewer.Status: OnDelete is an error, as kubectl says it', () => {
  const got = rolloutStatus(ds(0, {}, 'OnDelete'));
  assert.equal(got.error, 'rollout status is only available for RollingUpdate strategy type');
  assert.equal(got.message, '');
});

test('a DaemonSet without updateStrategy is RollingUpdate (the apps/v1 default)', () => {
  const d = readDaemonSet({ metadata: { name: 'x' }, spec: {}, status: {} });
  assert.equal(d?.strategy, 'RollingUpdate');
  assert.equal(rolloutStatus(d!).message, 'daemon set "x" successfully rolled out\n');
});

// TestHumanDuration and TestHumanDurationBoundaries (staging/src/k8s.io/apimachinery/pkg/util/duration/duration_test.go)
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;
const DURATIONS: Array<[number, string]> = [
  [SECOND, '1s'],
  [70 * SECOND, '70s'],
  [190 * SECOND, '3m10s'],
  [70 * MINUTE, '70m'],
  [47 * HOUR, '47h'],
  [49 * HOUR, '2d1h'],
  [(8 * 24 + 2) * HOUR, '8d'],
  [367 * 24 * HOUR, '367d'],
  [(365 * 2 * 24 + 25) * HOUR, '2y1d'],
  [(365 * 8 * 24 + 2) * HOUR, '8y'],
  // boundaries
  [-2 * SECOND, '<invalid>'],
  [-2 * SECOND + 1, '0s'],
  [0, '0s'],
  [SECOND - 1, '0s'],
  [2 * MINUTE - 1, '119s'],
  [2 * MINUTE, '2m'],
  [2 * MINUTE + SECOND, '2m1s'],
  [10 * MINUTE - 1, '9m59s'],
  [10 * MINUTE, '10m'],
  [10 * MINUTE + SECOND, '10m'],
  [3 * HOUR - 1, '179m'],
  [3 * HOUR, '3h'],
  [3 * HOUR + MINUTE, '3h1m'],
  [8 * HOUR - 1, '7h59m'],
  [8 * HOUR, '8h'],
  [8 * HOUR + 59 * MINUTE, '8h'],
  [2 * DAY - 1, '47h'],
  [2 * DAY, '2d'],
  [2 * DAY + HOUR, '2d1h'],
  [8 * DAY - 1, '7d23h'],
  [8 * DAY, '8d'],
  [8 * DAY + 23 * HOUR, '8d'],
  [2 * YEAR - 1, '729d'],
  [2 * YEAR, '2y'],
  [2 * YEAR + 23 * HOUR, '2y'],
  [2 * YEAR + 23 * HOUR + 59 * MINUTE, '2y'],
  [2 * YEAR + DAY - 1, '2y'],
  [2 * YEAR + DAY, '2y1d'],
  [3 * YEAR, '3y'],
  [4 * YEAR, '4y'],
  [5 * YEAR, '5y'],
  [6 * YEAR, '6y'],
  [7 * YEAR, '7y'],
  [8 * YEAR - 1, '7y364d'],
  [8 * YEAR, '8y'],
  [8 * YEAR + 364 * DAY, '8y'],
  [9 * YEAR, '9y'],
];

test('humanDuration: upstream TestHumanDuration and TestHumanDurationBoundaries', () => {
  for (const [ms, want] of DURATIONS) assert.equal(humanDuration(ms), want, `${ms} ms`);
});

test('formatLabels: sorted, <none> when empty (labels.FormatLabels)', () => {
  assert.equal(formatLabels({}), '<none>');
  assert.equal(formatLabels({ 'kubernetes.io/os': 'linux', b: '2', a: '1' }), 'a=1,b=2,kubernetes.io/os=linux');
});

test('kubectl get ds: columns from .status, tabwriter layout', () => {
  const now = Date.parse('2026-01-10T12:00:00Z');
  const d = readDaemonSet({
    metadata: { name: 'kube-proxy', namespace: 'kube-system', creationTimestamp: '2026-01-01T12:00:00Z' },
    spec: { template: { spec: { nodeSelector: { 'kubernetes.io/os': 'linux' } } } },
    status: {
      desiredNumberScheduled: 3,
      currentNumberScheduled: 3,
      numberReady: 2,
      updatedNumberScheduled: 1,
      numberAvailable: 2,
    },
  });
  assert.equal(
    formatGetDs(d!, now),
    'NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE\n' +
      'kube-proxy   3         3         2       1            2           kubernetes.io/os=linux   9d\n',
  );
});

test('readers never throw on junk', () => {
  for (const junk of [undefined, null, 3, 'x', [], {}, { metadata: 'no' }, { metadata: { name: 7 } }]) {
    assert.equal(readDaemonSet(junk), undefined);
    assert.equal(readPod(junk), undefined);
    assert.equal(readRevision(junk), undefined);
  }
  assert.equal(readEvent({}), undefined);
  const d = readDaemonSet({ metadata: { name: 'a' }, status: { numberReady: 'lots', desiredNumberScheduled: '4' } });
  assert.equal(d?.status.numberReady, 0);
  assert.equal(d?.status.desiredNumberScheduled, 4);
});

function pod(
  name: string,
  node: string,
  hash: string,
  extra: { ready?: boolean; restarts?: number; phase?: string; deleting?: boolean; waiting?: string } = {},
): unknown {
  return {
    metadata: {
      name,
      namespace: 'ns',
      uid: `uid-${name}`,
      creationTimestamp: '2026-01-10T11:00:00Z',
      labels: { app: 'agent', 'controller-revision-hash': hash },
      ownerReferences: [{ kind: 'DaemonSet', name: 'agent', uid: 'ds-uid', controller: true }],
      ...(extra.deleting ? { deletionTimestamp: '2026-01-10T11:59:00Z' } : {}),
    },
    spec: { nodeName: node, containers: [{ name: 'c' }] },
    status: {
      phase: extra.phase ?? 'Running',
      containerStatuses: [
        {
          name: 'c',
          ready: extra.ready ?? true,
          restartCount: extra.restarts ?? 0,
          state: extra.waiting ? { waiting: { reason: extra.waiting } } : { running: {} },
        },
      ],
    },
  };
}

test('per node: the actual pod next to the prediction, and the drift', () => {
  const now = Date.parse('2026-01-10T12:00:00Z');
  const nodes = [
    newNode('n1'),
    newNode('n2'),
    withTaints(newNode('n3'), [{ key: 'dedicated', value: 'x', effect: 'NoExecute' }]),
    withTaints(newNode('n4'), [{ key: 'dedicated', value: 'x', effect: 'NoSchedule' }]),
    newNode('n5'),
  ];
  const prediction = predictPlacement(newDaemonSet('agent'), { nodes });
  const state: LiveState = {
    daemonSet: readDaemonSet({
      metadata: { name: 'agent', namespace: 'ns', uid: 'ds-uid', generation: 2 },
      status: { observedGeneration: 2, desiredNumberScheduled: 4, numberReady: 3 },
    })!,
    pods: [
      pod('agent-a', 'n1', 'new', { restarts: 2 }),
      pod('agent-b', 'n3', 'new'),
      pod('agent-c', 'n4', 'old'),
      pod('agent-d', 'n5', 'new', { ready: false, waiting: 'CrashLoopBackOff' }),
      pod('agent-e', 'gone-node', 'new'),
      // someone else's pod with matching labels is not ours
      {
        ...(pod('other', 'n2', 'new') as object),
        metadata: {
          name: 'other',
          namespace: 'ns',
          labels: { app: 'agent' },
          ownerReferences: [{ kind: 'DaemonSet', uid: 'someone-else', controller: true }],
        },
      },
    ].map((p) => readPod(p)!),
    revisions: [
      readRevision({
        metadata: {
          name: 'agent-old',
          labels: { 'controller-revision-hash': 'old' },
          ownerReferences: [{ uid: 'ds-uid', controller: true }],
        },
        revision: 1,
      })!,
      readRevision({
        metadata: {
          name: 'agent-new',
          labels: { 'controller-revision-hash': 'new' },
          ownerReferences: [{ uid: 'ds-uid', controller: true }],
        },
        revision: 2,
      })!,
    ],
    events: [
      readEvent({
        type: 'Warning',
        reason: 'FailedDaemonPod',
        message: 'Found failed daemon pod ns/agent-x on node n2, will try to kill it',
        involvedObject: { kind: 'DaemonSet', name: 'agent' },
        lastTimestamp: '2026-01-10T11:58:00Z',
      })!,
      readEvent({
        type: 'Warning',
        reason: 'FailedCreate',
        message: 'Error creating: pods "agent-" is forbidden on node n22',
        involvedObject: { kind: 'DaemonSet', name: 'agent' },
        lastTimestamp: '2026-01-10T11:59:00Z',
      })!,
    ],
  };
  const { nodes: rows, stray } = liveNodes(prediction, state, now);
  const byNode = Object.fromEntries(rows.map((r) => [r.node, r]));
  // n1: runs, on the current revision, no drift
  assert.deepEqual(
    byNode.n1!.pods.map((p) => [p.name, p.ready, p.restarts, p.revision, p.age, p.oldRevision]),
    [['agent-a', '1/1', 2, 'new', '60m', false]],
  );
  assert.deepEqual(byNode.n1!.drift, []);
  // n2: predicted, no pod: the FailedDaemonPod event naming n2 is the reason (not the one naming n22)
  assert.deepEqual(
    byNode.n2!.drift.map((d) => d.kind),
    ['missing'],
  );
  assert.equal(byNode.n2!.drift[0]!.event?.reason, 'FailedDaemonPod');
  // n3: NoExecute taint not tolerated: shouldContinueRunning false → apply deletes the pod
  assert.equal(byNode.n3!.predicted, 'excluded');
  assert.deepEqual(
    byNode.n3!.drift.map((d) => d.kind),
    ['wouldDelete'],
  );
  assert.match(byNode.n3!.drift[0]!.message, /deletes agent-b/);
  // n4: NoSchedule taint: the pod is kept but would not be recreated; and it is on the old revision
  assert.deepEqual(
    byNode.n4!.drift.map((d) => d.kind),
    ['wouldNotRecreate', 'oldRevision'],
  );
  // n5: the waiting reason shows as kubectl's STATUS
  assert.deepEqual([byNode.n5!.pods[0]!.status, byNode.n5!.pods[0]!.isReady], ['CrashLoopBackOff', false]);
  // a pod on a node the snapshot does not list
  assert.deepEqual(
    stray.map((s) => [s.node, s.pods.map((p) => p.name), s.drift.map((d) => d.kind)]),
    [['gone-node', ['agent-e'], ['unknownNode']]],
  );

  const view = liveStatusView(prediction, state, now, { source: 'test', state: 'ok', namespace: 'ns', name: 'agent' });
  assert.equal(view.summary, 'live: 3/4 ready');
  assert.equal(view.currentRevision, 'new');
  assert.equal(view.driftCount, 4);
});

test('a DaemonSet not in the cluster: apply would create it', () => {
  const view = liveStatusView(undefined, { pods: [], revisions: [], events: [] }, 0, {
    source: 's',
    state: 'ok',
    namespace: 'a',
    name: 'b',
  });
  assert.equal(view.state, 'absent');
  assert.match(view.message ?? '', /no DaemonSet a\/b/);
});

test('a pod being deleted is not counted as running (a missing pod during a rollout)', () => {
  const prediction = predictPlacement(newDaemonSet('agent'), { nodes: [newNode('n1')] });
  const state: LiveState = {
    daemonSet: readDaemonSet({ metadata: { name: 'agent', uid: 'ds-uid' } })!,
    pods: [readPod(pod('agent-a', 'n1', 'old', { deleting: true }))!],
    revisions: [],
    events: [],
  };
  const { nodes } = liveNodes(prediction, state, 0);
  assert.equal(nodes[0]!.pods[0]!.status, 'Terminating');
  assert.deepEqual(
    nodes[0]!.drift.map((d) => d.kind),
    ['missing'],
  );
});
