// Builds the placement answer the preview panel shows (daemonset/placement), from the model and
// the last cluster snapshot (or a kustomization's merged DaemonSets). No IO: the cluster view
// and the merged DaemonSets are passed in.
import { DocumentModel, objectAt, rangeOfPath, toRange } from '../model';
import { cachedPlacement } from '../placement';
import type { ClusterState, NodeVerdict, PlacementResult } from '../placement/types';
import { liveStatusView, type LiveStatusView } from '../placement/liveStatus';
import type {
  ClusterNodesTable,
  ClusterStatus,
  DaemonSetRef,
  PanelVerdict,
  PanelVerdicts,
  PlacementParams,
  PlacementResponse,
  PlacementNodeRow,
} from '../../../protocol';
import type { FeatureContext, HelmChartView } from './context';
import { renderChart, shownName } from '../model/helm/chartRendering';

export function daemonSetRefs(model: DocumentModel): DaemonSetRef[] {
  return model.daemonSets.map((ds, index) => ({
    index,
    name: ds.name ?? '(unnamed)',
    namespace: ds.namespace ?? 'default',
    line: model.lines.positionAt(ds.node.range?.[0] ?? 0).line,
  }));
}

/** Which DaemonSet a request is about: an explicit index, the one under the cursor, or the first. */
export function pickDaemonSet(model: DocumentModel, params: { index?: number; offset?: number }): number {
  if (model.daemonSets.length === 0) return -1;
  if (params.index !== undefined && params.index >= 0 && params.index < model.daemonSets.length) return params.index;
  if (params.offset !== undefined) {
    const obj = objectAt(model, params.offset);
    const i = obj ? model.daemonSets.indexOf(obj) : -1;
    if (i >= 0) return i;
  }
  return 0;
}

export function placementResponse(
  model: DocumentModel,
  uri: string,
  params: PlacementParams,
  ctx: FeatureContext,
  cluster: ClusterStatus,
): PlacementResponse {
  const daemonSets = daemonSetRefs(model);
  const selected = pickDaemonSet(model, params);
  const base: PlacementResponse = { uri, daemonSets, selected, cluster };
  if (model.skipped) return { ...base, message: model.skipped };
  if (selected < 0) return { ...base, message: 'This file has no DaemonSet.' };
  const ds = model.daemonSets[selected];
  if (!ctx.cluster)
    return { ...base, message: `No cluster: ${cluster.message ?? 'the source has not been read yet'}.` };
  // Shared with the CodeLens and the cluster diagnostics: one engine run per snapshot.
  const result = cachedPlacement(ds.value, ctx.cluster.state);
  if (!result)
    return {
      ...base,
      message: ds.valueError ? `The DaemonSet cannot be read: ${ds.valueError}` : 'The DaemonSet cannot be read.',
    };
  if (params.nodesKey !== undefined) {
    // The panel: per-node static data once per snapshot, and the verdicts compactly.
    const state = ctx.cluster.state;
    const key = nodesKey(state);
    const compact: PlacementResponse = {
      ...base,
      result: { desired: result.desired, pending: result.pending, excluded: result.excluded, nodes: [] },
      nodesKey: key,
      verdicts: compactVerdicts(result.nodes, (path) => {
        const [s, e] = rangeOfPath(ds, path, 'key');
        return toRange(model, s, e);
      }),
    };
    if (params.nodesKey !== key) compact.nodes = nodesTable(state, key);
    const live = liveAnswer(result, ds.name, ds.namespace, ctx);
    if (live) compact.live = live;
    return compact;
  }
  const nodes = ctx.cluster.state.nodes;
  const rows: PlacementNodeRow[] = result.nodes.map((v, i) => {
    const row: PlacementNodeRow = { name: v.name, labels: nodes[i]?.metadata?.labels ?? {} };
    if (v.path) {
      const [s, e] = rangeOfPath(ds, v.path, 'key');
      row.range = toRange(model, s, e);
    }
    return row;
  });
  const answer: PlacementResponse = { ...base, result, rows };
  const live = liveAnswer(result, ds.name, ds.namespace, ctx);
  if (live) answer.live = live;
  return answer;
}

