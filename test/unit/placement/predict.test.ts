// predictPlacement as a whole: the order of reasons, details, field paths, notes, the resource
// and host-port accounting of pods already on a node, and the never-throw rule.
import test from 'node:test';
import assert from 'node:assert/strict';
import {
  predictPlacement,
  type ClusterState,
  type DaemonSet,
  type Node,
  type Pod,
  type PodSpec,
} from '../../../server/src/placement';
import { allocatableResources, newDaemonSet, newNode, newPod, simpleDaemonSetLabel, withTaints } from './builders';

const POD_SPEC = ['spec', 'template', 'spec'];

function only(ds: DaemonSet, node: Node, pods: Pod[] = []) {
  const result = predictPlacement(ds, { nodes: [node], pods });
  assert.equal(result.nodes.length, 1);
  return result.nodes[0]!;
}

function sized(name: string, memory: string, cpu: string, labels?: Record<string, string>): Node {
  const node = newNode(name, labels);
  node.status!.allocatable = allocatableResources(memory, cpu);
  return node;
}

test("reasons follow the controller's order: nodeName, nodeSelector, nodeAffinity, taint, then the scheduler", () => {
  const node = withTaints(sized('n1', '1Gi', '1', { disktype: 'hdd' }), [{ key: 'gpu', effect: 'NoSchedule' }]);
  const affinity = {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'Exists' }] }],
      },
    },
  };
  const big = { containers: [{ resources: { requests: { cpu: '2' } } }] };
  assert.equal(
    only(newDaemonSet('x', { ...big, nodeName: 'other', nodeSelector: { disktype: 'ssd' }, affinity }), node).reason,
    'nodeName',
  );
  assert.equal(
    only(newDaemonSet('x', { ...big, nodeSelector: { disktype: 'ssd' }, affinity }), node).reason,
    'nodeSelector',
  );
  assert.equal(only(newDaemonSet('x', { ...big, affinity }), node).reason, 'nodeAffinity');
  assert.equal(only(newDaemonSet('x', big), node).reason, 'taint');
  assert.equal(
    only(newDaemonSet('x', { ...big, tolerations: [{ operator: 'Exists' }] }), node).reason,
    'insufficientResources',
  );
});

test('nodeSelector detail names the missing label and the path names the key', () => {
  const v = only(newDaemonSet('x', { nodeSelector: { disktype: 'ssd', app: 'web' } }), newNode('n', { app: 'web' }));
  assert.equal(v.detail, 'nodeSelector `disktype=ssd` does not match (node has no label disktype)');
  assert.deepEqual(v.path, [...POD_SPEC, 'nodeSelector', 'disktype']);
  assert.deepEqual([v.shouldRun, v.shouldContinueRunning, v.pending], [false, false, false]);
});

test('a nodeSelector value that is not a string excludes every node and says to quote it', () => {
  const ds = newDaemonSet('x', { nodeSelector: { gpu: true } as unknown as Record<string, string> });
  const v = only(ds, newNode('n', { gpu: 'true' }));
  assert.equal(v.reason, 'nodeSelector');
  assert.equal(v.detail, 'nodeSelector `gpu` must be a string, found true (quote it)');
  assert.deepEqual(v.path, [...POD_SPEC, 'nodeSelector', 'gpu']);
});

test('taints: an untolerated NoExecute also stops a running pod; PreferNoSchedule only becomes a note', () => {
  const node = withTaints(newNode('n'), [
    { key: 'soft', effect: 'PreferNoSchedule' },
    { key: 'dedicated', value: 'db', effect: 'NoSchedule' },
    { key: 'maintenance', effect: 'NoExecute' },
  ]);
  const v = only(newDaemonSet('x'), node);
  assert.deepEqual([v.shouldRun, v.shouldContinueRunning, v.reason], [false, false, 'taint']);
  assert.equal(
    v.detail,
    'taint `dedicated=db:NoSchedule` is not tolerated; NoExecute taint `maintenance:NoExecute` would also evict a running pod',
  );
  assert.deepEqual(v.taint, { key: 'dedicated', value: 'db', effect: 'NoSchedule' });
  assert.ok(
    v.notes?.some((n) =>
      n.startsWith('taint `soft:PreferNoSchedule` is not tolerated, but PreferNoSchedule only ranks nodes'),
    ),
  );
});

