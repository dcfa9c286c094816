// Diagnostics for DaemonSet manifests: what the API server would reject (errors, in its own
// words and field paths) and a few things it accepts that authors regret (warnings, info).
// Only DaemonSet objects are checked — top-level or inside a kind: List — so other documents are
// left to the YAML extension; YAML syntax errors, skipped files and Helm templates are reported
// once per file.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { DocumentModel, ManifestObject, overlapsTemplates, toRange } from '../../model';
import type { FeatureContext } from '../context';
import { apiVersionVerdict } from '../../schema/apiVersions';
import { checkContainers } from './containers';
import { checkDaemonSetSpec } from './daemonSetSpec';
import { checkNodePlacement } from './nodeAffinity';
import { checkObjectMeta } from './objectMeta';
import { obj, type Obj } from '../../model/plainValues';
import { checkPodSpec } from './podSpec';
import { checkHostPorts } from './ports';
import { Reporter } from './reporter';
import { checkAgainstSchema } from './schemaChecks';
import { checkTolerations } from './tolerations';
import type { ManifestDiagnostic } from '../../model/manifestDiagnostic';
import { checkVolumes } from './volumes';
import { checkWarnings } from './warnings';
import { checkBestPractices } from './bestPractices';

export type { ManifestDiagnostic, Severity } from '../../model/manifestDiagnostic';

/** Codes whose message is a whole sentence that already names the field or needs no path. */
const NO_PATH_PREFIX = new Set(['unknownField', 'removedApiVersion', 'unknownApiVersion']);

export function diagnose(model: DocumentModel, ctx: FeatureContext): ManifestDiagnostic[] {
  if (!ctx.settings.diagnostics.enable) return [];
  const out: ManifestDiagnostic[] = [];
  if (model.skipped) {
    out.push({ code: 'fileSkipped', severity: 'info', message: model.skipped, path: '', start: 0, end: firstLineEnd(model.text) });
    return out;
  }
  const templated = model.templates.length > 0;
  // In a Helm template the YAML parsed is not the YAML rendered: its syntax errors are not certain.
  if (!templated) {
    const seen = new Set<string>();
    for (const p of model.problems) {
      const key = `${p.start}:${p.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ code: 'yamlSyntax', severity: 'error', message: p.message, path: '', start: p.start, end: p.end });
    }
  } else if (model.daemonSets.length > 0) {
    const first = model.templates[0]!;
    out.push({
      code: 'helmTemplate',
      severity: 'info',
      message: 'Helm/Go template expressions were skipped: only what does not depend on them is checked, and YAML syntax is not checked',
      path: '',
      start: first.start,
      end: first.end,
    });
  }
  for (const object of model.daemonSets) diagnoseObject(model, object, out, ctx.settings.diagnostics.bestPractices !== false);
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

function diagnoseObject(model: DocumentModel, object: ManifestObject, out: ManifestDiagnostic[], bestPractices: boolean): void {
  // A document with syntax errors is read only up to the error, and whatever the parser made of
  // the rest would be reported as noise: its syntax errors are the whole story until fixed.
  if (object.document.errors.length > 0) return;
  if (object.valueError !== undefined) {
    const r = new Reporter(model, object, { partial: false }, out);
    r.error('yamlAliasLimit', ['kind'], `not checked: ${object.valueError}`, { part: 'key' });
    return;
  }
  const ds = obj(object.value);
  if (!ds) return;
  const partial = isKustomizePatch(ds);
  const r = new Reporter(model, object, { partial }, out);
  const [vs, ve] = r.extentOf(['apiVersion']);
  // A templated apiVersion (Helm's capability checks) is unknown: check the rest as apps/v1.
  const verdict = overlapsTemplates(model, vs, ve) ? 'served' : apiVersionVerdict(object);
  if (verdict === 'removed') {
    // The API server stops at the version; after the quick fix the rest is checked as apps/v1.
    r.error('removedApiVersion', ['apiVersion'], `${noMatchesMessage(object.apiVersion!)}: DaemonSets are served only as apps/v1 since Kubernetes 1.16`, {
      data: { from: object.apiVersion },
    });
    return;
  }
  if (verdict === 'unknown') {
    r.error('unknownApiVersion', ['apiVersion'], `${noMatchesMessage(object.apiVersion!)}; DaemonSets are served as apps/v1`);
    return;
  }
  if (verdict === 'missing') r.error('requiredField', ['apiVersion'], 'Required value: apiVersion not set', { part: 'key' });
  if (partial) {
    r.info('kustomizePatch', ['kind'], 'treated as a kustomize patch (no spec.selector, and no containers or no template labels): only the fields present are checked', { part: 'value' });
  }
  checkAgainstSchema(r);
  checkObjectMeta(r, ds);
  checkDaemonSetSpec(r, ds);
  checkContainers(r, ds);
  checkHostPorts(r, ds);
  checkVolumes(r, ds);
  checkTolerations(r, ds);
  checkNodePlacement(r, ds);
  checkPodSpec(r, ds);
  checkWarnings(r, ds);
  if (bestPractices) checkBestPractices(r, ds);
}

/**
 * A strategic-merge patch names a DaemonSet and carries only what it changes. A manifest the API
 * server could accept has a selector, template labels and containers; one with a spec but no
 * selector and no containers or no template labels is a fragment, i.e. a patch. A DaemonSet that
 * lacks only its selector is not: it gets selectorMissing, with a fix from its template labels.
 */
export function isKustomizePatch(ds: Obj): boolean {
  const spec = obj(ds['spec']);
  if (!spec || (spec['selector'] !== undefined && spec['selector'] !== null)) return false;
  const template = obj(spec['template']);
  const containers = obj(template?.['spec'])?.['containers'];
  const labels = obj(template?.['metadata'])?.['labels'];
  const absent = (v: unknown) => v === undefined || v === null;
  return absent(containers) || absent(labels);
}

const SEVERITY: Record<ManifestDiagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toLspDiagnostic(model: DocumentModel, d: ManifestDiagnostic): Diagnostic {
  const message = d.path && !NO_PATH_PREFIX.has(d.code) ? `${d.path}: ${d.message}` : d.message;
  const data: Record<string, unknown> = { path: d.path };
  if (d.data && typeof d.data === 'object') Object.assign(data, d.data);
  return {
    range: toRange(model, d.start, d.end),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: 'daemonset',
    message,
    data,
  };
}

function firstLineEnd(text: string): number {
  const n = text.indexOf('\n');
  return Math.max(1, Math.min(n < 0 ? text.length : n, 200));
}

/** How the API server (as kubectl prints it) refuses a version that serves no DaemonSet. */
export function noMatchesMessage(version: string): string {
  return `no matches for kind "DaemonSet" in version "${version}"`;
}
