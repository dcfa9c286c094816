// The placement preview webview: renders a PlacementResponse the host posts, node by node.
// Every string that comes from a cluster or a manifest is set with textContent / properties,
// never parsed as HTML. Bundled by scripts/build.mjs into dist/webview.js (+ dist/webview.css).
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/vscode-textfield.js';
import type { ClusterNodesTable, PlacementResponse } from '../../protocol';
import { VirtualGrid } from './grid';
import { createLiveSection } from './live';
import { isHostMessage, isPanelState, type PanelState, type WebviewMessage } from './messages';
import {
  buildView,
  countsSummary,
  groupId,
  groupKeys,
  groupLabel,
  kindAt,
  nodeName,
  prepare,
  relativeTime,
  VERDICT_DESCRIPTION,
  VERDICT_LABEL,
  type Prepared,
  type View,
} from './model';
import { createRolloutSection } from './rollout';
import './style.css';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: PanelState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const ROW_HEIGHT = 22;
const OVERSCAN = 12;
/** Option value of "no grouping"; label keys cannot contain parentheses. */
const NO_GROUP = '(none)';

const vscode = acquireVsCodeApi();
const restored: unknown = vscode.getState();
const saved: PanelState = isPanelState(restored) ? restored : {};

let filter = saved.filter ?? '';
let groupBy = saved.groupBy ?? '';
let collapsed = new Set<string>();
let prepared: Prepared | undefined;
let view: View = { entries: new Int32Array(0), groups: [], matched: 0 };
let failure: string | undefined;
let renders = 0;

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

// ---- static shell ------------------------------------------------------------------------

const app = document.getElementById('app') ?? document.body.appendChild(el('main'));
const title = el('h1', 'title', 'Placement preview');
const source = el('span', 'source');
const readAt = el('span', 'read-at');
const state = el('vscode-badge', 'state');
const header = el('header', 'cluster');
header.append(title, el('div', 'cluster-line'));
header.lastElementChild!.append(source, readAt, state);

/** Where the DaemonSet comes from when it is not the file's text: chart defaults, a kustomization. */
const origin = el('div', 'origin');
origin.hidden = true;

const banner = el('div', 'banner');
banner.setAttribute('role', 'alert');
banner.hidden = true;

const countsTable = el('table', 'counts');
const countCells: Record<'desired' | 'pending' | 'excluded' | 'nodes', HTMLTableCellElement> = {
  desired: el('td'),
  pending: el('td'),
  excluded: el('td'),
  nodes: el('td'),
};
{
  const head = el('tr');
  const body = el('tr');
  for (const [key, cell] of Object.entries(countCells)) {
    const th = el('th', undefined, key.toUpperCase());
    th.scope = 'col';
    head.append(th);
    cell.dataset.count = key;
    body.append(cell);
  }
  countsTable.createTHead().append(head);
  countsTable.createTBody().append(body);
}

function field(label: string, control: HTMLElement, className: string): HTMLElement {
  const wrap = el('label', `field ${className}`);
  wrap.append(el('span', 'field-label', label), control);
  return wrap;
}

const picker = el('vscode-single-select', 'picker') as VscodeSingleSelect;
picker.label = 'DaemonSet';
const pickerField = field('DaemonSet', picker, 'picker-field');
pickerField.hidden = true;

const groupSelect = el('vscode-single-select', 'group-by') as VscodeSingleSelect;
groupSelect.label = 'Group by';

const filterBox = el('vscode-textfield', 'filter') as VscodeTextfield;
filterBox.placeholder = 'name, label=value, reason';
filterBox.label = 'Filter nodes';
filterBox.type = 'search';
filterBox.value = filter;

const status = el('span', 'status');
status.setAttribute('role', 'status');

const toolbar = el('div', 'toolbar');
toolbar.append(
  pickerField,
  field('Group by', groupSelect, 'group-field'),
  field('Filter', filterBox, 'filter-field'),
  status,
);

const empty = el('div', 'empty');
const emptyTitle = el('p', 'empty-title');
const emptyDetail = el('p', 'empty-detail');
empty.append(emptyTitle, emptyDetail);

