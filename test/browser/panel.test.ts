// The placement panel as built (dist/webview.js in the page renderHtml makes), in Chromium.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { PlacementResponse } from '../../protocol';
import type { PageDocument, PageElement, PageWindow } from './pageGlobals';
import {
  compactMessage,
  ensureWebviewBuilt,
  launchBrowser,
  openPanel,
  startServer,
  type Panel,
  type PanelServer,
} from './harness';

declare const window: PageWindow;
declare const document: PageDocument;

const HOSTILE = '<img src=x onerror=window.__pwned=1>';

const range = (line: number) => ({ start: { line, character: 6 }, end: { line, character: 30 } });

function small(): PlacementResponse {
  return {
    uri: 'file:///work/agents.yaml',
    daemonSets: [{ index: 0, name: 'log-agent', namespace: 'kube-system', line: 0 }],
    selected: 0,
    cluster: {
      source: 'snapshot nodes.yaml',
      kind: 'snapshot',
      state: 'ok',
      readAt: new Date(Date.now() - 180_000).toISOString(),
      nodeCount: 4,
    },
    result: {
      desired: 3,
      pending: 1,
      excluded: 1,
      nodes: [
        {
          name: 'worker-a1',
          shouldRun: true,
          shouldContinueRunning: true,
          pending: false,
          reason: 'ok',
          detail: 'all checks pass',
        },
        {
          name: 'worker-a2',
          shouldRun: true,
          shouldContinueRunning: true,
          pending: true,
          reason: 'insufficientResources',
          detail: 'memory: requests 2Gi, 512Mi free',
          notes: ['cordoned'],
        },
        {
          name: 'gpu-b1',
          shouldRun: false,
          shouldContinueRunning: true,
          pending: false,
          reason: 'taint',
          detail: 'taint nvidia.com/gpu=present:NoSchedule is not tolerated',
        },
        {
          name: 'arm-b2',
          shouldRun: true,
          shouldContinueRunning: true,
          pending: false,
          reason: 'ok',
          detail: 'all checks pass',
        },
      ],
    },
    rows: [
      { name: 'worker-a1', labels: { 'topology.kubernetes.io/zone': 'zone-a', 'kubernetes.io/arch': 'amd64' } },
      {
        name: 'worker-a2',
        labels: { 'topology.kubernetes.io/zone': 'zone-a', 'kubernetes.io/arch': 'amd64' },
        range: range(22),
      },
      {
        name: 'gpu-b1',
        labels: { 'topology.kubernetes.io/zone': 'zone-b', 'kubernetes.io/arch': 'amd64', pool: 'gpu' },
        range: range(15),
      },
      { name: 'arm-b2', labels: { 'topology.kubernetes.io/zone': 'zone-b', 'kubernetes.io/arch': 'arm64' } },
    ],
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
  // Every test, whatever it did, must leave the strict CSP unviolated.
  if (!panel) return;
  const violations = await panel.violations();
  await panel.close();
  panel = undefined;
  assert.deepEqual(violations, []);
});

async function open(opts: { state?: unknown; height?: number } = {}): Promise<Panel> {
  panel = await openPanel(browser, server, opts);
  return panel;
}

const nodeRows = (p: Panel) => p.page.locator('.grid-rows .row.node');
const rowNamed = (p: Panel, name: string) =>
  p.page.locator('.grid-rows .row.node', { has: p.page.getByRole('gridcell', { name, exact: true }) });

