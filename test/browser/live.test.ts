// The panel's Live section as built (dist/webview.js) in Chromium: kubectl's table and rollout
// status as text, per-node pods and drift, hostile strings kept as text, hidden without live data.
import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { LiveStatusView, PlacementResponse } from '../../protocol';
import type { PageWindow } from './pageGlobals';
import { ensureWebviewBuilt, launchBrowser, openPanel, startServer, type Panel, type PanelServer } from './harness';

declare const window: PageWindow;

const HOSTILE = '<img src=x onerror=window.__pwned=1>';

function response(live?: LiveStatusView): PlacementResponse {
  const r: PlacementResponse = {
    uri: 'file:///work/agents.yaml',
    daemonSets: [{ index: 0, name: 'log-agent', namespace: 'logging', line: 0 }],
    selected: 0,
    cluster: { source: 'context kind-dev', kind: 'kubeconfig', state: 'ok', nodeCount: 2 },
    result: {
      desired: 2,
      pending: 0,
      excluded: 0,
      nodes: [
        { name: 'n1', shouldRun: true, shouldContinueRunning: true, pending: false, reason: 'ok', detail: 'ok' },
        { name: 'n2', shouldRun: true, shouldContinueRunning: true, pending: false, reason: 'ok', detail: 'ok' },
      ],
    },
    rows: [
      { name: 'n1', labels: {} },
      { name: 'n2', labels: {} },
    ],
  };
  if (live) r.live = live;
  return r;
}

const LIVE: LiveStatusView = {
  state: 'ok',
  source: 'context kind-dev',
  namespace: 'logging',
  name: 'log-agent',
  getDs: {
    headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
    row: ['log-agent', '2', '1', '1', '1', '1', '<none>', '3d'],
  },
  table:
    'NAME        DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE\nlog-agent   2         1         1       1            1           <none>          3d\n',
  rolloutStatus: {
    message: 'Waiting for daemon set "log-agent" rollout to finish: 1 out of 2 new pods have been updated...',
    done: false,
  },
  currentRevision: 'bbb',
  summary: 'live: 1/2 ready',
  nodes: [
    {
      node: 'n1',
      predicted: 'runs',
      pods: [
        {
          name: 'log-agent-x',
          phase: 'Running',
          status: 'Running',
          ready: '1/1',
          isReady: true,
          restarts: 2,
          revision: 'bbb',
          age: '5m',
          oldRevision: false,
        },
      ],
      drift: [],
    },
    {
      node: 'n2',
      predicted: 'runs',
      pods: [],
      drift: [
        {
          kind: 'missing',
          message: `predicted to run here, but the cluster has no daemon pod on n2: FailedDaemonPod: ${HOSTILE}`,
        },
      ],
    },
  ],
  stray: [],
  driftCount: 1,
};

let browser: Browser;
let server: PanelServer;
let panel: Panel | undefined;

before(async () => {
  ensureWebviewBuilt();
  [browser, server] = await Promise.all([launchBrowser(), startServer()]);
});
after(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(async () => {
  if (!panel) return;
  const violations = await panel.violations();
  await panel.close();
  panel = undefined;
  assert.deepEqual(violations, []);
});

test('the Live section shows kubectl get ds, rollout status, pods and drift per node, as text', async () => {
  panel = await openPanel(browser, server);
  await panel.update(response(LIVE));
  const section = panel.page.locator('section.live');
  assert.equal(await section.isVisible(), true);
  assert.equal(
    await section.locator('.live-summary').textContent(),
    'live: 1/2 ready · rolling out · 1 node with drift',
  );
  assert.equal(await section.locator('pre.live-getds').textContent(), LIVE.table);
  assert.match(
    (await section.locator('.live-rollout').textContent()) ?? '',
    /kubectl rollout status ds\/log-agent -n logging\nWaiting for daemon set "log-agent" rollout to finish: 1 out of 2 new pods/,
  );
  // drift first
  const rows = section.locator('table.live-nodes tbody tr');
  assert.deepEqual(
    await rows.evaluateAll((trs) => trs.map((tr) => (tr as unknown as { dataset: { node?: string } }).dataset.node)),
    ['n2', 'n1'],
  );
  assert.deepEqual(await rows.nth(1).locator('td').allTextContents(), [
    'n1',
    'runs',
    'log-agent-x',
    'Running',
    '1/1',
    '2',
    'bbb',
    '5m',
    '',
  ]);
  assert.equal(await rows.nth(0).locator('li[data-kind="missing"]').textContent(), LIVE.nodes[1]!.drift[0]!.message);
  assert.equal(await panel.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  assert.equal(await section.locator('img').count(), 0);
});

test('absent, connecting and no live data', async () => {
  panel = await openPanel(browser, server);
  await panel.update(
    response({
      state: 'absent',
      source: 'context kind-dev',
      namespace: 'logging',
      name: 'log-agent',
      message: 'The cluster has no DaemonSet logging/log-agent: apply would create it.',
      nodes: [],
      stray: [],
    }),
  );
  const section = panel.page.locator('section.live');
  assert.equal(await section.locator('.live-summary').textContent(), 'not in the cluster');
  assert.match((await section.locator('.live-message').textContent()) ?? '', /apply would create it/);
  assert.equal(await section.locator('table.live-nodes').isVisible(), false);
  await panel.update(
    response({
      state: 'connecting',
      source: 'context kind-dev',
      namespace: 'logging',
      name: 'log-agent',
      nodes: [],
      stray: [],
    }),
  );
  assert.equal(await section.locator('.live-summary').textContent(), 'reading…');
  await panel.update(response());
  assert.equal(await section.isVisible(), false);
});
