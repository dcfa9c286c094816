// Protocol tests: the real bundled server (dist/server.js) driven over LSP stdio.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FakeApiServer, makeNode } from '../support/fakeApiServer';
import { ROOT, startServer, TestServer } from '../support/lspClient';

const GOOD = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-agent
  namespace: logging
spec:
  selector:
    matchLabels:
      app: log-agent
  template:
    metadata:
      labels:
        app: log-agent
    spec:
      containers:
        - name: agent
          image: fluent/fluent-bit:3.1
          resources:
            requests:
              cpu: 50m
              memory: 64Mi
            limits:
              memory: 128Mi
`;

let server: TestServer;

function lines(text: string, needle: string, delta = 0): { line: number; character: number } {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `fixture has no '${needle}'`);
  const before = text.slice(0, at + delta);
  return { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 };
}

type Diag = { code?: string | number; severity?: number; message: string; source?: string; range: any };
const pull = async (uri: string): Promise<Diag[]> =>
  ((await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diag[] })
    .items;

before(async () => {
  server = await startServer();
});
after(async () => {
  await server.stop();
});

test('completion over LSP offers DaemonSet spec keys and not Deployment ones', async () => {
  const text = GOOD.replace('  template:\n', '  \n  template:\n');
  const uri = server.open('completion.yaml', text);
  const pos = { line: text.split('\n').indexOf('  '), character: 2 };
  const res = (await server.connection.sendRequest('textDocument/completion', {
    textDocument: { uri },
    position: pos,
  })) as { items: Array<{ label: string }> };
  const labels = res.items.map((i) => i.label);
  assert.ok(labels.includes('updateStrategy'), labels.join(','));
  assert.ok(labels.includes('minReadySeconds'));
  assert.ok(!labels.includes('replicas'));
  assert.ok(!labels.includes('selector'), 'present keys are not offered again');
});

test('hover over LSP shows the field documentation', async () => {
  const text = GOOD.replace('  template:\n', '  updateStrategy:\n    type: RollingUpdate\n  template:\n');
  const uri = server.open('hover.yaml', text);
  const res = (await server.connection.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: lines(text, 'updateStrategy', 3),
  })) as { contents: { value: string } };
  assert.match(res.contents.value, /An update strategy to replace existing DaemonSet pods with new pods/);
});

test('pulled diagnostics carry the code, severity, source and the API server path', async () => {
  const text = GOOD.replace('      containers:', '      restartPolicy: Never\n      containers:');
  const uri = server.open('diag.yaml', text);
  const items = await pull(uri);
  const d = items.find((i) => i.code === 'restartPolicyNotAlways');
  assert.ok(d, JSON.stringify(items));
  assert.equal(d!.severity, 1);
  assert.equal(d!.source, 'daemonset');
  assert.match(d!.message, /spec\.template\.spec\.restartPolicy/);
  assert.match(d!.message, /Unsupported value: "Never"/);
  assert.deepEqual(await pull(server.open('good.yaml', GOOD)).then((xs) => xs.filter((x) => x.severity === 1)), []);
});

test('a quick fix over LSP rewrites a removed apiVersion to apps/v1', async () => {
  const text = GOOD.replace('apps/v1', 'extensions/v1beta1');
  const uri = server.open('fix.yaml', text);
  const items = await pull(uri);
  const d = items.find((i) => i.code === 'removedApiVersion');
  assert.ok(d, JSON.stringify(items));
  const actions = (await server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: d!.range,
    context: { diagnostics: [d] },
  })) as Array<{ title: string; edit?: { changes?: Record<string, Array<{ newText: string }>> } }>;
  const fix = actions.find((a) => a.title.startsWith('Rewrite to apps/v1'));
  assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
  assert.ok(JSON.stringify(fix!.edit).includes('apps/v1'));
});

test('a CodeLens summarises placement on the example cluster and opens the preview', async () => {
  const uri = server.open('lens.yaml', GOOD);
  const lenses = (await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as Array<{
    command: { title: string; command: string; arguments: unknown[] };
  }>;
  assert.equal(lenses.length, 1);
  assert.match(lenses[0].command.title, /^Runs on \d+ of \d+ nodes( · \d+ Pending)? · source: example cluster$/);
  assert.equal(lenses[0].command.command, 'daemonset.showPlacementPreview');
});

test("the server tells the client how many DaemonSets a document holds, when that changes (the menus' context key)", async () => {
  const counts: Array<{ uri: string; count: number }> = [];
  let wake: (() => void) | undefined;
  server.connection.onNotification('daemonset/documentDaemonSets', (p: { uri: string; count: number }) => {
    counts.push(p);
    wake?.();
  });
  const next = (uri: string, n: number) =>
    new Promise<void>((resolve) => {
      const check = () => counts.filter((c) => c.uri === uri).length >= n && resolve();
      wake = check;
      check();
    });
  const uri = server.open('presence.yaml', GOOD);
  await pull(uri);
  await next(uri, 1);
  const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n';
  server.change(uri, cm, 2);
  await pull(uri);
  await next(uri, 2);
  // An edit that keeps the count sends nothing; the next change of the count does.
  server.change(uri, cm + 'data:\n  a: b\n', 3);
  await pull(uri);
  server.change(uri, `${cm}---\n${GOOD}---\n${GOOD}`, 4);
  await pull(uri);
  await next(uri, 3);
  assert.deepEqual(
    counts.filter((c) => c.uri === uri).map((c) => c.count),
    [1, 0, 2],
  );
});

test('the placement request answers node by node with reasons', async () => {
  const uri = server.open('placement.yaml', GOOD);
  const res = (await server.connection.sendRequest('daemonset/placement', { uri })) as any;
  assert.equal(res.selected, 0);
  assert.equal(res.cluster.source, 'example cluster');
  assert.ok(res.result.nodes.length >= 7);
  assert.equal(res.rows.length, res.result.nodes.length);
  const reasons = new Set(res.result.nodes.map((n: any) => n.reason));
  assert.ok(reasons.has('taint'), `reasons: ${[...reasons]}`);
  const tainted = res.result.nodes.findIndex((n: any) => n.reason === 'taint');
  assert.ok(res.rows[tainted].range, 'a taint verdict points at a manifest line');
});

test("the panel's compact answer: the nodes table once per snapshot, distinct verdicts with an index per node", async () => {
  const uri = server.open('compact.yaml', GOOD);
  const full = (await server.connection.sendRequest('daemonset/placement', { uri })) as any;
  const first = (await server.connection.sendRequest('daemonset/placement', { uri, nodesKey: '' })) as any;
  assert.equal(first.rows, undefined, 'no per-node rows');
  assert.deepEqual(first.result.nodes, []);
  assert.deepEqual(
    [first.result.desired, first.result.pending, first.result.excluded],
    [full.result.desired, full.result.pending, full.result.excluded],
  );
  assert.equal(typeof first.nodesKey, 'string');
  assert.equal(first.nodes.key, first.nodesKey);
  // Expanded again, the compact answer is the full one, node by node.
  assert.deepEqual(
    first.nodes.names,
    full.result.nodes.map((v: any) => v.name),
  );
  assert.deepEqual(
    first.nodes.labels,
    full.rows.map((r: any) => r.labels),
  );
  assert.equal(first.verdicts.index.length, full.result.nodes.length);
  assert.ok(first.verdicts.table.length < full.result.nodes.length, 'verdicts repeat across nodes');
  full.result.nodes.forEach((v: any, i: number) => {
    const c = first.verdicts.table[first.verdicts.index[i]];
    assert.deepEqual(
      [c.shouldRun, c.shouldContinueRunning, c.pending, c.reason, c.detail, c.notes, c.range],
      [v.shouldRun, v.shouldContinueRunning, v.pending, v.reason, v.detail, v.notes, full.rows[i].range],
      v.name,
    );
  });
  // The client holds the table now: the next answer leaves it out.
  const second = (await server.connection.sendRequest('daemonset/placement', { uri, nodesKey: first.nodesKey })) as any;
  assert.equal(second.nodes, undefined);
  assert.equal(second.nodesKey, first.nodesKey);
  assert.deepEqual(second.verdicts, first.verdicts);
  // A stale key gets the table again.
  const stale = (await server.connection.sendRequest('daemonset/placement', { uri, nodesKey: 'old' })) as any;
  assert.equal(stale.nodes.key, first.nodesKey);
});

test('bad input never crashes the server, and it keeps answering', async () => {
  const bomb =
    'apiVersion: apps/v1\nkind: DaemonSet\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n';
  const inputs: Record<string, string> = {
    huge: GOOD + '#'.repeat(20 * 1024 * 1024),
    bomb,
    binary: '\u0000\u0001\u0002\u0003PK\u0003\u0004' + 'x'.repeat(100),
    broken: GOOD.replace('  template:', '  template: [\n  oops: }'),
    many: Array.from({ length: 10000 }, (_, i) => `kind: ConfigMap\nmetadata:\n  name: c${i}\n`).join('---\n'),
  };
  for (const [name, text] of Object.entries(inputs)) {
    const items = await pull(server.open(`${name}.yaml`, text));
    assert.ok(Array.isArray(items), name);
    if (name === 'huge')
      assert.ok(
        items.some((i) => /limit/.test(i.message)),
        'huge file gets a clear message',
      );
    if (name === 'binary')
      assert.ok(
        items.some((i) => /binary/.test(i.message)),
        'binary input gets a clear message',
      );
    if (name === 'broken')
      assert.ok(
        items.some((i) => i.severity === 1),
        'broken YAML gets an error',
      );
  }
  const uri = server.open('after.yaml', GOOD);
  const hover = await server.connection.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: lines(GOOD, 'selector', 2),
  });
  assert.ok(hover, 'the server still answers after bad input');
  assert.equal(server.process.exitCode, null);
});

test('a snapshot file named in the settings becomes the cluster source', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-snap-'));
  fs.writeFileSync(
    path.join(dir, 'nodes.yaml'),
    'apiVersion: v1\nkind: NodeList\nitems:\n- metadata:\n    name: only-node\n    labels: {kubernetes.io/os: linux}\n  status:\n    allocatable: {cpu: "2", memory: 4Gi, pods: "110"}\n',
  );
  const s = await startServer({
    workspaceRoot: dir,
    settings: { cluster: { source: 'snapshot', snapshotPath: 'nodes.yaml' } },
  });
  try {
    const changed = new Promise<any>((resolve) => s.connection.onNotification('daemonset/clusterChanged', resolve));
    let status = (await s.connection.sendRequest('daemonset/clusterStatus')) as any;
    if (status.state !== 'ok' || status.kind !== 'snapshot') status = await changed;
    assert.equal(status.kind, 'snapshot');
    assert.equal(status.source, 'snapshot nodes.yaml');
    assert.equal(status.nodeCount, 1);
  } finally {
    await s.stop();
  }
});

test('an untrusted workspace never reads a kubeconfig', async () => {
  const s = await startServer({
    trusted: false,
    settings: { cluster: { source: 'kubeconfig', kubeconfig: path.join(ROOT, 'nope') } },
  });
  try {
    const changed = new Promise<any>((resolve) => s.connection.onNotification('daemonset/clusterChanged', resolve));
    let status = (await s.connection.sendRequest('daemonset/clusterStatus')) as any;
    if (status.state === 'connecting') status = await changed;
    assert.equal(status.kind, 'example');
    assert.match(status.message, /not trusted/);
    const contexts = (await s.connection.sendRequest('daemonset/listContexts', {})) as any;
    assert.match(contexts.error, /not trusted/);
  } finally {
    await s.stop();
  }
});

test('a kubeconfig context reaches a live (loopback) API server, and a watch event updates the CodeLens', async () => {
  const api = await FakeApiServer.start({ nodes: [makeNode('live-1'), makeNode('live-2')] });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-live-'));
  const kubeconfig = api.writeKubeconfig(path.join(dir, 'kubeconfig'), { context: 'kind-dev' });
  const s = await startServer({
    workspaceRoot: dir,
    settings: { cluster: { source: 'kubeconfig', kubeconfig, context: 'kind-dev' } },
  });
  try {
    const statuses: any[] = [];
    let wake: (() => void) | undefined;
    s.connection.onNotification('daemonset/clusterChanged', (st: any) => {
      statuses.push(st);
      wake?.();
    });
    const until = async (pred: (st: any) => boolean): Promise<any> => {
      for (;;) {
        const hit = statuses.find(pred);
        if (hit) return hit;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    };
    const first = (await s.connection.sendRequest('daemonset/clusterStatus')) as any;
    const ok =
      first.state === 'ok' && first.nodeCount === 2
        ? first
        : await until((st) => st.state === 'ok' && st.nodeCount === 2);
    assert.equal(ok.kind, 'kubeconfig');
    assert.equal(ok.source, 'context kind-dev');
    const uri = s.open('live.yaml', GOOD);
    const lens = async () =>
      ((await s.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as any[])[0].command.title;
    assert.match(await lens(), /^Runs on 2 of 2 nodes · source: context kind-dev$/);
    api.addNode(makeNode('live-3'));
    await until((st) => st.nodeCount === 3);
    assert.match(await lens(), /^Runs on 3 of 3 nodes/);
  } finally {
    await s.stop();
    await api.close();
  }
});
