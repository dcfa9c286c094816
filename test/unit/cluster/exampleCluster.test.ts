import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { ExampleClusterSource, loadExampleCluster } from '../../../server/src/cluster/exampleCluster';
import { predictPlacement } from '../../../server/src/placement/index';
import type { ClusterState, DaemonSet, Node, Pod } from '../../../server/src/placement/types';

const repo = resolve(__dirname, '../../../..');

function node(state: ClusterState, name: string): Node {
  const n = state.nodes.find((x) => x.metadata?.name === name);
  assert.ok(n, `example cluster has no node ${name}`);
  return n;
}

const label = (n: Node, k: string): string | undefined => n.metadata?.labels?.[k];
const taintKeys = (n: Node): string[] =>
  (n.spec?.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`);
const podsOn = (state: ClusterState, name: string): Pod[] =>
  (state.pods ?? []).filter((p) => p.spec?.nodeName === name);

function ds(spec: Record<string, unknown> = {}, containerExtra: Record<string, unknown> = {}): DaemonSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'probe', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'probe' } },
      template: {
        metadata: { labels: { app: 'probe' } },
        spec: { containers: [{ name: 'c', image: 'busybox', ...containerExtra }], ...spec },
      },
    },
  };
}

test('the example cluster has each node its README promises', async () => {
  const state = await loadExampleCluster(repo);
  assert.equal(state.nodes.length, 9);
  assert.deepEqual(
    state.nodes.map((x) => x.metadata?.name),
    ['cp-1', 'worker-a1', 'worker-a2', 'worker-a3', 'gpu-a1', 'worker-b1', 'worker-b2', 'worker-b3', 'arm-b1'],
  );

  const cp = node(state, 'cp-1');
  assert.equal(label(cp, 'node-role.kubernetes.io/control-plane'), '');
  assert.deepEqual(taintKeys(cp), ['node-role.kubernetes.io/control-plane:NoSchedule']);

  const zones = new Set(state.nodes.map((x) => label(x, 'topology.kubernetes.io/zone')));
  assert.deepEqual([...zones].sort(), ['eu-west-a', 'eu-west-b']);

  assert.equal(label(node(state, 'arm-b1'), 'kubernetes.io/arch'), 'arm64');
  assert.equal(node(state, 'arm-b1').status?.nodeInfo?.architecture, 'arm64');

  const gpu = node(state, 'gpu-a1');
  assert.deepEqual(taintKeys(gpu), ['nvidia.com/gpu=present:NoSchedule']);
  assert.equal(gpu.status?.allocatable?.['nvidia.com/gpu'], '4');

  const cordoned = node(state, 'worker-b2');
  assert.equal(cordoned.spec?.unschedulable, true);
  assert.deepEqual(taintKeys(cordoned), ['node.kubernetes.io/unschedulable:NoSchedule']);

  const notReady = node(state, 'worker-a3');
  assert.deepEqual(notReady.status?.conditions?.find((c) => c.type === 'Ready')?.status, 'False');
  assert.deepEqual(taintKeys(notReady), [
    'node.kubernetes.io/not-ready:NoSchedule',
    'node.kubernetes.io/not-ready:NoExecute',
  ]);

  // Every other node is Ready and untainted.
  for (const name of ['worker-a1', 'worker-a2', 'worker-b1', 'worker-b3']) {
    const n = node(state, name);
    assert.deepEqual(taintKeys(n), [], name);
    assert.equal(n.status?.conditions?.find((c) => c.type === 'Ready')?.status, 'True', name);
  }

  assert.equal(state.pods?.length, 13);
  const hostPorts = podsOn(state, 'worker-a1')
    .flatMap((p) => p.spec?.containers ?? [])
    .flatMap((c) => c.ports ?? [])
    .map((p) => p.hostPort)
    .filter((p) => p !== undefined);
  assert.deepEqual(hostPorts, [9100]);
  assert.ok(podsOn(state, 'worker-b3').length >= 4);
});

test('each example node produces the outcome its README names (through the engine)', async () => {
  const state = await loadExampleCluster(repo);
  const verdicts = (d: DaemonSet): Record<string, string> =>
    Object.fromEntries(
      predictPlacement(d, state).nodes.map((v) => [
        v.name,
        v.shouldRun ? (v.pending ? `pending:${v.reason}` : 'runs') : `excluded:${v.reason}`,
      ]),
    );

  // A DaemonSet with no tolerations, requests or selectors.
  const plain = verdicts(ds());
  assert.equal(plain['cp-1'], 'excluded:taint');
  assert.equal(plain['gpu-a1'], 'excluded:taint');
  assert.equal(plain['worker-a3'], 'excluded:taint'); // not-ready:NoSchedule is not among the controller's tolerations
  assert.equal(plain['worker-b2'], 'runs'); // the controller tolerates the unschedulable taint
  assert.equal(plain['worker-b1'], 'runs');
  assert.equal(plain['arm-b1'], 'runs');

  assert.equal(
    verdicts(ds({ tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }] }))['gpu-a1'],
    'runs',
  );
  assert.equal(verdicts(ds({ nodeSelector: { 'kubernetes.io/arch': 'amd64' } }))['arm-b1'], 'excluded:nodeSelector');
  assert.equal(
    verdicts(ds({}, { resources: { requests: { cpu: '100m', memory: '64Mi' } } }))['worker-b3'],
    'pending:insufficientResources',
  );
  assert.equal(verdicts(ds({}, { resources: { requests: { cpu: '10m', memory: '16Mi' } } }))['worker-b3'], 'runs'); // the Succeeded Job pod no longer counts
  assert.equal(verdicts(ds({}, { ports: [{ containerPort: 9100, hostPort: 9100 }] }))['worker-a1'], 'pending:hostPort');
  assert.equal(verdicts(ds({}, { ports: [{ containerPort: 80, hostPort: 80 }] }))['worker-a2'], 'pending:hostPort');
  const zoneA = verdicts(ds({ nodeSelector: { 'topology.kubernetes.io/zone': 'eu-west-b' } }));
  assert.equal(zoneA['worker-a1'], 'excluded:nodeSelector');
  assert.equal(zoneA['worker-b1'], 'runs');
});

test('the example source labels itself and reads the bundled files', async () => {
  const source = new ExampleClusterSource(repo);
  assert.equal(source.label, 'example cluster');
  assert.equal(source.id, 'example');
  const snap = await source.load();
  assert.equal(snap.status.state, 'ok');
  assert.equal(snap.status.message, '9 nodes, 13 pods');
  assert.equal(snap.source, 'example cluster');
  source.dispose();

  const missing = await new ExampleClusterSource('/nonexistent-root').load();
  assert.equal(missing.status.state, 'error');
  assert.match(missing.error ?? '', /nodes\.yaml: no such file/);
});
