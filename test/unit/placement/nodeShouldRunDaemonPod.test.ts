// Whole-engine cases transcribed from Kubernetes' pkg/controller/daemon/daemon_controller_test.go:
// the TestNodeShouldRunDaemonPod table (named as there; shouldRun/shouldContinueRunning as there,
// plus what the scheduler would then do, which that table leaves to the scheduler) and the sync
// tests that count pod creations per node set.
import test from 'node:test';
import assert from 'node:assert/strict';
import { predictPlacement, type DaemonSet, type Node, type Pod, type PodSpec } from '../../../server/src/placement';
import {
  allocatableResources,
  newDaemonSet,
  newNode,
  newPod,
  noExecuteTaints,
  noScheduleTaints,
  resourcePodSpec,
  simpleDaemonSetLabel,
  simpleDaemonSetLabel2,
  simpleNodeLabel,
  withTaints,
} from './builders';

const hostPort666: PodSpec = { containers: [{ ports: [{ hostPort: 666 }] }] };
const hostPort666With = (memory: string, cpu: string): PodSpec => ({
  containers: [{ ports: [{ hostPort: 666 }], resources: { requests: allocatableResources(memory, cpu) } }],
});
const affinityType = (value: string): PodSpec => ({
  affinity: {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: 'type', operator: 'In', values: [value] }] }],
      },
    },
  },
});

interface Case {
  predicateName: string;
  podsOnNode?: PodSpec[];
  nodeUnschedulable?: boolean;
  spec: PodSpec;
  shouldRun: boolean;
  shouldContinueRunning: boolean;
  /** Beyond the Kubernetes table: what the scheduler does with the pod. */
  pending: boolean;
  reason: string;
}

const cases: Case[] = [
  {
    predicateName: 'ShouldRunDaemonPod',
    spec: resourcePodSpec('', '50M', '0.5'),
    shouldRun: true,
    shouldContinueRunning: true,
    pending: false,
    reason: 'ok',
  },
  {
    predicateName: 'InsufficientResourceError',
    spec: resourcePodSpec('', '200M', '0.5'),
    shouldRun: true,
    shouldContinueRunning: true,
    pending: true,
    reason: 'insufficientResources',
  },
  {
    predicateName: 'ErrPodNotMatchHostName',
    spec: resourcePodSpec('other-node', '50M', '0.5'),
    shouldRun: false,
    shouldContinueRunning: false,
    pending: false,
    reason: 'nodeName',
  },
  {
    predicateName: 'ErrPodNotFitsHostPorts',
    podsOnNode: [hostPort666],
    spec: hostPort666,
    shouldRun: true,
    shouldContinueRunning: true,
    pending: true,
    reason: 'hostPort',
  },
  {
    predicateName: 'InsufficientResourceError',
    podsOnNode: [hostPort666With('50M', '0.5')],
    spec: resourcePodSpec('', '100M', '0.5'),
    shouldRun: true,
    shouldContinueRunning: true,
    pending: true,
    reason: 'insufficientResources',
  },
  {
    predicateName: 'ShouldRunDaemonPod',
    podsOnNode: [hostPort666With('50M', '0.5')],
    spec: resourcePodSpec('', '50M', '0.5'),
    shouldRun: true,
    shouldContinueRunning: true,
    pending: false,
    reason: 'ok',
  },
  {
    predicateName: 'ErrNodeSelectorNotMatch',
    spec: { nodeSelector: simpleDaemonSetLabel2 },
    shouldRun: false,
    shouldContinueRunning: false,
    pending: false,
    reason: 'nodeSelector',
  },
  {
    predicateName: 'ShouldRunDaemonPod',
    spec: { nodeSelector: simpleDaemonSetLabel },
    shouldRun: true,
    shouldContinueRunning: true,
    pending: false,
    reason: 'ok',
  },
  {
    predicateName: 'ErrPodAffinityNotMatch',
    spec: affinityType('test'),
    shouldRun: false,
    shouldContinueRunning: false,
    pending: false,
    reason: 'nodeAffinity',
  },
  {
    predicateName: 'ShouldRunDaemonPod',
    spec: affinityType('production'),
    shouldRun: true,
    shouldContinueRunning: true,
    pending: false,
    reason: 'ok',
  },
  {
    predicateName: 'ShouldRunDaemonPodOnUnschedulableNode',
    nodeUnschedulable: true,
    spec: resourcePodSpec('', '50M', '0.5'),
    shouldRun: true,
    shouldContinueRunning: true,
    pending: false,
    reason: 'ok',
  },
];