test('taints: an empty-key Exists toleration tolerates everything; an effect-scoped one only its effect', () => {
  const node = withTaints(newNode('n'), [
    { key: 'a', effect: 'NoSchedule' },
    { key: 'b', value: 'c', effect: 'NoExecute' },
  ]);
  assert.equal(only(newDaemonSet('x', { tolerations: [{ operator: 'Exists' }] }), node).reason, 'ok');
  const scoped = only(newDaemonSet('x', { tolerations: [{ operator: 'Exists', effect: 'NoSchedule' }] }), node);
  assert.deepEqual([scoped.shouldRun, scoped.shouldContinueRunning], [false, false]);
  assert.equal(scoped.taint?.key, 'b');
});

test('taints: a NoExecute toleration with tolerationSeconds is noted', () => {
  const node = withTaints(newNode('n'), [{ key: 'flaky', effect: 'NoExecute' }]);
  const v = only(
    newDaemonSet('x', {
      tolerations: [{ key: 'flaky', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }],
    }),
    node,
  );
  assert.equal(v.reason, 'ok');
  assert.ok(v.notes?.some((n) => n.includes('tolerated for only 60s')));
});

test('taints: Lt/Gt tolerations compare numerically', () => {
  const node = withTaints(newNode('n'), [{ key: 'node.example.com/cost', value: '30', effect: 'NoSchedule' }]);
  assert.equal(
    only(
      newDaemonSet('x', {
        tolerations: [{ key: 'node.example.com/cost', operator: 'Lt', value: '50', effect: 'NoSchedule' }],
      }),
      node,
    ).reason,
    'ok',
  );
  assert.equal(
    only(
      newDaemonSet('x', {
        tolerations: [{ key: 'node.example.com/cost', operator: 'Gt', value: '50', effect: 'NoSchedule' }],
      }),
      node,
    ).reason,
    'taint',
  );
});

test('a cordoned node gets the pod, with a note; the unschedulable taint is tolerated', () => {
  const node = withTaints(newNode('n'), [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }]);
  node.spec!.unschedulable = true;
  const v = only(newDaemonSet('x'), node);
  assert.deepEqual([v.shouldRun, v.reason], [true, 'ok']);
  assert.ok(v.notes?.some((n) => n.startsWith('node is cordoned (spec.unschedulable)')));
});

test('preferred node affinity never excludes and is noted', () => {
  const ds = newDaemonSet('x', {
    affinity: {
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 10, preference: { matchExpressions: [{ key: 'gpu', operator: 'Exists' }] } },
        ],
      },
    },
  });
  const v = only(ds, newNode('n'));
  assert.equal(v.reason, 'ok');
  assert.ok(v.notes?.some((n) => n.startsWith('preferred node affinity only ranks nodes')));
});

test('resources: pods already on the node use up allocatable; Succeeded/Failed pods do not', () => {
  const ds = newDaemonSet('x', { containers: [{ resources: { requests: { cpu: '200m' } } }] });
  const node = sized('n', '1Gi', '1');
  const busy = (name: string, cpu: string, phase?: string): Pod => {
    const p = newPod(name, 'n', { containers: [{ resources: { requests: { cpu } } }] });
    if (phase !== undefined) p.status = { phase };
    return p;
  };
  const v = only(ds, node, [
    busy('a', '500m'),
    busy('b', '380m'),
    busy('done', '900m', 'Succeeded'),
    busy('crashed', '900m', 'Failed'),
    busy('running', '100m', 'Running'),
  ]);
  assert.deepEqual([v.shouldRun, v.pending, v.reason], [true, true, 'insufficientResources']);
  assert.equal(v.detail, 'needs 200m CPU, 20m free');
  assert.deepEqual(v.shortfalls, [{ resource: 'cpu', requested: 200, free: 20, allocatable: 1000 }]);
  assert.deepEqual(v.path, [...POD_SPEC, 'containers', 0, 'resources', 'requests', 'cpu']);
});

