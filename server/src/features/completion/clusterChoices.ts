// Completion from the last cluster snapshot: the node labels a nodeSelector or node affinity can
// match and the taints a toleration can tolerate, each with how many nodes carry it. Reads
// ctx.cluster only (the snapshot the server holds); never fetches anything.
import { FieldPath, ManifestObject, startsWith } from '../../model';
import type { Node } from '../../placement/types';
import type { FeatureContext } from '../context';
import { PLACEHOLDER } from './cursorContext';
import { scalarAt } from './objectValues';
import type { ValueChoice } from './valueChoices';

const POD_SPEC: FieldPath = ['spec', 'template', 'spec'];
const NODE_SELECTOR: FieldPath = [...POD_SPEC, 'nodeSelector'];
const NODE_AFFINITY: FieldPath = [...POD_SPEC, 'affinity', 'nodeAffinity'];
const TOLERATIONS: FieldPath = [...POD_SPEC, 'tolerations'];

export interface KeyChoice {
  key: string;
  /** The value inserted with the key (the most common one). */
  value: string;
  detail: string;
  documentation: string;
}

/** Node label keys for a `nodeSelector` mapping, or undefined when `path` is not one / no cluster. */
export function clusterKeyChoices(
  path: FieldPath,
  present: ReadonlySet<string>,
  ctx: FeatureContext,
): KeyChoice[] | undefined {
  const nodes = ctx.cluster?.state.nodes;
  if (!nodes || path.length !== NODE_SELECTOR.length || !startsWith(path, NODE_SELECTOR)) return undefined;
  const total = nodes.length;
  return sortedByCount(labelStats(nodes))
    .filter(([key]) => !present.has(key))
    .map(([key, values]) => {
      const ranked = sortedByCount(values);
      return {
        key,
        value: ranked[0][0],
        detail: `node label · ${countOf(values)} of ${total} nodes`,
        documentation: ranked.map(([v, n]) => `${v === '' ? '""' : v}: ${n} of ${total} nodes`).join('\n'),
      };
    });
}

/** Values from the cluster for the field at `path`, or undefined when the cluster has none to give. */
export function clusterValueChoices(
  object: ManifestObject,
  path: FieldPath,
  ctx: FeatureContext,
): ValueChoice[] | undefined {
  const nodes = ctx.cluster?.state.nodes;
  if (!nodes) return undefined;
  const total = nodes.length;
  const n = path.length;
  const last = path[n - 1];

  // nodeSelector: { <label>: <value> }
  if (n === NODE_SELECTOR.length + 1 && startsWith(path, NODE_SELECTOR) && typeof last === 'string') {
    return labelValues(nodes, last);
  }

  if (startsWith(path, NODE_AFFINITY)) {
    // …matchExpressions[i].key / .values[j]; matchFields[i].values[j] (node names).
    if (path[n - 3] === 'matchExpressions' && last === 'key') {
      return sortedByCount(labelStats(nodes)).map(([key, values]) => ({
        value: key,
        detail: `node label · ${countOf(values)} of ${total} nodes`,
        kind: 'value' as const,
      }));
    }
    if (path[n - 4] === 'matchExpressions' && path[n - 2] === 'values') {
      const key = scalarAt(object, [...path.slice(0, -2), 'key']);
      return key === undefined ? undefined : labelValues(nodes, key);
    }
    if (path[n - 4] === 'matchFields' && path[n - 2] === 'values') {
      return nodes
        .map((node) => node.metadata?.name)
        .filter((name): name is string => !!name)
        .sort()
        .map((name) => ({ value: name, detail: 'node', kind: 'value' as const }));
    }
    return undefined;
  }

  // tolerations[i].key / .value / .effect
  if (n === TOLERATIONS.length + 2 && startsWith(path, TOLERATIONS) && typeof path[n - 2] === 'number') {
    const stats = taintStats(nodes);
    const siblingKey = scalarAt(object, [...path.slice(0, -1), 'key']);
    if (last === 'key') {
      return sortedByCount(new Map([...stats].map(([k, s]) => [k, s.nodes]))).map(([key, count]) => ({
        value: key,
        detail: `taint · on ${count} of ${total} nodes`,
        documentation: [...stats.get(key)!.effects].map(([e, c]) => `${e}: ${c} of ${total} nodes`).join('\n'),
        kind: 'value' as const,
      }));
    }
    if (last === 'value') {
      const values = siblingKey === undefined ? undefined : stats.get(siblingKey)?.values;
      if (!values || values.size === 0) return undefined;
      return sortedByCount(values).map(([value, count]) => ({
        value,
        detail: `taint ${siblingKey}=${value} · on ${count} of ${total} nodes`,
        kind: 'value' as const,
      }));
    }
    if (last === 'effect') {
      const effects =
        siblingKey === undefined ? nodesByEffect(nodes) : (stats.get(siblingKey)?.effects ?? new Map<string, number>());
      return ['NoSchedule', 'PreferNoSchedule', 'NoExecute'].map((effect) => ({
        value: effect,
        detail: `${siblingKey === undefined ? 'taints' : `taint ${siblingKey}`} with this effect · on ${effects.get(effect) ?? 0} of ${total} nodes`,
      }));
    }
  }
  return undefined;
}

