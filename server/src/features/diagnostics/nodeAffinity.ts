// Node placement rules: ValidateLabels on nodeSelector, validateAffinity → validateNodeAffinity,
// ValidateNodeSelector, ValidateNodeSelectorTerm, ValidateNodeSelectorRequirement,
// ValidateNodeFieldSelectorRequirement, ValidatePreferredSchedulingTerms and the pod (anti-)
// affinity term checks (pkg/apis/core/validation/validation.go). Also the API server's warnings
// for deprecated node labels (pkg/api/node GetNodeLabelDeprecatedMessage).
import type { FieldPath } from '../../model';
import { forbidden, invalid, required } from './fieldErrors';
import { isDNS1123Label, isDNS1123Subdomain, isLabelValue, isQualifiedName } from './nameSyntax';
import { checkLabelSelector } from './labelSelector';
import { checkLabels } from './objectMeta';
import { arr, has, int, obj, str, type Obj } from '../../model/plainValues';
import type { Reporter } from './reporter';
import { POD } from './paths';

/** GetNodeLabelDeprecatedMessage */
export const DEPRECATED_NODE_LABELS: ReadonlyMap<string, { since: string; use: string }> = new Map([
  ['beta.kubernetes.io/os', { since: 'v1.14', use: 'kubernetes.io/os' }],
  ['beta.kubernetes.io/arch', { since: 'v1.14', use: 'kubernetes.io/arch' }],
  ['failure-domain.beta.kubernetes.io/zone', { since: 'v1.17', use: 'topology.kubernetes.io/zone' }],
  ['failure-domain.beta.kubernetes.io/region', { since: 'v1.17', use: 'topology.kubernetes.io/region' }],
  ['beta.kubernetes.io/instance-type', { since: 'v1.17', use: 'node.kubernetes.io/instance-type' }],
]);

function deprecatedLabel(r: Reporter, key: string, path: FieldPath, part: 'key' | 'value'): void {
  const d = DEPRECATED_NODE_LABELS.get(key);
  if (d)
    r.warning('deprecatedNodeLabel', path, `deprecated since ${d.since}; use "${d.use}" instead`, {
      part,
      data: { replacement: d.use },
    });
}

export function checkNodePlacement(r: Reporter, ds: Obj): void {
  const pod = obj(obj(obj(ds['spec'])?.['template'])?.['spec']);
  if (!pod) return;
  const nodeSelector = obj(pod['nodeSelector']);
  checkLabels(r, nodeSelector, [...POD, 'nodeSelector']);
  for (const key of Object.keys(nodeSelector ?? {})) deprecatedLabel(r, key, [...POD, 'nodeSelector', key], 'key');

  const affinity = obj(pod['affinity']);
  const na = obj(affinity?.['nodeAffinity']);
  const naPath = [...POD, 'affinity', 'nodeAffinity'];
  const requiredSel = obj(na?.['requiredDuringSchedulingIgnoredDuringExecution']);
  if (requiredSel) {
    const termsPath = [...naPath, 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms'];
    const terms = arr(requiredSel['nodeSelectorTerms']);
    if (terms.length === 0 && has(requiredSel, 'nodeSelectorTerms')) {
      r.error('nodeSelectorTerms', termsPath, required('must have at least one node selector term'), { part: 'key' });
    }
    terms.forEach((term, i) => checkTerm(r, obj(term), [...termsPath, i], true));
  }
  arr(na?.['preferredDuringSchedulingIgnoredDuringExecution']).forEach((raw, i) => {
    const pref = obj(raw);
    if (!pref) return;
    const at = [...naPath, 'preferredDuringSchedulingIgnoredDuringExecution', i];
    checkWeight(r, pref, at);
    // validated with invalid label values allowed (they can still match on a one-node cluster)
    checkTerm(r, obj(pref['preference']), [...at, 'preference'], false);
  });
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    const pa = obj(affinity?.[kind]);
    const base = [...POD, 'affinity', kind];
    arr(pa?.['requiredDuringSchedulingIgnoredDuringExecution']).forEach((raw, i) => {
      checkPodAffinityTerm(r, obj(raw), [...base, 'requiredDuringSchedulingIgnoredDuringExecution', i]);
    });
    arr(pa?.['preferredDuringSchedulingIgnoredDuringExecution']).forEach((raw, i) => {
      const w = obj(raw);
      if (!w) return;
      const at = [...base, 'preferredDuringSchedulingIgnoredDuringExecution', i];
      checkWeight(r, w, at);
      checkPodAffinityTerm(r, obj(w['podAffinityTerm']) ?? {}, [...at, 'podAffinityTerm']);
    });
  }
}