test('resources: existing pods count with init containers, sidecars, pod-level requests and overhead', () => {
  const ds = newDaemonSet('x', { containers: [{ resources: { requests: { cpu: '100m' } } }] });
  const node = sized('n', '1Gi', '1');
  const pods = [
    newPod('init', 'n', {
      initContainers: [{ resources: { requests: { cpu: '400m' } } }],
      containers: [{ resources: { requests: { cpu: '100m' } } }],
    }), // 400m
    newPod('sidecar', 'n', {
      initContainers: [{ restartPolicy: 'Always', resources: { requests: { cpu: '100m' } } }],
      containers: [{ resources: { limits: { cpu: '100m' } } }],
    }), // 200m
    newPod('podlevel', 'n', { resources: { requests: { cpu: '200m' } }, containers: [{}], overhead: { cpu: '50m' } }), // 250m
  ];
  assert.equal(only(ds, node, pods).reason, 'ok'); // 850m used, 150m free
  pods.push(newPod('one-more', 'n', { containers: [{ resources: { requests: { cpu: '60m' } } }] }));
  const short = only(ds, node, pods);
  assert.deepEqual([short.reason, short.pending], ['insufficientResources', true]);
  assert.equal(short.detail, 'needs 100m CPU, 90m free');
});

test('resources: an extended resource the node lacks counts as none; memory and the pod count too', () => {
  const ds = newDaemonSet('x', {
    containers: [{ resources: { limits: { 'nvidia.com/gpu': '1' }, requests: { memory: '2Gi' } } }],
  });
  const node = sized('n', '1Gi', '4');
  node.status!.allocatable!.pods = '2';
  const v = only(ds, node, [newPod('a', 'n'), newPod('b', 'n')]);
  assert.equal(v.reason, 'insufficientResources');
  assert.deepEqual(
    v.shortfalls?.map((s) => s.resource),
    ['pods', 'memory', 'nvidia.com/gpu'],
  );
  assert.equal(
    v.detail,
    'node already holds 2 pods, its limit is 2 (allocatable pods); needs 2Gi memory, 1Gi free; needs 1 nvidia.com/gpu, node has none',
  );
  assert.deepEqual(v.path, undefined, 'the pod count is no manifest field');
});

test('resources: an overcommitted node reports none free', () => {
  const ds = newDaemonSet('x', { containers: [{ resources: { requests: { cpu: '100m' } } }] });
  const v = only(ds, sized('n', '1Gi', '1'), [
    newPod('hog', 'n', { containers: [{ resources: { requests: { cpu: '1500m' } } }] }),
  ]);
  assert.equal(v.detail, 'needs 100m CPU, none free (pods on the node already request 1500m of 1)');
});

test('resources: allocatable falls back to capacity; a node with neither is not judged', () => {
  const ds = newDaemonSet('x', { containers: [{ resources: { requests: { cpu: '2' } } }] });
  const capacityOnly: Node = { metadata: { name: 'c' }, status: { capacity: { cpu: '1', pods: '10' } } };
  const fromCapacity = only(ds, capacityOnly);
  assert.equal(fromCapacity.reason, 'insufficientResources');
  assert.equal(fromCapacity.detail, 'needs 2 CPU, 1 free');
  const bare: Node = { metadata: { name: 'bare' } };
  const v = only(ds, bare);
  assert.deepEqual([v.reason, v.pending], ['ok', false]);
  assert.ok(v.notes?.includes('node reports neither allocatable nor capacity; resource fit not checked'));
});

test('resources: invalid and unknown quantities are noted, not thrown', () => {
  const ds = newDaemonSet('x', {
    containers: [{ resources: { requests: { memory: '128MB', cpu: '100m', storage: '1Gi' } } }],
  });
  const v = only(ds, sized('n', '1Gi', '1'));
  assert.equal(v.reason, 'ok');
  assert.ok(
    v.notes?.includes(
      'containers.0.resources.requests.memory "128MB" is not a valid quantity (the API server rejects it); counted as 0',
    ),
  );
  assert.ok(v.notes?.includes('resource `storage` is not one the scheduler knows; it is ignored for placement'));
});

