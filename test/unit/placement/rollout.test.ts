// The rollout plan against Kubernetes' own tables (release 1.36), then the plan's own rules.
// Transcribed upstream tests (each case names its source):
//   staging/src/k8s.io/apimachinery/pkg/util/intstr/intstr_test.go  TestGetIntFromIntOrString, TestGetIntFromIntOrPercent
//   pkg/apis/apps/v1/defaults_test.go                              TestSetDefaultDaemonSetSpec (DaemonSet cases)
//   pkg/controller/daemon/update_test.go                           TestGetUnavailableNumbers, TestDaemonSetUpdatesPods,
//     TestDaemonSetUpdatesPodsWithMaxSurge, TestDaemonSetUpdatesPodsNotMatchTainstWithMaxSurge,
//     TestDaemonSetUpdatesAllOldNotReadyPodsAndNewNotReadyPods, TestDaemonSetUpdatesNoTemplateChanged
import test, { describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  defaultDaemonSetSpec,
  ESTIMATE_MODEL,
  planRollout,
  predictPlacement,
  scaledValueFromIntOrPercent,
  updatedDesiredNodeCounts,
  type ClusterState,
  type DaemonSet,
  type Node,
  type PodSpec,
} from '../../../server/src/placement';
import { allocatableResources, newDaemonSet, newNode, newPod, withTaints } from './builders';

/** addNodes(nodeStore, 0, n, nil) of daemon_controller_test.go. */
function addNodes(n: number): Node[] {
  return Array.from({ length: n }, (_, i) => newNode(`node-${i}`));
}

/** newUpdateUnavailable / newUpdateSurge of update_test.go. */
function withStrategy(ds: DaemonSet, strategy: Strategy): DaemonSet {
  ds.spec!.updateStrategy = strategy;
  return ds;
}
type Strategy = { type: string; rollingUpdate?: { maxUnavailable?: string | number; maxSurge?: string | number } };
const newUpdateUnavailable = (v: string | number): Strategy => ({
  type: 'RollingUpdate',
  rollingUpdate: { maxUnavailable: v },
});
const newUpdateSurge = (v: string | number): Strategy => ({
  type: 'RollingUpdate',
  rollingUpdate: { maxUnavailable: 0, maxSurge: v },
});

/** Upstream test names, counted at the end so the report can say how many cases were transcribed. */
const transcribed: string[] = [];
function upstream(name: string, fn: () => void): void {
  transcribed.push(name);
  test(name, fn);
}

describe('intstr_test.go', () => {
  // TestGetIntFromIntOrString: getIntOrPercentValueSafely (value, isPercent, error), read through the scaled form at total 100.
  const intOrString: Array<[unknown, boolean, number, boolean]> = [
    [200, false, 200, false],
    ['200', true, 0, false],
    ['30%0', true, 0, false],
    ['40%', false, 40, true],
    ['%', true, 0, false],
    ['a%', true, 0, false],
    ['a', true, 0, false],
    ['40#', true, 0, false],
    ['40%%', true, 0, false],
  ];
  for (const [input, expectErr, expectVal, expectPerc] of intOrString) {
    upstream(`TestGetIntFromIntOrString ${JSON.stringify(input)}`, () => {
      const got = scaledValueFromIntOrPercent(input, 100, true);
      assert.equal('error' in got, expectErr, JSON.stringify(got));
      if (!('error' in got)) assert.deepEqual(got, { value: expectVal, percent: expectPerc });
    });
  }
  // TestGetIntFromIntOrPercent: GetScaledValueFromIntOrPercent(input, total, roundUp).
  const intOrPercent: Array<[unknown, number, boolean, boolean, number]> = [
    [123, 0, false, false, 123],
    ['90%', 100, true, false, 90],
    ['90%', 95, true, false, 86],
    ['90%', 95, false, false, 85],
    ['%', 0, false, true, 0],
    ['90#', 0, false, true, 0],
    ['#%', 0, false, true, 0],
    ['90', 0, false, true, 0],
  ];
  for (const [input, total, roundUp, expectErr, expectVal] of intOrPercent) {
    upstream(`TestGetIntFromIntOrPercent ${JSON.stringify(input)} of ${total} roundUp=${roundUp}`, () => {
      const got = scaledValueFromIntOrPercent(input, total, roundUp);
      assert.equal('error' in got, expectErr, JSON.stringify(got));
      if (!('error' in got)) assert.equal(got.value, expectVal);
    });
  }
  test('GetScaledValueFromIntOrPercent(nil) is an error (TestGetValueFromIntOrPercentNil)', () => {
    assert.ok('error' in scaledValueFromIntOrPercent(undefined, 0, false));
  });
});