const keys = new WeakMap<ClusterState, string>();
const session = Math.random().toString(36).slice(2, 8);
let nextKey = 0;

/** A key per cluster snapshot object: snapshots are replaced, never changed in place. */
export function nodesKey(state: ClusterState): string {
  let key = keys.get(state);
  if (key === undefined) {
    key = `${session}.${++nextKey}`;
    keys.set(state, key);
  }
  return key;
}

const tables = new WeakMap<ClusterState, ClusterNodesTable>();

export function nodesTable(state: ClusterState, key = nodesKey(state)): ClusterNodesTable {
  let table = tables.get(state);
  if (!table) {
    table = {
      key,
      names: state.nodes.map((n) => n.metadata?.name ?? ''),
      labels: state.nodes.map((n) => n.metadata?.labels ?? {}),
    };
    tables.set(state, table);
  }
  return table;
}

/**
 * The verdicts as a table of distinct ones plus an index per node. Verdicts repeat (a taint,
 * a selector, "every check passes"), so 100,000 nodes are a few dozen entries and an index.
 * Ranges are computed once per distinct path.
 */
export function compactVerdicts(
  verdicts: readonly NodeVerdict[],
  rangeOf: (path: NonNullable<NodeVerdict['path']>) => PanelVerdict['range'],
): PanelVerdicts {
  const table: PanelVerdict[] = [];
  const index = new Array<number>(verdicts.length);
  const seen = new Map<string, number>();
  const ranges = new Map<string, PanelVerdict['range']>();
  for (let i = 0; i < verdicts.length; i++) {
    const v = verdicts[i] as NodeVerdict;
    const pathKey = v.path ? v.path.join('\u0000') : '';
    const id = `${v.shouldRun ? 1 : 0}${v.shouldContinueRunning ? 1 : 0}${v.pending ? 1 : 0}${v.hasOwnPod ? 1 : 0}\u0001${v.reason}\u0001${v.detail}\u0001${v.notes ? v.notes.join('\u0000') : ''}\u0001${pathKey}`;
    let at = seen.get(id);
    if (at === undefined) {
      const entry: PanelVerdict = {
        shouldRun: v.shouldRun,
        shouldContinueRunning: v.shouldContinueRunning,
        pending: v.pending,
        reason: v.reason,
        detail: v.detail,
      };
      if (v.notes?.length) entry.notes = v.notes;
      if (v.hasOwnPod) entry.hasOwnPod = true;
      if (v.path) {
        if (!ranges.has(pathKey)) ranges.set(pathKey, rangeOf(v.path));
        const range = ranges.get(pathKey);
        if (range) entry.range = range;
      }
      at = table.length;
      table.push(entry);
      seen.set(id, at);
    }
    index[i] = at;
  }
  return { table, index };
}

/**
 * The Live section: the same namespace/name in the cluster next to the prediction. Asking
 * follows it (a live cluster starts watching it in the background; the answer comes with the
 * next change).
 */
export function liveAnswer(
  result: PlacementResult | undefined,
  name: string | undefined,
  namespace: string | undefined,
  ctx: FeatureContext,
): LiveStatusView | undefined {
  if (!ctx.live || !name) return undefined;
  const ns = namespace ?? 'default';
  const lookup = ctx.live(ns, name, true);
  const meta: Parameters<typeof liveStatusView>[3] = {
    source: lookup.source,
    state: lookup.state,
    namespace: ns,
    name,
  };
  if (lookup.message) meta.message = lookup.message;
  if (lookup.readAt) meta.readAt = lookup.readAt;
  return liveStatusView(result, lookup.live, ctx.now ?? Date.now(), meta);
}

/** A kustomization's merged DaemonSets, as the session layer built them (kustomize/preview.ts). */
export interface MergedDaemonSets {
  model: DocumentModel;
  sources: Array<{ source: string; patchedBy: string[] }>;
  notModelled: string[];
}

