// The chart around an open template (a `Chart.yaml` in a folder above it) and its values files,
// read outside requests (when the document opens or changes, and again when a watched chart
// file changes) and kept in a cache; features only look them up.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { HelmChartView } from '../features/context';

const MAX_LEVELS = 4;
const MAX_VALUES_BYTES = 2 * 1024 * 1024;

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
      if (path.dirname(changedPath) === dir || (c && c.values.some((v) => v.file === changedPath))) {
        this.charts.delete(dir);
        known = true;
      }
    }
    return known;
  }

  private async chartIn(dir: string, extra: readonly string[]): Promise<HelmChartView | undefined> {
    const cached = this.charts.get(dir);
    if (cached !== undefined) return cached ?? undefined;
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
    const name = /^name:\s*(\S+)/m.exec(chartText)?.[1];
    const view: HelmChartView = { chartDir: dir, values, ...(name ? { name } : {}) };
    this.charts.set(dir, view);
    return view;
  }
}