const gridHeader = el('div', 'row head');
gridHeader.setAttribute('role', 'row');
for (const name of ['Node', 'Verdict', 'Reason']) {
  const c = el('div', 'cell', name);
  c.setAttribute('role', 'columnheader');
  gridHeader.append(c);
}
const gridEl = el('div', 'grid');
gridEl.setAttribute('aria-label', 'Nodes');
const grid = new VirtualGrid(gridEl, gridHeader, {
  rowHeight: ROW_HEIGHT,
  overscan: OVERSCAN,
  columns: 3,
  paint: paintRow,
  onClick(index, event) {
    const entry = view.entries[index];
    if (entry < 0) toggleGroup(-entry - 1);
    else if (event.target instanceof Element && event.target.closest('.reason.link')) reveal(entry);
  },
  onKey(index, event) {
    const entry = view.entries[index];
    if (entry < 0) {
      const g = view.groups[-entry - 1];
      if (
        event.key === 'Enter' ||
        event.key === ' ' ||
        (event.key === 'ArrowLeft' && !g.collapsed) ||
        (event.key === 'ArrowRight' && g.collapsed)
      ) {
        toggleGroup(-entry - 1);
        return true;
      }
      return false;
    }
    if (event.key === 'Enter') return reveal(entry);
    return false;
  },
});

const rollout = createRolloutSection();
const live = createLiveSection();
app.replaceChildren(header, origin, banner, countsTable, rollout.element, live.element, toolbar, empty, gridEl);
app.removeAttribute('aria-busy');

// ---- rows ---------------------------------------------------------------------------------

function reasonSpan(cell: HTMLElement): HTMLElement {
  let span = cell.firstElementChild as HTMLElement | null;
  if (!span) {
    span = el('span', 'reason');
    cell.append(span);
  }
  return span;
}

function paintRow(row: HTMLElement, cells: HTMLElement[], index: number): void {
  const p = prepared!;
  const entry = view.entries[index];
  const reason = reasonSpan(cells[2]);
  if (entry < 0) {
    const g = view.groups[-entry - 1];
    const label = groupLabel(g);
    row.className = 'row group';
    row.setAttribute('aria-expanded', String(!g.collapsed));
    cells[0].textContent = label;
    cells[0].title = `${groupBy}: ${label}`;
    cells[1].textContent = `${g.members.length} ${g.members.length === 1 ? 'node' : 'nodes'}`;
    cells[1].title = '';
    reason.textContent = countsSummary(g.counts);
    reason.className = 'reason';
    reason.removeAttribute('role');
    reason.title = '';
    return;
  }
  const kind = kindAt(p, entry);
  const name = nodeName(p, entry);
  const text = p.reasons[entry];
  const linked = p.ranges[entry] !== undefined;
  row.className = `row node ${kind}`;
  row.removeAttribute('aria-expanded');
  cells[0].textContent = name;
  cells[0].title = name;
  cells[1].textContent = VERDICT_LABEL[kind];
  cells[1].title = VERDICT_DESCRIPTION[kind];
  reason.textContent = text;
  reason.title = linked ? `${text}\nClick or press Enter to show the responsible line` : text;
  reason.className = linked ? 'reason link' : 'reason';
  if (linked) reason.setAttribute('role', 'link');
  else reason.removeAttribute('role');
}

function reveal(node: number): boolean {
  const range = prepared?.ranges[node];
  if (!range) return false;
  vscode.postMessage({ type: 'reveal', range });
  return true;
}

function toggleGroup(g: number): void {
  const id = groupId(view.groups[g]);
  if (collapsed.has(id)) collapsed.delete(id);
  else collapsed.add(id);
  rebuild(false);
}

// ---- header, picker, empty states ---------------------------------------------------------

function renderReadTime(): void {
  const c = prepared?.response.cluster;
  const rel = relativeTime(c?.readAt, Date.now());
  readAt.textContent = rel ? `read ${rel}` : '';
  readAt.title = c?.readAt ?? '';
  if (c?.state === 'error') renderBanner();
}

