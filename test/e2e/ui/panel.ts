// Reading the placement preview's Live section in code-server, and what it must show for a
// DaemonSet that `daemonset status --format json` printed: the `kubectl get ds` table, the
// `kubectl rollout status` line and per node the pod, its state and the drift kinds. The UI
// tests compare the two; waitForLive waits inside the webview's frame until they agree (a DOM
// condition polled by the browser, no timers in the test).
import type { FrameLocator } from 'playwright-core';
import type { PageDocument, PageElement } from '../../browser/pageGlobals';

declare const document: PageDocument;
declare class MutationObserver {
  constructor(callback: () => void);
  observe(target: PageElement, options: Record<string, boolean>): void;
  disconnect(): void;
}

export interface LiveRowShown {
  node: string;
  /** NODE, PREDICTED, POD, STATUS, READY, RESTARTS, REVISION (AGE is left out: it moves with the clock). */
  cells: string[];
  drift: string[];
}

export interface LiveShown {
  /** The `kubectl get ds` table, or null when the section shows none. */
  table: string | null;
  /** "$ kubectl rollout status ds/<name> -n <ns>\n<message>", or null. */
  rollout: string | null;
  rows: LiveRowShown[];
}

/**
 * Runs in the webview's frame as `locator('body').evaluate(watchLive, wanted)` (serialised by
 * Playwright, so self-contained): with `wanted` null,
 * what the Live section shows now; otherwise resolves (with it) once the section shows exactly
 * `wanted` (JSON), checking at once and then on every DOM mutation (the panel re-renders when the
 * cluster changes). The webview's CSP forbids eval, so Playwright's waitForFunction cannot be used.
 */
export function watchLive(_body: unknown, wanted: string | null): LiveShown | Promise<LiveShown> {
  const read = (): LiveShown => {
    const section = document.querySelector('section.live');
    const visible = (e: PageElement | null | undefined): e is PageElement => !!e && e.getAttribute('hidden') === null;
    const pre = section?.querySelector('pre.live-getds');
    const rollout = section?.querySelector('.live-rollout');
    const rows = [...(section?.querySelectorAll('table.live-nodes tbody tr') ?? [])].map((tr) => ({
      node: tr.dataset.node ?? '',
      cells: [...tr.querySelectorAll(':scope > td')].slice(0, 7).map((c) => (c.textContent ?? '').trim()),
      drift: [...tr.querySelectorAll('li[data-kind]')].map((li) => li.dataset.kind ?? ''),
    }));
    rows.sort((a, b) => (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
    return {
      table: visible(section) && visible(pre) ? pre.textContent : null,
      rollout: visible(section) && visible(rollout) ? rollout.textContent : null,
      rows,
    };
  };
  if (wanted === null) return read();
  return new Promise((resolve) => {
    const check = (): void => {
      const shown = read();
      if (JSON.stringify(shown) !== wanted) return;
      observer.disconnect();
      resolve(shown);
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    check();
  });
}

const PREDICTED: Record<string, string> = { runs: 'runs', pending: 'pending', excluded: 'excluded', unknown: '?' };

/** What the Live section must show for one DaemonSet of `daemonset status --format json`. */
export function expectedLive(status: any): LiveShown {
  const rows: LiveRowShown[] = [...status.nodes, ...status.stray].map((n: any) => {
    const pod = n.pods[0];
    return {
      node: n.node,
      cells: [
        n.node,
        PREDICTED[n.predicted] ?? n.predicted,
        pod ? `${pod.name}${n.pods.length > 1 ? ` (+${n.pods.length - 1})` : ''}` : '—',
        pod?.status ?? '',
        pod?.ready ?? '',
        pod ? String(pod.restarts) : '',
        pod?.revision ?? '',
      ],
      drift: n.drift.map((d: any) => d.kind),
    };
  });
  rows.sort((a, b) => (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
  const rs = status.rolloutStatus;
  return {
    table: status.table ?? null,
    rollout: rs
      ? `$ kubectl rollout status ds/${status.name} -n ${status.namespace}\n${rs.error ? `error: ${rs.message}` : rs.message}`
      : null,
    rows,
  };
}

/** Resolves when the Live section shows exactly `want`; after `timeoutMs` (a bound, not a wait) fails saying what it shows. */
export async function waitForLive(view: FrameLocator, want: LiveShown, timeoutMs = 60_000): Promise<void> {
  const body = view.locator('body');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const bound = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  try {
    const outcome = await Promise.race([body.evaluate(watchLive, JSON.stringify(want)), bound]);
    if (outcome !== 'timeout') return;
  } finally {
    clearTimeout(timer);
  }
  const shown = await body.evaluate(watchLive, null).catch((e: Error) => e.message);
  throw new Error(
    `the Live section does not show what \`daemonset status\` prints within ${timeoutMs} ms:\nshown:  ${JSON.stringify(shown)}\nwanted: ${JSON.stringify(want)}`,
  );
}
