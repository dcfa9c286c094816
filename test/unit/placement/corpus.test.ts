// Real pairs: every corpus DaemonSet against the 16 real corpus nodes (see
// ../shared/corpus/SOURCES.md for the node shapes). Skipped with a reason where ../shared is absent.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { predictPlacement, type DaemonSet, type Node, type PlacementResult } from '../../../server/src/placement';
import { sharedMissing, sharedPath } from '../../support/shared';

const CORPUS = sharedPath('corpus');
const skip = sharedMissing('corpus');
const REASONS = new Set([
  'ok',
  'nodeName',
  'nodeSelector',
  'nodeAffinity',
  'taint',
  'insufficientResources',
  'hostPort',
]);

function objectsIn(file: string): Record<string, unknown>[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: Record<string, unknown>[] = [];
  const visit = (o: unknown): void => {
    if (typeof o !== 'object' || o === null || Array.isArray(o)) return;
    const obj = o as Record<string, unknown>;
    // kind: List and NodeList hold their objects in items (a NodeList's items may lack kind).
    if ((obj['kind'] === 'List' || obj['kind'] === 'NodeList') && Array.isArray(obj['items'])) {
      for (const item of obj['items'] as unknown[]) {
        if (obj['kind'] === 'NodeList' && typeof item === 'object' && item !== null && !('kind' in item))
          out.push({ ...(item as object), kind: 'Node' });
        else visit(item);
      }
      return;
    }
    out.push(obj);
  };
  for (const doc of parseAllDocuments(text)) visit(doc.toJS());
  return out;
}

const nodes: Node[] = [];
const daemonSets = new Map<string, DaemonSet[]>();
if (CORPUS !== undefined) {
  for (const f of fs.readdirSync(path.join(CORPUS, 'nodes')).sort()) {
    for (const o of objectsIn(path.join(CORPUS, 'nodes', f))) if (o['kind'] === 'Node') nodes.push(o as Node);
  }
  for (const f of fs.readdirSync(path.join(CORPUS, 'daemonsets')).sort()) {
    const found = objectsIn(path.join(CORPUS, 'daemonsets', f)).filter((o) => o['kind'] === 'DaemonSet') as DaemonSet[];
    if (found.length > 0) daemonSets.set(f, found);
  }
}
const nodeIndex = (name: string): number => {
  const i = nodes.findIndex((n) => n.metadata?.name === name);
  assert.ok(i >= 0, `corpus node ${name}`);
  return i;
};
const predict = (file: string, which = 0): PlacementResult => {
  const ds = daemonSets.get(file)?.[which];
  assert.ok(ds !== undefined, `corpus DaemonSet ${file}`);
  return predictPlacement(ds, { nodes });
};
const verdictOn = (file: string, node: string) => predict(file).nodes[nodeIndex(node)]!;

const DGX = 'virtual-gpu-node';
const EKS = ['duckboat-01', 'duckboat-02'];

test('corpus: 16 nodes and every DaemonSet file load', { skip }, () => {
  assert.equal(nodes.length, 16);
  assert.equal(daemonSets.size, 56);
});

test('corpus: every DaemonSet against every node gives a verdict per node with a known reason', { skip }, () => {
  for (const [file, list] of daemonSets) {
    for (const ds of list) {
      const result = predictPlacement(ds, { nodes });
      assert.equal(result.nodes.length, nodes.length, file);
      assert.equal(result.desired + result.excluded, nodes.length, file);
      result.nodes.forEach((v, i) => {
        assert.equal(v.name, nodes[i]!.metadata?.name, file);
        assert.ok(REASONS.has(v.reason), `${file}: ${v.reason}`);
        assert.equal(v.pending, v.shouldRun && (v.reason === 'insufficientResources' || v.reason === 'hostPort'), file);
        if (!v.shouldRun) assert.ok(v.path !== undefined, `${file} on ${v.name}: an exclusion names a field`);
      });
    }
  }
});

test('corpus: GPU DaemonSets with accelerator affinity match no corpus node', { skip }, () => {
  for (const [file, key] of [
    ['gpu-feature-discovery.yaml', 'feature.node.kubernetes.io/pci-10de.present'],
    ['gke-nvidia-driver-installer-cos.yaml', 'cloud.google.com/gke-accelerator'],
    ['gke-nvidia-driver-installer-2018-v1beta1.yaml', 'cloud.google.com/gke-accelerator'],
    ['k8s-addon-nvidia-gpu-device-plugin.yaml', 'cloud.google.com/gke-accelerator'],
    ['gke-nccl-tcpxo-installer.yaml', 'cloud.google.com/gke-accelerator'],
  ] as const) {
    const result = predict(file);
    assert.equal(result.desired, 0, file);
    for (const v of result.nodes) {
      assert.equal(v.reason, 'nodeAffinity', `${file} on ${v.name}`);
      assert.ok(v.detail.includes(key), `${file}: ${v.detail}`);
    }
  }
  // Three ORed NFD terms, each explained.
  assert.match(
    verdictOn('gpu-feature-discovery.yaml', DGX).detail,
    /^none of the 3 node affinity terms matches: term 0: .*term 1: .*term 2: `nvidia.com\/gpu.present In \[true\]`/,
  );
});