describe('defaults_test.go TestSetDefaultDaemonSetSpec (apps/v1)', () => {
  const defaulted = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } };
  const labelled = { metadata: { labels: { foo: 'bar' } }, spec: { dnsPolicy: 'ClusterFirst' } };
  upstream('TestSetDefaultDaemonSetSpec: labels change/defaulting (template with labels, nothing else)', () => {
    assert.deepEqual(defaultDaemonSetSpec({ spec: { template: labelled } }), {
      updateStrategy: defaulted,
      revisionHistoryLimit: 10,
    });
  });
  upstream('TestSetDefaultDaemonSetSpec: labels change/defaulting (revisionHistoryLimit 1 is kept)', () => {
    assert.deepEqual(
      defaultDaemonSetSpec({
        metadata: { labels: { bar: 'foo' } },
        spec: { template: labelled, revisionHistoryLimit: 1 },
      }),
      {
        updateStrategy: defaulted,
        revisionHistoryLimit: 1,
      },
    );
  });
  upstream(
    'TestSetDefaultDaemonSetSpec: OnDeleteDaemonSetStrategyType update strategy (no rollingUpdate added)',
    () => {
      assert.deepEqual(defaultDaemonSetSpec({ spec: { template: {}, updateStrategy: { type: 'OnDelete' } } }), {
        updateStrategy: { type: 'OnDelete' },
        revisionHistoryLimit: 10,
      });
    },
  );
  upstream('TestSetDefaultDaemonSetSpec: custom unique label key (empty spec)', () => {
    assert.deepEqual(defaultDaemonSetSpec({ spec: {} }), { updateStrategy: defaulted, revisionHistoryLimit: 10 });
  });
});

describe('update_test.go TestGetUnavailableNumbers (updatedDesiredNodeCounts)', () => {
  // desiredNumberScheduled comes from the placement engine over the nodes, as the controller counts it.
  const cases: Array<{
    name: string;
    nodes: number;
    strategy: Strategy;
    maxSurge: number;
    maxUnavailable: number;
    desired: number;
  }> = [
    { name: 'No nodes', nodes: 0, strategy: newUpdateUnavailable(0), maxSurge: 0, maxUnavailable: 0, desired: 0 },
    {
      name: 'Two nodes with ready pods',
      nodes: 2,
      strategy: newUpdateUnavailable(1),
      maxSurge: 0,
      maxUnavailable: 1,
      desired: 2,
    },
    {
      name: 'Two nodes, one node without pods',
      nodes: 2,
      strategy: newUpdateUnavailable(0),
      maxSurge: 0,
      maxUnavailable: 1,
      desired: 2,
    },
    {
      name: 'Two nodes, one node without pods, surge',
      nodes: 2,
      strategy: newUpdateSurge(0),
      maxSurge: 0,
      maxUnavailable: 1,
      desired: 2,
    },
    {
      name: 'Two nodes with pods, MaxUnavailable in percents',
      nodes: 2,
      strategy: newUpdateUnavailable('50%'),
      maxSurge: 0,
      maxUnavailable: 1,
      desired: 2,
    },
    {
      name: 'Two nodes with pods, MaxUnavailable in percents, surge',
      nodes: 2,
      strategy: newUpdateSurge('50%'),
      maxSurge: 1,
      maxUnavailable: 0,
      desired: 2,
    },
    {
      name: 'Two nodes with pods, MaxUnavailable is 100%, surge',
      nodes: 2,
      strategy: newUpdateSurge('100%'),
      maxSurge: 2,
      maxUnavailable: 0,
      desired: 2,
    },
    {
      name: 'Two nodes with pods, MaxUnavailable in percents, pod terminating',
      nodes: 3,
      strategy: newUpdateUnavailable('50%'),
      maxSurge: 0,
      maxUnavailable: 2,
      desired: 3,
    },
  ];
  for (const c of cases) {
    upstream(`TestGetUnavailableNumbers: ${c.name}`, () => {
      const ds = withStrategy(newDaemonSet('x'), c.strategy);
      const desired = predictPlacement(ds, { nodes: addNodes(c.nodes) }).desired;
      const got = updatedDesiredNodeCounts(defaultDaemonSetSpec(ds).updateStrategy, desired);
      assert.ok(!('error' in got));
      assert.deepEqual(
        [got.maxSurge, got.maxUnavailable, got.desiredNumberScheduled],
        [c.maxSurge, c.maxUnavailable, c.desired],
      );
      // The plan reports the same effective numbers.
      const plan = planRollout(ds, { nodes: addNodes(c.nodes) });
      assert.deepEqual([plan.maxSurge, plan.maxUnavailable, plan.desired], [c.maxSurge, c.maxUnavailable, c.desired]);
    });
  }
});