function labelValues(nodes: readonly Node[], key: string): ValueChoice[] | undefined {
  const values = labelStats(nodes).get(key);
  if (!values) return undefined;
  return sortedByCount(values).map(([value, count]) => ({
    value,
    detail: `${key}=${value} · on ${count} of ${nodes.length} nodes`,
    kind: 'value' as const,
  }));
}

/** label key → value → number of nodes. */
function labelStats(nodes: readonly Node[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const node of nodes) {
    for (const [key, value] of Object.entries(node.metadata?.labels ?? {})) {
      if (key === PLACEHOLDER) continue;
      const values = out.get(key) ?? new Map<string, number>();
      values.set(String(value), (values.get(String(value)) ?? 0) + 1);
      out.set(key, values);
    }
  }
  return out;
}

interface TaintStat {
  /** Nodes with a taint of this key. */
  nodes: number;
  values: Map<string, number>;
  effects: Map<string, number>;
}

function taintStats(nodes: readonly Node[]): Map<string, TaintStat> {
  const out = new Map<string, TaintStat>();
  for (const node of nodes) {
    const seen = new Set<string>();
    for (const taint of node.spec?.taints ?? []) {
      if (!taint || typeof taint.key !== 'string') continue;
      const stat = out.get(taint.key) ?? { nodes: 0, values: new Map(), effects: new Map() };
      if (!seen.has(taint.key)) stat.nodes++;
      seen.add(taint.key);
      if (taint.value) stat.values.set(taint.value, (stat.values.get(taint.value) ?? 0) + 1);
      if (taint.effect) stat.effects.set(taint.effect, (stat.effects.get(taint.effect) ?? 0) + 1);
      out.set(taint.key, stat);
    }
  }
  return out;
}

/** effect → number of nodes with at least one taint of that effect. */
function nodesByEffect(nodes: readonly Node[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const node of nodes) {
    const effects = new Set((node.spec?.taints ?? []).map((t) => t?.effect).filter((e): e is string => !!e));
    for (const e of effects) out.set(e, (out.get(e) ?? 0) + 1);
  }
  return out;
}

function countOf(values: Map<string, number>): number {
  let n = 0;
  for (const c of values.values()) n += c;
  return n;
}

/** Entries by descending count, then by name, so the common choice comes first. */
function sortedByCount<V extends number | Map<string, number>>(map: Map<string, V>): [string, V][] {
  const count = (v: V) => (typeof v === 'number' ? v : countOf(v as Map<string, number>));
  return [...map].sort((a, b) => count(b[1]) - count(a[1]) || a[0].localeCompare(b[0]));
}
