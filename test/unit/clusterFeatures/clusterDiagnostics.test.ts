import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterDiagnostics, UntoleratedTaintData } from '../../../server/src/features/cluster/diagnostics';
import { defaultContext, FeatureContext } from '../../../server/src/features/context';
import type { ManifestDiagnostic } from '../../../server/src/model/manifestDiagnostic';
import { parseDocumentModel } from '../../../server/src/model';
import { daemonSet, exampleContext, inlineContext, node, pod } from './support';

function diagnose(text: string, ctx: FeatureContext): Array<ManifestDiagnostic & { text: string }> {
  const model = parseDocumentModel(text);
  const out = clusterDiagnostics(model, ctx).map((d) => ({ ...d, text: text.slice(d.start, d.end) }));
  for (const d of out) {
    assert.notEqual(d.severity, 'error', `${d.code} must not be an error: the API server accepts the manifest`);
    assert.ok(d.message.includes(ctx.cluster!.source), `${d.code} names the source: ${d.message}`);
  }
  return out;
}

const codes = <T extends { code: string }>(ds: readonly T[], code: string): T[] => ds.filter((d) => d.code === code);

// --- placementNoNodes -------------------------------------------------------------------

test('placementNoNodes: a nodeSelector no node matches, on the responsible entry', async () => {
  const text = daemonSet('      nodeSelector:\n        kubernetes.io/arch: s390x\n');
  const [d, ...rest] = codes(diagnose(text, await exampleContext()), 'placementNoNodes');
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 'warning');
  assert.equal(d.path, 'spec.template.spec.nodeSelector[kubernetes.io/arch]');
  assert.equal(d.text, 'kubernetes.io/arch');
  assert.equal(
    d.message,
    'The DaemonSet runs on none of the 9 nodes in example cluster: 9 excluded by nodeSelector (e.g. cp-1: nodeSelector `kubernetes.io/arch=s390x` does not match (node has kubernetes.io/arch=amd64)).',
  );
});

test('placementNoNodes: on `kind` when the nodes are excluded by different fields', () => {
  const ctx = inlineContext([
    node('a', { disk: 'hdd' }),
    node('b', { disk: 'ssd' }, [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }]),
  ]);
  const text = daemonSet('      nodeSelector:\n        disk: ssd\n');
  const [d] = codes(diagnose(text, ctx), 'placementNoNodes');
  assert.equal(d.path, 'kind');
  assert.equal(d.text, 'kind');
  assert.match(
    d.message,
    /none of the 2 nodes in snapshot tiny\.yaml: 1 excluded by nodeSelector \(e\.g\. a: .*\); 1 excluded by a taint \(e\.g\. b: taint `dedicated=db:NoSchedule` is not tolerated/,
  );
});

test('placementNoNodes: not when the DaemonSet runs somewhere, nor in an empty cluster', async () => {
  const text = daemonSet('      nodeSelector:\n        kubernetes.io/arch: arm64\n');
  assert.deepEqual(codes(diagnose(text, await exampleContext()), 'placementNoNodes'), []);
  assert.deepEqual(diagnose(text, inlineContext([])), []);
});

// --- untoleratedTaint -------------------------------------------------------------------

