import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { KubeconfigSource, type KubeconfigSourceOptions } from '../../../server/src/cluster/kubeconfigSource';
import type { ClusterSnapshot } from '../../../server/src/cluster/source';
import { FakeApiServer, makeNode, makePod } from '../../support/fakeApiServer';

const dir = mkdtempSync(join(tmpdir(), 'ds-live-'));
const NAMES = ['n01', 'n02', 'n03', 'n04', 'n05', 'n06', 'n07'];
let server: FakeApiServer;
let kubeconfig: string;
const sources: KubeconfigSource[] = [];

before(async () => {
  server = await FakeApiServer.start({
    nodes: NAMES.map((n) => makeNode(n)),
    pods: [
      makePod('kube-system', 'coredns-1', 'n01', '100m'),
      makePod('batch', 'done-1', 'n01', '2', 'Succeeded'),
      makePod('web', 'api-1', 'n02', '500m'),
    ],
  });
  kubeconfig = server.writeKubeconfig(join(dir, 'config'));
});

after(async () => {
  for (const s of sources) s.dispose();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(options: KubeconfigSourceOptions = {}): Promise<KubeconfigSource> {
  const s = await KubeconfigSource.create({
    kubeconfig,
    timeoutMs: 3000,
    pageSize: 3,
    retryDelayMs: 5,
    maxRetryDelayMs: 20,
    ...options,
  });
  sources.push(s);
  return s;
}

/** Resolves with the first change notification that satisfies `pred`. */
function nextSnapshot(source: KubeconfigSource, pred: (s: ClusterSnapshot) => boolean): Promise<ClusterSnapshot> {
  return new Promise((resolve) => {
    const sub = source.onDidChange((s) => {
      if (pred(s)) {
        sub.dispose();
        resolve(s);
      }
    });
  });
}

const names = (s: ClusterSnapshot): string[] => s.state.nodes.map((n) => n.metadata?.name ?? '');
const nodeLists = (from: number): number =>
  server.requests.slice(from).filter((r) => r.path === '/api/v1/nodes' && !r.query.has('watch')).length;

/** Restores the server's knobs after a test that turned one on. */
function resetKnobs(): void {
  server.stall = false;
  server.garbage = false;
  server.forbidden = [];
  server.delayMs = 0;
}

test('lists nodes page by page (limit + continue) with the bearer token', { timeout: 10_000 }, async () => {
  const mark = server.requests.length;
  const source = await open();
  assert.equal(source.label, 'context fake');
  assert.equal(source.id, 'kubeconfig:fake');
  const snap = await source.load();
  assert.equal(snap.status.state, 'ok', snap.status.message);
  assert.equal(snap.status.message, '7 nodes');
  assert.deepEqual(names(snap), NAMES);
  assert.equal(snap.state.nodes[0]?.kind, 'Node'); // list items come without kind
  assert.equal(snap.state.nodes[0]?.status?.allocatable?.cpu, '4');
  assert.equal(snap.state.pods, undefined);
  const lists = server.requests.slice(mark).filter((r) => r.path === '/api/v1/nodes');
  assert.deepEqual(
    lists.map((r) => [r.query.get('limit'), r.query.has('continue')]),
    [
      ['3', false],
      ['3', true],
      ['3', true],
    ],
  );
  assert.ok(lists.every((r) => r.authorization === `Bearer ${server.token}`));
  source.dispose();
});

test('an expired continue token restarts the list once', { timeout: 10_000 }, async () => {
  const mark = server.requests.length;
  server.expireNextContinue = true;
  const source = await open();
  const snap = await source.load();
  assert.equal(snap.status.state, 'ok', snap.status.message);
  assert.deepEqual(names(snap), NAMES);
  assert.equal(nodeLists(mark), 5); // page 1, page 2 (410), then pages 1–3 again
  source.dispose();
});

test(
  'with resource fit, running pods are listed (one paged list) without finished ones',
  { timeout: 10_000 },
  async () => {
    const mark = server.requests.length;
    const source = await open({ includePods: true, watch: false });
    const snap = await source.load();
    assert.equal(snap.status.state, 'ok', snap.status.message);
    assert.equal(snap.status.message, '7 nodes, 2 pods');
    assert.deepEqual(
      snap.state.pods?.map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`),
      ['kube-system/coredns-1', 'web/api-1'],
    );
    const selectors = server.requests
      .slice(mark)
      .filter((r) => r.path === '/api/v1/pods')
      .map((r) => r.query.get('fieldSelector'));
    // Pages of 3: the two running pods fit in one.
    assert.deepEqual(selectors, ['status.phase!=Succeeded,status.phase!=Failed']);
    source.dispose();
  },
);

test(
  'a watching source lists pods once and then follows them: loads and pod changes list no pods again',
  { timeout: 10_000 },
  async () => {
    const source = await open({ includePods: true, watch: true, coalesceMs: 0 });
    const podLists = (from: number) =>
      server.requests
        .slice(from)
        .filter((r) => r.path === '/api/v1/pods' && !['1', 'true'].includes(r.query.get('watch') ?? '')).length;
    const podWatches = (from: number) =>
      server.requests.slice(from).filter((r) => r.path === '/api/v1/pods' && r.query.get('watch') === '1').length;
    const mark = server.requests.length;
    const first = await source.load();
    assert.equal(first.status.state, 'ok', first.status.message);
    assert.equal(first.status.message, '7 nodes, 2 pods');
    assert.equal(podLists(mark), 1);

    // A new pod, a pod that finishes, a deleted pod: each arrives through the watch.
    const added = nextSnapshot(source, (s) => (s.state.pods ?? []).some((p) => p.metadata?.name === 'agent-1'));
    server.upsert('pods', makePod('monitoring', 'agent-1', 'n03', '250m'));
    await added;
    const finished = nextSnapshot(source, (s) => !(s.state.pods ?? []).some((p) => p.metadata?.name === 'coredns-1'));
    server.modify('pods', 'kube-system', 'coredns-1', (p) => {
      p.status = { phase: 'Succeeded' };
    });
    await finished;
    const deleted = nextSnapshot(source, (s) => !(s.state.pods ?? []).some((p) => p.metadata?.name === 'api-1'));
    server.remove('pods', 'web', 'api-1');
    const after = await deleted;
    assert.deepEqual(
      after.state.pods?.map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`),
      ['monitoring/agent-1'],
    );

    // Loads re-list the nodes but not the watched pods.
    const again = await source.load();
    assert.equal(again.status.state, 'ok', again.status.message);
    assert.deepEqual(
      again.state.pods?.map((p) => p.metadata?.name),
      ['agent-1'],
    );
    await source.load();
    assert.equal(podLists(mark), 1, 'pods were listed once');
    assert.equal(podWatches(mark), 1, 'and watched by one watch');

    // A cut watch forgets the pods: the next list reads them again.
    const relisted = nextSnapshot(source, (s) => s.status.state === 'ok' && podLists(mark) === 2);
    server.dropWatches();
    const back = await relisted;
    assert.deepEqual(
      back.state.pods?.map((p) => p.metadata?.name),
      ['agent-1'],
    );
    source.dispose();
    // The shared server's pods as the other tests expect them.
    server.remove('pods', 'monitoring', 'agent-1');
    server.modify('pods', 'kube-system', 'coredns-1', (p) => {
      p.status = { phase: 'Running' };
    });
    server.upsert('pods', makePod('web', 'api-1', 'n02', '500m'));
  },
);

test('the watch applies ADDED, MODIFIED and DELETED and tells listeners', { timeout: 10_000 }, async () => {
  const source = await open({ watch: true });
  const opened = server.watchesOpened;
  assert.equal((await source.load()).status.state, 'ok');
  await server.waitForWatch(opened);

  const added = nextSnapshot(source, (s) => names(s).includes('n08'));
  server.addNode(makeNode('n08'));
  assert.deepEqual(names(await added), [...NAMES, 'n08']);

  const modified = nextSnapshot(
    source,
    (s) => (s.state.nodes.find((n) => n.metadata?.name === 'n08')?.spec?.taints?.length ?? 0) > 0,
  );
  server.modifyNode('n08', (n) => (n.spec.taints = [{ key: 'dedicated', value: 'infra', effect: 'NoSchedule' }]));
  assert.deepEqual((await modified).state.nodes.find((n) => n.metadata?.name === 'n08')?.spec?.taints, [
    { key: 'dedicated', value: 'infra', effect: 'NoSchedule' },
  ]);

  const deleted = nextSnapshot(source, (s) => !names(s).includes('n08'));
  server.deleteNode('n08');
  assert.deepEqual(names(await deleted), NAMES);
  assert.deepEqual(names(source.current()), NAMES);
  source.dispose();
});

test('a dropped watch connection leads to a fresh list', { timeout: 10_000 }, async () => {
  const source = await open({ watch: true });
  const opened = server.watchesOpened;
  await source.load();
  await server.waitForWatch(opened);
  const mark = server.requests.length;
  // A change the watch never reports: only a re-list can see it.
  server.modifyNodeQuietly('n03', (n) => (n.metadata.labels.pool = 'blue'));
  const relisted = nextSnapshot(
    source,
    (s) => s.state.nodes.find((n) => n.metadata?.name === 'n03')?.metadata?.labels?.pool === 'blue',
  );
  const reopened = server.waitForWatch(server.watchesOpened);
  server.dropWatches();
  const snap = await relisted;
  assert.equal(snap.status.state, 'ok');
  assert.ok(nodeLists(mark) >= 3, 'expected a full paged re-list');
  await reopened; // and the watch is back
  source.dispose();
  server.modifyNodeQuietly('n03', (n) => delete n.metadata.labels.pool);
});

test('410 Gone on the watch leads to a fresh list; a clean end resumes without one', { timeout: 10_000 }, async () => {
  const source = await open({ watch: true });
  const opened = server.watchesOpened;
  await source.load();
  await server.waitForWatch(opened);

  // Clean end (the server's timeoutSeconds): resume from the last resourceVersion, no list.
  let mark = server.requests.length;
  const resumed = server.waitForWatch(server.watchesOpened);
  server.endWatches();
  await resumed;
  const watchReq = server.requests.slice(mark).find((r) => r.query.has('watch'));
  assert.equal(watchReq?.query.get('resourceVersion'), server.resourceVersion);
  assert.equal(nodeLists(mark), 0);

  // 410: what we hold is too old; a list is the only way back.
  mark = server.requests.length;
  server.modifyNodeQuietly('n05', (n) => (n.metadata.labels.pool = 'green'));
  const relisted = nextSnapshot(
    source,
    (s) => s.state.nodes.find((n) => n.metadata?.name === 'n05')?.metadata?.labels?.pool === 'green',
  );
  server.expireWatches();
  await relisted;
  assert.ok(nodeLists(mark) >= 3);
  source.dispose();
  server.modifyNodeQuietly('n05', (n) => delete n.metadata.labels.pool);
});

test('garbage on the watch stream is a drop: re-list, then carry on', { timeout: 10_000 }, async () => {
  const source = await open({ watch: true });
  const opened = server.watchesOpened;
  await source.load();
  await server.waitForWatch(opened);
  const mark = server.requests.length;
  const connecting = nextSnapshot(source, (s) => s.status.state === 'connecting');
  server.garbage = 'watch';
  server.addNode(makeNode('n09'));
  const status = (await connecting).status;
  assert.match(status.message, /not JSON/);
  assert.deepEqual(
    status.lastGood?.nodes.map((n) => n.metadata?.name),
    NAMES,
  );
  server.garbage = false;
  await nextSnapshot(source, (s) => s.status.state === 'ok' && names(s).includes('n09'));
  assert.ok(nodeLists(mark) >= 3);
  source.dispose();
  server.deleteNode('n09');
});

test('401: a wrong token gives a clear status, never a throw', { timeout: 10_000 }, async () => {
  const source = await open({
    kubeconfig: server.writeKubeconfig(join(dir, 'wrong-token'), { token: 'not-the-token' }),
  });
  const snap = await source.load();
  assert.equal(snap.status.state, 'error');
  assert.match(
    snap.error ?? '',
    /^401 Unauthorized listing nodes at https:\/\/127\.0\.0\.1:\d+: the credentials were rejected/,
  );
  assert.deepEqual(snap.state.nodes, []);
  assert.equal(snap.status.lastGood, undefined);
  source.dispose();
});

test('403 on pods, a hung server and garbage keep the last good state', { timeout: 10_000 }, async () => {
  // Generous enough for a loaded CI machine; only the hung case waits it out.
  // Without a watch every load lists (as the CLI does): each failure shows.
  const source = await open({ includePods: true, timeoutMs: 1000, watch: false });
  const good = await source.load();
  assert.equal(good.status.state, 'ok');
  try {
    server.forbidden = ['/api/v1/pods'];
    const forbidden = await source.load();
    assert.equal(forbidden.status.state, 'error');
    assert.match(
      forbidden.status.message,
      /403 Forbidden listing pods at .*: pods is forbidden: User "system:serviceaccount:default:viewer" cannot list resource "pods"/,
    );
    assert.deepEqual(forbidden.state, good.state);
    assert.deepEqual(forbidden.status.lastGood, good.state);
    resetKnobs();

    // A stalled server: the load ends in the source's own timeout error (the test's timeout
    // catches a hang; how long giving up takes is in bench/documents.bench.ts).
    server.stall = true;
    const hung = await source.load();
    assert.equal(hung.status.state, 'error');
    assert.match(hung.status.message, /^no answer from https:\/\/127\.0\.0\.1:\d+ listing nodes within 1 s$/);
    assert.deepEqual(hung.state, good.state);
    resetKnobs();

    server.garbage = 'list';
    const garbage = await source.load();
    assert.equal(garbage.status.state, 'error');
    assert.match(garbage.status.message, /sent an answer that is not Kubernetes API JSON listing nodes/);
    assert.deepEqual(garbage.state, good.state);
    resetKnobs();

    assert.equal((await source.load()).status.state, 'ok');
  } finally {
    resetKnobs();
    source.dispose();
  }
});

test('a slow server is waited for up to the timeout, and no longer', { timeout: 20_000 }, async () => {
  try {
    server.delayMs = 300;
    const patient = await open({ timeoutMs: 5000 });
    const slow = await patient.load();
    assert.equal(slow.status.state, 'ok', slow.status.message);
    patient.dispose();

    server.delayMs = 3000;
    const impatient = await open({ timeoutMs: 500 });
    const late = await impatient.load();
    assert.equal(late.status.state, 'error');
    assert.match(late.status.message, /^no answer from https:\/\/127\.0\.0\.1:\d+ listing nodes within 500 ms$/);
    impatient.dispose();
  } finally {
    resetKnobs();
  }
});

test('an unreachable port and an untrusted certificate give clear statuses', { timeout: 10_000 }, async () => {
  const port = await new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  const closed = await open({
    kubeconfig: server.writeKubeconfig(join(dir, 'closed'), { server: `https://127.0.0.1:${port}` }),
  });
  const refused = await closed.load();
  assert.equal(refused.status.state, 'error');
  assert.equal(
    refused.error,
    `cannot reach https://127.0.0.1:${port}: connection refused (is the cluster running and the address right?)`,
  );
  closed.dispose();

  const untrusted = await open({ kubeconfig: server.writeKubeconfig(join(dir, 'untrusted'), { trustCa: false }) });
  const tls = await untrusted.load();
  assert.equal(tls.status.state, 'error');
  assert.match(
    tls.error ?? '',
    /^TLS error talking to https:\/\/127\.0\.0\.1:\d+: (DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)/,
  );
  untrusted.dispose();
});

test('a failing watched source retries with backoff and recovers by itself', { timeout: 10_000 }, async () => {
  server.stall = true;
  const source = await open({ watch: true, timeoutMs: 1000, retryDelayMs: 10 });
  try {
    const first = await source.load();
    assert.equal(first.status.state, 'error');
    const recovered = nextSnapshot(source, (s) => s.status.state === 'ok');
    resetKnobs();
    assert.deepEqual(names(await recovered), NAMES);
  } finally {
    resetKnobs();
    source.dispose();
  }
});

test('exec credential plugins supply the token', { timeout: 10_000 }, async () => {
  const plugin = join(dir, 'credential.js');
  writeFileSync(
    plugin,
    `process.stdout.write(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: ${JSON.stringify(server.token)} } }));\n`,
  );
  const file = join(dir, 'exec-config');
  writeFileSync(
    file,
    [
      'apiVersion: v1',
      'kind: Config',
      'current-context: exec',
      'clusters:',
      '- name: c',
      '  cluster:',
      `    server: ${server.url}`,
      `    certificate-authority: ${JSON.stringify(join(__dirname, '../../../../test/support/fixtures/fake-apiserver.crt'))}`,
      'contexts:',
      '- name: exec',
      '  context: {cluster: c, user: u}',
      'users:',
      '- name: u',
      '  user:',
      '    exec:',
      '      apiVersion: client.authentication.k8s.io/v1',
      `      command: ${JSON.stringify(process.execPath)}`,
      `      args: [${JSON.stringify(plugin)}]`,
      '      interactiveMode: Never',
      '',
    ].join('\n'),
  );
  const source = await open({ kubeconfig: file, watch: true });
  const opened = server.watchesOpened;
  const snap = await source.load();
  assert.equal(snap.status.state, 'ok', snap.status.message);
  assert.equal(source.label, 'context exec');
  await server.waitForWatch(opened); // the watch authenticates through the plugin too
  source.dispose();
});
