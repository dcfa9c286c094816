// A CodeLens above each DaemonSet with its placement summary; clicking it opens the preview.
import type { CodeLens } from 'vscode-languageserver';
import { DocumentModel, toRange } from '../model';
import type { FeatureContext } from './context';
import { cachedPlacement } from '../placement';
import type { PlacementResult } from '../placement/types';
import { liveSummary } from '../placement/liveStatus';
import { renderChart, usesChartDefaults } from '../model/helm/chartRendering';

import { SHOW_PREVIEW_COMMAND } from '../../../protocol';

export { SHOW_PREVIEW_COMMAND };

export function codeLenses(model: DocumentModel, uri: string, ctx: FeatureContext): CodeLens[] {
  if (!ctx.cluster || model.skipped) return [];
  if (usesChartDefaults(model, ctx.helm)) return chartLenses(model, uri, ctx);
  const lenses: CodeLens[] = [];
  model.daemonSets.forEach((ds, index) => {
    const start = ds.node.range?.[0] ?? 0;
    const range = toRange(model, start, start);
    // Shared with the placement answer and the cluster diagnostics: one engine run per snapshot.
    const result = cachedPlacement(ds.value, ctx.cluster!.state);
    let title = result
      ? placementSummary(result, ctx.cluster!.source)
      : 'Placement unknown: the DaemonSet cannot be read';
    // Only what is already known: a CodeLens does not start following a DaemonSet.
    const live = ds.name && ctx.live ? ctx.live(ds.namespace ?? 'default', ds.name, false).live?.daemonSet : undefined;
    if (live) title += ` · ${liveSummary(live)}`;
    lenses.push({ range, command: { title, command: SHOW_PREVIEW_COMMAND, arguments: [uri, index] } });
  });
  return lenses;
}

/** "Runs on 7 of 9 nodes · 1 Pending · source: example cluster" */
export function placementSummary(result: PlacementResult, source: string): string {
  const total = result.nodes.length;
  const parts = [`Runs on ${result.desired} of ${total} node${total === 1 ? '' : 's'}`];
  if (result.pending > 0) parts.push(`${result.pending} Pending`);
  parts.push(`source: ${source}`);
  return parts.join(' · ');
}

/**
 * A chart template's lenses: the placement of each DaemonSet rendered with the chart defaults
 * ("· with chart defaults"), or which unknown part keeps it from being known.
 */
function chartLenses(model: DocumentModel, uri: string, ctx: FeatureContext): CodeLens[] {
  const rendering = renderChart(model, ctx.helm!);
  const rendered = rendering.model;
  const lenses: CodeLens[] = [];
  const kindLine = /^kind:[ \t]*["']?DaemonSet\b/m.exec(model.text);
  rendered.daemonSets.forEach((ds, index) => {
    const own = model.daemonSets.length === rendered.daemonSets.length ? model.daemonSets[index] : undefined;
    const start = own?.node.range?.[0] ?? (kindLine ? model.text.lastIndexOf('\n', kindLine.index) + 1 : 0);
    const range = toRange(model, start, start);
    const unknown = rendering.placementUnknown[index] ?? [];
    let title: string;
    if (rendering.error) title = 'Placement unknown: the template cannot be rendered with the chart defaults';
    else if (unknown.length > 0)
      title = `Placement unknown with chart defaults: ${unknown[0]!.split(':')[0]} is not resolved`;
    else {
      const result = cachedPlacement(ds.value, ctx.cluster!.state);
      title = result
        ? `${placementSummary(result, ctx.cluster!.source)} · with chart defaults`
        : 'Placement unknown: the DaemonSet cannot be read';
    }
    lenses.push({ range, command: { title, command: SHOW_PREVIEW_COMMAND, arguments: [uri, index] } });
  });
  return lenses;
}
