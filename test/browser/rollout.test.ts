// The panel's Rollout section, as built (dist/webview.js), in Chromium. The plans come from the
// real engine (predictPlacement + planRollout), so the section is tested on what the server sends.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  planRollout,
  predictPlacement,
  type ClusterState,
  type DaemonSet,
  type Node,
} from '../../server/src/placement';
import type { PlacementResponse } from '../../protocol';
import type { PageElement, PageWindow } from './pageGlobals';
import { ensureWebviewBuilt, launchBrowser, openPanel, startServer, type Panel, type PanelServer } from './harness';

declare const window: PageWindow;

const HOSTILE = '<img src=x onerror=window.__pwned=1>';

function worker(name: string, cpu = '4'): Node {
  return {
    metadata: { name, labels: { 'kubernetes.io/arch': 'amd64' } },
    status: { allocatable: { cpu, memory: '8Gi', pods: '110' } },
  };
}

function daemonSet(
  strategy: NonNullable<DaemonSet['spec']>['updateStrategy'],
  extra: Record<string, unknown> = {},
): DaemonSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'monitoring' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      updateStrategy: strategy,
      template: {
        metadata: { labels: { app: 'agent' } },
        spec: { containers: [{ name: 'agent', image: 'agent:2', ...extra }] },
      },
    },
  };
}

/** A placement response as the server builds it: result, rows, and the rollout plan. */
function response(ds: DaemonSet, cluster: ClusterState): PlacementResponse {
  const result = predictPlacement(ds, cluster);
  return {
    uri: 'file:///work/agent.yaml',
    daemonSets: [{ index: 0, name: 'agent', namespace: 'monitoring', line: 0 }],
    selected: 0,
    cluster: {
      source: 'snapshot nodes.yaml',
      kind: 'snapshot',
      state: 'ok',
      readAt: new Date().toISOString(),
      nodeCount: cluster.nodes.length,
    },
    result,
    rows: result.nodes.map((v) => ({ name: v.name, labels: {} })),
    rollout: planRollout(ds, cluster, result),
  };
}

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

async function open(): Promise<Panel> {
  panel = await openPanel(browser, server);
  return panel;
}

async function facts(p: Panel): Promise<Record<string, string>> {
  return Object.fromEntries(
    await p.page
      .locator('.rollout dd[data-fact]')
      .evaluateAll((dds) => dds.map((dd) => [(dd as unknown as PageElement).dataset.fact, dd.textContent])),
  );
}

describe('Rollout section', () => {
  test('shows the strategy, the effective numbers, batches, the estimate and what happens', async () => {
    const p = await open();
    const ds = daemonSet(
      { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '10%' } },
      { readinessProbe: { periodSeconds: 5, successThreshold: 2 } },
    );
    await p.update(response(ds, { nodes: Array.from({ length: 7 }, (_, i) => worker(`n${i}`)) }));
    const section = p.page.getByRole('region', { name: 'Rollout' });
    await section.waitFor();
    assert.equal(
      await section.locator('.rollout-summary').textContent(),
      'RollingUpdate · 1 node at a time · 7 batches · ≈ at least 1m 10s (7 batches × 10s)',
    );
    assert.deepEqual(await facts(p), {
      strategy: 'RollingUpdate',
      desired: '7',
      maxUnavailable: '10% → 1',
      maxSurge: '0',
      perBatch: '1',
      batches: '7',
      estimate:
        'at least 1m 10s (7 batches × 10s); readiness probe 2 × periodSeconds 5 (container agent) = 10s per batch',
    });
    assert.deepEqual(await section.locator('.rollout-messages li').allTextContents(), [
      'maxUnavailable 10% of 7 desired nodes → 1 node at a time, 7 batches (old pods are deleted first, then replaced).',
    ]);
    assert.match((await section.locator('.rollout-model').textContent()) ?? '', /^Estimate: batches × /);
    assert.equal(await section.locator('.rollout-blocked').isHidden(), true);
    // The node grid is still there below it.
    assert.equal(await p.page.locator('.grid-rows .row.node').count(), 7);
  });

  test('surge with a hostPort lists the blocked nodes; node names stay text', async () => {
    const p = await open();
    const ds = daemonSet(
      { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: '100%' } },
      { ports: [{ containerPort: 9100, hostPort: 9100 }] },
    );
    await p.update(response(ds, { nodes: [worker('n0'), worker(HOSTILE)] }));
    const section = p.page.getByRole('region', { name: 'Rollout' });
    assert.equal(
      await section.locator('.rollout-summary').textContent(),
      'RollingUpdate · 2 nodes at a time · 1 batch · never completes',
    );
    assert.equal(await section.locator('.rollout-blocked h3').textContent(), 'Blocked nodes (2)');
    assert.deepEqual(await section.locator('.rollout-blocked li .node-name').allTextContents(), ['n0', HOSTILE]);
    assert.deepEqual(await section.locator('.rollout-blocked li .node-detail').allTextContents(), [
      'host port 9100/TCP stays held by the old pod until it is deleted',
      'host port 9100/TCP stays held by the old pod until it is deleted',
    ]);
    const texts = await section.locator('.rollout-messages li').allTextContents();
    assert.ok(
      texts.some((t) => t.startsWith('Every node runs an old and a new pod at the same time')),
      texts.join('\n'),
    );
    assert.ok(
      texts.some((t) => t.startsWith('On 2 nodes the surge pod cannot start while the old pod runs')),
      texts.join('\n'),
    );
    assert.equal(await p.page.locator('.rollout img').count(), 0);
    assert.equal(await p.page.evaluate(() => window.__pwned), undefined);
  });

  test('OnDelete says what deleting does and shows no batches; Pending nodes are listed', async () => {
    const p = await open();
    const ds = daemonSet({ type: 'OnDelete' }, { resources: { requests: { cpu: '2' } } });
    await p.update(response(ds, { nodes: [worker('big'), worker('small', '1')] }));
    const section = p.page.getByRole('region', { name: 'Rollout' });
    assert.equal(await section.locator('.rollout-summary').textContent(), 'OnDelete · pods change only when deleted');
    assert.deepEqual(await facts(p), { strategy: 'OnDelete', desired: '2' });
    assert.match(
      (await section.locator('.rollout-messages li').first().textContent()) ?? '',
      /^OnDelete: applying a new template replaces no running pod/,
    );
    assert.equal(await section.locator('.rollout-model').isHidden(), true);
    assert.equal(await section.locator('.rollout-pending').textContent(), 'Pending nodes (1): small');
  });

  test('a response without a plan (no cluster) hides the section; the section toggles closed', async () => {
    const p = await open();
    const ds = daemonSet({ type: 'RollingUpdate' });
    const r = response(ds, { nodes: [worker('n0')] });
    await p.update(r);
    const section = p.page.locator('section.rollout');
    assert.equal(await section.isVisible(), true);
    await section.locator('summary').click();
    assert.equal(await section.locator('details').getAttribute('open'), null);
    await p.update({
      ...r,
      result: undefined,
      rows: undefined,
      rollout: undefined,
      message: 'No cluster: not read yet.',
    });
    assert.equal(await section.isHidden(), true);
  });
});
