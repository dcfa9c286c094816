// A chart template rendered with the chart defaults (render.ts), as a document model the
// placement answer, the CodeLens and the cluster findings read like any other, and what of each
// rendered DaemonSet is still unknown. Pure and cached per template model and chart: no IO here
// (session/helmCharts.ts reads the chart).
import * as path from 'node:path';
import { DocumentModel, parseDocumentModel } from '../documentModel';
import { renderWithDefaults, type UnknownPart } from './render';

/** What rendering needs of a chart (features/context.ts ChartSource has these fields). */
export interface ChartSource {
  chartDir: string;
  name?: string;
  values: ReadonlyArray<{ file: string; text: string }>;
  merged?: Record<string, unknown>;
  chart?: { name?: string; version?: string; appVersion?: string };
  helpers?: ReadonlyArray<{ file: string; text: string }>;
}

export interface ChartRendering {
  /** The rendered DaemonSets (and whatever else the template renders). */
  model: DocumentModel;
  unknowns: UnknownPart[];
  /** Per rendered DaemonSet: the unknown parts the placement depends on ("path: expression"). */
  placementUnknown: string[][];
  /** The values files used, relative to the chart folder. */
  valuesFiles: string[];
  chart?: string;
  /** Why the template cannot be rendered with the chart defaults (a `fail` reached...). */
  error?: string;
}

const cache = new WeakMap<DocumentModel, { chart: ChartSource; rendering: ChartRendering }>();

/** True when the chart defaults apply: a template (it has actions) inside a chart. */
export function usesChartDefaults(model: DocumentModel, chart: ChartSource | undefined): chart is ChartSource {
  return chart !== undefined && model.templates.length > 0 && chart.merged !== undefined;
}

export function renderChart(model: DocumentModel, chart: ChartSource): ChartRendering {
  const hit = cache.get(model);
  if (hit && hit.chart === chart) return hit.rendering;
  const r = renderWithDefaults(model.text, {
    values: chart.merged ?? {},
    ...(chart.chart ? { chart: chart.chart } : {}),
    helpers: (chart.helpers ?? []).map((h) => h.text),
  });
  const rendered = parseDocumentModel(r.text, model.version);
  const byToken = new Map(r.unknowns.map((u) => [u.token, u]));
  const rendering: ChartRendering = {
    model: rendered,
    unknowns: r.unknowns,
    placementUnknown: rendered.daemonSets.map((ds) => placementUnknowns(ds.value, byToken)),
    valuesFiles: chart.values.map((v) => path.relative(chart.chartDir, v.file) || v.file),
  };
  if (chart.name) rendering.chart = chart.name;
  if (r.error) rendering.error = r.error;
  else if (rendered.daemonSets.length === 0 && rendered.problems.length > 0)
    rendering.error = `the rendered text is not YAML (${rendered.problems[0]!.message})`;
  cache.set(model, { chart, rendering });
  return rendering;
}

/**
 * What the engine reads of a DaemonSet (placement/predict.ts, resources.ts, hostPorts.ts):
 * the pod spec's node selection, tolerations, host network, and per container resources and
 * ports. `*` stands for any list index.
 */
const PLACEMENT_PATHS: string[][] = [
  ['spec', 'template', 'spec', 'nodeSelector'],
  ['spec', 'template', 'spec', 'affinity'],
  ['spec', 'template', 'spec', 'tolerations'],
  ['spec', 'template', 'spec', 'nodeName'],
  ['spec', 'template', 'spec', 'hostNetwork'],
  ['spec', 'template', 'spec', 'overhead'],
  ['spec', 'template', 'spec', 'containers', '*', 'resources'],
  ['spec', 'template', 'spec', 'containers', '*', 'ports'],
  ['spec', 'template', 'spec', 'initContainers', '*', 'resources'],
];

const TOKEN = /__unknown_\d+__/g;

/** Unknown parts at or above a path the placement reads, as "field: expression". */
export function placementUnknowns(value: unknown, byToken: Map<string, UnknownPart>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (v: unknown, at: string[], depth: number): void => {
    if (depth > 60) return;
    if (typeof v === 'string') {
      for (const t of v.match(TOKEN) ?? []) note(at, t);
      return;
    }
    if (typeof v !== 'object' || v === null) return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => visit(x, [...at, String(i)], depth + 1));
      return;
    }
    for (const [k, x] of Object.entries(v)) {
      // An unknown key: anything may stand in this mapping.
      for (const t of k.match(TOKEN) ?? []) note([...at, '*any*'], t);
      visit(x, [...at, k], depth + 1);
    }
  };
  const note = (at: string[], token: string) => {
    if (!relevant(at)) return;
    const u = byToken.get(token);
    const field = at.filter((s) => s !== '*any*').join('.');
    const text = `${field || '(top)'}: {{ ${u?.expression ?? '?'} }}`;
    if (!seen.has(text)) {
      seen.add(text);
      out.push(text);
    }
  };
  visit(value, [], 0);
  return out;
}

function relevant(at: string[]): boolean {
  const anyKey = at[at.length - 1] === '*any*';
  const p = anyKey ? at.slice(0, -1) : at;
  return PLACEMENT_PATHS.some((r) => {
    const n = Math.min(r.length, p.length);
    for (let i = 0; i < n; i++) if (r[i] !== p[i] && !(r[i] === '*' && /^\d+$/.test(p[i]!))) return false;
    // Inside a placement field, or unknown content (a key, an item, a whole value) above one.
    return true;
  });
}

/** A rendered name for display: markers become `?`. */
export function shownName(name: string): string {
  return name.replace(TOKEN, '?');
}