/** ValidatePreferredSchedulingTerms / validateWeightedPodAffinityTerms: weight 1..100 (0 when unset). */
function checkWeight(r: Reporter, o: Obj, at: FieldPath): void {
  const weight = o['weight'] === undefined || o['weight'] === null ? 0 : int(o['weight']);
  if (weight !== undefined && (weight <= 0 || weight > 100)) {
    r.error('invalidWeight', [...at, 'weight'], invalid(weight, 'must be in the range 1-100'), {
      part: has(o, 'weight') ? 'value' : 'key',
    });
  }
}

/**
 * ValidateNodeSelectorTerm; `labelValues`: the values of matchExpressions must be label values
 * (required node affinity on create: allowInvalidLabelValueInRequiredNodeAffinity is false).
 */
function checkTerm(r: Reporter, term: Obj | undefined, path: FieldPath, labelValues: boolean): void {
  if (!term) return;
  arr(term['matchExpressions']).forEach((raw, j) => {
    const req = obj(raw);
    if (!req) return;
    const at = [...path, 'matchExpressions', j];
    const op = str(req['operator']);
    const values = arr(req['values']);
    switch (op) {
      case 'In':
      case 'NotIn':
        if (values.length === 0)
          r.error(
            'nodeSelectorValues',
            [...at, 'values'],
            required("must be specified when `operator` is 'In' or 'NotIn'"),
            { part: 'key' },
          );
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0)
          r.error(
            'nodeSelectorValues',
            [...at, 'values'],
            forbidden("may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
            { part: 'key' },
          );
        break;
      case 'Gt':
      case 'Lt':
        if (values.length !== 1)
          r.error(
            'nodeSelectorValues',
            [...at, 'values'],
            required("must be specified single value when `operator` is 'Lt' or 'Gt'"),
            { part: 'key' },
          );
        // The scheduler parses the value as an integer; anything else never matches a node.
        else if (typeof values[0] !== 'string' || !/^[+-]?[0-9]+$/.test(values[0])) {
          r.warning(
            'nodeSelectorNotInteger',
            [...at, 'values', 0],
            `${JSON.stringify(values[0])} is not an integer, so '${op}' never matches a node`,
          );
        }
        break;
      default:
        r.error('invalidSelector', [...at, 'operator'], invalid(op ?? '', 'not a valid selector operator'), {
          part: op === undefined ? 'key' : 'value',
        });
    }
    const key = str(req['key']) ?? '';
    for (const e of isQualifiedName(key))
      r.error('invalidLabelKey', [...at, 'key'], invalid(key, e), { part: has(req, 'key') ? 'value' : 'key' });
    if (key !== '') deprecatedLabel(r, key, [...at, 'key'], 'value');
    if (labelValues)
      values.forEach((v, k) => {
        if (typeof v !== 'string') return;
        for (const e of isLabelValue(v)) r.error('invalidLabelValue', [...at, 'values', k], invalid(v, e));
      });
  });
  arr(term['matchFields']).forEach((raw, j) => {
    const req = obj(raw);
    if (!req) return;
    const at = [...path, 'matchFields', j];
    const op = str(req['operator']);
    const values = arr(req['values']);
    if (op === 'In' || op === 'NotIn') {
      if (values.length !== 1) {
        r.error(
          'nodeSelectorValues',
          [...at, 'values'],
          required("must be only one value when `operator` is 'In' or 'NotIn' for node field selector"),
          { part: 'key' },
        );
      }
    } else {
      r.error('invalidSelector', [...at, 'operator'], invalid(op ?? '', 'not a valid selector operator'), {
        part: op === undefined ? 'key' : 'value',
      });
    }
    const key = str(req['key']) ?? '';
    if (key !== 'metadata.name') {
      r.error('invalidSelector', [...at, 'key'], invalid(key, 'not a valid field selector key'), {
        part: has(req, 'key') ? 'value' : 'key',
      });
    } else if (key === 'metadata.name') {
      values.forEach((v, k) => {
        if (typeof v !== 'string') return;
        const errs = isDNS1123Subdomain(v);
        // ValidateNodeFieldSelectorRequirement: one Invalid per ValidateNodeName message.
        for (const msg of errs) r.error('invalidName', [...at, 'values', k], invalid(v, msg));
      });
    }
  });
}