test("the DaemonSet's own pods never compete with it: by uid, by name, or as an orphan it would adopt", () => {
  const spec: PodSpec = { containers: [{ ports: [{ hostPort: 9100 }], resources: { requests: { cpu: '600m' } } }] };
  const ds = newDaemonSet('exporter', spec);
  const node = sized('n', '1Gi', '1');
  const byUid = newPod('a', 'n', spec, ds);
  const byName: Pod = {
    metadata: {
      name: 'b',
      namespace: 'default',
      ownerReferences: [{ kind: 'DaemonSet', name: 'exporter', controller: true }],
    },
    spec: { ...spec, nodeName: 'n' },
  };
  const orphan = newPod('c', 'n', spec, undefined, simpleDaemonSetLabel);
  for (const pod of [byUid, byName, orphan]) {
    const v = only(ds, node, [pod]);
    assert.deepEqual([v.reason, v.pending], ['ok', false], pod.metadata?.name);
    assert.ok(v.notes?.includes('a pod of this DaemonSet already runs here'));
  }
  const otherDs = newPod('d', 'n', spec, newDaemonSet('other'));
  assert.equal(only(ds, node, [otherDs]).reason, 'hostPort');
  const otherNamespace = newPod('e', 'n', spec, undefined, simpleDaemonSetLabel);
  otherNamespace.metadata!.namespace = 'elsewhere';
  assert.equal(only(ds, node, [otherNamespace]).reason, 'hostPort');
  const controlledByOther = newPod('f', 'n', spec, undefined, simpleDaemonSetLabel);
  controlledByOther.metadata!.ownerReferences = [{ kind: 'ReplicaSet', name: 'rs', controller: true }];
  assert.equal(only(ds, node, [controlledByOther]).reason, 'hostPort');
});

test('host ports come before resources (NodePorts runs before NodeResourcesFit); both are reported', () => {
  const ds = newDaemonSet('x', {
    containers: [
      { ports: [{ containerPort: 9100, hostPort: 9100, protocol: 'TCP' }], resources: { requests: { cpu: '2' } } },
    ],
  });
  const v = only(ds, sized('n', '1Gi', '1'), [
    newPod('node-exporter-abc', 'n', { hostNetwork: true, containers: [{ ports: [{ containerPort: 9100 }] }] }),
  ]);
  assert.deepEqual([v.shouldRun, v.pending, v.reason], [true, true, 'hostPort']);
  assert.equal(v.detail, 'host port 9100/TCP is already used by pod `default/node-exporter-abc`');
  assert.deepEqual(v.hostPort, {
    port: 9100,
    protocol: 'TCP',
    hostIP: '0.0.0.0',
    conflictingPod: 'default/node-exporter-abc',
  });
  assert.deepEqual(v.path, [...POD_SPEC, 'containers', 0, 'ports', 0, 'hostPort']);
  assert.ok(v.notes?.includes('also short of resources: needs 2 CPU, 1 free'));
  assert.equal(v.shortfalls?.[0]?.resource, 'cpu');
});

test('with hostNetwork the conflicting field is the containerPort the host port defaulted from', () => {
  const ds = newDaemonSet('x', { hostNetwork: true, containers: [{ ports: [{ containerPort: 9100 }] }] });
  const v = only(ds, newNode('n'), [newPod('other', 'n', { containers: [{ ports: [{ hostPort: 9100 }] }] })]);
  assert.equal(v.reason, 'hostPort');
  assert.deepEqual(v.path, [...POD_SPEC, 'containers', 0, 'ports', 0, 'containerPort']);
});