cases.forEach((c, i) => {
  test(`TestNodeShouldRunDaemonPod [${i}] ${c.predicateName}`, () => {
    const node = newNode('test-node', simpleDaemonSetLabel);
    node.status!.allocatable = allocatableResources('100M', '1');
    if (c.nodeUnschedulable === true) node.spec = { unschedulable: true };
    const pods: Pod[] = (c.podsOnNode ?? []).map((spec, p) => newPod(`pod-${p}`, 'test-node', spec));
    const result = predictPlacement(newDaemonSet('foo', c.spec), { nodes: [node], pods });
    const v = result.nodes[0]!;
    assert.equal(v.shouldRun, c.shouldRun, 'shouldRun');
    assert.equal(v.shouldContinueRunning, c.shouldContinueRunning, 'shouldContinueRunning');
    assert.equal(v.pending, c.pending, 'pending');
    assert.equal(v.reason, c.reason, `reason (${v.detail})`);
  });
});

test('TestNodeShouldRunDaemonPod details say what failed', () => {
  const node = newNode('test-node', simpleDaemonSetLabel);
  node.status!.allocatable = allocatableResources('100M', '1');
  const detail = (spec: PodSpec, pods: Pod[] = []): string =>
    predictPlacement(newDaemonSet('foo', spec), { nodes: [node], pods }).nodes[0]!.detail;
  assert.equal(detail(resourcePodSpec('', '200M', '0.5')), 'needs 200M memory, 100M free');
  assert.equal(
    detail(resourcePodSpec('', '100M', '0.5'), [newPod('p', 'test-node', hostPort666With('50M', '0.5'))]),
    'needs 100M memory, 50M free',
  );
  assert.equal(
    detail(resourcePodSpec('other-node', '50M', '0.5')),
    'spec.template.spec.nodeName is `other-node`, so the pod runs only on that node',
  );
  assert.equal(
    detail(hostPort666, [newPod('p', 'test-node', hostPort666)]),
    'host port 666/TCP is already used by pod `default/p`',
  );
  assert.equal(
    detail({ nodeSelector: simpleDaemonSetLabel2 }),
    'nodeSelector `type=test` does not match (node has type=production)',
  );
  assert.equal(
    detail(affinityType('test')),
    'node affinity `type In [test]` does not match (node has type=production)',
  );
});

// The sync tests below count the pods the controller creates: nodes where shouldRun holds and
// no pod of the DaemonSet exists yet.
function creates(ds: DaemonSet, nodes: Node[], pods: Pod[] = []): string[] {
  const result = predictPlacement(ds, { nodes, pods });
  const withOwnPod = new Set(
    pods.filter((p) => p.metadata?.ownerReferences !== undefined).map((p) => p.spec?.nodeName),
  );
  assert.equal(result.desired + result.excluded, nodes.length);
  assert.equal(result.desired, result.nodes.filter((n) => n.shouldRun).length);
  return result.nodes.filter((n) => n.shouldRun && !withOwnPod.has(n.name)).map((n) => n.name);
}

function addNodes(start: number, count: number, labels?: Record<string, string>): Node[] {
  return Array.from({ length: count }, (_, i) => newNode(`node-${start + i}`, labels));
}

test('TestSimpleDaemonSetLaunchesPods: 5 plain nodes get 5 pods', () => {
  assert.equal(creates(newDaemonSet('foo'), addNodes(0, 5)).length, 5);
});

test('TestSelectorDaemonLaunchesPods: only the 3 labelled of 7 nodes', () => {
  const ds = newDaemonSet('foo', { nodeSelector: simpleNodeLabel });
  assert.deepEqual(creates(ds, [...addNodes(0, 4), ...addNodes(4, 3, simpleNodeLabel)]), [
    'node-4',
    'node-5',
    'node-6',
  ]);
});

test('TestBadSelectorDaemonDoesNothing', () => {
  const ds = newDaemonSet('foo', { nodeSelector: simpleDaemonSetLabel2 });
  assert.deepEqual(creates(ds, [...addNodes(0, 4), ...addNodes(4, 3, simpleNodeLabel)]), []);
});

test('TestNameDaemonSetLaunchesPods / TestBadNameDaemonSetDoesNothing', () => {
  assert.deepEqual(creates(newDaemonSet('foo', { nodeName: 'node-0' }), addNodes(0, 5)), ['node-0']);
  assert.deepEqual(creates(newDaemonSet('foo', { nodeName: 'node-10' }), addNodes(0, 5)), []);
});

test('TestNameAndSelectorDaemonSetLaunchesPods / TestInconsistentNameSelectorDaemonSetDoesNothing', () => {
  const nodes = [...addNodes(0, 4), ...addNodes(4, 3, simpleNodeLabel)];
  assert.deepEqual(creates(newDaemonSet('foo', { nodeSelector: simpleNodeLabel, nodeName: 'node-6' }), nodes), [
    'node-6',
  ]);
  assert.deepEqual(creates(newDaemonSet('foo', { nodeSelector: simpleNodeLabel, nodeName: 'node-0' }), nodes), []);
});

