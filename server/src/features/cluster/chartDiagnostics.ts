// The cluster findings of a chart template, computed on its DaemonSets rendered with the chart
// defaults (model/helm/chartRendering.ts) and moved onto the template's text.
import { DocumentModel, rangeOfPath, type FieldPath } from '../../model';
import { renderChart, usesChartDefaults } from '../../model/helm/chartRendering';
import type { ManifestDiagnostic } from '../../model/manifestDiagnostic';
import type { FeatureContext } from '../context';
import { clusterDiagnostics } from './diagnostics';

/**
 * The cluster findings (features/cluster/diagnostics.ts) of a chart template's DaemonSets as
 * rendered with the chart defaults: each one says "with chart defaults", lands on the template's
 * field when the template writes it literally (else on the nearest literal ancestor or the `kind`
 * line), and carries no quick-fix data (an edit of rendered text is not an edit of the template).
 * Nothing for a DaemonSet whose placement depends on an unknown part, or that cannot be rendered.
 */
export function chartClusterDiagnostics(model: DocumentModel, ctx: FeatureContext): ManifestDiagnostic[] {
  if (!ctx.cluster || !usesChartDefaults(model, ctx.helm)) return [];
  const rendering = renderChart(model, ctx.helm);
  if (rendering.error) return [];
  const rendered = rendering.model;
  // Findings land on the template's own DaemonSet only when the two line up one to one.
  if (model.daemonSets.length !== rendered.daemonSets.length) return [];
  const out: ManifestDiagnostic[] = [];
  rendered.daemonSets.forEach((ds, i) => {
    if ((rendering.placementUnknown[i] ?? []).length > 0) return;
    const own = model.daemonSets[i]!;
    for (const d of clusterDiagnostics({ ...rendered, objects: [ds], daemonSets: [ds] }, ctx)) {
      const [start, end] = rangeOfPath(own, parsePath(d.path), 'key');
      const moved: ManifestDiagnostic = {
        code: d.code,
        severity: d.severity,
        path: d.path,
        start,
        end,
        message: `${d.message} (with chart defaults)`,
      };
      out.push(moved);
    }
  });
  return out;
}

/** formatPath's inverse: `a.b[0][x.y]` to ['a', 'b', 0, 'x.y']. */
export function parsePath(text: string): FieldPath {
  const out: Array<string | number> = [];
  const re = /\[([^\]]*)\]|([^.[\]]+)/g;
  for (const m of text.matchAll(re)) {
    if (m[1] !== undefined) out.push(/^\d+$/.test(m[1]) ? Number(m[1]) : m[1]);
    else out.push(m[2]!);
  }
  return out;
}
