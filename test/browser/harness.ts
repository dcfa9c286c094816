// Serves the built placement panel (dist/webview.js + dist/webview.css, inside the page that
// client/src/webviewHtml.ts renders) over loopback HTTP and drives it in Debian's Chromium.
// The page gets a stub acquireVsCodeApi that records what the webview posts and keeps its state.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { newNonce, renderHtml } from '../../client/src/webviewHtml';
import type { ClusterNodesTable, PanelVerdict, PlacementResponse } from '../../protocol';
import type { PageDocument, PageWindow } from './pageGlobals';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
const DIST = path.join(ROOT, 'dist');
const WEBVIEW_SRC = path.join(ROOT, 'client', 'webview');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * The tests load dist/webview.js as the extension ships it. `npm test` builds first; when the
 * bundle is missing or older than client/webview/, build it here.
 */
export function ensureWebviewBuilt(): void {
  const outputs = ['webview.js', 'webview.css'].map((f) => path.join(DIST, f));
  const stale = outputs.some((f) => !existsSync(f) || statSync(f).mtimeMs < newestSource(WEBVIEW_SRC));
  if (!stale) return;
  try {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'pipe' });
  } catch (err) {
    // Another bundle may fail to build; only ours matters here.
    if (outputs.some((f) => !existsSync(f) || statSync(f).mtimeMs < newestSource(WEBVIEW_SRC))) throw err;
  }
}

export interface PanelServer {
  origin: string;
  nonce: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
  '.ttf': 'font/ttf',
};

export async function startServer(): Promise<PanelServer> {
  const nonce = newNonce();
  let html = '';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html);
      return;
    }
    const m = /^\/dist\/(webview\.(?:js|css)(?:\.map)?|codicon\.ttf)$/.exec(url.pathname);
    if (m) {
      res.writeHead(200, { 'content-type': TYPES[path.extname(m[1])], 'cache-control': 'no-store' });
      res.end(readFileSync(path.join(DIST, m[1])));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  html = renderHtml({
    cspSource: origin,
    nonce,
    scriptUri: `${origin}/dist/webview.js`,
    styleUri: `${origin}/dist/webview.css`,
  });
  return {
    origin,
    nonce,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic'],
  });
}

export interface Panel {
  page: Page;
  /** Messages the webview posted to the (stub) host, in order. */
  posted(): Promise<Array<Record<string, unknown>>>;
  /** CSP violations reported in the page (event listener and console). */
  violations(): Promise<string[]>;
  /** Post an update and wait until it is rendered. */
  update(response: PlacementResponse): Promise<void>;
  /** Post any host message and wait until it is rendered. */
  post(message: unknown): Promise<void>;
  /** Build a response of `n` generated nodes inside the page (no 100 MB over the wire), post it, wait. */
  updateGenerated(n: number): Promise<void>;
  state(): Promise<unknown>;
  close(): Promise<void>;
}

declare const window: PageWindow;
declare const document: PageDocument;

export async function openPanel(
  browser: Browser,
  server: PanelServer,
  opts: { state?: unknown; height?: number } = {},
): Promise<Panel> {
  const context = await browser.newContext({ viewport: { width: 1000, height: opts.height ?? 700 } });
  const page = await context.newPage();
  const consoleViolations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) consoleViolations.push(msg.text());
  });
  await page.addInitScript((initial) => {
    window.__posted = [];
    window.__violations = [];
    window.__state = initial;
    document.addEventListener(
      'securitypolicyviolation',
      (e) => {
        window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
      },
      true,
    );
    let acquired = false;
    window.acquireVsCodeApi = () => {
      if (acquired) throw new Error('acquireVsCodeApi called twice');
      acquired = true;
      return {
        postMessage: (m: Record<string, unknown>) => {
          window.__posted.push(JSON.parse(JSON.stringify(m)));
        },
        getState: () => window.__state,
        setState: (s: unknown) => {
          window.__state = s;
          return s;
        },
      };
    };
  }, opts.state);
  await page.goto(`${server.origin}/`);
  await page.waitForFunction(() => window.__posted.some((m) => m.type === 'ready'));

  async function waitRendered(before: number): Promise<void> {
    await page.waitForFunction((n) => Number(document.body.dataset.renders ?? 0) > n, before);
  }
  const renders = () => page.evaluate(() => Number(document.body.dataset.renders ?? 0));

  return {
    page,
    posted: () => page.evaluate(() => window.__posted),
    violations: async () => [...(await page.evaluate(() => window.__violations)), ...consoleViolations],
    async update(response) {
      const before = await renders();
      await page.evaluate((r) => window.postMessage({ type: 'update', response: r }, '*'), response);
      await waitRendered(before);
    },
    async post(message) {
      const before = await renders();
      await page.evaluate((m) => window.postMessage(m, '*'), message);
      await waitRendered(before);
    },
    async updateGenerated(n) {
      const before = await renders();
      await page.evaluate(`window.__makeResponse = ${makeResponse.toString()}`);
      await page.evaluate(
        (count) => window.postMessage({ type: 'update', response: window.__makeResponse!(count) }, '*'),
        n,
      );
      await waitRendered(before);
    },
    state: () => page.evaluate(() => window.__state),
    close: () => context.close(),
  };
}

