// A CodeLens above each DaemonSet with its placement summary; clicking it opens the preview.
import type { CodeLens } from 'vscode-languageserver';
import { DocumentModel, toRange } from '../model';
import type { FeatureContext } from './context';
import { cachedPlacement } from '../placement';
import type { PlacementResult } from '../placement/types';
import { liveSummary } from '../placement/liveStatus';

import { SHOW_PREVIEW_COMMAND } from '../../../protocol';

export { SHOW_PREVIEW_COMMAND };

export function codeLenses(model: DocumentModel, uri: string, ctx: FeatureContext): CodeLens[] {
  if (!ctx.cluster || model.skipped) return [];
  const lenses: CodeLens[] = [];
  model.daemonSets.forEach((ds, index) => {
    const start = ds.node.range?.[0] ?? 0;
    const range = toRange(model, start, start);
    // Shared with the placement answer and the cluster diagnostics: one engine run per snapshot.
    const result = cachedPlacement(ds.value, ctx.cluster!.state);
    let title = result ? placementSummary(result, ctx.cluster!.source) : 'Placement unknown: the DaemonSet cannot be read';
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
