// The Live section following a rollout in code-server: the cluster source is a kubeconfig context
// pointed at the loopback API server (test/support/fakeApiServer.ts) run by this test process;
// the packaged extension's language server lists and watches the DaemonSet and its pods there.
// The test replaces pods and updates the DaemonSet's status (watch events), and after each step
// waits until the panel shows what `daemonset status --kubeconfig … --format json` prints against
// the same server at that moment. Waits are on the DOM (panel.ts waitForLive), never timers.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { stopCodeServersOnSignals, tempDir } from '../codeServer';
import { FakeApiServer, makeNode } from '../../support/fakeApiServer';
import { makeDaemonPod, makeDaemonSet, makeRevision } from '../../support/liveObjects';
import { expectedLive, waitForLive } from './panel';
import { cliJson, UiSession } from './session';

stopCodeServersOnSignals();

const NAMESPACE = 'logging';
const NAME = 'log-agent';
const CONTEXT = 'e2e-fake';
const FILE = 'live-agent.yaml';
const NODES = ['live-1', 'live-2', 'live-3'];

const MANIFEST = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ${NAME}
  namespace: ${NAMESPACE}
spec:
  selector:
    matchLabels:
      app: ${NAME}
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 1
  template:
    metadata:
      labels:
        app: ${NAME}
    spec:
      containers:
        - name: agent
          image: fluent/fluent-bit:3.2.4
`;

const ds = makeDaemonSet(NAMESPACE, NAME, {
  status: {
    desiredNumberScheduled: 3,
    currentNumberScheduled: 3,
    numberReady: 3,
    updatedNumberScheduled: 3,
    numberAvailable: 3,
  },
});

let api: FakeApiServer | undefined;
let session: UiSession | undefined;
let kubeconfig = '';
let scratch = '';

before(
  async () => {
    api = await FakeApiServer.start({
      nodes: NODES.map((n) => makeNode(n)),
      daemonSets: [ds],
      pods: NODES.map((n) => makeDaemonPod(ds, n, 'aaa')),
      controllerRevisions: [makeRevision(ds, 'aaa', 1)],
    });
    scratch = tempDir('daemonset-ui-kube-');
    kubeconfig = api.writeKubeconfig(path.join(scratch, 'kubeconfig'), { context: CONTEXT });
    session = await UiSession.start({
      settings: {
        'daemonset.cluster.source': 'kubeconfig',
        'daemonset.cluster.kubeconfig': kubeconfig,
        'daemonset.cluster.context': CONTEXT,
      },
      prepare: (workspace) => fs.writeFileSync(path.join(workspace, FILE), MANIFEST),
    });
  },
  { timeout: 180_000 },
);

after(async () => {
  await session?.stop();
  await api?.close();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

/** `daemonset status` for the file against the same loopback API server, as the CLI prints it now. */
async function statusNow(s: UiSession): Promise<any> {
  const out = await cliJson(
    ['status', path.join(s.workspace, FILE), '--kubeconfig', kubeconfig, '--context', CONTEXT],
    s.workspace,
  );
  const st = out.daemonsets.find((d: any) => d.name === NAME);
  assert.ok(st, `daemonset status printed no ${NAME}: ${JSON.stringify(out)}`);
  assert.equal(st.state, 'ok', `the CLI reads no live state: ${JSON.stringify(st)}`);
  return st;
}

test(
  'kubeconfig source: the Live section follows a rollout the test drives through watch events',
  { timeout: 240_000 },
  async () => {
    assert.ok(session && api, 'the code-server session or the API server did not start');
    const s = session;
    const server = api;
    try {
      const view = await s.openPreview(FILE, NAME);
      const first = await statusNow(s);
      assert.equal(first.rolloutStatus.message, `daemon set "${NAME}" successfully rolled out`);
      await waitForLive(view, expectedLive(first));

      // The panel's language server watches the DaemonSet and its pods: changes now arrive as events.
      await server.waitForRequest(
        (r) => r.path === `/api/v1/namespaces/${NAMESPACE}/pods` && r.query.get('watch') === '1',
      );
      await server.waitForRequest(
        (r) => r.path === `/apis/apps/v1/namespaces/${NAMESPACE}/daemonsets` && r.query.get('watch') === '1',
      );

      // Step 1: revision bbb; live-1's pod replaced by a new one, not ready yet; the status says so.
      server.upsert('controllerrevisions', makeRevision(ds, 'bbb', 2));
      server.remove('pods', NAMESPACE, `${NAME}-live-1`);
      server.upsert('pods', makeDaemonPod(ds, 'live-1', 'bbb', { suffix: 'live-1-v2', ready: false }));
      server.modify('daemonsets', NAMESPACE, NAME, (d) => {
        d.metadata.generation = 2;
        d.status = {
          ...d.status,
          observedGeneration: 2,
          updatedNumberScheduled: 1,
          numberReady: 2,
          numberAvailable: 2,
          numberUnavailable: 1,
        };
      });
      const mid = await statusNow(s);
      assert.match(
        mid.rolloutStatus.message,
        /1 out of 3 new pods have been updated/,
        'the CLI does not see the rollout step: the comparison would prove nothing',
      );
      await waitForLive(view, expectedLive(mid));
      const midDrift = expectedLive(mid)
        .rows.filter((r) => r.drift.includes('oldRevision'))
        .map((r) => r.node);
      assert.deepEqual(midDrift, ['live-2', 'live-3'], 'the nodes still on revision aaa are flagged');

      // Step 2: the other two pods replaced and ready, the status complete.
      for (const node of ['live-2', 'live-3']) {
        server.remove('pods', NAMESPACE, `${NAME}-${node}`);
        server.upsert('pods', makeDaemonPod(ds, node, 'bbb', { suffix: `${node}-v2` }));
      }
      server.modify('pods', NAMESPACE, `${NAME}-live-1-v2`, (p) => {
        p.status.conditions = [{ type: 'Ready', status: 'True' }];
        p.status.containerStatuses = p.status.containerStatuses.map((c: any) => ({
          ...c,
          ready: true,
          state: { running: {} },
        }));
      });
      server.modify('daemonsets', NAMESPACE, NAME, (d) => {
        d.status = { ...d.status, updatedNumberScheduled: 3, numberReady: 3, numberAvailable: 3, numberUnavailable: 0 };
      });
      const done = await statusNow(s);
      assert.equal(done.rolloutStatus.message, `daemon set "${NAME}" successfully rolled out`);
      assert.deepEqual(
        done.nodes.map((n: any) => n.pods.map((p: any) => p.revision)),
        [['bbb'], ['bbb'], ['bbb']],
      );
      await waitForLive(view, expectedLive(done));
    } catch (e) {
      const dir = await s.capture('live kubeconfig');
      const errors = s.recentErrors().join('\n');
      throw new Error(
        `${e instanceof Error ? e.message : String(e)}\n(screenshot and logs: ${dir})${errors ? `\nlast page errors:\n${errors}` : ''}`,
        { cause: e },
      );
    }
  },
);