/**
 * The compact form of a full response, as the server answers the panel (features/placementAnswer.ts):
 * distinct verdicts + an index per node, names and labels in a nodes table sent beside it.
 * Self-contained: it is also sent into the page as source text.
 */
export function compactMessage(
  full: PlacementResponse,
  key: string,
  withTable: boolean,
): { type: 'update'; response: PlacementResponse; nodes?: ClusterNodesTable } {
  const nodes = full.result?.nodes ?? [];
  const rows = full.rows ?? [];
  const table: PanelVerdict[] = [];
  const seen = new Map<string, number>();
  const index = nodes.map((v, i) => {
    const range = rows[i]?.range;
    const id = JSON.stringify([
      v.shouldRun,
      v.shouldContinueRunning,
      v.pending,
      v.reason,
      v.detail,
      v.notes ?? [],
      range ?? null,
    ]);
    let at = seen.get(id);
    if (at === undefined) {
      const entry: PanelVerdict = {
        shouldRun: v.shouldRun,
        shouldContinueRunning: v.shouldContinueRunning,
        pending: v.pending,
        reason: v.reason,
        detail: v.detail,
      };
      if (v.notes) entry.notes = v.notes;
      if (range) entry.range = range;
      at = table.push(entry) - 1;
      seen.set(id, at);
    }
    return at;
  });
  const { rows: _rows, ...rest } = full;
  const response: PlacementResponse = {
    ...rest,
    result: full.result ? { ...full.result, nodes: [] } : undefined,
    nodesKey: key,
    verdicts: { table, index },
  };
  if (!full.result) delete response.result;
  const message: { type: 'update'; response: PlacementResponse; nodes?: ClusterNodesTable } = {
    type: 'update',
    response,
  };
  if (withTable)
    message.nodes = {
      key,
      names: nodes.map((v, i) => v.name ?? rows[i]?.name ?? ''),
      labels: rows.map((r) => r.labels ?? {}),
    };
  return message;
}

/**
 * A deterministic response of `n` nodes over three zones: 7 in 10 run, 1 is Pending
 * (resources), 1 has an untolerated NoSchedule taint, 1 misses the nodeSelector.
 * Self-contained: it is also sent into the page as source text.
 */
export function makeResponse(n: number): PlacementResponse {
  const zones = ['zone-a', 'zone-b', 'zone-c'];
  const types = ['m5.large', 'c5.xlarge', 'g5.2xlarge'];
  const nodes = [];
  const rows = [];
  let desired = 0;
  let pending = 0;
  for (let i = 0; i < n; i++) {
    const name = `node-${String(i).padStart(6, '0')}`;
    const k = i % 10;
    const line = k === 7 ? 20 : k === 8 ? 14 : k === 9 ? 9 : 0;
    if (k === 7) {
      nodes.push({
        name,
        shouldRun: true,
        shouldContinueRunning: true,
        pending: true,
        reason: 'insufficientResources' as const,
        detail: 'cpu: requests 500m, 200m free of 2 allocatable',
        path: ['spec', 'template', 'spec', 'containers', 0, 'resources'],
      });
    } else if (k === 8) {
      nodes.push({
        name,
        shouldRun: false,
        shouldContinueRunning: true,
        pending: false,
        reason: 'taint' as const,
        detail: 'taint nvidia.com/gpu=present:NoSchedule is not tolerated',
        path: ['spec', 'template', 'spec', 'tolerations'],
      });
    } else if (k === 9) {
      nodes.push({
        name,
        shouldRun: false,
        shouldContinueRunning: false,
        pending: false,
        reason: 'nodeSelector' as const,
        detail: 'nodeSelector kubernetes.io/os=linux does not match',
        path: ['spec', 'template', 'spec', 'nodeSelector'],
      });
    } else {
      nodes.push({
        name,
        shouldRun: true,
        shouldContinueRunning: true,
        pending: false,
        reason: 'ok' as const,
        detail: 'all checks pass',
      });
    }
    if (k !== 8 && k !== 9) desired++;
    if (k === 7) pending++;
    rows.push({
      name,
      labels: {
        'kubernetes.io/hostname': name,
        'topology.kubernetes.io/zone': zones[i % 3],
        'node.kubernetes.io/instance-type': types[(i >> 2) % 3],
        'kubernetes.io/arch': i % 4 === 3 ? 'arm64' : 'amd64',
      },
      range: line ? { start: { line, character: 6 }, end: { line, character: 40 } } : undefined,
    });
  }
  return {
    uri: 'file:///work/ds.yaml',
    daemonSets: [{ index: 0, name: 'node-exporter', namespace: 'monitoring', line: 0 }],
    selected: 0,
    cluster: {
      source: 'example cluster',
      kind: 'example',
      state: 'ok',
      readAt: new Date().toISOString(),
      nodeCount: n,
    },
    result: { desired, pending, excluded: n - desired, nodes },
    rows,
  };
}