/**
 * The placement of the DaemonSets a kustomization builds, marked as merged. No ranges and no
 * lines: the merged DaemonSets are not text of the kustomization file.
 */
export function mergedPlacementResponse(
  merged: MergedDaemonSets,
  params: PlacementParams,
  ctx: FeatureContext,
  cluster: ClusterStatus,
): PlacementResponse {
  const selection: PlacementParams = { uri: params.uri };
  if (params.index !== undefined) selection.index = params.index;
  if (params.nodesKey !== undefined) selection.nodesKey = params.nodesKey;
  const r = placementResponse(merged.model, params.uri, selection, ctx, cluster);
  const response: PlacementResponse = {
    ...r,
    daemonSets: r.daemonSets.map((d) => ({ ...d, line: 0 })),
    merged: { sources: merged.sources, notModelled: merged.notModelled },
  };
  if (r.rows) response.rows = r.rows.map(({ name, labels }) => ({ name, labels }));
  if (r.verdicts)
    response.verdicts = { table: r.verdicts.table.map(({ range: _range, ...v }) => v), index: r.verdicts.index };
  if (r.daemonSets.length === 0) response.message = 'The kustomization builds no DaemonSet from the files it names.';
  return response;
}

const MAX_UNRESOLVED_SHOWN = 20;

/**
 * The placement of a chart template's DaemonSet rendered with the chart defaults, marked as
 * such. When a field the placement reads stays unknown (it depends on `.Release`, a value no
 * values file sets through a nil map, a function not modelled...), there is no result: the
 * answer says which field and which expression, and nothing is guessed. Node rows have no
 * ranges: the rendered text is not the template's text.
 */
export function chartPlacementResponse(
  model: DocumentModel,
  chart: HelmChartView,
  params: PlacementParams,
  ctx: FeatureContext,
  cluster: ClusterStatus,
): PlacementResponse {
  const rendering = renderChart(model, chart);
  const rendered = rendering.model;
  // The template's own DaemonSets give the lines and the cursor's pick when they line up.
  const own = daemonSetRefs(model);
  const aligned = own.length === rendered.daemonSets.length;
  const selection: PlacementParams = { uri: params.uri };
  const index = params.index ?? (aligned && params.offset !== undefined ? pickDaemonSet(model, params) : undefined);
  if (index !== undefined) selection.index = index;
  const r = placementResponse(rendered, params.uri, selection, ctx, cluster);
  const unresolved = rendering.unknowns.map((u) => `line ${u.line + 1}: {{ ${u.expression} }}`);
  const placementUnknown = r.selected >= 0 ? (rendering.placementUnknown[r.selected] ?? []) : [];
  const response: PlacementResponse = {
    ...r,
    daemonSets: r.daemonSets.map((d, i) => ({
      ...d,
      name: shownName(d.name),
      namespace: shownName(d.namespace),
      line: aligned ? own[i]!.line : 0,
    })),
    chartDefaults: {
      ...(rendering.chart ? { chart: rendering.chart } : {}),
      valuesFiles: rendering.valuesFiles,
      unresolved: unresolved.slice(0, MAX_UNRESOLVED_SHOWN),
      placementUnknown,
    },
  };
  if (unresolved.length > MAX_UNRESOLVED_SHOWN)
    response.chartDefaults!.unresolved.push(`… ${unresolved.length - MAX_UNRESOLVED_SHOWN} more`);
  if (r.rows) response.rows = r.rows.map(({ name, labels }) => ({ name, labels }));
  if (rendering.error) {
    delete response.result;
    delete response.rows;
    response.message = `The template cannot be rendered with the chart defaults: ${rendering.error}.`;
  } else if (rendered.daemonSets.length === 0) {
    response.message = 'With the chart defaults the template renders no DaemonSet.';
  } else if (placementUnknown.length > 0) {
    delete response.result;
    delete response.rows;
    delete response.live;
    response.message = `Placement unknown with the chart defaults: ${placementUnknown.join('; ')} cannot be resolved.`;
  }
  return response;
}