test('host ports on different addresses or protocols coexist', () => {
  const ds = newDaemonSet('x', { containers: [{ ports: [{ hostPort: 53, hostIP: '10.0.0.1', protocol: 'UDP' }] }] });
  const pods = [
    newPod('a', 'n', {
      containers: [{ ports: [{ hostPort: 53, hostIP: '10.0.0.2', protocol: 'UDP' }, { hostPort: 53 }] }],
    }),
  ];
  assert.equal(only(ds, newNode('n'), pods).reason, 'ok');
  pods.push(newPod('b', 'n', { containers: [{ ports: [{ hostPort: 53, protocol: 'UDP' }] }] }));
  assert.equal(only(ds, newNode('n'), pods).reason, 'hostPort');
});

test('counts: desired = shouldRun, pending = shouldRun and Pending, excluded = the rest; input order kept', () => {
  const ds = newDaemonSet('x', {
    nodeSelector: { pool: 'a' },
    containers: [{ resources: { requests: { cpu: '500m' } } }],
  });
  const nodes = [
    sized('z', '1Gi', '1', { pool: 'a' }),
    sized('y', '1Gi', '100m', { pool: 'a' }),
    sized('x', '1Gi', '1', { pool: 'b' }),
  ];
  const result = predictPlacement(ds, { nodes });
  assert.deepEqual(
    result.nodes.map((n) => n.name),
    ['z', 'y', 'x'],
  );
  assert.deepEqual([result.desired, result.pending, result.excluded], [2, 1, 1]);
});

test('a DaemonSet without constraints runs on every node and gets an ok detail', () => {
  const result = predictPlacement(newDaemonSet('x'), { nodes: [newNode('a'), newNode('b')] });
  assert.deepEqual(
    result.nodes.map((n) => [n.reason, n.detail, n.path, n.notes]),
    [
      ['ok', 'the pod runs here', undefined, undefined],
      ['ok', 'the pod runs here', undefined, undefined],
    ],
  );
});

test('never throws: junk DaemonSets, clusters, nodes and pods become reasons, notes or empty answers', () => {
  const junkDaemonSets: unknown[] = [
    undefined,
    null,
    0,
    'ds',
    [],
    {},
    { spec: 'x' },
    { spec: { template: [] } },
    { spec: { template: { spec: 5 } } },
    {
      metadata: 'x',
      spec: {
        selector: 'x',
        template: {
          metadata: 7,
          spec: {
            nodeName: 42,
            nodeSelector: ['a'],
            tolerations: 'all',
            affinity: {
              nodeAffinity: {
                requiredDuringSchedulingIgnoredDuringExecution: {
                  nodeSelectorTerms: [{ matchExpressions: [{ key: 'a', operator: 'Bogus' }] }],
                },
                preferredDuringSchedulingIgnoredDuringExecution: 'x',
              },
            },
            containers: [
              null,
              'c',
              { resources: { requests: ['x'] }, ports: 'x' },
              { resources: { requests: { cpu: {}, memory: 'lots' } }, ports: [null, { hostPort: 'x' }] },
            ],
            initContainers: 'x',
            overhead: [],
            resources: { requests: 7 },
            hostNetwork: 'yes',
          },
        },
      },
    },
    {
      spec: {
        template: {
          spec: {
            affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: 'x' } } },
          },
        },
      },
    },
    {
      spec: {
        template: { spec: { tolerations: [null, 5, { key: 1, operator: 2 }, { operator: 'Exists', effect: 7 }] } },
      },
    },
  ];
  const junkClusters: unknown[] = [
    undefined,
    null,
    'x',
    [],
    {},
    { nodes: 'x', pods: 'y' },
    { nodes: [null, 5, 'n', [], {}] },
    {
      nodes: [
        {
          metadata: { name: 7, labels: ['a'] },
          spec: { taints: 'x', unschedulable: 'yes' },
          status: { allocatable: 'x', conditions: 'x' },
        },
      ],
    },
    {
      nodes: [
        {
          metadata: { name: 'n', labels: { a: 1, b: true, c: null } },
          spec: { taints: [null, 5, { key: 3, effect: [] }, { effect: 'NoSchedule' }] },
          status: { allocatable: { cpu: 'x', pods: {} }, conditions: [null, { type: 'Ready', status: 5 }] },
        },
      ],
      pods: [
        null,
        5,
        { spec: 'x' },
        { spec: { nodeName: 'n', containers: 'x' } },
        {
          metadata: { ownerReferences: 'x' },
          spec: { nodeName: 'n', containers: [{ ports: [{ hostPort: 80 }] }] },
          status: 'x',
        },
      ],
    },
  ];
  for (const ds of junkDaemonSets) {
    for (const cluster of junkClusters) {
      const result = predictPlacement(ds as DaemonSet, cluster as ClusterState);
      const expectedNodes = Array.isArray((cluster as { nodes?: unknown } | null)?.nodes)
        ? (cluster as { nodes: unknown[] }).nodes.length
        : 0;
      assert.equal(result.nodes.length, expectedNodes);
      assert.equal(result.desired + result.excluded, expectedNodes);
      for (const v of result.nodes) {
        assert.equal(typeof v.name, 'string');
        assert.equal(typeof v.detail, 'string');
        assert.ok(v.detail.length > 0);
      }
    }
  }
});

