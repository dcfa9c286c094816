// The Live section of the placement answer through the real bundled server: offline from the
// example cluster's live.yaml, and from a kubeconfig context on the loopback API server, where
// a rollout step made by the test reaches the panel's answer through watch events.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FakeApiServer, makeNode } from '../support/fakeApiServer';
import { makeDaemonPod, makeDaemonSet, makeRevision } from '../support/liveObjects';
import { ROOT, startServer } from '../support/lspClient';

test('the example cluster ships a live state: fluent-bit mid-rollout, with drift per node', async () => {
  const s = await startServer();
  try {
    const text = fs.readFileSync(path.join(ROOT, 'examples', 'workspace', 'log-collector.yaml'), 'utf8');
    const uri = s.open('log-collector.yaml', text);
    const ask = async (): Promise<any> => s.connection.sendRequest('daemonset/placement', { uri });
    let res = await ask();
    // The file is read in the background on the first ask; the change notification follows.
    for (let i = 0; res.live?.state !== 'ok' && i < 50; i++) {
      await new Promise<void>((resolve) => {
        const sub = s.connection.onNotification('daemonset/clusterChanged', () => {
          sub.dispose();
          resolve();
        });
      });
      res = await ask();
    }
    const live = res.live;
    assert.equal(live.state, 'ok', JSON.stringify(live));
    assert.deepEqual(live.getDs.headers, [
      'NAME',
      'DESIRED',
      'CURRENT',
      'READY',
      'UP-TO-DATE',
      'AVAILABLE',
      'NODE SELECTOR',
      'AGE',
    ]);
    assert.deepEqual(live.getDs.row.slice(0, 7), ['fluent-bit', '7', '6', '5', '4', '5', '<none>']);
    assert.equal(
      live.rolloutStatus.message,
      'Waiting for daemon set "fluent-bit" rollout to finish: 4 out of 7 new pods have been updated...',
    );
    assert.equal(live.currentRevision, '6d9f8c7b5');
    const kinds = Object.fromEntries(live.nodes.map((n: any) => [n.node, n.drift.map((d: any) => d.kind)]));
    assert.deepEqual(kinds['arm-b1'], ['missing']);
    assert.match(
      live.nodes.find((n: any) => n.node === 'arm-b1').drift[0].message,
      /FailedDaemonPod: Found failed daemon pod logging\/fluent-bit-q8m4d on node arm-b1/,
    );
    assert.deepEqual(kinds['worker-b1'], ['oldRevision']);
    assert.deepEqual(kinds['worker-b3'], ['unschedulable']);
    assert.deepEqual(kinds['worker-a1'], []);
    assert.equal(live.summary, 'live: 5/7 ready');
    const lenses = (await s.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as any[];
    assert.match(lenses[0].command.title, / · live: 5\/7 ready$/);
  } finally {
    await s.stop();
  }
});

test('a kubeconfig context: the panel asks, the DaemonSet is followed, a rollout step arrives by watch', async () => {
  const ds = makeDaemonSet('logging', 'log-agent', {
    status: {
      desiredNumberScheduled: 2,
      currentNumberScheduled: 2,
      numberReady: 2,
      updatedNumberScheduled: 2,
      numberAvailable: 2,
    },
  });
  ds.spec.selector = { matchLabels: { app: 'log-agent' } };
  ds.spec.template.metadata.labels = { app: 'log-agent' };
  const api = await FakeApiServer.start({
    nodes: [makeNode('live-1'), makeNode('live-2')],
    daemonSets: [ds],
    pods: [makeDaemonPod(ds, 'live-1', 'aaa'), makeDaemonPod(ds, 'live-2', 'aaa')],
    controllerRevisions: [makeRevision(ds, 'aaa', 1)],
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-live-proto-'));
  const kubeconfig = api.writeKubeconfig(path.join(dir, 'kubeconfig'), { context: 'kind-dev' });
  const s = await startServer({
    workspaceRoot: dir,
    settings: { cluster: { source: 'kubeconfig', kubeconfig, context: 'kind-dev' } },
  });
  try {
    let changes = 0;
    let wake: (() => void) | undefined;
    s.connection.onNotification('daemonset/clusterChanged', () => {
      changes++;
      wake?.();
    });
    const text = [
      'apiVersion: apps/v1',
      'kind: DaemonSet',
      'metadata:',
      '  name: log-agent',
      '  namespace: logging',
      'spec:',
      '  selector:',
      '    matchLabels:',
      '      app: log-agent',
      '  template:',
      '    metadata:',
      '      labels:',
      '        app: log-agent',
      '    spec:',
      '      containers:',
      '        - name: agent',
      '          image: fluent/fluent-bit:3.2',
      '',
    ].join('\n');
    const uri = s.open('live.yaml', text);
    const ask = async (): Promise<any> => s.connection.sendRequest('daemonset/placement', { uri });
    const until = async (pred: (r: any) => boolean): Promise<any> => {
      for (;;) {
        const seen = changes;
        const r = await ask();
        if (pred(r)) return r;
        if (changes === seen) await new Promise<void>((resolve) => (wake = resolve));
      }
    };
    let res = await until((r) => r.live?.state === 'ok' && r.live.nodes.length === 2);
    assert.equal(res.live.rolloutStatus.message, 'daemon set "log-agent" successfully rolled out');
    assert.deepEqual(
      res.live.nodes.map((n: any) => n.pods.map((p: any) => p.revision)),
      [['aaa'], ['aaa']],
    );

    // A rollout step: a new revision, one pod replaced, the status updated.
    await api.waitForRequest((r) => r.path === '/api/v1/namespaces/logging/pods' && r.query.get('watch') === '1');
    api.modify('daemonsets', 'logging', 'log-agent', (d) => {
      d.metadata.generation = 2;
      d.status = { ...d.status, observedGeneration: 2, updatedNumberScheduled: 1, numberAvailable: 1, numberReady: 1 };
    });
    api.upsert('controllerrevisions', makeRevision(ds, 'bbb', 2));
    api.remove('pods', 'logging', 'log-agent-live-1');
    api.upsert('pods', makeDaemonPod(ds, 'live-1', 'bbb', { suffix: 'live-1-v2', ready: false }));
    res = await until(
      (r) =>
        r.live?.currentRevision === 'bbb' &&
        r.live.nodes[0]?.pods[0]?.name === 'log-agent-live-1-v2' &&
        r.live.getDs.row[4] === '1',
    );
    assert.equal(
      res.live.rolloutStatus.message,
      'Waiting for daemon set "log-agent" rollout to finish: 1 out of 2 new pods have been updated...',
    );
    assert.deepEqual(
      res.live.nodes[1].drift.map((d: any) => d.kind),
      ['oldRevision'],
    );
    assert.equal(res.live.nodes[0].pods[0].ready, '0/1');
  } finally {
    await s.stop();
    await api.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
