// The panel's Live section: the same namespace/name in the cluster (PlacementResponse.live):
// `kubectl get ds` as kubectl prints it, `kubectl rollout status`'s message, and per node the
// actual daemon pods next to the prediction with the drift flagged. Text only: every string is
// set with textContent, never parsed as HTML.
import type { LiveNodeRow, LiveStatusView, PlacementResponse } from '../../protocol';

export interface LiveSection {
  element: HTMLElement;
  render(response: PlacementResponse | undefined): void;
}

/** Rows shown at most (a DaemonSet has one per node; the rest is counted). */
const MAX_ROWS = 300;

const PREDICTED: Record<LiveNodeRow['predicted'], string> = {
  runs: 'runs',
  pending: 'pending',
  excluded: 'excluded',
  unknown: '?',
};

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The one line next to the section title. */
export function liveLine(live: LiveStatusView): string {
  if (live.state === 'absent') return 'not in the cluster';
  if (live.state === 'unavailable') return 'no live state for this source';
  if (live.state === 'connecting' && !live.getDs) return 'reading…';
  if (live.state === 'error' && !live.getDs) return 'cannot read';
  const parts = [live.summary ?? ''];
  if (live.rolloutStatus)
    parts.push(live.rolloutStatus.done ? 'rolled out' : live.rolloutStatus.error ? 'OnDelete' : 'rolling out');
  if (live.driftCount) parts.push(`${live.driftCount} ${live.driftCount === 1 ? 'node' : 'nodes'} with drift`);
  return parts.filter(Boolean).join(' · ');
}

export function createLiveSection(): LiveSection {
  const element = el('section', 'live');
  element.setAttribute('aria-labelledby', 'live-title');
  element.hidden = true;
  const details = el('details');
  details.open = true;
  const summary = el('summary');
  const title = el('h2', 'live-title', 'Live');
  title.id = 'live-title';
  const line = el('span', 'live-summary');
  summary.append(title, line);
  const message = el('p', 'live-message');
  const getDs = el('pre', 'live-getds');
  getDs.setAttribute('aria-label', 'kubectl get ds');
  const rollout = el('p', 'live-rollout');
  const table = el('table', 'live-nodes');
  const more = el('p', 'live-more');
  details.append(summary, message, getDs, rollout, table, more);
  element.append(details);

  function row(r: LiveNodeRow): HTMLTableRowElement {
    const tr = el('tr');
    tr.dataset.node = r.node;
    if (r.drift.length) tr.className = 'drift';
    const pod = r.pods[0];
    const cells = [
      r.node,
      PREDICTED[r.predicted],
      pod?.name ?? '—',
      pod?.status ?? '',
      pod?.ready ?? '',
      pod ? String(pod.restarts) : '',
      pod?.revision ?? '',
      pod?.age ?? '',
    ];
    for (const c of cells) tr.append(el('td', undefined, c));
    if (r.pods.length > 1) tr.cells[2]!.textContent += ` (+${r.pods.length - 1})`;
    if (pod?.oldRevision) tr.cells[6]!.classList.add('old-revision');
    const drift = el('td', 'live-drift');
    if (r.drift.length) {
      const ul = el('ul');
      for (const d of r.drift) {
        const li = el('li', undefined, d.message);
        li.dataset.kind = d.kind;
        ul.append(li);
      }
      drift.append(ul);
    }
    tr.append(drift);
    return tr;
  }

  function render(response: PlacementResponse | undefined): void {
    const live = response?.live;
    element.hidden = !live;
    if (!live) return;
    element.dataset.state = live.state;
    line.textContent = liveLine(live);
    message.textContent = live.message ?? '';
    message.hidden = !live.message;
    getDs.textContent = live.table ?? '';
    getDs.hidden = !live.table;
    rollout.textContent = live.rolloutStatus
      ? `$ kubectl rollout status ds/${live.name} -n ${live.namespace}\n${live.rolloutStatus.error ? `error: ${live.rolloutStatus.message}` : live.rolloutStatus.message}`
      : '';
    rollout.hidden = !live.rolloutStatus;
    const rows = [...live.nodes, ...live.stray];
    table.replaceChildren();
    table.hidden = !live.getDs || rows.length === 0;
    if (!table.hidden) {
      const head = el('tr');
      for (const h of ['NODE', 'PREDICTED', 'POD', 'STATUS', 'READY', 'RESTARTS', 'REVISION', 'AGE', 'DRIFT']) {
        const th = el('th', undefined, h);
        th.scope = 'col';
        head.append(th);
      }
      table.createTHead().append(head);
      // Rows with drift first, so they are seen on a big cluster.
      const ordered = [...rows.filter((r) => r.drift.length), ...rows.filter((r) => !r.drift.length)];
      const body = table.createTBody();
      for (const r of ordered.slice(0, MAX_ROWS)) body.append(row(r));
    }
    more.textContent = rows.length > MAX_ROWS ? `… ${rows.length - MAX_ROWS} more nodes` : '';
    more.hidden = rows.length <= MAX_ROWS;
  }

  return { element, render };
}
