import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { toNode, toPod } from '../../../server/src/cluster/apiObjects';
import { loadSnapshotFiles, parseSnapshot, SnapshotError } from '../../../server/src/cluster/snapshot';
import { SnapshotFileSource } from '../../../server/src/cluster/snapshotSource';
import { sharedMissing, sharedPath } from '../../support/shared';
import { stringify } from 'yaml';
import { parseKubectlYaml } from '../../../server/src/cluster/kubectlYaml';

const dir = mkdtempSync(join(tmpdir(), 'ds-snapshot-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(text: string | Buffer, name = `f${n++}.yaml`): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const NODE_A = `apiVersion: v1
kind: Node
metadata:
  name: a
  labels: {kubernetes.io/os: linux}
status:
  allocatable: {cpu: 32, memory: 256Gi, pods: 110}
`;

async function rejects(p: Promise<unknown>, re: RegExp): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof SnapshotError, `expected SnapshotError, got ${String(e)}`);
    assert.match(e.message, re);
    return true;
  });
}

test(
  'every Node in ../shared/corpus/nodes loads (16 nodes in 11 files)',
  { skip: sharedMissing('corpus/nodes') },
  async () => {
    const corpusNodes = sharedPath('corpus/nodes')!;
    const files = readdirSync(corpusNodes)
      .filter((f) => /\.(ya?ml|json)$/.test(f))
      .sort();
    assert.equal(files.length, 11);
    const names: string[] = [];
    for (const f of files) {
      const state = await loadSnapshotFiles({ nodesFile: join(corpusNodes, f) });
      assert.ok(state.nodes.length >= 1, f);
      for (const node of state.nodes) {
        assert.equal(node.kind, 'Node');
        assert.ok(node.metadata?.name, `${f}: a node without a name`);
        for (const [res, q] of Object.entries(node.status?.allocatable ?? {})) {
          assert.equal(typeof q, 'string', `${f}: ${node.metadata?.name} allocatable ${res} should be a string`);
        }
        names.push(node.metadata.name);
      }
    }
    assert.equal(names.length, 16);
    // Spot checks on the odd shapes the corpus notes call out.
    const kwok = await loadSnapshotFiles({ nodesFile: join(corpusNodes, 'kwok-fake-node.yaml') });
    assert.deepEqual(kwok.nodes[0]?.status?.allocatable, { cpu: '32', memory: '256Gi', pods: '110' });
    const honeycomb = await loadSnapshotFiles({ nodesFile: join(corpusNodes, 'honeycomb-eks-arm64-nodelist.yaml') });
    assert.deepEqual(
      honeycomb.nodes.map((x) => x.metadata?.name),
      ['duckboat-01', 'duckboat-02'],
    );
    assert.deepEqual(honeycomb.nodes[0]?.spec?.taints, [{ key: 'type', value: 'hound', effect: 'NoSchedule' }]);
    const popeye = await loadSnapshotFiles({ nodesFile: join(corpusNodes, 'popeye-kind-arm64-list.yaml') });
    assert.deepEqual(
      popeye.nodes.map((x) => x.metadata?.name),
      ['n1', 'n2', 'n3', 'n4', 'n5'],
    );
    assert.equal(popeye.nodes[3]?.spec?.unschedulable, true);
  },
);

test('a NodeList whose items lack apiVersion/kind (raw API JSON)', async () => {
  const json = JSON.stringify({
    kind: 'NodeList',
    apiVersion: 'v1',
    metadata: { resourceVersion: '7' },
    items: [{ metadata: { name: 'x' } }, { metadata: { name: 'y' } }],
  });
  const state = await loadSnapshotFiles({ nodesFile: file(json, 'list.json') });
  assert.deepEqual(
    state.nodes.map((x) => [x.kind, x.metadata?.name]),
    [
      ['Node', 'x'],
      ['Node', 'y'],
    ],
  );
  assert.equal(state.pods, undefined);
});

test('a kind: List (kubectl get -o yaml), single and multi-document files', async () => {
  const list = `apiVersion: v1\nkind: List\nmetadata: {resourceVersion: ""}\nitems:\n- apiVersion: v1\n  kind: Node\n  metadata: {name: l1}\n- apiVersion: v1\n  kind: Node\n  metadata: {name: l2}\n`;
  assert.deepEqual(
    (await loadSnapshotFiles({ nodesFile: file(list) })).nodes.map((x) => x.metadata?.name),
    ['l1', 'l2'],
  );
  assert.deepEqual(
    (await loadSnapshotFiles({ nodesFile: file(NODE_A) })).nodes.map((x) => x.metadata?.name),
    ['a'],
  );
  const multi = `---\n${NODE_A}---\n# a comment-only document\n---\n${NODE_A.replace('name: a', 'name: b')}...\n`;
  assert.deepEqual(
    (await loadSnapshotFiles({ nodesFile: file(multi) })).nodes.map((x) => x.metadata?.name),
    ['a', 'b'],
  );
});