test('never throws: junk becomes words in the answer', () => {
  const ds = { spec: { template: { spec: { nodeName: 42, tolerations: 'all' } } } } as unknown as DaemonSet;
  const v = predictPlacement(ds, { nodes: ['oops' as unknown as Node] }).nodes[0]!;
  assert.equal(v.name, '');
  assert.ok(v.notes?.some((n) => n.startsWith('node entry is not an object ("oops")')));
  assert.ok(v.notes?.includes('spec.template.spec.nodeName must be a string, found 42; ignored'));
  assert.ok(v.notes?.includes('spec.template.spec.tolerations must be a list, found "all"; ignored'));
  const bad = predictPlacement(
    {
      spec: {
        template: { spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [] } } } },
      },
    } as unknown as DaemonSet,
    { nodes: [newNode('n')] },
  ).nodes[0]!;
  assert.equal(bad.reason, 'nodeAffinity');
  assert.match(bad.detail, /^required node affinity is malformed/);
});

test('nodes failing the same way get the same words; different label values get their own', () => {
  const ds = newDaemonSet('x', {
    nodeSelector: { os: 'linux' },
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'pool', operator: 'NotIn', values: ['gpu', 'edge'] }] }],
        },
      },
    },
  });
  const nodes = [
    newNode('a', { os: 'windows' }),
    newNode('b', { os: 'windows' }),
    newNode('c', {}),
    newNode('d', { os: 'linux', pool: 'gpu' }),
    newNode('e', { os: 'linux', pool: 'gpu' }),
    newNode('f', { os: 'linux', pool: 'edge' }),
    newNode('g', { os: 'linux' }),
  ];
  assert.deepEqual(
    predictPlacement(ds, { nodes }).nodes.map((v) => v.detail),
    [
      'nodeSelector `os=linux` does not match (node has os=windows)',
      'nodeSelector `os=linux` does not match (node has os=windows)',
      'nodeSelector `os=linux` does not match (node has no label os)',
      'node affinity `pool NotIn [gpu, edge]` does not match (node has pool=gpu)',
      'node affinity `pool NotIn [gpu, edge]` does not match (node has pool=gpu)',
      'node affinity `pool NotIn [gpu, edge]` does not match (node has pool=edge)',
      'the pod runs here',
    ],
  );
});

test('nodes sharing a name (a malformed list) both see the pods bound to that name', () => {
  const ds = newDaemonSet('x', { containers: [{ resources: { requests: { cpu: '600m' } } }] });
  const pods = [newPod('p', 'twin', { containers: [{ resources: { requests: { cpu: '500m' } } }] })];
  const result = predictPlacement(ds, {
    nodes: [sized('solo', '1Gi', '1'), sized('twin', '1Gi', '1'), sized('twin', '1Gi', '1')],
    pods,
  });
  assert.deepEqual(
    result.nodes.map((v) => v.reason),
    ['ok', 'insufficientResources', 'insufficientResources'],
  );
});