function renderBanner(): void {
  const c = prepared?.response.cluster;
  let text = '';
  if (failure !== undefined) text = `The placement request failed: ${failure}`;
  else if (c?.state === 'error') {
    const rel = relativeTime(c.readAt, Date.now());
    const why = c.message ? `: ${c.message.replace(/[.\s]+$/, '')}.` : '.';
    text =
      `Cannot read the cluster${why} ` +
      (rel ? `Showing the last good read, ${rel} (${c.readAt}).` : 'There is no earlier good read.');
  }
  banner.textContent = text;
  banner.hidden = text === '';
}

function renderOrigin(r: PlacementResponse): void {
  const c = r.chartDefaults;
  const m = r.merged;
  let text = '';
  let detail: string[] = [];
  if (c) {
    const files =
      Array.isArray(c.valuesFiles) && c.valuesFiles.length > 0 ? c.valuesFiles.join(', ') : 'no values file';
    text = `With chart defaults: ${c.chart ? `chart ${c.chart}, ` : ''}rendered with ${files}.`;
    const unresolved = Array.isArray(c.unresolved) ? c.unresolved : [];
    if (unresolved.length > 0)
      text += ` ${unresolved.length} template part${unresolved.length === 1 ? '' : 's'} unknown.`;
    detail = unresolved;
  } else if (m) {
    const n = Array.isArray(m.notModelled) ? m.notModelled.length : 0;
    text = `Merged by the kustomization${n > 0 ? ` (${n} part${n === 1 ? '' : 's'} not modelled)` : ''}.`;
    detail = Array.isArray(m.notModelled) ? m.notModelled : [];
  }
  origin.textContent = text;
  origin.title = detail.join('\n');
  origin.dataset.origin = c ? 'chart' : m ? 'kustomize' : '';
  origin.hidden = text === '';
}

function renderHeader(r: PlacementResponse): void {
  renderOrigin(r);
  const ds = r.daemonSets?.find((d) => d.index === r.selected);
  title.textContent = ds ? `DaemonSet ${ds.namespace ? `${ds.namespace}/` : ''}${ds.name}` : 'Placement preview';
  const c = r.cluster;
  source.textContent = c ? String(c.source ?? '') : '';
  state.textContent =
    c?.state === 'ok' ? 'up to date' : c?.state === 'connecting' ? 'connecting…' : c?.state === 'error' ? 'error' : '';
  state.dataset.state = c?.state ?? '';
  renderReadTime();
  renderBanner();
  const res = r.result;
  const t = prepared!.totals;
  countCells.desired.textContent = String(res?.desired ?? t.run + t.pending);
  countCells.pending.textContent = String(res?.pending ?? t.pending);
  countCells.excluded.textContent = String(res?.excluded ?? t.excluded);
  countCells.nodes.textContent = String(prepared!.count);
  countsTable.hidden = !res;
}

let pickerKey = '';
function renderPicker(r: PlacementResponse): void {
  const list = Array.isArray(r.daemonSets) ? r.daemonSets : [];
  pickerField.hidden = list.length < 2;
  const key = JSON.stringify([list.map((d) => [d.index, d.namespace, d.name, d.line]), r.selected]);
  if (key === pickerKey) return;
  pickerKey = key;
  picker.replaceChildren(
    ...list.map((d) => {
      const o = el('vscode-option');
      o.value = String(d.index);
      o.textContent = `${d.namespace ? `${d.namespace}/` : ''}${d.name} (line ${d.line + 1})`;
      o.selected = d.index === r.selected;
      return o;
    }),
  );
}

let groupKey = '';
function renderGroupSelect(p: Prepared): void {
  const keys = groupKeys(p);
  if (groupBy && !keys.includes(groupBy)) keys.unshift(groupBy);
  const key = JSON.stringify([keys, groupBy]);
  if (key === groupKey) return;
  groupKey = key;
  const none = el('vscode-option', undefined, 'None');
  none.value = NO_GROUP;
  none.selected = groupBy === '';
  groupSelect.replaceChildren(
    none,
    ...keys.map((k) => {
      const o = el('vscode-option', undefined, k);
      o.value = k;
      o.selected = k === groupBy;
      return o;
    }),
  );
}