test('YAML numbers become the quantity strings the API would hold; nulls are absent', () => {
  const c = parseSnapshot(
    `kind: Node\nmetadata: {name: q}\nspec:\nstatus:\n  allocatable: {cpu: 0.5, memory: 1073741824, nvidia.com/gpu: 8, hugepages-2Mi: null}\n  nodeInfo:\n`,
    'q.yaml',
    'nodes',
  );
  assert.deepEqual(c.nodes[0]?.status?.allocatable, { cpu: '0.5', memory: '1073741824', 'nvidia.com/gpu': '8' });
  assert.equal(c.nodes[0]?.spec, undefined);
});

test('a nodes file may carry Pods too; a pods file adds to them; an empty PodList is fine', async () => {
  const mixed = `${NODE_A}---\napiVersion: v1\nkind: Pod\nmetadata: {name: p1, namespace: ns}\nspec:\n  nodeName: a\n  containers:\n  - name: c\n    resources: {requests: {cpu: 2}}\n    ports: [{containerPort: 80, hostPort: 80}]\nstatus: {phase: Running}\n`;
  const pods = `apiVersion: v1\nkind: PodList\nitems:\n- metadata: {name: p2, namespace: ns}\n  spec: {nodeName: a}\n`;
  const state = await loadSnapshotFiles({ nodesFile: file(mixed), podsFile: file(pods) });
  assert.deepEqual(
    state.pods?.map((p) => p.metadata?.name),
    ['p1', 'p2'],
  );
  assert.deepEqual(state.pods?.[0]?.spec?.containers?.[0]?.resources?.requests, { cpu: '2' });
  assert.equal(state.pods?.[0]?.spec?.containers?.[0]?.ports?.[0]?.hostPort, 80);
  const empty = await loadSnapshotFiles({
    nodesFile: file(NODE_A),
    podsFile: file('apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n'),
  });
  assert.deepEqual(empty.pods, []);
});