test('TestNodeAffinityDaemonLaunchesPods', () => {
  const ds = newDaemonSet('foo', {
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'color', operator: 'In', values: ['blue'] }] }],
        },
      },
    },
  });
  assert.deepEqual(creates(ds, [...addNodes(0, 4), ...addNodes(4, 3, simpleNodeLabel)]), [
    'node-4',
    'node-5',
    'node-6',
  ]);
});

test('TestTaintedNodeDaemonDoesNotLaunchIntolerantPod / TestTaintedNodeDaemonLaunchesToleratePod', () => {
  const tainted = (): Node[] => [withTaints(newNode('tainted'), noScheduleTaints)];
  assert.deepEqual(creates(newDaemonSet('intolerant'), tainted()), []);
  const v = predictPlacement(newDaemonSet('intolerant'), { nodes: tainted() }).nodes[0]!;
  assert.equal(v.reason, 'taint');
  assert.equal(
    v.detail,
    'taint `dedicated=user1:NoSchedule` is not tolerated (NoSchedule: a pod already running here is kept)',
  );
  assert.deepEqual(v.taint, noScheduleTaints[0]);
  assert.deepEqual(v.path, ['spec', 'template', 'spec', 'tolerations']);
  const tolerate = newDaemonSet('tolerate', {
    tolerations: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
  });
  assert.deepEqual(creates(tolerate, tainted()), ['tainted']);
});

test('TestNotReadyNodeDaemonLaunchesPod / TestUnreachableNodeDaemonLaunchesPod: the added NoExecute tolerations', () => {
  const notReady = withTaints(newNode('tainted'), [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }]);
  notReady.status!.conditions = [{ type: 'Ready', status: 'False' }];
  const unreachable = withTaints(newNode('unreachable'), [
    { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
  ]);
  unreachable.status!.conditions = [{ type: 'Ready', status: 'Unknown' }];
  const result = predictPlacement(newDaemonSet('simple'), { nodes: [notReady, unreachable] });
  assert.equal(result.desired, 2);
  assert.ok(result.nodes[0]!.notes?.some((n) => n.includes('NotReady (Ready=False)')));
  assert.ok(
    result.nodes[0]!.notes?.some((n) => n.includes('tolerated by the toleration the DaemonSet controller adds')),
  );
  assert.ok(result.nodes[1]!.notes?.some((n) => n.includes('NotReady (Ready=Unknown)')));
});

test('a NotReady node that also carries not-ready:NoSchedule gets no new pod but keeps a running one', () => {
  // TaintNodesByCondition adds not-ready:NoSchedule; the controller only tolerates the NoExecute one.
  const node = withTaints(newNode('nr'), [
    { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' },
  ]);
  node.status!.conditions = [{ type: 'Ready', status: 'False' }];
  const v = predictPlacement(newDaemonSet('simple'), { nodes: [node] }).nodes[0]!;
  assert.equal(v.shouldRun, false);
  assert.equal(v.shouldContinueRunning, true);
  assert.equal(v.reason, 'taint');
});

test('TestNodeDaemonLaunchesToleratePod: tolerations do not require taints', () => {
  assert.deepEqual(
    creates(
      newDaemonSet('tolerate', { tolerations: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }] }),
      addNodes(0, 1),
    ),
    ['node-0'],
  );
});

