// Placement preview render benchmark: the built webview (dist/webview.js) in Chromium, timed
// from posting an `update` to the rows being painted. Measured inside the page: performance.now()
// before postMessage (so the structured clone of the response counts, as in VS Code), the
// panel's own handler time (from its `placement-rendered` event), and "painted" = the first task
// after the next animation frame. The keystroke → LSP → preview path is measured elsewhere.
// Prints a markdown table.
import {
  compactMessage,
  ensureWebviewBuilt,
  launchBrowser,
  makeResponse,
  openPanel,
  startServer,
} from '../test/browser/harness';
import type { PageDocument, PageEvent, PageWindow } from '../test/browser/pageGlobals';

declare const window: PageWindow;
declare const document: PageDocument;
declare function requestAnimationFrame(callback: (now: number) => void): number;
declare function structuredClone<T>(value: T): T;
declare const performance: { now(): number };
declare class MessageChannel {
  port1: { onmessage: (() => void) | null };
  port2: { postMessage(message: unknown): void };
}

const SIZES: Array<[nodes: number, runs: number]> = [
  [1_000, 10],
  [10_000, 10],
  [100_000, 4],
];
const WARMUP = 2;
const SCROLL_STEPS = 120;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const fmt = (ms: number) => ms.toFixed(1);

async function main(): Promise<void> {
  ensureWebviewBuilt();
  const [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  try {
    const panel = await openPanel(browser, server, { height: 800 });
    const page = panel.page;
    await page.evaluate(`window.__makeResponse = ${makeResponse.toString()}`);
    await page.evaluate(`window.__compactMessage = ${compactMessage.toString()}`);
    await page.evaluate(() => {
      window.__bench = (message) =>
        new Promise((resolve) => {
          const t0 = performance.now();
          const onRendered = (e: PageEvent) => {
            document.removeEventListener('placement-rendered', onRendered);
            const handler = e.detail?.ms ?? NaN;
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => resolve({ handler, painted: performance.now() - t0 });
              channel.port2.postMessage(0);
            });
          };
          document.addEventListener('placement-rendered', onRendered);
          window.postMessage(message, '*');
        });
    });

    console.log('Posting an update until its rows are painted:');
    console.log();
    console.log(
      '| nodes | structured clone alone (ms) | update handler (ms) | posted → painted median (ms) | p95 (ms) | rows in DOM | runs |',
    );
    console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const [n, runs] of SIZES) {
      const result = await page.evaluate(
        async ({ n, warmup, runs }) => {
          const response = window.__makeResponse!(n);
          const t = performance.now();
          structuredClone(response);
          const clone = performance.now() - t;
          const out: Array<{ handler: number; painted: number }> = [];
          for (let i = 0; i < warmup + runs; i++) {
            // A different uri each run: a fresh DaemonSet (scroll reset, full repaint).
            const s = await window.__bench!({
              type: 'update',
              response: { ...response, uri: `file:///bench/${i}.yaml` },
            });
            if (i >= warmup) out.push(s);
          }
          return { clone, samples: out };
        },
        { n, warmup: WARMUP, runs },
      );
      const rows = await page.locator('.grid-rows .row').count();
      const handler = result.samples.map((s) => s.handler).sort((a, b) => a - b);
      const painted = result.samples.map((s) => s.painted).sort((a, b) => a - b);
      console.log(
        `| ${n.toLocaleString('en-US')} | ${fmt(result.clone)} | ${fmt(percentile(handler, 50))} | ${fmt(percentile(painted, 50))} | ${fmt(percentile(painted, 95))} | ${rows} | ${runs} |`,
      );
    }

    // The panel's form since issue 12: the nodes table (names, labels) travels once per cluster
    // snapshot; each answer after that is the distinct verdicts and an index per node.
    console.log();
    console.log(
      'Compact answers (what the panel is sent now): the first answer on a snapshot carries the nodes table, later ones only the verdicts:',
    );
    console.log();
    console.log(
      '| nodes | message | structured clone alone (ms) | update handler (ms) | posted → painted median (ms) | p95 (ms) | runs |',
    );
    console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: |');
    for (const [n, runs] of SIZES) {
      for (const withTable of [true, false]) {
        const result = await page.evaluate(
          async ({ n, warmup, runs, withTable }) => {
            const full = window.__makeResponse!(n);
            const out: Array<{ handler: number; painted: number }> = [];
            let clone = 0;
            for (let i = 0; i < warmup + runs; i++) {
              // A fresh snapshot key per run when the table is sent (a new snapshot), the same otherwise.
              const key = withTable ? `bench-${n}-${i}` : `bench-${n}`;
              const message = window.__compactMessage!(
                { ...full, uri: `file:///bench/${i}.yaml` },
                key,
                withTable || i === 0,
              );
              if (i === warmup) {
                const t = performance.now();
                structuredClone(message);
                clone = performance.now() - t;
              }
              const s = await window.__bench!(message);
              if (i >= warmup) out.push(s);
            }
            return { clone, samples: out };
          },
          { n, warmup: WARMUP, runs, withTable },
        );
        const handler = result.samples.map((s) => s.handler).sort((a, b) => a - b);
        const painted = result.samples.map((s) => s.painted).sort((a, b) => a - b);
        console.log(
          `| ${n.toLocaleString('en-US')} | ${withTable ? 'with the nodes table (new snapshot)' : 'verdicts only (same snapshot)'} | ${fmt(result.clone)} | ${fmt(percentile(handler, 50))} | ${fmt(percentile(painted, 50))} | ${fmt(percentile(painted, 95))} | ${runs} |`,
        );
      }
    }

    // Scrolling the last (100,000-node) view one screen per frame: frame-to-frame intervals.
    const frames = await page.evaluate(async (steps) => {
      const grid = document.querySelector('.grid')!;
      const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
      const out: number[] = [];
      let last = await nextFrame();
      for (let i = 0; i < steps; i++) {
        grid.scrollTop += 700;
        const now = await nextFrame();
        out.push(now - last);
        last = now;
      }
      return out.sort((a, b) => a - b);
    }, SCROLL_STEPS);
    console.log();
    console.log(
      `Scrolling one screen (700 px) per frame, ${SCROLL_STEPS} frames: frame interval median ${fmt(percentile(frames, 50))} ms, p95 ${fmt(percentile(frames, 95))} ms, max ${fmt(frames[frames.length - 1])} ms.`,
    );
    console.log(
      'The gap between the handler and "painted" is mostly the structured clone of the message, which VS Code pays as well.',
    );
    await panel.close();
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
