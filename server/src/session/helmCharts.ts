// The chart around an open template (a `Chart.yaml` in a folder above it) and its values files,
// read outside requests (when the document opens or changes, and again when a watched chart
// file changes) and kept in a cache; features only look them up.
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { HelmChartView } from '../features/context';
import { mergeValues } from '../model/helm/render';

const MAX_LEVELS = 4;
const MAX_VALUES_BYTES = 2 * 1024 * 1024;
const MAX_HELPERS = 16;

export class HelmCharts {
  private readonly charts = new Map<string, HelmChartView | null>();

  /**
   * Finds the chart above `filePath` and reads its `values.yaml` and the extra values files
   * (relative to the chart folder), in that order.
   */
  async refresh(filePath: string, extraValuesFiles: readonly string[] = []): Promise<HelmChartView | undefined> {
    let dir = path.dirname(filePath);
    for (let level = 0; level <= MAX_LEVELS; level++) {
      const chart = await this.chartIn(dir, extraValuesFiles);
      if (chart) return chart;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    return undefined;
  }

  /** The chart above a file, from the cache only. */
  viewOf(filePath: string): HelmChartView | undefined {
    let dir = path.dirname(filePath);
    for (let level = 0; level <= MAX_LEVELS; level++) {
      const c = this.charts.get(dir);
      if (c) return c;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    return undefined;
  }

  /** Forgets the chart a changed file belongs to (Chart.yaml or a values file). True when known. */
  invalidate(changedPath: string): boolean {
    let known = false;
    for (const [dir, c] of this.charts) {
      const helper =
        c?.helpers?.some((h) => h.file === changedPath) ||
        (path.dirname(changedPath) === path.join(dir, 'templates') && /^_.*\.tpl$/.test(path.basename(changedPath)));
      if (path.dirname(changedPath) === dir || helper || (c && c.values.some((v) => v.file === changedPath))) {
        this.charts.delete(dir);
        known = true;
      }
    }
    return known;
  }

  private async chartIn(dir: string, extra: readonly string[]): Promise<HelmChartView | undefined> {
    const cached = this.charts.get(dir);
    // A chart read with other extra values files (the setting changed) is read again.
    if (cached !== undefined && (cached === null || sameList(cached.extra ?? [], extra))) return cached ?? undefined;
    let chartText: string;
    try {
      chartText = await readFile(path.join(dir, 'Chart.yaml'), 'utf8');
    } catch {
      this.charts.set(dir, null);
      return undefined;
    }
    const values: HelmChartView['values'] = [];
    for (const name of ['values.yaml', ...extra]) {
      const file = path.resolve(dir, name);
      try {
        const buf = await readFile(file);
        if (buf.length <= MAX_VALUES_BYTES) values.push({ file, text: buf.toString('utf8') });
      } catch {
        // A values file that is not there is skipped.
      }
    }
    const view = chartView(dir, chartText, values, extra);
    const helpers: NonNullable<HelmChartView['helpers']> = [];
    try {
      const templates = path.join(dir, 'templates');
      const names = (await readdir(templates))
        .filter((n) => n.startsWith('_') && n.endsWith('.tpl'))
        .sort()
        .slice(0, MAX_HELPERS);
      for (const n of names) {
        const buf = await readFile(path.join(templates, n));
        if (buf.length <= MAX_VALUES_BYTES) helpers.push({ file: path.join(templates, n), text: buf.toString('utf8') });
      }
    } catch {
      // No templates folder: no helpers.
    }
    view.helpers = helpers;
    this.charts.set(dir, view);
    return view;
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The chart view from the texts read: Chart.yaml's fields and the coalesced values. Pure. */
export function chartView(
  dir: string,
  chartText: string,
  values: HelmChartView['values'],
  extra: readonly string[] = [],
): HelmChartView {
  let meta: Record<string, unknown> = {};
  try {
    const m = parse(chartText, { version: '1.1' }) as unknown;
    if (m && typeof m === 'object' && !Array.isArray(m)) meta = m as Record<string, unknown>;
  } catch {
    // An unreadable Chart.yaml: no .Chart fields.
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
  const chart: NonNullable<HelmChartView['chart']> = {};
  const name = str(meta.name);
  if (name !== undefined) chart.name = name;
  const version = str(meta.version);
  if (version !== undefined) chart.version = version;
  const appVersion = str(meta.appVersion);
  if (appVersion !== undefined) chart.appVersion = appVersion;
  const layers: unknown[] = [];
  const unreadable: string[] = [];
  for (const v of values) {
    try {
      layers.push(parse(v.text, { version: '1.1', maxAliasCount: 100 }) ?? {});
    } catch {
      unreadable.push(v.file);
    }
  }
  const view: HelmChartView = { chartDir: dir, values, chart, merged: mergeValues(layers), extra: [...extra] };
  if (name) view.name = name;
  if (unreadable.length > 0) view.unreadable = unreadable;
  return view;
}