test(
  'corpus: nvidia-device-plugin has no selector, so it runs on untainted nodes but not on the tainted DGX',
  { skip },
  () => {
    // The DGX has 8 nvidia.com/gpu but a kwok NoSchedule taint the plugin does not tolerate.
    const result = predict('nvidia-device-plugin.yaml');
    const dgx = result.nodes[nodeIndex(DGX)]!;
    assert.deepEqual([dgx.shouldRun, dgx.shouldContinueRunning, dgx.reason], [false, true, 'taint']);
    assert.equal(
      dgx.detail,
      'taint `kwok.x-k8s.io/node=fake:NoSchedule` is not tolerated (NoSchedule: a pod already running here is kept)',
    );
    assert.equal(result.nodes[nodeIndex('kwok-node-0')]!.reason, 'ok');
    assert.equal(result.desired, 11);
  },
);

test(
  'corpus: a catch-all Exists toleration reaches the tainted DGX and EKS nodes; ceph-csi-rbdplugin does not',
  { skip },
  () => {
    for (const node of [DGX, ...EKS])
      assert.equal(verdictOn('node-exporter-kube-prometheus.yaml', node).reason, 'ok', node);
    for (const node of [DGX, ...EKS]) {
      const v = verdictOn('ceph-csi-rbdplugin.yaml', node);
      assert.deepEqual([v.shouldRun, v.shouldContinueRunning, v.reason], [false, true, 'taint'], node);
    }
    assert.equal(
      verdictOn('ceph-csi-rbdplugin.yaml', 'duckboat-01').detail,
      'taint `type=hound:NoSchedule` is not tolerated (NoSchedule: a pod already running here is kept)',
    );
    assert.deepEqual(verdictOn('ceph-csi-rbdplugin.yaml', 'duckboat-01').taint, {
      key: 'type',
      value: 'hound',
      effect: 'NoSchedule',
    });
  },
);

test('corpus: control-plane taint — kured tolerates it, ceph-csi-rbdplugin does not', { skip }, () => {
  assert.equal(verdictOn('kured.yaml', 'master-1').reason, 'ok');
  assert.equal(
    verdictOn('ceph-csi-rbdplugin.yaml', 'master-1').detail,
    'taint `node-role.kubernetes.io/master:NoSchedule` is not tolerated (NoSchedule: a pod already running here is kept)',
  );
  // kind/minikube control planes carry the label without the taint.
  assert.equal(verdictOn('ceph-csi-rbdplugin.yaml', 'attack-chain-6-control-plane').reason, 'ok');
});

test('corpus: Windows DaemonSets match no (Linux) corpus node', { skip }, () => {
  for (const file of [
    'aws-ebs-csi-node-windows.yaml',
    'secrets-store-csi-driver-windows.yaml',
    'kube-proxy-windows-hostprocess.yaml',
    'azuredisk-csi-node-windows-hostprocess.yaml',
  ]) {
    assert.equal(predict(file).desired, 0, file);
  }
  assert.equal(
    verdictOn('aws-ebs-csi-node-windows.yaml', 'kwok-node-0').detail,
    'nodeSelector `kubernetes.io/os=windows` does not match (node has kubernetes.io/os=linux)',
  );
});

test(
  'corpus: flannel per-architecture DaemonSets split nodes by the deprecated beta arch label, which newer nodes lack',
  { skip },
  () => {
    const file = 'kube-flannel-old-multiarch.yaml';
    const amd64 = predict(file, 0);
    const arm64 = predict(file, 1);
    assert.equal(daemonSets.get(file)?.length, 5);
    for (let i = 0; i < nodes.length; i++) {
      assert.ok(
        !(amd64.nodes[i]!.shouldRun && arm64.nodes[i]!.shouldRun),
        `node ${nodes[i]!.metadata?.name} is one architecture`,
      );
    }
    assert.equal(arm64.nodes[nodeIndex('n2')]!.reason, 'ok');
    assert.equal(amd64.nodes[nodeIndex('n2')]!.reason, 'nodeSelector');
    // Newer EKS nodes carry only kubernetes.io/arch, so the old selector misses them although they are arm64.
    assert.equal(
      arm64.nodes[nodeIndex('duckboat-01')]!.detail,
      'nodeSelector `beta.kubernetes.io/arch=arm64` does not match (node has no label beta.kubernetes.io/arch)',
    );
  },
);

test('corpus: the popeye nodes — unlabelled n1, cordoned NotReady n4, tiny n5', { skip }, () => {
  const n1 = verdictOn('node-exporter-kube-prometheus.yaml', 'n1');
  assert.equal(n1.detail, 'nodeSelector `kubernetes.io/os=linux` does not match (node has no label kubernetes.io/os)');
  const n4 = verdictOn('node-exporter-kube-prometheus.yaml', 'n4');
  assert.equal(n4.reason, 'ok');
  assert.ok(n4.notes?.some((n) => n.startsWith('node is cordoned')));
  assert.ok(n4.notes?.some((n) => n.startsWith('node is NotReady (Ready=False)')));
  const n5 = verdictOn('node-exporter-kube-prometheus.yaml', 'n5');
  assert.deepEqual([n5.shouldRun, n5.pending, n5.reason], [true, true, 'insufficientResources']);
  assert.equal(n5.detail, 'needs 112m CPU, 100m free; needs 200Mi memory, 10Mi free');
  assert.deepEqual(n5.path, ['spec', 'template', 'spec', 'containers', 0, 'resources', 'requests', 'cpu']);
});

test('corpus: the kustomize patch alone selects only Intel GPU nodes, of which there are none', { skip }, () => {
  const result = predict('intel-gpu-plugin-kustomize-patch.yaml');
  assert.equal(result.desired, 0);
  assert.equal(
    result.nodes[0]!.detail,
    'nodeSelector `intel.feature.node.kubernetes.io/gpu=true` does not match (node has no label intel.feature.node.kubernetes.io/gpu)',
  );
});