describe('update_test.go rolling-update syncs, as batches', () => {
  upstream('TestDaemonSetUpdatesPods: 5 nodes, maxUnavailable 2 → deletes 2, 2, 1: 3 batches of 2', () => {
    const ds = withStrategy(newDaemonSet('foo'), newUpdateUnavailable(2));
    const plan = planRollout(ds, { nodes: addNodes(5) });
    assert.deepEqual([plan.mode, plan.perBatch, plan.batches, plan.completes], ['unavailable', 2, 3, true]);
  });
  upstream(
    'TestDaemonSetUpdatesPodsWithMaxSurge: 5 nodes, maxSurge 2 → creates 2, 2, 1 (5 % maxSurge): 3 batches',
    () => {
      const ds = withStrategy(newDaemonSet('foo'), newUpdateSurge(2));
      const plan = planRollout(ds, { nodes: addNodes(5) });
      assert.deepEqual(
        [plan.mode, plan.maxSurge, plan.maxUnavailable, plan.perBatch, plan.batches, plan.blockedNodes],
        ['surge', 2, 0, 2, 3, []],
      );
    },
  );
  upstream(
    'TestDaemonSetUpdatesPodsNotMatchTainstWithMaxSurge: the tainted node leaves the set; 4 nodes, maxSurge 1 → 4 batches',
    () => {
      const nodes = addNodes(5);
      withTaints(nodes[0]!, [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
      // RollingUpdate DaemonSet without the toleration.
      const ds = withStrategy(newDaemonSet('foo'), newUpdateSurge(1));
      const plan = planRollout(ds, { nodes });
      assert.deepEqual([plan.desired, plan.perBatch, plan.batches], [4, 1, 4]);
    },
  );
  upstream(
    'TestDaemonSetUpdatesAllOldNotReadyPodsAndNewNotReadyPods: 100 nodes, maxUnavailable 10 → 10 iterations',
    () => {
      const ds = withStrategy(newDaemonSet('foo'), newUpdateUnavailable(10));
      const plan = planRollout(ds, { nodes: addNodes(100) });
      assert.deepEqual([plan.perBatch, plan.batches], [10, 10]);
    },
  );
  upstream('TestDaemonSetUpdatesNoTemplateChanged: only updateStrategy changed → no pod is removed', () => {
    const before = newDaemonSet('foo');
    const after = withStrategy(newDaemonSet('foo'), newUpdateUnavailable(3));
    const plan = planRollout(after, { nodes: addNodes(5) }, undefined, { previous: before });
    assert.deepEqual([plan.templateUnchanged, plan.batches, plan.perBatch], [true, 0, 0]);
    assert.match(plan.messages[0]!, /template is unchanged/);
    // A changed image is a template change: the rollout happens.
    const changed = withStrategy(
      newDaemonSet('foo', { containers: [{ image: 'foo2/bar2' }] }),
      newUpdateUnavailable(3),
    );
    assert.equal(planRollout(changed, { nodes: addNodes(5) }, undefined, { previous: before }).batches, 2);
  });
});

test('upstream cases transcribed (for the report)', () => {
  assert.equal(transcribed.length, 34);
});

// --- the plan's own rules --------------------------------------------------------------------

function sized(name: string, memory: string, cpu: string): Node {
  const node = newNode(name);
  node.status!.allocatable = allocatableResources(memory, cpu);
  return node;
}

describe('plan', () => {
  test('no updateStrategy: RollingUpdate, 1 unavailable, 0 surge, one node at a time', () => {
    const plan = planRollout(newDaemonSet('x'), { nodes: addNodes(7) });
    assert.deepEqual(
      [
        plan.strategy,
        plan.mode,
        plan.maxUnavailable,
        plan.maxSurge,
        plan.maxUnavailableValue,
        plan.perBatch,
        plan.batches,
        plan.problems,
      ],
      ['RollingUpdate', 'unavailable', 1, 0, 1, 1, 7, []],
    );
    assert.equal(
      plan.messages[0],
      'maxUnavailable 1 of 7 desired nodes → 1 node at a time, 7 batches (old pods are deleted first, then replaced).',
    );
  });

  test('a percentage is taken of the desired nodes and rounded up: 10% of 7 → 1 at a time, 7 batches; 30% of 7 → 3, 3 batches', () => {
    const ten = planRollout(withStrategy(newDaemonSet('x'), newUpdateUnavailable('10%')), { nodes: addNodes(7) });
    assert.deepEqual([ten.maxUnavailable, ten.perBatch, ten.batches], [1, 1, 7]);
    assert.match(ten.messages[0]!, /^maxUnavailable 10% of 7 desired nodes → 1 node at a time, 7 batches/);
    const thirty = planRollout(withStrategy(newDaemonSet('x'), newUpdateUnavailable('30%')), { nodes: addNodes(7) });
    assert.deepEqual([thirty.maxUnavailable, thirty.perBatch, thirty.batches], [3, 3, 3]);
  });

  test('desired counts only nodes that should run the pod (a nodeSelector halves the set)', () => {
    const nodes = [...addNodes(4), newNode('gpu-0', { gpu: 'yes' }), newNode('gpu-1', { gpu: 'yes' })];
    const plan = planRollout(
      withStrategy(newDaemonSet('x', { nodeSelector: { gpu: 'yes' }, containers: [{}] }), newUpdateUnavailable('50%')),
      { nodes },
    );
    assert.deepEqual([plan.desired, plan.maxUnavailable, plan.batches], [2, 1, 2]);
  });

  test('100% maxUnavailable covers the whole cluster: every node at once, flagged', () => {
    const plan = planRollout(withStrategy(newDaemonSet('x'), newUpdateUnavailable('100%')), { nodes: addNodes(5) });
    assert.deepEqual([plan.perBatch, plan.batches, plan.wholeCluster], [5, 1, 'maxUnavailable']);
    assert.ok(plan.messages.some((m) => /Every node loses its daemon pod at the same time/.test(m)));
    // An int equal to the set is explicit, not a percentage: not flagged. One node: nothing to flag.
    assert.equal(
      planRollout(withStrategy(newDaemonSet('x'), newUpdateUnavailable(5)), { nodes: addNodes(5) }).wholeCluster,
      undefined,
    );
    assert.equal(
      planRollout(withStrategy(newDaemonSet('x'), newUpdateUnavailable('100%')), { nodes: addNodes(1) }).wholeCluster,
      undefined,
    );
    // 60% of 5 rounds up to 3: not the whole cluster.
    assert.equal(
      planRollout(withStrategy(newDaemonSet('x'), newUpdateUnavailable('60%')), { nodes: addNodes(5) }).wholeCluster,
      undefined,
    );
  });

  test('OnDelete: nothing is replaced until pods are deleted; batches 0; the message says what deleting does', () => {
    const ds = withStrategy(newDaemonSet('x'), { type: 'OnDelete', rollingUpdate: { maxUnavailable: '50%' } });
    const plan = planRollout(ds, { nodes: addNodes(3) });
    assert.deepEqual(
      [plan.strategy, plan.mode, plan.batches, plan.perBatch, plan.maxUnavailable, plan.maxSurge, plan.desired],
      ['OnDelete', 'onDelete', 0, 0, 0, 0, 3],
    );
    assert.match(
      plan.messages[0]!,
      /^OnDelete: applying a new template replaces no running pod\. A node gets the new template only when its daemon pod is deleted/,
    );
    assert.match(plan.messages[1]!, /delete the pods on the 3 nodes one by one/);
    assert.equal(plan.estimate, undefined);
  });

  test('an unsupported type is a problem, and the controller does no rolling update', () => {
    const plan = planRollout(withStrategy(newDaemonSet('x'), { type: 'Recreate' }), { nodes: addNodes(2) });
    assert.deepEqual([plan.strategy, plan.batches], ['OnDelete', 0]);
    assert.deepEqual(plan.problems, ['updateStrategy.type "Recreate" is not supported: use RollingUpdate or OnDelete']);
  });

  test("validation problems: both set, both zero, over 100%, not a percentage; the controller's reading still shown", () => {
    const both = planRollout(
      withStrategy(newDaemonSet('x'), { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 1 } }),
      { nodes: addNodes(3) },
    );
    assert.deepEqual(both.problems, ['maxSurge may not be set when maxUnavailable is non-zero']);
    assert.equal(both.mode, 'surge'); // the controller takes the surge branch whenever maxSurge > 0
    const zero = planRollout(withStrategy(newDaemonSet('x'), newUpdateUnavailable(0)), { nodes: addNodes(3) });
    assert.deepEqual(zero.problems, ['maxUnavailable cannot be 0 when maxSurge is 0']);
    assert.deepEqual([zero.fellBackToOneUnavailable, zero.maxUnavailable, zero.batches], [true, 1, 3]);
    assert.deepEqual(
      planRollout(withStrategy(newDaemonSet('x'), newUpdateUnavailable('150%')), { nodes: addNodes(3) }).problems,
      ['maxUnavailable must not be greater than 100%'],
    );
    const junk = planRollout(withStrategy(newDaemonSet('x'), newUpdateUnavailable('ten')), { nodes: addNodes(3) });
    assert.deepEqual(junk.problems, ['maxUnavailable must be an integer or a percentage such as "10%"']);
    assert.deepEqual([junk.batches, junk.completes], [0, false]);
    assert.match(
      junk.messages[0]!,
      /cannot roll out .*invalid value for MaxUnavailable: invalid type: string is not a percentage/,
    );
  });

  test('no desired node: nothing to roll out', () => {
    const plan = planRollout(newDaemonSet('x', { nodeSelector: { none: 'x' }, containers: [{}] }), {
      nodes: addNodes(3),
    });
    assert.deepEqual([plan.desired, plan.batches, plan.perBatch, plan.completes], [0, 0, 0, true]);
  });

  test('Pending nodes hold unavailable slots: with as many Pending nodes as slots the rollout stalls', () => {
    const spec: PodSpec = { containers: [{ resources: { requests: { cpu: '1' } } }] };
    const nodes = [sized('big-0', '1Gi', '2'), sized('big-1', '1Gi', '2'), sized('small', '1Gi', '500m')];
    const plan = planRollout(newDaemonSet('x', spec), { nodes });
    assert.deepEqual([plan.desired, plan.pendingNodes, plan.completes, plan.batches], [3, ['small'], false, 3]);
    assert.ok(plan.messages.some((m) => /1 node would leave the new pod Pending/.test(m)));
    assert.ok(plan.messages.some((m) => /the rollout stalls before it reaches the other nodes/.test(m)));
    assert.deepEqual([plan.estimate?.totalSeconds, plan.estimate?.summary], [undefined, 'never completes']);
  });
});

describe('surge: where the new pod cannot start next to the old one', () => {
  test('a hostPort blocks every node: the old pod holds it (no pods listed: the old pod is the template)', () => {
    const spec: PodSpec = { containers: [{ ports: [{ containerPort: 9100, hostPort: 9100 }] }] };
    const plan = planRollout(withStrategy(newDaemonSet('x', spec), newUpdateSurge(1)), { nodes: addNodes(3) });
    assert.deepEqual(
      plan.blockedNodes.map((b) => [b.name, b.reason, b.detail]),
      [
        ['node-0', 'hostPort', 'host port 9100/TCP stays held by the old pod until it is deleted'],
        ['node-1', 'hostPort', 'host port 9100/TCP stays held by the old pod until it is deleted'],
        ['node-2', 'hostPort', 'host port 9100/TCP stays held by the old pod until it is deleted'],
      ],
    );
    assert.equal(plan.completes, false);
    assert.ok(plan.messages.some((m) => /never update and the rollout never completes/.test(m)));
    // The same template with maxUnavailable: old pods go first, nothing blocks.
    assert.deepEqual(
      planRollout(withStrategy(newDaemonSet('x', spec), newUpdateUnavailable(1)), { nodes: addNodes(3) }).blockedNodes,
      [],
    );
  });

  test('resources: a node with room for one pod but not two blocks; the old pod is the real one when the snapshot has it', () => {
    const spec: PodSpec = { containers: [{ resources: { requests: { cpu: '1' } } }] };
    const ds = withStrategy(newDaemonSet('agent', spec), newUpdateSurge(1));
    const nodes = [sized('roomy', '1Gi', '4'), sized('tight', '1Gi', '1500m'), sized('tiny-old', '1Gi', '1500m')];
    // tiny-old already runs an old pod of this DaemonSet that requests only 200m: both fit there.
    const pods = [newPod('agent-old', 'tiny-old', { containers: [{ resources: { requests: { cpu: '200m' } } }] }, ds)];
    const cluster: ClusterState = { nodes, pods };
    const plan = planRollout(ds, cluster);
    assert.deepEqual(
      plan.blockedNodes.map((b) => [b.name, b.reason]),
      [['tight', 'insufficientResources']],
    );
    assert.equal(plan.blockedNodes[0]!.detail, 'with the old pod still running: needs 1 CPU, 500m free');
    // The placement itself is untouched (the surge check runs on a copy).
    assert.deepEqual(
      predictPlacement(ds, cluster).nodes.map((v) => v.pending),
      [false, false, false],
    );
  });

  test('the real old pod decides when the snapshot has it: its host port blocks, a node without one is judged on the template', () => {
    const spec: PodSpec = { containers: [{ ports: [{ containerPort: 8080 }] }] };
    const ds = withStrategy(newDaemonSet('agent', spec), newUpdateSurge(1));
    // The running (old) revision still had hostPort 8080 on node-0; node-1 has no pod of it yet.
    const pods = [
      newPod('agent-old', 'node-0', { containers: [{ ports: [{ containerPort: 8080, hostPort: 8080 }] }] }, ds),
    ];
    const plan = planRollout(ds, { nodes: addNodes(2), pods });
    assert.deepEqual(plan.blockedNodes, []); // the new template wants no host port: nothing collides
    const withPort = withStrategy(
      newDaemonSet('agent', { containers: [{ ports: [{ containerPort: 8080, hostPort: 8080 }] }] }),
      newUpdateSurge(1),
    );
    const both = planRollout(withPort, { nodes: addNodes(2), pods });
    assert.deepEqual(
      both.blockedNodes.map((b) => [b.name, b.reason]),
      [
        ['node-0', 'hostPort'],
        ['node-1', 'hostPort'],
      ],
    );
  });

  test('Pending nodes are not reported as blocked (they are Pending either way)', () => {
    const spec: PodSpec = { containers: [{ resources: { requests: { cpu: '1' } } }] };
    const plan = planRollout(withStrategy(newDaemonSet('x', spec), newUpdateSurge('100%')), {
      nodes: [sized('a', '1Gi', '4'), sized('b', '1Gi', '500m')],
    });
    assert.deepEqual([plan.pendingNodes, plan.blockedNodes, plan.wholeCluster], [['b'], [], 'maxSurge']);
  });
});

describe('estimate', () => {
  test('readiness probe defaults (period 10, success 1) + minReadySeconds, times batches', () => {
    const ds = withStrategy(
      newDaemonSet('x', { containers: [{ name: 'agent', readinessProbe: { httpGet: { port: 8080 } } } as never] }),
      newUpdateUnavailable(2),
    );
    ds.spec!.minReadySeconds = 30;
    const plan = planRollout(ds, { nodes: addNodes(5) });
    assert.deepEqual(plan.estimate, {
      perBatchSeconds: 40,
      totalSeconds: 120,
      basis: 'readiness probe periodSeconds 10 (container agent) + minReadySeconds 30 = 40s per batch',
      summary: 'at least 2m (3 batches × 40s)',
      model: ESTIMATE_MODEL,
    });
  });

  test('the slowest container counts; startup probe then readiness probe; initialDelay + successThreshold × period', () => {
    const containers = [
      { name: 'fast', readinessProbe: { periodSeconds: 2 } },
      {
        name: 'slow',
        startupProbe: { periodSeconds: 5 },
        readinessProbe: { initialDelaySeconds: 15, periodSeconds: 5, successThreshold: 3 },
      },
    ];
    const plan = planRollout(newDaemonSet('x', { containers } as never), { nodes: addNodes(3) });
    assert.deepEqual(plan.estimate, {
      perBatchSeconds: 35,
      totalSeconds: 105,
      basis:
        'startup probe periodSeconds 5 + readiness probe initialDelaySeconds 15 + 3 × periodSeconds 5 (container slow) = 35s per batch',
      summary: 'at least 1m 45s (3 batches × 35s)',
      model: ESTIMATE_MODEL,
    });
  });

  test('no probes and no minReadySeconds: 0 per batch, said so', () => {
    const plan = planRollout(newDaemonSet('x'), { nodes: addNodes(2) });
    assert.deepEqual(plan.estimate, {
      perBatchSeconds: 0,
      totalSeconds: 0,
      basis: 'no startup or readiness probe (Ready once started) = 0s per batch',
      summary: 'at least 0s (2 batches × 0s)',
      model: ESTIMATE_MODEL,
    });
  });
});

test('never throws on junk DaemonSets and clusters', () => {
  const junk: unknown[] = [
    null,
    7,
    'x',
    [],
    {},
    { spec: null },
    { spec: { updateStrategy: 'x' } },
    { spec: { updateStrategy: { type: 7, rollingUpdate: [] } } },
    {
      spec: {
        updateStrategy: { rollingUpdate: { maxUnavailable: { a: 1 }, maxSurge: true } },
        minReadySeconds: -3,
        template: { spec: { containers: 'no' } },
      },
    },
    {
      spec: {
        updateStrategy: { rollingUpdate: { maxSurge: '1%' } },
        template: { spec: { containers: [null, { readinessProbe: 'x' }] } },
      },
    },
  ];
  const clusters: unknown[] = [
    { nodes: [] },
    { nodes: addNodes(2) },
    { nodes: [null, 3, {}], pods: [null, { spec: 'x' }] },
  ];
  for (const ds of junk)
    for (const cluster of clusters) {
      const plan = planRollout(ds as DaemonSet, cluster as ClusterState);
      assert.equal(typeof plan.batches, 'number');
      assert.ok(Array.isArray(plan.messages));
    }
});