describe('placement panel', () => {
  test('the page carries the strict CSP and the script says ready', async () => {
    const p = await open();
    const csp = await p.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.equal(
      csp,
      `default-src 'none'; style-src ${server.origin} 'nonce-${server.nonce}'; script-src 'nonce-${server.nonce}'; img-src ${server.origin} data:; font-src ${server.origin}`,
    );
    assert.deepEqual((await p.posted())[0], { type: 'ready' });
    await p.page.getByText('Waiting for a DaemonSet…').waitFor();
  });

  test('an update shows counts, the cluster header and one row per node with its reason', async () => {
    const p = await open();
    await p.update(small());
    const page = p.page;
    assert.equal(await page.locator('h1').textContent(), 'DaemonSet kube-system/log-agent');
    assert.equal(await page.locator('.source').textContent(), 'snapshot nodes.yaml');
    assert.equal(await page.locator('.read-at').textContent(), 'read 3 min ago');
    const counts = Object.fromEntries(
      await page
        .locator('td[data-count]')
        .evaluateAll((tds) => tds.map((td) => [(td as unknown as PageElement).dataset.count, td.textContent])),
    );
    assert.deepEqual(counts, { desired: '3', pending: '1', excluded: '1', nodes: '4' });
    assert.equal(await nodeRows(p).count(), 4);
    const a2 = rowNamed(p, 'worker-a2');
    assert.deepEqual(await a2.getByRole('gridcell').allTextContents(), [
      'worker-a2',
      'Pending',
      'memory: requests 2Gi, 512Mi free (cordoned)',
    ]);
    assert.deepEqual(await rowNamed(p, 'gpu-b1').getByRole('gridcell').allTextContents(), [
      'gpu-b1',
      'Not scheduled',
      'taint nvidia.com/gpu=present:NoSchedule is not tolerated',
    ]);
    assert.equal(await rowNamed(p, 'worker-a1').locator('.c1').textContent(), 'Runs');
    assert.equal(await page.getByRole('grid').getAttribute('aria-rowcount'), '5');
    assert.equal(await page.locator('.status').textContent(), '4 nodes');
  });

  test('a chart template: the line under the header says "With chart defaults", values files and unknown parts as text', async () => {
    const p = await open();
    const plain = small();
    await p.update(plain);
    assert.equal(await p.page.locator('.origin').isHidden(), true);
    await p.update({
      ...plain,
      chartDefaults: {
        chart: `agent${HOSTILE}`,
        valuesFiles: ['values.yaml', 'values-gpu.yaml'],
        unresolved: [`line 4: {{ ${HOSTILE} }}`],
        placementUnknown: [],
      },
    });
    const origin = p.page.locator('.origin');
    await origin.waitFor();
    assert.equal(
      await origin.textContent(),
      `With chart defaults: chart agent${HOSTILE}, rendered with values.yaml, values-gpu.yaml. 1 template part unknown.`,
    );
    assert.equal(await origin.getAttribute('title'), `line 4: {{ ${HOSTILE} }}`);
    assert.equal(await p.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    // The grid still shows the rendered DaemonSet's placement.
    assert.equal(await nodeRows(p).count(), 4);
  });

  test('verdicts and group headers carry codicons (the font loads under the CSP); cell text stays the verdict', async () => {
    const p = await open();
    await p.update(small());
    const before = (selector: string) =>
      p.page.evaluate(
        `(() => { const s = getComputedStyle(document.querySelector(${JSON.stringify(selector)}), '::before'); return [s.content, s.fontFamily]; })()`,
      ) as Promise<[string, string]>;
    const runs = await before('.grid-rows .row.node.runs .c1');
    assert.equal(runs[0], '"\ueba4"', 'pass icon before "Runs"');
    assert.match(runs[1], /codicon/);
    assert.equal((await before('.grid-rows .row.node.pending .c1'))[0], '"\uea6c"');
    assert.equal((await before('.grid-rows .row.node.keeps .c1, .grid-rows .row.node.removed .c1'))[0], '"\ueabd"');
    assert.equal(await rowNamed(p, 'worker-a1').locator('.c1').textContent(), 'Runs');
    const faces = (await p.page.evaluate(
      `document.fonts.load('14px codicon', '\ueba4').then((f) => f.length)`,
    )) as number;
    assert.equal(faces, 1, 'dist/codicon.ttf loads from the webview origin');
  });

  test('high-contrast themes get contrast borders: the active-border colour outlines the active and the hovered row', async () => {
    const p = await open();
    await p.update(small());
    await p.page.evaluate(
      `document.documentElement.style.setProperty('--vscode-contrastActiveBorder', 'rgb(255, 0, 0)'); document.documentElement.style.setProperty('--vscode-contrastBorder', 'rgb(0, 255, 0)')`,
    );
    // worker-a1 is the active row (dotted); another one is hovered (dashed).
    const row = rowNamed(p, 'arm-b2');
    await row.hover();
    const active = await p.page.evaluate(
      `(() => { const s = getComputedStyle(document.querySelector('.grid-rows .row.active')); return [s.outlineStyle, s.outlineColor]; })()`,
    );
    assert.deepEqual(active, ['dotted', 'rgb(255, 0, 0)']);
    const outline = await p.page.evaluate(
      `(() => { const s = getComputedStyle(document.querySelector('.grid-rows .row.node:hover')); return [s.outlineStyle, s.outlineColor]; })()`,
    );
    assert.deepEqual(outline, ['dashed', 'rgb(255, 0, 0)']);
    const gridTop = (await p.page.evaluate(
      `getComputedStyle(document.querySelector('.grid')).borderTopColor`,
    )) as string;
    assert.equal(gridTop, 'rgb(0, 255, 0)');
  });

  test('a compact answer (distinct verdicts + the nodes table sent once) shows the same rows, labels and ranges', async () => {
    const p = await open();
    await p.post(compactMessage(small(), 'snap-1', true));
    const page = p.page;
    const counts = Object.fromEntries(
      await page
        .locator('td[data-count]')
        .evaluateAll((tds) => tds.map((td) => [(td as unknown as PageElement).dataset.count, td.textContent])),
    );
    assert.deepEqual(counts, { desired: '3', pending: '1', excluded: '1', nodes: '4' });
    assert.deepEqual(await rowNamed(p, 'worker-a2').getByRole('gridcell').allTextContents(), [
      'worker-a2',
      'Pending',
      'memory: requests 2Gi, 512Mi free (cordoned)',
    ]);
    // The next answer comes without the table (same snapshot): names and labels stay.
    const next = small();
    next.result!.nodes[3] = { ...next.result!.nodes[2]!, name: 'arm-b2' };
    next.result!.excluded = 2;
    next.result!.desired = 2;
    await p.post(compactMessage(next, 'snap-1', false));
    assert.deepEqual(await rowNamed(p, 'arm-b2').getByRole('gridcell').allTextContents(), [
      'arm-b2',
      'Not scheduled',
      'taint nvidia.com/gpu=present:NoSchedule is not tolerated',
    ]);
    const filter = page.locator('vscode-textfield.filter input');
    await filter.fill('arch=arm64');
    await page.waitForFunction(() => document.querySelectorAll('.grid-rows .row.node').length === 1);
    assert.deepEqual(await nodeRows(p).locator('.c0').allTextContents(), ['arm-b2']);
    await filter.fill('');
    await page.waitForFunction(() => document.querySelectorAll('.grid-rows .row.node').length === 4);
    await rowNamed(p, 'gpu-b1').locator('.reason.link').click();
    assert.deepEqual((await p.posted()).at(-1), { type: 'reveal', range: range(15) });
    assert.equal(await page.locator('td[data-count="excluded"]').textContent(), '2');
  });

  test('a compact answer whose nodes table is missing or malformed shows numbered rows, never throws', async () => {
    const p = await open();
    const m = compactMessage(small(), 'snap-2', false);
    await p.post(m);
    assert.deepEqual(
      await p.page
        .locator('.grid-rows .row.node .c0')
        .allTextContents()
        .then((t) => t.sort()),
      ['node 1', 'node 2', 'node 3', 'node 4'],
    );
    // A table whose labels are not mappings is refused as a whole (the message is ignored).
    await p.page.evaluate(
      (msg) =>
        window.postMessage(
          { ...msg, nodes: { key: 'snap-2', names: ['a', 'b', 'c', 'd'], labels: [null, 1, 'x', {}] } },
          '*',
        ),
      m,
    );
    await p.post(compactMessage(small(), 'snap-2', true));
    assert.equal(await rowNamed(p, 'gpu-b1').count(), 1);
  });

  test('grouping by zone shows one collapsible header per zone with its counts', async () => {
    const p = await open();
    await p.update(small());
    const page = p.page;
    await page.locator('vscode-single-select.group-by').click();
    await page
      .locator('vscode-single-select.group-by')
      .getByRole('option', { name: 'topology.kubernetes.io/zone' })
      .click();
    const groups = page.locator('.grid-rows .row.group');
    await groups.nth(1).waitFor();
    const headers = await groups.evaluateAll((rows) =>
      rows
        .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
        .map((r) => [...r.querySelectorAll('[role=gridcell]')].map((c) => c.textContent)),
    );
    assert.deepEqual(headers, [
      ['zone-a', '2 nodes', '1 run · 1 pending'],
      ['zone-b', '2 nodes', '1 run · 1 not scheduled'],
    ]);
    assert.equal(((await p.state()) as { groupBy: string }).groupBy, 'topology.kubernetes.io/zone');

    // Collapse zone-a: its two nodes leave the grid, zone-b's stay.
    await groups.first().click();
    await page.waitForFunction(() => document.querySelectorAll('.grid-rows .row.node').length === 2);
    assert.equal(await groups.first().getAttribute('aria-expanded'), 'false');
    assert.deepEqual((await nodeRows(p).locator('.c0').allTextContents()).sort(), ['arm-b2', 'gpu-b1']);
  });

  test('the filter keeps only rows whose name, label or reason matches', async () => {
    const p = await open();
    await p.update(small());
    const filter = p.page.locator('vscode-textfield.filter input');
    await filter.fill('arch=arm64');
    await p.page.waitForFunction(() => document.querySelectorAll('.grid-rows .row.node').length === 1);
    assert.deepEqual(await nodeRows(p).locator('.c0').allTextContents(), ['arm-b2']);
    assert.equal(await p.page.locator('.status').textContent(), '1 of 4 nodes match');

    await filter.fill('TAINT gpu');
    await p.page.waitForFunction(() => document.querySelector('.grid-rows .row.node .c0')?.textContent === 'gpu-b1');
    assert.equal(await nodeRows(p).count(), 1);

    await filter.fill('no-such-node');
    await p.page.getByText('No node matches the filter.').waitFor();
    assert.equal(await nodeRows(p).count(), 0);
    assert.equal(((await p.state()) as { filter: string }).filter, 'no-such-node');
  });

  test('clicking a reason, or Enter on its row, posts reveal with the row range', async () => {
    const p = await open();
    await p.update(small());
    await rowNamed(p, 'gpu-b1').locator('.reason.link').click();
    assert.deepEqual((await p.posted()).at(-1), { type: 'reveal', range: range(15) });

    // Keyboard: the clicked row is focused; ArrowUp moves to worker-a2, Enter reveals its range.
    await p.page.keyboard.press('ArrowUp');
    assert.equal(await p.page.evaluate(() => document.activeElement?.querySelector('.c0')?.textContent), 'worker-a2');
    await p.page.keyboard.press('Enter');
    assert.deepEqual((await p.posted()).at(-1), { type: 'reveal', range: range(22) });

    // A row without a range has no link and Enter posts nothing.
    assert.equal(await rowNamed(p, 'worker-a1').locator('.reason.link').count(), 0);
    await p.page.keyboard.press('ArrowUp');
    const before = (await p.posted()).length;
    await p.page.keyboard.press('Enter');
    assert.equal((await p.posted()).length, before);
  });

  test('several DaemonSets in the file get a picker that posts select', async () => {
    const p = await open();
    const r = small();
    r.daemonSets.push({ index: 1, name: 'gpu-agent', namespace: 'kube-system', line: 40 });
    await p.update(r);
    const picker = p.page.locator('vscode-single-select.picker');
    await picker.click();
    await picker.getByRole('option', { name: 'kube-system/gpu-agent (line 41)' }).click();
    await p.page.waitForFunction(() => window.__posted.some((m) => m.type === 'select'));
    assert.deepEqual((await p.posted()).at(-1), { type: 'select', index: 1 });
  });

  test('hostile names and label values show as literal text and never run', async () => {
    const p = await open();
    const r = small();
    r.daemonSets[0].name = HOSTILE;
    r.cluster.source = HOSTILE;
    r.result!.nodes[0].name = HOSTILE;
    r.result!.nodes[0].detail = `<b>${HOSTILE}</b>`;
    r.rows![0].name = HOSTILE;
    r.rows![0].labels['topology.kubernetes.io/zone'] = HOSTILE;
    r.rows![0].labels[HOSTILE] = HOSTILE;
    await p.update(r);
    const page = p.page;
    assert.equal(await page.locator('.source').textContent(), HOSTILE);
    assert.equal(await page.locator('h1').textContent(), `DaemonSet kube-system/${HOSTILE}`);
    assert.deepEqual(await rowNamed(p, HOSTILE).getByRole('gridcell').allTextContents(), [
      HOSTILE,
      'Runs',
      `<b>${HOSTILE}</b>`,
    ]);

    await page.locator('vscode-single-select.group-by').click();
    await page
      .locator('vscode-single-select.group-by')
      .getByRole('option', { name: 'topology.kubernetes.io/zone' })
      .click();
    await page.locator('.grid-rows .row.group .c0', { hasText: HOSTILE }).waitFor();
    // The label key is offered as an option, as text.
    assert.equal(await page.locator('vscode-single-select.group-by vscode-option', { hasText: HOSTILE }).count(), 1);

    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('img, b').count(), 0);
  });

  test('10,000 nodes: fewer than 300 rows in the DOM, and scrolling to the end shows the last node', async () => {
    const p = await open();
    await p.updateGenerated(10_000);
    const count = await p.page.locator('.grid-rows .row').count();
    assert.ok(count > 10 && count < 300, `${count} row elements`);
    await p.page.locator('.grid').evaluate((g) => {
      g.scrollTop = g.scrollHeight;
    });
    await rowNamed(p, 'node-009999').waitFor();
    assert.ok(await rowNamed(p, 'node-009999').isVisible());
    assert.ok((await p.page.locator('.grid-rows .row').count()) < 300);
    assert.equal(await p.page.getByRole('grid').getAttribute('aria-rowcount'), '10001');

    // End from the keyboard lands on the last row as well, focused.
    await rowNamed(p, 'node-009999').click();
    await p.page.keyboard.press('Home');
    await p.page.waitForFunction(() => document.activeElement?.querySelector('.c0')?.textContent === 'node-000000');
    await p.page.keyboard.press('End');
    await p.page.waitForFunction(() => document.activeElement?.querySelector('.c0')?.textContent === 'node-009999');
  });

  test('keyboard: Tab reaches the active row; scrolled away, focus waits on the grid and arrows bring it back', async () => {
    const p = await open();
    await p.updateGenerated(10_000);
    const page = p.page;
    const focusedName = () =>
      page.evaluate(() => {
        const a = document.activeElement;
        return a?.getAttribute('role') === 'row' ? a.querySelector('.c0')?.textContent : a?.getAttribute('role');
      });
    await page.locator('vscode-textfield.filter input').focus();
    await page.keyboard.press('Tab');
    assert.equal(await focusedName(), 'node-000000');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focusedName(), 'node-000002');
    assert.equal(await page.locator('.grid-rows .row:focus').getAttribute('aria-rowindex'), '4');

    await page.locator('.grid').evaluate((g) => {
      g.scrollTop = g.scrollHeight;
    });
    await rowNamed(p, 'node-009999').waitFor();
    assert.equal(await focusedName(), 'grid');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focusedName(), 'node-000003');
    assert.ok(await rowNamed(p, 'node-000003').isVisible());
  });

  test('100,000 nodes open and scroll to the end', async () => {
    const p = await open();
    await p.updateGenerated(100_000);
    assert.equal(await p.page.locator('td[data-count="nodes"]').textContent(), '100000');
    assert.equal(await p.page.locator('td[data-count="desired"]').textContent(), '80000');
    await rowNamed(p, 'node-000000').waitFor();
    assert.ok((await p.page.locator('.grid-rows .row').count()) < 300);
    await p.page.locator('.grid').evaluate((g) => {
      g.scrollTop = g.scrollHeight;
    });
    await rowNamed(p, 'node-099999').waitFor();
  });

  test('a file without a DaemonSet and a cluster error are explained', async () => {
    const p = await open();
    await p.update({
      uri: 'file:///work/service.yaml',
      daemonSets: [],
      selected: -1,
      cluster: { source: 'example cluster', kind: 'example', state: 'ok', nodeCount: 3 },
    });
    await p.page.getByText('No DaemonSet in this file.').waitFor();
    assert.ok(await p.page.locator('.grid').isHidden());

    const r = small();
    const lastGood = new Date(Date.now() - 7_200_000).toISOString();
    r.cluster = {
      source: 'context kind-dev',
      kind: 'kubeconfig',
      state: 'error',
      message: 'connect ECONNREFUSED 127.0.0.1:6443',
      readAt: lastGood,
      nodeCount: 4,
    };
    await p.update(r);
    const alert = await p.page.getByRole('alert').textContent();
    assert.equal(
      alert,
      `Cannot read the cluster: connect ECONNREFUSED 127.0.0.1:6443. Showing the last good read, 2 h ago (${lastGood}).`,
    );
    assert.equal(await p.page.locator('vscode-badge.state').textContent(), 'error');
    assert.equal(await nodeRows(p).count(), 4);
  });

  test('filter and group-by come back from the saved state', async () => {
    const p = await open({
      state: { uri: 'file:///work/agents.yaml', selected: 0, filter: 'zone-b', groupBy: 'kubernetes.io/arch' },
    });
    await p.update(small());
    assert.equal(
      await p.page.locator('vscode-textfield.filter').evaluate((f) => (f as unknown as PageElement).value),
      'zone-b',
    );
    const groups = await p.page.locator('.grid-rows .row.group .c0').allTextContents();
    assert.deepEqual(groups.sort(), ['amd64', 'arm64']);
    assert.deepEqual((await nodeRows(p).locator('.c0').allTextContents()).sort(), ['arm-b2', 'gpu-b1']);
  });
});