test('TestTaintPressureNodeDaemonLaunchesPod: disk/memory/pid pressure taints are tolerated', () => {
  const node = withTaints(newNode('resources-pressure'), [
    { key: 'node.kubernetes.io/disk-pressure', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', effect: 'NoSchedule' },
  ]);
  assert.deepEqual(creates(newDaemonSet('critical'), [node]), ['resources-pressure']);
});

test('network-unavailable NoSchedule is tolerated only by hostNetwork DaemonSets', () => {
  const node = (): Node =>
    withTaints(newNode('network-unavailable'), [
      { key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' },
    ]);
  assert.deepEqual(creates(newDaemonSet('simple'), [node()]), []);
  assert.deepEqual(creates(newDaemonSet('cni', { hostNetwork: true, containers: [{}] }), [node()]), [
    'network-unavailable',
  ]);
  // TestNetworkUnavailableNodeDaemonLaunchesPod: the condition alone, without the taint, changes nothing.
  const conditionOnly = newNode('network-unavailable');
  conditionOnly.status!.conditions = [{ type: 'NetworkUnavailable', status: 'True' }];
  assert.deepEqual(creates(newDaemonSet('simple'), [conditionOnly]), ['network-unavailable']);
});

test('TestNoScheduleTaintedDoesntEvicitRunningIntolerantPod / TestNoExecuteTaintedDoesEvicitRunningIntolerantPod', () => {
  const ds = newDaemonSet('intolerant');
  const noSchedule = predictPlacement(ds, {
    nodes: [withTaints(newNode('tainted'), noScheduleTaints)],
    pods: [newPod('keep-running-me', 'tainted', {}, ds)],
  }).nodes[0]!;
  assert.deepEqual([noSchedule.shouldRun, noSchedule.shouldContinueRunning], [false, true]);
  assert.ok(noSchedule.notes?.includes('a pod of this DaemonSet already runs here and is kept'));
  const noExecute = predictPlacement(ds, {
    nodes: [withTaints(newNode('tainted'), noExecuteTaints)],
    pods: [newPod('stop-running-me', 'tainted', {}, ds)],
  }).nodes[0]!;
  assert.deepEqual([noExecute.shouldRun, noExecute.shouldContinueRunning], [false, false]);
  assert.ok(noExecute.notes?.includes('a pod of this DaemonSet runs here and the controller would delete it'));
});

test('TestInsufficientCapacityNodeSufficientCapacityWithNodeLabelDaemonLaunchPod', () => {
  const ds = newDaemonSet('foo', { ...resourcePodSpec('', '50M', '75m'), nodeSelector: simpleNodeLabel });
  const small = newNode('not-enough-resource');
  small.status!.allocatable = allocatableResources('10M', '20m');
  const big = newNode('enough-resource', simpleNodeLabel);
  big.status!.allocatable = allocatableResources('100M', '200m');
  const result = predictPlacement(ds, { nodes: [small, big] });
  assert.deepEqual(
    result.nodes.map((n) => [n.name, n.reason]),
    [
      ['not-enough-resource', 'nodeSelector'],
      ['enough-resource', 'ok'],
    ],
  );
  assert.deepEqual([result.desired, result.pending, result.excluded], [1, 0, 1]);
});

test('TestInsufficientCapacityNodeDaemonDoesNotUnscheduleRunningPod: the controller still wants the pod; the scheduler leaves it Pending', () => {
  const spec = resourcePodSpec('too-much-mem', '75M', '75m');
  const ds = newDaemonSet('foo', spec);
  const node = newNode('too-much-mem');
  node.status!.allocatable = allocatableResources('100M', '200m');
  const v = predictPlacement(ds, { nodes: [node], pods: [newPod('other', 'too-much-mem', spec)] }).nodes[0]!;
  assert.deepEqual(
    [v.shouldRun, v.shouldContinueRunning, v.pending, v.reason],
    [true, true, true, 'insufficientResources'],
  );
  assert.deepEqual(v.shortfalls, [{ resource: 'memory', requested: 75e6, free: 25e6, allocatable: 100e6 }]);
  assert.deepEqual(v.path, ['spec', 'template', 'spec', 'containers', 0, 'resources', 'requests', 'memory']);
});

test("TestPortConflictWithSameDaemonPodDoesNotDeletePod: the DaemonSet's own pod is no conflict", () => {
  const spec: PodSpec = { nodeName: 'port-conflict', containers: [{ ports: [{ hostPort: 666 }] }] };
  const ds = newDaemonSet('foo', spec);
  const v = predictPlacement(ds, {
    nodes: [newNode('port-conflict')],
    pods: [newPod('foo-x', 'port-conflict', spec, ds, simpleDaemonSetLabel)],
  }).nodes[0]!;
  assert.deepEqual([v.shouldRun, v.pending, v.reason], [true, false, 'ok']);
});

test('TestNoPortConflictNodeDaemonLaunchesPod: different host ports do not collide', () => {
  const ds = newDaemonSet('foo', { containers: [{ ports: [{ hostPort: 6662 }] }] });
  const v = predictPlacement(ds, {
    nodes: [newNode('no-port-conflict')],
    pods: [newPod('p', 'no-port-conflict', { containers: [{ ports: [{ hostPort: 6661 }] }] })],
  }).nodes[0]!;
  assert.deepEqual([v.shouldRun, v.pending, v.reason], [true, false, 'ok']);
});

test('TestDealsWithExistingPods: nodes that already have the pod still count as desired', () => {
  const ds = newDaemonSet('foo');
  const pods = [newPod('a', 'node-1', {}, ds), newPod('b', 'node-2', {}, ds), newPod('c', 'node-3', {}, ds)];
  const result = predictPlacement(ds, { nodes: addNodes(0, 5), pods });
  assert.equal(result.desired, 5);
  assert.deepEqual(creates(ds, addNodes(0, 5), pods), ['node-0', 'node-4']);
});