test('errors name the file and say what is wrong', async () => {
  await rejects(loadSnapshotFiles({ nodesFile: join(dir, 'missing.yaml') }), /missing\.yaml: no such file/);
  await rejects(
    loadSnapshotFiles({ nodesFile: file('kind: Node\nmetadata: {name: [unclosed\n', 'broken.yaml') }),
    /broken\.yaml: is not valid YAML \(line \d+, column \d+\)/,
  );
  await rejects(
    loadSnapshotFiles({ nodesFile: file('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n', 'cm.yaml') }),
    /cm\.yaml: holds no Node objects \(it holds 1 ConfigMap\)/,
  );
  await rejects(
    loadSnapshotFiles({ nodesFile: file('just some words\n', 'words.yaml') }),
    /words\.yaml: the document is the string "just some words", not a Kubernetes object/,
  );
  await rejects(
    loadSnapshotFiles({ nodesFile: file('kind: Node\nmetadata: {labels: {a: b}}\n', 'noname.yaml') }),
    /noname\.yaml: the document: metadata\.name is missing/,
  );
  await rejects(
    loadSnapshotFiles({
      nodesFile: file('kind: NodeList\nitems:\n- metadata: {name: ok}\n- metadata: {}\n', 'item.yaml'),
    }),
    /item\.yaml: items\[1\]: metadata\.name is missing/,
  );
  await rejects(
    loadSnapshotFiles({
      nodesFile: file('kind: Node\nmetadata: {name: t}\nspec: {taints: "NoSchedule"}\n', 'taints.yaml'),
    }),
    /taints\.yaml: Node "t": spec\.taints must be a list, not the string "NoSchedule"/,
  );
  await rejects(
    loadSnapshotFiles({
      nodesFile: file('kind: Node\nmetadata: {name: t}\nstatus: {allocatable: {cpu: [1]}}\n', 'qty.yaml'),
    }),
    /qty\.yaml: Node "t": status\.allocatable\.cpu must be a quantity/,
  );
  await rejects(
    loadSnapshotFiles({ nodesFile: file(`${NODE_A}---\n${NODE_A}`, 'dup.yaml') }),
    /dup\.yaml: Node "a" appears more than once/,
  );
  await rejects(
    loadSnapshotFiles({ nodesFile: file(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]), 'img.png') }),
    /img\.png: is a binary file/,
  );
  await rejects(
    loadSnapshotFiles({ nodesFile: file(NODE_A, 'big.yaml'), limits: { maxBytes: 10, maxAliasCount: 100 } }),
    /big\.yaml: is 0\.0 MiB, over the 0 MiB limit/,
  );
  await rejects(
    loadSnapshotFiles({ nodesFile: file(NODE_A), podsFile: file(NODE_A, 'notpods.yaml') }),
    /notpods\.yaml: holds no Pod objects \(it holds 1 Node\)/,
  );
  await rejects(loadSnapshotFiles({ nodesFile: dir }), /is not a file/);
});

test('alias expansion is capped ("billion laughs")', async () => {
  const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 8; i++)
    lines.push(
      `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
        .fill(`*${String.fromCharCode(96 + i)}`)
        .join(', ')}]`,
    );
  await rejects(
    loadSnapshotFiles({ nodesFile: file(`kind: Node\nmetadata: {name: bomb}\n${lines.join('\n')}\n`, 'bomb.yaml') }),
    /bomb\.yaml: document 1 cannot be read: .*alias/i,
  );
});

test('objects from the client library (Date fields) become API strings', () => {
  const node = toNode(
    {
      metadata: { name: 'd', creationTimestamp: new Date('2025-01-02T03:04:05Z') },
      spec: { taints: [{ key: 'k', effect: 'NoExecute', timeAdded: new Date('2025-01-02T03:04:06Z') }] },
    },
    'x',
  );
  assert.equal(node.metadata?.creationTimestamp, '2025-01-02T03:04:05.000Z');
  assert.equal(node.spec?.taints?.[0]?.timeAdded, '2025-01-02T03:04:06.000Z');
  const pod = toPod(
    {
      metadata: { name: 'p', namespace: 'n' },
      spec: { tolerations: [{ operator: 'Exists', tolerationSeconds: 300 }] },
    },
    'y',
  );
  assert.deepEqual(pod.spec?.tolerations, [{ operator: 'Exists', tolerationSeconds: 300 }]);
  assert.throws(
    () => toPod({ metadata: { name: 'p' }, spec: { containers: 'c' } }, 'y'),
    /Pod "p": spec\.containers must be a list/,
  );
});

test('the snapshot source keeps the last good state when the file breaks', async () => {
  const p = file(NODE_A, 'live.yaml');
  const source = new SnapshotFileSource({ nodesFile: p });
  assert.equal(source.label, 'snapshot live.yaml');
  const good = await source.load();
  assert.equal(good.status.state, 'ok');
  assert.equal(good.status.message, '1 node');
  writeFileSync(p, 'kind: Node\nmetadata: {name: [\n');
  const bad = await source.load();
  assert.equal(bad.status.state, 'error');
  assert.match(bad.error ?? '', /live\.yaml: is not valid YAML/);
  assert.deepEqual(
    bad.state.nodes.map((x) => x.metadata?.name),
    ['a'],
  );
  assert.equal(bad.status.lastGood, good.state);
  source.dispose();
});

