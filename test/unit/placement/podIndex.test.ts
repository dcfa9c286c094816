// The per-snapshot pod index is shared by every DaemonSet judged against the same snapshot:
// each must still see its own pods left out and the others' counted.
import test from 'node:test';
import assert from 'node:assert/strict';
import { predictPlacement, type ClusterState, type DaemonSet, type Pod } from '../../../server/src/placement';

function ds(name: string, cpu: string): DaemonSet {
  return {
    metadata: { name, namespace: 'kube-system', uid: `uid-${name}` },
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [
            { name: 'c', resources: { requests: { cpu } }, ports: [{ containerPort: 9100, hostPort: 9100 }] },
          ],
        },
      },
    },
  };
}

function podOf(owner: string, cpu: string, hostPort?: number): Pod {
  return {
    metadata: {
      name: `${owner}-pod`,
      namespace: 'kube-system',
      labels: { app: owner },
      ownerReferences: [{ kind: 'DaemonSet', name: owner, uid: `uid-${owner}`, controller: true }],
    },
    spec: {
      nodeName: 'n1',
      containers: [
        {
          name: 'c',
          resources: { requests: { cpu } },
          ...(hostPort ? { ports: [{ containerPort: hostPort, hostPort }] } : {}),
        },
      ],
    },
    status: { phase: 'Running' },
  };
}

const cluster: ClusterState = {
  nodes: [{ metadata: { name: 'n1' }, status: { allocatable: { cpu: '1', memory: '1Gi', pods: '110' } } }],
  pods: [podOf('a', '600m', 9100), podOf('b', '300m')],
};

test('two DaemonSets on one snapshot: each leaves out its own pod and counts the other', () => {
  const a = predictPlacement(ds('a', '600m'), cluster).nodes[0]!;
  // a's own pod (600m, port 9100) does not compete; b's 300m does: 700m free.
  assert.equal(a.reason, 'ok');
  assert.ok(a.notes?.some((n) => /already runs here/.test(n)));
  const b = predictPlacement(ds('b', '600m'), cluster).nodes[0]!;
  // b's own pod does not count, a's pod holds port 9100 and 600m: both fail, the port first.
  assert.equal(b.reason, 'hostPort');
  assert.match(b.detail, /a-pod/);
  assert.equal(b.shortfalls?.[0]?.free, 400);
  const again = predictPlacement(ds('a', '600m'), cluster).nodes[0]!;
  assert.deepEqual(again, a, 'the cached index gives the same answer again');
});

test('a new snapshot is a new index (no stale sums)', () => {
  const grown: ClusterState = {
    nodes: cluster.nodes,
    pods: [...cluster.pods!, { ...podOf('c', '500m'), metadata: { name: 'c-pod', namespace: 'x' } }],
  };
  const a = predictPlacement(ds('a', '600m'), grown).nodes[0]!;
  assert.equal(a.reason, 'insufficientResources');
  assert.equal(predictPlacement(ds('a', '600m'), cluster).nodes[0]!.reason, 'ok');
});
