// The answer to a diagnostics pull (textDocument/diagnostic), computed in time slices: the model
// is parsed a YAML document at a time and checked an object at a time, giving way between
// slices (TimeBudget), so while a huge file is checked a hover or completion on another file is
// still answered. A pull whose document changed or that the client cancelled stops at the next
// slice and answers ServerCancelled (the client pulls again). Findings are capped per document.
import { Diagnostic, LSPErrorCodes, ResponseError, WorkDoneProgressReporter } from 'vscode-languageserver';
import { clusterDiagnostics } from '../features/cluster/diagnostics';
import { chartClusterDiagnostics } from '../features/cluster/chartDiagnostics';
import type { FeatureContext } from '../features/context';
import { rolloutDiagnostics } from '../features/rollout/diagnostics';
import { capDiagnostics, diagnose, ManifestDiagnostic, toLspDiagnostic } from '../features/diagnostics';
import type { DocumentModel } from '../model';
import type { ChunkedDiagnostics } from './chunkedDiagnostics';
import type { ModelCache } from './modelCache';
import { Cancelled, TimeBudget } from './timeBudget';

export interface PullRequest {
  uri: string;
  version: number;
  text: () => string;
  ctx: FeatureContext;
  /** Why the answer is no longer wanted (cancelled, a newer version), or undefined. */
  stale: () => string | undefined;
  /**
   * The client's work-done progress for this pull (its workDoneToken): while a long pull gives
   * way, it says which phase runs ("Reading YAML", then "Checking"). Optional.
   */
  progress?: Pick<WorkDoneProgressReporter, 'begin' | 'report' | 'done'>;
}

export interface PullDeps {
  models: ModelCache;
  staticDiagnostics: ChunkedDiagnostics;
  clusterFindings: ChunkedDiagnostics;
  /** Logs a feature that threw; its findings are then left out. */
  logError: (what: string) => (e: unknown) => void;
  /** The workspace's .daemonset-lint.yaml (severities, disabled codes, suppressions), applied last. */
  filter?: (model: DocumentModel, found: ManifestDiagnostic[]) => ManifestDiagnostic[];
}

export async function pullDiagnostics(req: PullRequest, deps: PullDeps): Promise<Diagnostic[]> {
  const { ctx } = req;
  if (!ctx.settings.diagnostics.enable) return [];
  const budget = new TimeBudget(req.stale);
  let phase = 'Reading YAML';
  let begun = false;
  if (req.progress) {
    const progress = req.progress;
    budget.onGiveWay = () => {
      if (!begun) progress.begin('DaemonSet diagnostics', undefined, phase);
      else progress.report(phase);
      begun = true;
    };
  }
  try {
    const model = await deps.models.getAsync(req.uri, req.version, req.text, budget);
    phase = 'Checking';
    // The kustomization around the file changes what is reported (a patch is not a whole object).
    const key = JSON.stringify([ctx.settings, ctx.kustomize ?? null]);
    const found: ManifestDiagnostic[] = [];
    const guarded = async (what: string, run: () => Promise<ManifestDiagnostic[]>) => {
      try {
        found.push(...(await run()));
      } catch (e) {
        if (e instanceof Cancelled) throw e;
        deps.logError(what)(e);
      }
    };
    await guarded('diagnostics', () =>
      deps.staticDiagnostics.runAsync(model, key, undefined, (m) => diagnose(m, ctx), budget),
    );
    await guarded('cluster diagnostics', () =>
      deps.clusterFindings.runAsync(
        model,
        key,
        ctx.cluster?.state,
        (m) => [...clusterDiagnostics(m, ctx), ...rolloutDiagnostics(m, ctx)],
        budget,
      ),
    );
    // A chart template: the cluster findings of its DaemonSets rendered with the chart defaults.
    await guarded('chart diagnostics', async () => chartClusterDiagnostics(model, ctx));
    let kept = found;
    if (deps.filter) {
      try {
        kept = deps.filter(model, found);
      } catch (e) {
        deps.logError('lint config')(e);
      }
    }
    return capDiagnostics(kept.sort((a, b) => a.start - b.start || a.end - b.end)).map((d) =>
      toLspDiagnostic(model, d),
    );
  } catch (e) {
    // Always retriggerRequest: true. A client that cancelled the pull itself ignores the answer;
    // vscode-languageclient 10 throws on `false` (DiagnosticRequestor.pullAsync) and then never
    // pulls the document again until it changes — the demo once showed no squiggles that way.
    if (e instanceof Cancelled)
      throw new ResponseError(LSPErrorCodes.ServerCancelled, `diagnostics not computed: ${e.why}`, {
        retriggerRequest: true,
      });
    throw e;
  } finally {
    if (begun) req.progress?.done();
  }
}
