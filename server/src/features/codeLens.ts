// A CodeLens above each DaemonSet with its placement summary; clicking it opens the preview.
import type { CodeLens } from 'vscode-languageserver';
import { DocumentModel, toRange } from '../model';
import type { FeatureContext } from './context';
import { placementOf, placementSummary } from './placementAnswer';

export const SHOW_PREVIEW_COMMAND = 'daemonset.showPlacementPreview';

export function codeLenses(model: DocumentModel, uri: string, ctx: FeatureContext): CodeLens[] {
  if (!ctx.cluster || model.skipped) return [];
  const lenses: CodeLens[] = [];
  model.daemonSets.forEach((ds, index) => {
    const start = ds.node.range?.[0] ?? 0;
    const range = toRange(model, start, start);
    const result = placementOf(ds, ctx);
    const title = result ? placementSummary(result, ctx.cluster!.source) : 'Placement unknown: the DaemonSet cannot be read';
    lenses.push({ range, command: { title, command: SHOW_PREVIEW_COMMAND, arguments: [uri, index] } });
  });
  return lenses;
}
