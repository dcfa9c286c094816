// The rollout features through the real bundled server (dist/server.js) over LSP stdio: the plan
// on the placement answer, the hover merged with the field docs, and the duration warning driven
// by the daemonset.rollout.warnAfterMinutes setting (workspace/configuration).
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, TestServer } from '../support/lspClient';

const AGENT = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
  namespace: monitoring
spec:
  selector:
    matchLabels:
      app: agent
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 1
  minReadySeconds: 120
  template:
    metadata:
      labels:
        app: agent
    spec:
      containers:
        - name: agent
          image: busybox
          resources:
            requests:
              cpu: 10m
              memory: 16Mi
`;

let server: TestServer;

before(async () => {
  server = await startServer({ settings: { rollout: { warnAfterMinutes: 1 } } });
  // The example cluster is read after initialize: wait for it (the notification, or a status that is already ok).
  const changed = new Promise<void>((resolve) =>
    server.connection.onNotification('daemonset/clusterChanged', () => resolve()),
  );
  const status = (await server.connection.sendRequest('daemonset/clusterStatus')) as {
    state?: string;
    nodeCount?: number;
  } | null;
  if (status?.state !== 'ok' || !status.nodeCount) await changed;
});
after(async () => {
  await server.stop();
});

function position(text: string, needle: string, delta: number): { line: number; character: number } {
  const before = text.slice(0, text.indexOf(needle) + delta);
  return { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 };
}

test('the placement answer carries the rollout plan of the selected DaemonSet', async () => {
  const uri = server.open('rollout-placement.yaml', AGENT);
  const res = (await server.connection.sendRequest('daemonset/placement', { uri })) as any;
  assert.equal(res.rollout.strategy, 'RollingUpdate');
  assert.equal(res.rollout.desired, res.result.desired);
  assert.deepEqual([res.rollout.maxUnavailable, res.rollout.perBatch, res.rollout.batches], [1, 1, res.result.desired]);
  assert.equal(res.rollout.estimate.perBatchSeconds, 120);
});

test('hover on maxUnavailable: the field docs, then the rollout on the example cluster', async () => {
  const uri = server.open('rollout-hover.yaml', AGENT);
  const res = (await server.connection.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: position(AGENT, 'maxUnavailable', 3),
  })) as { contents: { value: string } };
  const md = res.contents.value;
  assert.match(md, /FIELD: \*\*maxUnavailable\*\*/);
  assert.match(md, /\*\*Rollout on example cluster\*\* \(when the pod template changes\):/);
  assert.ok(md.indexOf('FIELD:') < md.indexOf('Rollout on example cluster'));
  assert.match(md, /maxUnavailable 1 of \d+ desired nodes → 1 node at a time, \d+ batches/);
});

test('rolloutTooLong follows daemonset.rollout.warnAfterMinutes from the client', async () => {
  const uri = server.open('rollout-diag.yaml', AGENT);
  const res = (await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as {
    items: Array<{ code?: string; severity?: number; message: string; range: { start: { line: number } } }>;
  };
  const d = res.items.find((i) => i.code === 'rolloutTooLong');
  assert.ok(d, JSON.stringify(res.items));
  assert.equal(d!.severity, 2);
  assert.match(d!.message, /more than daemonset\.rollout\.warnAfterMinutes \(1\)/);
  assert.equal(
    d!.range.start.line,
    AGENT.split('\n').findIndex((l) => l.includes('maxUnavailable: 1')),
  );
});
