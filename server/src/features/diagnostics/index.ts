// Diagnostics for DaemonSet manifests: what the API server would reject (errors, in its own
// words and field paths) and a few things it accepts that authors regret (warnings, info).
// Only DaemonSet objects are checked — top-level or inside a kind: List — so other documents are
// left to the YAML extension; YAML syntax errors, skipped files and Helm templates are reported
// once per file.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { isMap, isScalar, isSeq, Node as YamlNode } from 'yaml';
import { DocumentModel, ManifestObject, overlapsTemplates, READER_PROBLEM_CODES, toRange } from '../../model';
import type { FeatureContext, KustomizeView } from '../context';
import { plainText } from '../../text/escape';
import {
  apiVersionVerdict,
  isMisspelledDaemonSet,
  isMisspelledServedVersion,
  SERVED_VERSION,
} from '../../schema/apiVersions';
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
export { capDiagnostics, MORE_DIAGNOSTICS_CODE } from './cap';

/** Codes whose message is a whole sentence that already names the field or needs no path. */
const NO_PATH_PREFIX = new Set(['unknownField', 'removedApiVersion', 'unknownApiVersion', 'unknownKind']);

export function diagnose(model: DocumentModel, ctx: FeatureContext): ManifestDiagnostic[] {
  if (!ctx.settings.diagnostics.enable) return [];
  const out: ManifestDiagnostic[] = [];
  if (model.skipped) {
    out.push({
      code: 'fileSkipped',
      severity: 'info',
      message: model.skipped,
      path: '',
      start: 0,
      end: firstLineEnd(model.text),
    });
    return out;
  }
  const templated = model.templates.length > 0;
  // In a Helm template the YAML parsed is not the YAML rendered: its syntax errors are not certain.
  // What our reader refused to parse (too deep, bad encoding) is certain even in a template.
  for (const p of model.problems) {
    const reader = READER_PROBLEM_CODES[p.code];
    if (reader)
      out.push({
        code: reader.code,
        severity: reader.severity,
        message: p.message,
        path: '',
        start: p.start,
        end: p.end,
      });
  }
  if (!templated) {
    const seen = new Set<string>();
    for (const p of model.problems) {
      if (READER_PROBLEM_CODES[p.code]) continue;
      const key = `${p.start}:${p.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const d: ManifestDiagnostic = {
        code: 'yamlSyntax',
        severity: 'error',
        message: p.message,
        path: '',
        start: p.start,
        end: p.end,
      };
      if (p.more !== undefined) d.data = { more: p.more };
      out.push(d);
    }
  } else if (model.daemonSets.length > 0) {
    const first = model.templates[0]!;
    out.push({
      code: 'helmTemplate',
      severity: 'info',
      message:
        'Helm/Go template expressions were skipped: only what does not depend on them is checked, and YAML syntax is not checked',
      path: '',
      start: first.start,
      end: first.end,
    });
  }
  for (const object of model.objects) checkTypeMeta(object, out);
  for (const object of model.daemonSets)
    diagnoseObject(model, object, out, ctx.kustomize, ctx.settings.diagnostics.bestPractices !== false);
  for (const object of model.objects)
    if (isMisspelledDaemonSet(object.kind)) diagnoseMisspelledKind(model, object, out);
  for (const d of out) d.message = plainText(d.message);
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * `kind` and `apiVersion` must be strings: kubectl and the API server decode them into
 * TypeMeta's string fields (apimachinery runtime/serializer/json, Unmarshal into TypeMeta), and a
 * sequence, mapping, number or boolean there makes the whole object undecodable. Checked for
 * every object, not only DaemonSets (`kind: [DaemonSet]` is no DaemonSet to us either).
 */
function checkTypeMeta(object: ManifestObject, out: ManifestDiagnostic[]): void {
  if (object.document.errors.length > 0) return;
  for (const field of ['apiVersion', 'kind'] as const) {
    const node = object.node.get(field, true) as YamlNode | null | undefined;
    if (node === undefined || node === null || !node.range) continue;
    let what: string | undefined;
    if (isSeq(node)) what = 'a sequence';
    else if (isMap(node)) what = 'a mapping';
    else if (isScalar(node) && node.value !== null && typeof node.value !== 'string')
      what = `the ${typeof node.value} ${String(node.value)}`;
    if (!what) continue;
    out.push({
      code: field === 'kind' ? 'kindNotString' : 'apiVersionNotString',
      severity: 'error',
      message: `${field} must be a string, not ${what}: the API server cannot decode this object`,
      path: [...object.basePath, field]
        .map(String)
        .join('.')
        .replace(/\.(\d+)(?=\.|$)/g, '[$1]'),
      start: node.range[0],
      end: node.range[1],
    });
  }
}

function diagnoseObject(
  model: DocumentModel,
  object: ManifestObject,
  out: ManifestDiagnostic[],
  kustomize: KustomizeView | undefined,
  bestPractices: boolean,
): void {
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
  // A kustomization around the file says what it is; only a file with none is judged by its shape.
  const partial = kustomize ? kustomize.role === 'patch' : isKustomizePatch(ds);
  const r = new Reporter(model, object, { partial }, out);
  const [vs, ve] = r.extentOf(['apiVersion']);
  // A templated apiVersion (Helm's capability checks) is unknown: check the rest as apps/v1.
  const verdict = overlapsTemplates(model, vs, ve) ? 'served' : apiVersionVerdict(object);
  if (verdict === 'removed') {
    // The API server stops at the version; after the quick fix the rest is checked as apps/v1.
    r.error(
      'removedApiVersion',
      ['apiVersion'],
      `${noMatchesMessage(object.apiVersion!)}: DaemonSets are served only as apps/v1 since Kubernetes 1.16`,
      {
        data: { from: object.apiVersion },
      },
    );
    return;
  }
  if (verdict === 'unknown') {
    const fix = isMisspelledServedVersion(object.apiVersion) ? { data: { replacement: SERVED_VERSION } } : {};
    r.error(
      'unknownApiVersion',
      ['apiVersion'],
      `${noMatchesMessage(object.apiVersion!)}; DaemonSets are served as apps/v1`,
      fix,
    );
    return;
  }
  if (verdict === 'missing')
    r.error('requiredField', ['apiVersion'], 'Required value: apiVersion not set', { part: 'key' });
  if (partial && kustomize) {
    r.info(
      'kustomizePatch',
      ['kind'],
      `a patch in ${basename(kustomize.kustomization)}: only the fields present are checked`,
      { part: 'value' },
    );
  } else if (partial) {
    r.info(
      'kustomizePatch',
      ['kind'],
      'treated as a kustomize patch (no spec.selector, and no containers or no template labels): only the fields present are checked',
      { part: 'value' },
    );
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
  // A patch carries only what it changes: advice about what it leaves out would be noise.
  if (bestPractices && !partial) checkBestPractices(r, ds);
}

/** A kind that is DaemonSet misspelled: the API server stops at discovery, and so do we. */
function diagnoseMisspelledKind(model: DocumentModel, object: ManifestObject, out: ManifestDiagnostic[]): void {
  if (object.document.errors.length > 0) return;
  const r = new Reporter(model, object, { partial: false }, out);
  const [ks, ke] = r.extentOf(['kind']);
  if (overlapsTemplates(model, ks, ke)) return;
  const version = object.apiVersion ?? '';
  r.error('unknownKind', ['kind'], `${noMatchesForKind(object.kind!, version)}; did you mean "DaemonSet"?`, {
    data: { replacement: 'DaemonSet' },
  });
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
    // Keys, values and node names inside messages come from files and clusters: one line, no controls.
    message: plainText(message),
    data,
  };
}

function basename(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

function firstLineEnd(text: string): number {
  const n = text.indexOf('\n');
  return Math.max(1, Math.min(n < 0 ? text.length : n, 200));
}

/** How the API server (as kubectl prints it) refuses a version that serves no DaemonSet. */
/** kubectl's answer for a kind the RESTMapper does not know in a version. */
export function noMatchesForKind(kind: string, version: string): string {
  return `no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(version)}`;
}

export function noMatchesMessage(version: string): string {
  return `no matches for kind "DaemonSet" in version "${version}"`;
}
