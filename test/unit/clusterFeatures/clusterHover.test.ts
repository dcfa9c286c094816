import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterHover } from '../../../server/src/features/cluster/hover';
import { defaultContext, FeatureContext } from '../../../server/src/features/context';
import { parseDocumentModel } from '../../../server/src/model';
import { caret } from '../../support/caret';
import { daemonSet, exampleContext, inlineContext, node, withCaret } from './support';

function markdownAt(textWithCaret: string, ctx: FeatureContext): string | null {
  const { text, offset } = caret(textWithCaret);
  const result = clusterHover(parseDocumentModel(text), offset, ctx);
  if (!result) return null;
  const contents = result.contents as { kind: string; value: string };
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

const AFFINITY = daemonSet(`
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions:
              - key: topology.kubernetes.io/zone
                operator: In
                values: [eu-west-b]
            - matchExpressions:
              - key: nvidia.com/gpu.present
                operator: Exists
              matchFields:
              - key: metadata.name
                operator: In
                values: [gpu-a1]
          preferredDuringSchedulingIgnoredDuringExecution:
          - weight: 1
            preference:
              matchExpressions:
              - key: kubernetes.io/arch
                operator: In
                values: [arm64]
`);

test('nodeSelector entry: which nodes match, with the label values present in the cluster', async () => {
  const text = daemonSet(`
      nodeSelector:
        kubernetes.io/arch: amd64
`);
  const ctx = await exampleContext();
  const onKey = markdownAt(withCaret(text, 'kubernetes.io/a$0rch'), ctx)!;
  assert.match(
    onKey,
    /`kubernetes\.io\/arch=amd64` matches 8 of 9 nodes: cp-1, worker-a1, worker-a2, worker-a3, gpu-a1, worker-b1, … 2 more \(source: example cluster\)/,
  );
  assert.match(onKey, /9 of 9 nodes have the label `kubernetes\.io\/arch`; values: `amd64` \(8\), `arm64` \(1\)\./);
  // The value of the entry hovers the same way.
  assert.equal(markdownAt(withCaret(text, 'amd$064'), ctx), onKey);
});

test('nodeSelector key: all entries together (ANDed)', async () => {
  const text = daemonSet(`
      nodeSelector:
        kubernetes.io/arch: amd64
        nvidia.com/gpu.present: "true"
`);
  const md = markdownAt(withCaret(text, 'nodeSel$0ector'), await exampleContext())!;
  assert.equal(md, '**Cluster:** nodeSelector matches 1 of 9 nodes: gpu-a1 (source: example cluster)');
});

test('nodeSelector entry that no node has, and an unquoted non-string value', async () => {
  const ctx = await exampleContext();
  const missing = markdownAt(withCaret(daemonSet('      nodeSelector:\n        disktype: ssd\n'), 'disk$0type'), ctx)!;
  assert.match(missing, /`disktype=ssd` matches 0 of 9 nodes \(source: example cluster\)/);
  assert.match(missing, /No node has the label `disktype`\./);
  const unquoted = markdownAt(
    withCaret(daemonSet('      nodeSelector:\n        nvidia.com/gpu.present: true\n'), 'gpu.pre$0sent'),
    ctx,
  )!;
  assert.match(unquoted, /matches no node: its value must be a string \(quote it\)/);
  assert.match(unquoted, /1 of 9 nodes have the label `nvidia\.com\/gpu\.present`; values: `true` \(1\)/);
});

test('nodeSelectorTerms item: the nodes that one term matches', async () => {
  const ctx = await exampleContext();
  const first = markdownAt(withCaret(AFFINITY, '- match$0Expressions:\n              - key: topology'), ctx)!;
  assert.equal(
    first,
    '**Cluster:** this term matches 4 of 9 nodes: worker-b1, worker-b2, worker-b3, arm-b1 (source: example cluster)',
  );
  // The second term ANDs an expression and a field.
  const second = markdownAt(withCaret(AFFINITY, 'match$0Fields'), ctx)!;
  assert.equal(second, '**Cluster:** this term matches 1 of 9 nodes: gpu-a1 (source: example cluster)');
});

test('nodeSelectorTerms key: the required affinity as a whole (terms ORed)', async () => {
  const md = markdownAt(withCaret(AFFINITY, 'nodeSelector$0Terms'), await exampleContext())!;
  assert.equal(
    md,
    '**Cluster:** required node affinity (any of 2 terms) matches 5 of 9 nodes: gpu-a1, worker-b1, worker-b2, worker-b3, arm-b1 (source: example cluster)',
  );
});

test('matchExpressions item: the nodes one requirement matches, how many nodes have the key, the values', async () => {
  const ctx = await exampleContext();
  const zone = markdownAt(withCaret(AFFINITY, 'key: topology.kubernetes.io/zo$0ne'), ctx)!;
  assert.match(
    zone,
    /`topology\.kubernetes\.io\/zone In \[eu-west-b\]` matches 4 of 9 nodes: worker-b1, worker-b2, worker-b3, arm-b1/,
  );
  assert.match(
    zone,
    /9 of 9 nodes have the label `topology\.kubernetes\.io\/zone`; values: `eu-west-a` \(5\), `eu-west-b` \(4\)\./,
  );
  const gpu = markdownAt(withCaret(AFFINITY, 'operator: Exi$0sts'), ctx)!;
  assert.match(gpu, /`nvidia\.com\/gpu\.present Exists` matches 1 of 9 nodes: gpu-a1/);
  assert.match(gpu, /1 of 9 nodes have the label `nvidia\.com\/gpu\.present`; values: `true` \(1\)\./);
  const field = markdownAt(withCaret(AFFINITY, 'key: metadata.na$0me'), ctx)!;
  assert.equal(
    field,
    '**Cluster:** `metadata.name In [gpu-a1]` matches 1 of 9 nodes: gpu-a1 (source: example cluster)',
  );
});

test('an invalid requirement says why it matches no node', async () => {
  const text = daemonSet(`
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions:
              - key: kubernetes.io/arch
                operator: Equals
                values: [amd64]
`);
  const md = markdownAt(withCaret(text, 'operator: Equ$0als'), await exampleContext())!;
  assert.match(md, /this requirement is invalid and matches no node: operator "Equals" is not supported/);
});

test('a preferred term says what it matches and that it only ranks nodes', async () => {
  const md = markdownAt(withCaret(AFFINITY, 'prefer$0ence:'), await exampleContext())!;
  assert.match(md, /this preference matches 1 of 9 nodes: arm-b1/);
  assert.match(md, /only ranks nodes: it never keeps a DaemonSet pod off a node/);
});

test('tolerations item: which taints of the cluster it tolerates and on how many nodes', async () => {
  const text = daemonSet(`
      tolerations:
      - key: nvidia.com/gpu
        operator: Exists
      - operator: Exists
      - key: dedicated
        operator: Equal
        value: infra
        effect: NoSchedule
`);
  const ctx = await exampleContext();
  const gpu = markdownAt(withCaret(text, 'key: nvidia.com/g$0pu'), ctx)!;
  assert.equal(
    gpu,
    '**Cluster:** tolerates 1 of 5 distinct taints, on 1 of 9 nodes (source: example cluster)\n\n- `nvidia.com/gpu=present:NoSchedule` on 1 node: gpu-a1',
  );
  const all = markdownAt(withCaret(text, '- operator: Exi$0sts'), ctx)!;
  assert.match(
    all,
    /tolerates 5 of 5 distinct taints, on 4 of 9 nodes \(no key with `operator: Exists`: it tolerates every taint\)/,
  );
  assert.match(all, /- `node-role\.kubernetes\.io\/control-plane:NoSchedule` on 1 node: cp-1/);
  assert.match(all, /- `node\.kubernetes\.io\/unschedulable:NoSchedule` on 1 node: worker-b2/);
  const none = markdownAt(withCaret(text, 'value: inf$0ra'), ctx)!;
  assert.match(none, /this toleration matches none of the 5 distinct taints in the cluster/);
  assert.match(none, /Taints present: `node-role\.kubernetes\.io\/control-plane:NoSchedule`, /);
});

test("tolerations key: every taint in the cluster and what tolerates it (the pod's items or the controller)", async () => {
  const text = daemonSet(`
      tolerations:
      - key: nvidia.com/gpu
        operator: Exists
`);
  const md = markdownAt(withCaret(text, 'toler$0ations'), await exampleContext())!;
  assert.match(md, /5 distinct taints in the cluster \(source: example cluster\)/);
  assert.match(md, /- `node-role\.kubernetes\.io\/control-plane:NoSchedule` \(1 node: cp-1\): not tolerated/);
  assert.match(md, /- `node\.kubernetes\.io\/not-ready:NoSchedule` \(1 node: worker-a3\): not tolerated/);
  assert.match(
    md,
    /- `node\.kubernetes\.io\/not-ready:NoExecute` \(1 node: worker-a3\): tolerated by the DaemonSet controller/,
  );
  assert.match(md, /- `nvidia\.com\/gpu=present:NoSchedule` \(1 node: gpu-a1\): tolerated by item 0/);
  assert.match(
    md,
    /- `node\.kubernetes\.io\/unschedulable:NoSchedule` \(1 node: worker-b2\): tolerated by the DaemonSet controller/,
  );
});

test('works inside kind: List items', async () => {
  const ds = daemonSet('      nodeSelector:\n        kubernetes.io/arch: arm64\n')
    .split('\n')
    .map((l, i) => (l === '' ? l : (i === 0 ? '- ' : '  ') + l))
    .join('\n');
  const text = `apiVersion: v1\nkind: List\nitems:\n${ds}`;
  const md = markdownAt(withCaret(text, 'arm$064'), await exampleContext())!;
  assert.match(md, /`kubernetes\.io\/arch=arm64` matches 1 of 9 nodes: arm-b1/);
});

test('tiny inline cluster: node names are cut after six, an empty cluster says so', () => {
  const nodes = Array.from({ length: 8 }, (_, i) => node(`n${i}`, { pool: i < 7 ? 'a' : 'b' }));
  const text = daemonSet('      nodeSelector:\n        pool: a\n');
  const md = markdownAt(withCaret(text, 'po$0ol'), inlineContext(nodes))!;
  assert.match(md, /`pool=a` matches 7 of 8 nodes: n0, n1, n2, n3, n4, n5, … 1 more \(source: snapshot tiny\.yaml\)/);
  assert.match(md, /values: `a` \(7\), `b` \(1\)\./);
  assert.equal(
    markdownAt(withCaret(text, 'po$0ol'), inlineContext([])),
    '**Cluster:** snapshot tiny.yaml has no nodes.',
  );
});

test('tiny inline cluster: a toleration with no taint in the cluster changes nothing', () => {
  const text = daemonSet('      tolerations:\n      - operator: Exists\n');
  const md = markdownAt(withCaret(text, 'Exi$0sts'), inlineContext([node('a'), node('b')]))!;
  assert.match(
    md,
    /no node carries a taint, so this toleration changes nothing today \(no key with `operator: Exists`: it tolerates every taint\)/,
  );
});

test('nothing without a cluster, outside DaemonSets, off node-picking fields, or on templated text', async () => {
  const ctx = await exampleContext();
  const text = daemonSet('      nodeSelector:\n        kubernetes.io/arch: amd64\n');
  assert.equal(markdownAt(withCaret(text, 'kubernetes.io/a$0rch'), defaultContext()), null);
  assert.equal(
    markdownAt(withCaret(text.replace('kind: DaemonSet', 'kind: Deployment'), 'kubernetes.io/a$0rch'), ctx),
    null,
  );
  assert.equal(markdownAt(withCaret(text, 'ima$0ge'), ctx), null);
  assert.equal(markdownAt(withCaret(text, 'matchLa$0bels'), ctx), null);
  const templated = daemonSet('      nodeSelector:\n        kubernetes.io/arch: {{ .Values.arch }}\n');
  assert.equal(markdownAt(withCaret(templated, 'kubernetes.io/a$0rch'), ctx), null);
});