/** validatePodAffinityTerm */
function checkPodAffinityTerm(r: Reporter, term: Obj | undefined, path: FieldPath): void {
  if (!term) return;
  checkLabelSelector(r, term['labelSelector'], [...path, 'labelSelector']);
  checkLabelSelector(r, term['namespaceSelector'], [...path, 'namespaceSelector']);
  // ValidateNamespaceName on each name, reported on ".namespace" (singular, no index) as upstream does.
  arr(term['namespaces']).forEach((ns, i) => {
    if (typeof ns !== 'string') return;
    for (const e of isDNS1123Label(ns))
      r.error('invalidName', [...path, 'namespace'], invalid(ns, e), { at: [...path, 'namespaces', i] });
  });
  checkMatchLabelKeys(r, term, path);
  if (typeof (term['topologyKey'] ?? '') !== 'string') return; // a type error, reported by the schema check
  const topologyKey = str(term['topologyKey']) ?? '';
  if (topologyKey === '')
    r.error('requiredField', [...path, 'topologyKey'], required('can not be empty'), { required: true });
  // ValidateLabelName, for an empty key too: one error per IsQualifiedName message.
  for (const e of isQualifiedName(topologyKey))
    r.error('invalidLabelKey', [...path, 'topologyKey'], invalid(topologyKey, e), {
      part: has(term, 'topologyKey') ? 'value' : 'key',
    });
}

/** validateMatchLabelKeysAndMismatchLabelKeys, validateLabelKeys */
function checkMatchLabelKeys(r: Reporter, term: Obj, path: FieldPath): void {
  const selector = obj(term['labelSelector']);
  const keysOf = (field: string): unknown[] => arr(term[field]);
  for (const field of ['matchLabelKeys', 'mismatchLabelKeys']) {
    const keys = keysOf(field);
    if (keys.length === 0) continue;
    if (!selector) {
      r.error('invalidSelector', [...path, field], forbidden('must not be specified when labelSelector is not set'), {
        part: 'key',
      });
      continue;
    }
    keys.forEach((k, i) => {
      if (typeof k !== 'string') return;
      for (const e of isQualifiedName(k)) r.error('invalidLabelKey', [...path, field, i], invalid(k, e));
    });
  }
  const matchKeys = keysOf('matchLabelKeys').filter((k): k is string => typeof k === 'string');
  if (selector) {
    // A key of matchLabelKeys the selector already names twice (on a Pod the API server has added
    // the selector's requirement from matchLabelKeys): upstream reports it on the term's path
    // indexed by the key's position (…podAffinityTerm[0]).
    const position = new Map<string, number>();
    matchKeys.forEach((k, i) => position.set(k, i));
    const seen = new Set(Object.keys(obj(selector['matchLabels']) ?? {}));
    for (const raw of arr(selector['matchExpressions'])) {
      const key = str(obj(raw)?.['key']) ?? '';
      const i = position.get(key);
      if (i !== undefined && seen.has(key))
        r.error('invalidSelector', [...path, i], invalid(key, 'exists in both matchLabelKeys and labelSelector'), {
          at: [...path, 'matchLabelKeys', i],
        });
      seen.add(key);
    }
  }
  const mismatch = new Set(keysOf('mismatchLabelKeys'));
  matchKeys.forEach((k, i) => {
    if (mismatch.has(k))
      r.error(
        'invalidSelector',
        [...path, 'matchLabelKeys', i],
        invalid(k, 'exists in both matchLabelKeys and mismatchLabelKeys'),
      );
  });
}