function showEmpty(titleText: string, detail = ''): void {
  emptyTitle.textContent = titleText;
  emptyDetail.textContent = detail;
  empty.hidden = false;
}

/** Recompute the rows (filter, group-by or collapse changed, or a new response). */
function rebuild(reset: boolean): void {
  const p = prepared;
  const r = p?.response;
  empty.hidden = true;
  let showGrid = false;
  if (!p || !r) showEmpty('Waiting for a DaemonSet…', 'Open a YAML file with a DaemonSet.');
  else if (!Array.isArray(r.daemonSets) || r.daemonSets.length === 0 || r.selected < 0) {
    showEmpty(
      'No DaemonSet in this file.',
      r.message ?? 'Add a manifest with kind: DaemonSet to see where its pods would run.',
    );
  } else if (!r.result) showEmpty('No placement for this DaemonSet.', r.message ?? '');
  else if (p.count === 0) showEmpty('The cluster has no nodes.', r.message ?? '');
  else showGrid = true;

  toolbar.hidden = !showGrid;
  gridEl.hidden = !showGrid;
  if (!p || !showGrid) {
    view = { entries: new Int32Array(0), groups: [], matched: 0 };
    status.textContent = '';
    grid.setCount(0, true);
    return;
  }
  view = buildView(p, filter, groupBy, collapsed);
  const total = p.count;
  status.textContent = filter.trim()
    ? `${view.matched} of ${total} nodes match`
    : `${total} ${total === 1 ? 'node' : 'nodes'}`;
  if (view.matched === 0) showEmpty('No node matches the filter.', filter);
  grid.setCount(view.entries.length, reset);
}

function persist(): void {
  const r = prepared?.response;
  vscode.setState({ uri: r?.uri ?? saved.uri, selected: r?.selected ?? saved.selected, filter, groupBy });
}

function signalRendered(ms: number): void {
  document.body.dataset.renders = String(++renders);
  document.dispatchEvent(new CustomEvent('placement-rendered', { detail: { ms } }));
}

/** The per-node static data of the current cluster snapshot (sent once per snapshot). */
let nodesTable: ClusterNodesTable | undefined;

function onUpdate(response: PlacementResponse, nodes: ClusterNodesTable | undefined): void {
  if (nodes) nodesTable = nodes;
  const t0 = performance.now();
  const prev = prepared?.response;
  const sameTarget = prev !== undefined && prev.uri === response.uri && prev.selected === response.selected;
  if (!sameTarget) collapsed = new Set();
  failure = undefined;
  prepared = prepare(response, nodesTable);
  renderHeader(response);
  rollout.render(response);
  renderPicker(response);
  renderGroupSelect(prepared);
  live.render(response);
  rebuild(!sameTarget);
  persist();
  signalRendered(performance.now() - t0);
}

// ---- events -------------------------------------------------------------------------------

window.addEventListener('message', (event: MessageEvent) => {
  const msg: unknown = event.data;
  if (!isHostMessage(msg)) return;
  if (msg.type === 'update') onUpdate(msg.response, msg.nodes);
  else {
    failure = msg.message;
    renderBanner();
    signalRendered(0);
  }
});

let filterFrame = 0;
filterBox.addEventListener('input', () => {
  filter = filterBox.value;
  if (filterFrame) return;
  filterFrame = requestAnimationFrame(() => {
    filterFrame = 0;
    rebuild(true);
    persist();
  });
});

groupSelect.addEventListener('change', () => {
  const value = groupSelect.value === NO_GROUP ? '' : groupSelect.value;
  if (value === groupBy) return;
  groupBy = value;
  collapsed = new Set();
  groupKey = '';
  if (prepared) renderGroupSelect(prepared);
  rebuild(true);
  persist();
});

picker.addEventListener('change', () => {
  const index = Number(picker.value);
  if (Number.isInteger(index) && index >= 0 && index !== prepared?.response.selected)
    vscode.postMessage({ type: 'select', index });
});

setInterval(renderReadTime, 15_000);
rebuild(true);
vscode.postMessage({ type: 'ready' });