test('untoleratedTaint: one per distinct taint, with node count and the taint in data, on the pod spec', async () => {
  const text = daemonSet();
  const found = codes(diagnose(text, await exampleContext()), 'untoleratedTaint');
  assert.deepEqual(
    found.map((d) => [
      d.severity,
      d.path,
      d.text,
      (d.data as UntoleratedTaintData).taint,
      (d.data as UntoleratedTaintData).nodes,
    ]),
    [
      [
        'warning',
        'spec.template.spec',
        'spec',
        { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
        ['cp-1'],
      ],
      // A not-ready taint lasts as long as the node's state: information, not a warning.
      [
        'info',
        'spec.template.spec',
        'spec',
        { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' },
        ['worker-a3'],
      ],
      [
        'warning',
        'spec.template.spec',
        'spec',
        { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' },
        ['gpu-a1'],
      ],
    ],
  );
  // The `spec` key found is the pod spec's (the third `spec:` line), not the DaemonSet's.
  assert.equal(
    text.slice(0, found[0].start).split('\n').length - 1,
    text.split('\n').findIndex((l) => l === '    spec:'),
  );
  assert.equal(
    found[0].message,
    'Taint `node-role.kubernetes.io/control-plane:NoSchedule` keeps the pod off 1 node in example cluster (cp-1); tolerate it to run there.',
  );
});

test('untoleratedTaint: on `tolerations` when the list exists; tolerated taints are not reported', async () => {
  const text = daemonSet(`
      tolerations:
      - key: nvidia.com/gpu
        operator: Exists
        effect: NoSchedule
`);
  const found = codes(diagnose(text, await exampleContext()), 'untoleratedTaint');
  assert.deepEqual(
    found.map((d) => [d.path, d.text, (d.data as UntoleratedTaintData).taint.key]),
    [
      ['spec.template.spec.tolerations', 'tolerations', 'node-role.kubernetes.io/control-plane'],
      ['spec.template.spec.tolerations', 'tolerations', 'node.kubernetes.io/not-ready'],
    ],
  );
});

test('untoleratedTaint: not for nodes the nodeSelector or affinity already excludes', async () => {
  const text = daemonSet('      nodeSelector:\n        kubernetes.io/arch: arm64\n');
  assert.deepEqual(codes(diagnose(text, await exampleContext()), 'untoleratedTaint'), []);
  const affinity = daemonSet(`
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions:
              - key: node-role.kubernetes.io/control-plane
                operator: DoesNotExist
              - key: nvidia.com/gpu.present
                operator: DoesNotExist
`);
  const found = codes(diagnose(affinity, await exampleContext()), 'untoleratedTaint');
  assert.deepEqual(
    found.map((d) => (d.data as UntoleratedTaintData).taint.key),
    ['node.kubernetes.io/not-ready'],
  );
});

test('untoleratedTaint: counts nodes per taint and says when a node needs more than one toleration', () => {
  const gpu = { key: 'gpu', value: 'yes', effect: 'NoSchedule' };
  const spot = { key: 'spot', effect: 'NoExecute' };
  const ctx = inlineContext([
    node('a', {}, [gpu]),
    node('b', {}, [gpu, spot]),
    node('c'),
    node('d', {}, [{ key: 'soft', effect: 'PreferNoSchedule' }]),
  ]);
  const found = codes(diagnose(daemonSet(), ctx), 'untoleratedTaint');
  assert.deepEqual(
    found.map((d) => [(d.data as UntoleratedTaintData).nodes, d.message]),
    [
      [
        ['a', 'b'],
        'Taint `gpu=yes:NoSchedule` keeps the pod off 2 nodes in snapshot tiny.yaml (a, b); 1 of them also need another toleration.',
      ],
      [
        ['b'],
        'Taint `spot:NoExecute` keeps the pod off 1 node in snapshot tiny.yaml (b); 1 of them also need another toleration.',
      ],
    ],
  );
});

// --- tolerationUnused -------------------------------------------------------------------

test('tolerationUnused: a toleration no taint in the cluster matches, as info on its key line', async () => {
  const text = daemonSet(`
      tolerations:
      - key: dedicated
        operator: Exists
      - key: nvidia.com/gpu
        value: absent
        effect: NoSchedule
      - key: nvidia.com/gpu
        operator: Exists
`);
  const found = codes(diagnose(text, await exampleContext()), 'tolerationUnused');
  assert.deepEqual(
    found.map((d) => [d.severity, d.path, d.text]),
    [
      ['info', 'spec.template.spec.tolerations[0]', 'key: dedicated'],
      ['info', 'spec.template.spec.tolerations[1]', 'key: nvidia.com/gpu'],
    ],
  );
  assert.equal(found[0].message, 'This toleration matches no taint on the 9 nodes of example cluster.');
  assert.equal(
    found[1].message,
    'This toleration matches no taint on the 9 nodes of example cluster; the cluster has `nvidia.com/gpu=present:NoSchedule` (check value, operator and effect).',
  );
});

test('tolerationUnused: not for catch-all Exists, the node.kubernetes.io/* state taints, or the cloud start-up taint', () => {
  const text = daemonSet(`
      tolerations:
      - operator: Exists
      - operator: Exists
        effect: NoSchedule
      - key: node.kubernetes.io/not-ready
        operator: Exists
        effect: NoExecute
        tolerationSeconds: 300
      - key: node.kubernetes.io/network-unavailable
        operator: Exists
      - key: node.cloudprovider.kubernetes.io/uninitialized
        value: "true"
        effect: NoSchedule
`);
  assert.deepEqual(
    codes(
      diagnose(text, inlineContext([node('a', {}, [{ key: 'x', effect: 'NoSchedule' }]), node('b')])),
      'tolerationUnused',
    ),
    [],
  );
});

// --- insufficientResources --------------------------------------------------------------

test('insufficientResources: on the resources of the container requesting most, naming nodes and shortfall', async () => {
  const text = daemonSet(`
      containers:
      - name: sidecar
        image: busybox
        resources:
          requests:
            cpu: 10m
      - name: agent
        image: busybox
        resources:
          limits:
            cpu: 100m
`);
  const [d, ...rest] = codes(diagnose(text, await exampleContext()), 'insufficientResources');
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 'warning');
  assert.equal(d.path, 'spec.template.spec.containers[1].resources');
  assert.equal(d.text, 'resources');
  assert.equal(text.slice(0, d.start).split('\n').length - 1, text.split('\n').lastIndexOf('        resources:'));
  assert.equal(
    d.message,
    'The pod would stay Pending on 1 of 6 nodes in example cluster for lack of resources: worker-b3 (needs 110m CPU, 50m free).',
  );
  assert.deepEqual(d.data, {
    nodes: [{ name: 'worker-b3', shortfalls: [{ resource: 'cpu', requested: 110, free: 50, allocatable: 4000 }] }],
  });
});

test('insufficientResources: not when every node has room', async () => {
  const text = daemonSet(`
      containers:
      - name: agent
        image: busybox
        resources:
          requests:
            cpu: 20m
            memory: 16Mi
`);
  assert.deepEqual(codes(diagnose(text, await exampleContext()), 'insufficientResources'), []);
});

test('insufficientResources: tiny cluster, pods already bound use the room; the resource most nodes lack picks the container', () => {
  const ctx = inlineContext(
    [
      node('a', {}, [], { cpu: '1', memory: '1Gi', pods: '10' }),
      node('b', {}, [], { cpu: '1', memory: '1Gi', pods: '10' }),
      node('c'),
    ],
    [pod('big-a', 'a', { memory: '900Mi' }), pod('big-b', 'b', { memory: '900Mi', cpu: '950m' })],
  );
  const text = daemonSet(`
      containers:
      - name: cpu-heavy
        image: busybox
        resources:
          requests:
            cpu: 100m
      - name: memory-heavy
        image: busybox
        resources:
          requests:
            memory: 200Mi
`);
  const [d] = codes(diagnose(text, ctx), 'insufficientResources');
  assert.equal(d.path, 'spec.template.spec.containers[1].resources');
  assert.match(
    d.message,
    /Pending on 2 of 3 nodes in snapshot tiny\.yaml for lack of resources: a \(needs 200Mi memory, 124Mi free\); b \(/,
  );
});

// --- what is skipped --------------------------------------------------------------------

test('nothing without a cluster, for templated objects, unreadable values, broken YAML or a missing pod template', async () => {
  const ctx = await exampleContext();
  const plain = daemonSet('      nodeSelector:\n        kubernetes.io/arch: s390x\n');
  assert.ok(diagnose(plain, ctx).length > 0);
  assert.deepEqual(clusterDiagnostics(parseDocumentModel(plain), defaultContext()), []);
  assert.deepEqual(diagnose(plain.replace('name: agent\n', 'name: {{ .Release.Name }}\n'), ctx), []);
  const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n${plain}`;
  const bombModel = parseDocumentModel(bomb);
  assert.equal(bombModel.daemonSets.length, 1);
  assert.equal(bombModel.daemonSets[0].value, undefined, 'alias bomb: the value cannot be built');
  assert.deepEqual(clusterDiagnostics(bombModel, ctx), []);
  assert.deepEqual(diagnose(`${plain}      bad: [unclosed\n`, ctx), []);
  assert.deepEqual(
    diagnose(
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: patch\nspec:\n  updateStrategy:\n    type: OnDelete\n',
      ctx,
    ),
    [],
  );
  assert.deepEqual(diagnose(plain.replace('kind: DaemonSet', 'kind: Deployment'), ctx), []);
});

test('every DaemonSet of a multi-document file and of a kind: List is checked', async () => {
  const one = daemonSet('      nodeSelector:\n        kubernetes.io/arch: s390x\n', 'one');
  const two = daemonSet('      nodeSelector:\n        kubernetes.io/arch: riscv64\n', 'two');
  const asItem = two
    .split('\n')
    .map((l, i) => (l === '' ? l : (i === 0 ? '- ' : '  ') + l))
    .join('\n');
  const text = `${one}---\napiVersion: v1\nkind: List\nitems:\n${asItem}`;
  const found = codes(diagnose(text, await exampleContext()), 'placementNoNodes');
  assert.deepEqual(
    found.map((d) => d.message.match(/arch=(\w+)/)?.[1]),
    ['s390x', 'riscv64'],
  );
  assert.ok(found[1].start > text.indexOf('kind: List'));
});