// The fast reader converts each listed item as it reads it and passes over fields the engine
// never reads (status.images, metadata.managedFields, …): the result must be what the full
// parser (JSON here) gives, and a NodeList read as a pods file must still be refused.
test('kubectl YAML lists read item by item give the same Nodes and Pods as the full parser', () => {
  const node = (i: number) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: `n${i}`,
      labels: { 'kubernetes.io/os': 'linux', zone: `z${i % 2}` },
      managedFields: [{ manager: 'kubelet', fieldsV1: { 'f:status': { 'f:images': {} } } }],
    },
    spec: i % 2 ? { taints: [{ key: 'k', value: 'v', effect: 'NoSchedule' }] } : {},
    status: {
      addresses: [{ address: '10.0.0.1', type: 'InternalIP' }],
      allocatable: { cpu: '4', memory: '16Gi', pods: '110' },
      conditions: [
        { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      ],
      images: [{ names: ['registry.example/a:1', 'registry.example/a@sha256:00'], sizeBytes: 1234 }],
      nodeInfo: { architecture: 'amd64', operatingSystem: 'linux', kubeletVersion: 'v1.32.0' },
    },
  });
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default' },
    spec: { nodeName: 'n0', containers: [{ name: 'c', resources: { requests: { cpu: '1' } } }] },
    status: { phase: 'Running', containerStatuses: [{ name: 'c', ready: true }] },
  };
  const list = { apiVersion: 'v1', items: [node(0), node(1), pod], kind: 'List', metadata: { resourceVersion: '' } };
  // go-yaml's layout: indentless sequences under a key, as kubectl prints.
  const yamlText = stringify(list, { indentSeq: false });
  assert.notEqual(parseKubectlYaml(yamlText), undefined, 'the fast reader takes this text');
  const fromYaml = parseSnapshot(yamlText, 'nodes.yaml', 'nodes');
  const fromJson = parseSnapshot(JSON.stringify(list), 'nodes.json', 'nodes');
  assert.deepEqual(fromYaml, fromJson);
  assert.equal(fromYaml.nodes.length, 2);
  assert.equal(fromYaml.pods.length, 1);
  assert.deepEqual(fromYaml.nodes[1]?.spec?.taints, [{ key: 'k', value: 'v', effect: 'NoSchedule' }]);

  // Items without kind: converted as the role guesses, checked against the list's kind.
  const rawNodeList = {
    apiVersion: 'v1',
    items: [node(0)].map(({ apiVersion: _a, kind: _k, ...rest }) => rest),
    kind: 'NodeList',
    metadata: {},
  };
  const asPods = parseSnapshot(stringify(rawNodeList, { indentSeq: false }), 'pods.yaml', 'pods');
  assert.deepEqual(asPods, parseSnapshot(JSON.stringify(rawNodeList), 'pods.json', 'pods'));
  assert.equal(asPods.nodes.length, 1);
  assert.equal(asPods.pods.length, 0);

  // A shape error in an item names it, as the full parser's path does.
  const bad = { ...list, items: [node(0), { ...node(1), spec: { taints: 'none' } }] };
  assert.throws(
    () => parseSnapshot(stringify(bad, { indentSeq: false }), 'nodes.yaml', 'nodes'),
    (e: unknown) => {
      assert.ok(e instanceof SnapshotError);
      assert.match(e.message, /items\[1\]|n1/);
      assert.equal(
        e.message.replace('nodes.yaml', 'X'),
        (() => {
          try {
            parseSnapshot(JSON.stringify(bad), 'nodes.json', 'nodes');
          } catch (j) {
            return (j as Error).message.replace('nodes.json', 'X');
          }
          return '';
        })(),
      );
      return true;
    },
  );
});
